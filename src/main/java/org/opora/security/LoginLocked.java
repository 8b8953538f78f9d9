package org.opora.security;

import io.micronaut.security.authentication.AuthenticationFailed;

import java.time.Duration;

/** A login refused without checking the password because the username or the client address is locked. */
final class LoginLocked extends AuthenticationFailed {

    private final long retryAfterSeconds;

    LoginLocked(Duration lockedFor) {
        super("Слишком много неудачных попыток входа");
        // Round up: a client that waits exactly Retry-After seconds must find the lock gone.
        this.retryAfterSeconds = Math.max(1, (lockedFor.toMillis() + 999) / 1000);
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
