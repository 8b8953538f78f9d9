package org.opora.monitoring.calendar;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.auth.Role;

import java.time.LocalDate;

/**
 * A reminder the calendar wants delivered on a day: to the users holding {@code role} exactly on the territory
 * ({@code regionId} / {@code municipalityId} / {@code schoolId}; null narrower ids mean the whole territory).
 *
 * @param key     stable per deadline, territory and stage, so each reminder is stored once per user
 * @param overdue after the due date
 */
public record CalendarReminder(String key, Role role, String regionId, @Nullable String municipalityId,
                               @Nullable String schoolId, String title, String message, LocalDate date, String link,
                               boolean overdue) {
}
