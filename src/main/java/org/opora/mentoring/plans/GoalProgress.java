package org.opora.mentoring.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Goals of some plans counted: cancelled goals do not count, done ones are done, open ones past their deadline on
 * {@code asOf} are overdue.
 */
public record GoalProgress(int total, int done, List<PlanGoal> overdue) {

    public static GoalProgress of(List<IndividualPlan> plans, LocalDate asOf) {
        int total = 0;
        int done = 0;
        List<PlanGoal> overdue = new ArrayList<>();
        for (IndividualPlan plan : plans == null ? List.<IndividualPlan>of() : plans) {
            for (PlanGoal goal : plan.goals()) {
                if (goal.status() == GoalStatus.CANCELLED) {
                    continue;
                }
                total++;
                if (goal.status() == GoalStatus.DONE) {
                    done++;
                } else if (goal.deadline().isBefore(asOf)) {
                    overdue.add(goal);
                }
            }
        }
        return new GoalProgress(total, done, List.copyOf(overdue));
    }

    /** Share of goals done; null without goals. */
    public Double share() {
        return total == 0 ? null : Math.round(1000.0 * done / total) / 1000.0;
    }
}
