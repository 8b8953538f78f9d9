package org.opora.mentoring.plans;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;

/** ИОМ педагога: a teacher's individual plan of professional development, with its goals and activities. */
public record IndividualPlan(String id, String teacherId, String title, LocalDate startDate, @Nullable LocalDate endDate,
                             @Nullable String createdBy, List<PlanGoal> goals, List<DevelopmentActivity> activities) {

    /** Share of goals done among goals not cancelled; null without goals. */
    public Double progress() {
        return GoalProgress.of(List.of(this), LocalDate.MIN).share();
    }
}
