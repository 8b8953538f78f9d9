package org.opora.pairing.pairs;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/** One activity of a pair's joint action plan (совместный план действий). */
public record PlanActivity(String id,
                           String pairId,
                           String title,
                           @Nullable LocalDate deadline,
                           @Nullable String responsible,
                           @Nullable String plannedResult,
                           ActivityStatus status,
                           ZonedDateTime createdAt,
                           ZonedDateTime updatedAt,
                           String updatedBy) {

    /** Past its deadline and neither done nor cancelled. */
    public boolean overdue() {
        return deadline != null && deadline.isBefore(LocalDate.now())
                && status != ActivityStatus.DONE && status != ActivityStatus.CANCELLED;
    }
}
