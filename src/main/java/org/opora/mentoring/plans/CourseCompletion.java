package org.opora.mentoring.plans;

import io.micronaut.core.annotation.Nullable;
import org.opora.mentoring.teachers.CompetenceArea;

import java.time.LocalDate;

/** A course a teacher completed (personal data). */
public record CourseCompletion(String id, String title, @Nullable String provider, @Nullable Integer hours,
                               @Nullable CompetenceArea competence, LocalDate completedOn) {
}
