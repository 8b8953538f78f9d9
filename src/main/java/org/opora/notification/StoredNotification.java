package org.opora.notification;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * A notification kept for one user: created once per fact ({@code key}, e.g. the computed notification's id or a
 * calendar reminder's key), shown in the inbox until the user marks it read, e-mailed once when SMTP is configured.
 */
public record StoredNotification(String id, String key, NotificationKind kind, String title, String message,
                                 @Nullable LocalDate date, @Nullable String link, boolean urgent, ZonedDateTime createdAt,
                                 @Nullable ZonedDateTime readAt, @Nullable ZonedDateTime emailedAt) {

    public boolean read() {
        return readAt != null;
    }
}
