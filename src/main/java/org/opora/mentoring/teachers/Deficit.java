package org.opora.mentoring.teachers;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/** A professional deficit found by a diagnostic. */
public record Deficit(CompetenceArea competence, DeficitLevel level, LocalDate date, String instrument, @Nullable String note) {

    public String competenceLabel() {
        return competence.label();
    }
}
