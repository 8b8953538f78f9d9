package org.opora.monitoring.calendar;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * A territory that has to submit for a deadline, and when it did (null: not yet, or only after the day asked about —
 * the calendar is read as of a day, so a later submission does not count).
 */
public record Submitter(String territoryId, String name, SubmitterLevel level, @Nullable String municipalityId,
                        @Nullable String schoolId, @Nullable LocalDate submittedOn, @Nullable SubmissionSource source) {

    public boolean submitted() {
        return submittedOn != null;
    }
}
