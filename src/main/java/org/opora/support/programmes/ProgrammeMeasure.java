package org.opora.support.programmes;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;

/** A measure (мероприятие) of a school programme, with the partner organisations taking part. */
public record ProgrammeMeasure(String id, String programmeId, @Nullable String goalId, String title, String responsible,
                               LocalDate deadline, @Nullable String plannedResult, MeasureStatus status,
                               @Nullable String evidence, @Nullable LocalDate doneOn, List<String> partnerIds) {

    /** Open (planned or in progress) and its deadline is before {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return status.isOpen() && deadline.isBefore(today);
    }

    public boolean overdue() {
        return overdueOn(LocalDate.now());
    }
}
