package org.opora.mentoring.plans;

import io.micronaut.core.annotation.Nullable;
import org.opora.mentoring.teachers.CompetenceArea;

import java.time.LocalDate;

/** A goal of a teacher's individual plan (ИОМ педагога). */
public record PlanGoal(String id, CompetenceArea competence, String target, LocalDate deadline, GoalStatus status,
                       @Nullable LocalDate doneOn) {
}
