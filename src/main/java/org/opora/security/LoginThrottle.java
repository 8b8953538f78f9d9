package org.opora.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per username and per client address and locks a key for a while once it has failed more
 * than its free failures: {@code first-lock}, doubling with each further failure up to {@code max-lock}. A key's
 * count is forgotten {@code forget-after} its last failure; a successful login clears its username's count (not
 * its address's, so that an attacker cannot reset an address by logging into an account of their own).
 * Successful logins are never counted. Unknown usernames are counted like known ones, so a lock says nothing about
 * whether an account exists. The counts live in this instance's memory (docs/security.md).
 */
@Singleton
class LoginThrottle {

    /** Bounds the memory an attacker can make us spend on keys; past it, forgotten keys are purged first. */
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int usernameFreeFailures;
    private final int addressFreeFailures;
    private final Duration firstLock;
    private final Duration maxLock;
    private final Duration forgetAfter;
    private final Clock clock = Clock.systemUTC();

    LoginThrottle(@Value("${opora.security.login.username-free-failures:5}") int usernameFreeFailures,
                  @Value("${opora.security.login.address-free-failures:50}") int addressFreeFailures,
                  @Value("${opora.security.login.first-lock:1s}") Duration firstLock,
                  @Value("${opora.security.login.max-lock:15m}") Duration maxLock,
                  @Value("${opora.security.login.forget-after:1h}") Duration forgetAfter) {
        this.usernameFreeFailures = usernameFreeFailures;
        this.addressFreeFailures = addressFreeFailures;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
        this.forgetAfter = forgetAfter;
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    /** How long the username or the address is still locked; zero when neither is. */
    Duration lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(usernameKey(username), now);
        Duration client = remaining(addressKey(address), now);
        return user.compareTo(client) >= 0 ? user : client;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            failures.values().removeIf(f -> f.last().plus(forgetAfter).isBefore(now));
        }
        record(usernameKey(username), usernameFreeFailures, now);
        record(addressKey(address), addressFreeFailures, now);
    }

    void succeeded(String username) {
        failures.remove(usernameKey(username));
    }

    private void record(String key, int free, Instant now) {
        failures.compute(key, (k, f) -> {
            int count = f == null || f.last().plus(forgetAfter).isBefore(now) ? 1 : f.count() + 1;
            Instant lockedUntil = count > free ? now.plus(lock(count - free)) : null;
            return new Failures(count, now, lockedUntil);
        });
    }

    /** first-lock × 2^(n-1), at most max-lock. */
    private Duration lock(int beyondFree) {
        Duration lock = firstLock;
        for (int i = 1; i < beyondFree && lock.compareTo(maxLock) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(maxLock) > 0 ? maxLock : lock;
    }

    private Duration remaining(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.lockedUntil() == null || !f.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil());
    }

    private static String usernameKey(String username) {
        return "u:" + username.trim().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
