package org.opora.notification;

import java.time.LocalDate;

/**
 * One item of the caller's notifications panel, computed from the data when asked (nothing is stored or delivered).
 *
 * @param id      stable while the underlying fact lasts (kind + the entity it is about)
 * @param date    the date the fact refers to (deadline, last contact, review date), if any
 * @param link    the web application's path where the caller acts on it
 * @param urgent  overdue or waiting on the caller
 */
public record Notification(String id, NotificationKind kind, String title, String message, LocalDate date, String link,
                           boolean urgent) {
}
