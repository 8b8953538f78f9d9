package org.opora.monitoring.calendar;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * A deadline of the region's monitoring calendar for one year: the documents' fixed ones (computed, id
 * {@code doc:<KIND>:<year>:<regionId>}) or the region's own (stored, id {@code MD-<uuid>}).
 *
 * @param supportSchoolsOnly for SCHOOL level: only schools with a current ШНОР or ШНСУ status have to submit
 */
public record MonitoringDeadline(String id, String regionId, int year, DeadlineKind kind, String title,
                                 @Nullable String description, LocalDate startDate, LocalDate dueDate,
                                 SubmitterLevel submitterLevel, boolean supportSchoolsOnly, @Nullable String createdBy) {

    public DeadlinePhase phase(LocalDate asOf, long pending) {
        if (pending == 0) {
            return DeadlinePhase.COMPLETE;
        }
        if (asOf.isBefore(startDate)) {
            return DeadlinePhase.UPCOMING;
        }
        return asOf.isAfter(dueDate) ? DeadlinePhase.OVERDUE : DeadlinePhase.OPEN;
    }
}
