package org.opora.platform.time;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one source of "now" for features that need today's date (the monitoring calendar, the daily notification
 * job): the system clock in the system default zone. Code that tests must run on a fixed day takes the date as an
 * argument ({@code asOf}, {@code date}) and falls back to this clock only when none is given.
 */
@Factory
class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
