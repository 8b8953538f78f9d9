package org.opora.support.events;

import io.micronaut.core.annotation.Nullable;

/** How the region's ШНОР and ШНСУ schools take part in seminars and round tables (attendance marked). */
public record ParticipationIndicators(long supportSchools, long attendingSchools, long attendingTeachers) {

    @Nullable
    public Double shareAttendingSchools() {
        return supportSchools == 0 ? null : Math.round(1000.0 * attendingSchools / supportSchools) / 1000.0;
    }
}
