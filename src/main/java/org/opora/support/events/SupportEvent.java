package org.opora.support.events;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * A seminar, round table, webinar, course or internship. Its territory is the region, plus the municipality of a
 * municipal or school-level event, plus the host school of a school-level event or an internship.
 */
public record SupportEvent(String id, String regionId, EventKind kind, EventLevel level, EventFormat format, String title,
                           String topic, String targetGroup, EventAudience audience, LocalDate startDate, LocalDate endDate,
                           @Nullable String municipalityId, @Nullable String hostSchoolId, @Nullable String organiserName,
                           @Nullable String place, @Nullable Integer capacity, @Nullable String courseId, String createdBy,
                           int registeredCount, int attendedCount) {

    public String kindLabel() {
        return kind.label();
    }
}
