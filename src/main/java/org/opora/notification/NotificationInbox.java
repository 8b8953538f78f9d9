package org.opora.notification;

import java.util.List;

/** A page of the caller's stored notifications, newest first, and how many of all of theirs are unread. */
public record NotificationInbox(int unreadCount, int totalCount, List<StoredNotification> items) {
}
