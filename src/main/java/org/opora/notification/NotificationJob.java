package org.opora.notification;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;

/** Runs the notification delivery once a day ({@code opora.notifications.daily-cron}, 06:00 by default). */
@Singleton
class NotificationJob {

    private final NotificationDelivery delivery;
    private final Clock clock;

    NotificationJob(NotificationDelivery delivery, Clock clock) {
        this.delivery = delivery;
        this.clock = clock;
    }

    @Scheduled(cron = "${opora.notifications.daily-cron:0 0 6 * * *}")
    void daily() {
        delivery.runFor(LocalDate.now(clock));
    }
}
