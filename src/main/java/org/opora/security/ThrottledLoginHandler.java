package org.opora.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.token.bearer.AccessRefreshTokenLoginHandler;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import jakarta.inject.Singleton;

import java.util.Map;

/** The bearer login handler, answering a locked login with 429 and {@code Retry-After} instead of 401. */
@Singleton
@Replaces(AccessRefreshTokenLoginHandler.class)
@Requires(property = "micronaut.security.authentication", value = "bearer")
class ThrottledLoginHandler extends AccessRefreshTokenLoginHandler {

    ThrottledLoginHandler(AccessRefreshTokenGenerator generator) {
        super(generator);
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse failure, HttpRequest<?> request) {
        if (failure instanceof LoginLocked locked) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(locked.retryAfterSeconds()))
                    .body(Map.of("message", "Слишком много неудачных попыток входа. Повторите через "
                            + locked.retryAfterSeconds() + " с."));
        }
        return super.loginFailed(failure, request);
    }
}
