package org.opora.mentoring.relations;

import io.micronaut.core.annotation.Nullable;
import org.opora.mentoring.teachers.Teacher;

import java.time.LocalDate;

/**
 * The caller's workspace: {@code me} is the teacher linked to the caller's login (null without one). Its lists
 * (mentees, reminders, myMentors, myPlans) are child fields, loaded only when asked for.
 */
public record MentoringWorkspace(@Nullable Teacher me, LocalDate asOf, int staleWeeks) {
}
