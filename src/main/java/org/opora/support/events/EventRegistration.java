package org.opora.support.events;

import io.micronaut.core.annotation.Nullable;

import java.time.ZonedDateTime;

/**
 * A school's registration for an event ({@code teacherId} null) or a teacher's. The school's territory is copied on it
 * so that access checks decide without another query; {@code teacherUsername} (the teacher's login) is not in the API.
 */
public record EventRegistration(String id, String eventId, String schoolId, String regionId, @Nullable String municipalityId,
                                @Nullable String teacherId, @Nullable String teacherUsername, String registeredBy,
                                ZonedDateTime registeredAt, @Nullable Boolean attended, @Nullable String markedBy) {
}
