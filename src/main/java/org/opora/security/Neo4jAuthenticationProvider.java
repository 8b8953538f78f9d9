package org.opora.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Scope;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Checks {@code POST /login} credentials against the users in Neo4j. Runs on the blocking executor (BCrypt is
 * deliberately slow). Failed attempts are throttled per username and client address ({@link LoginThrottle}); an
 * unknown username costs the same BCrypt check as a known one, so the answer time does not tell which logins
 * exist. The token carries the roles, the scope and the user's security stamp ({@link CurrentRightsFilter}).
 */
@Singleton
public class Neo4jAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final UserRepository users;
    private final LoginThrottle throttle;
    private final String clientAddressHeader;
    /** Attempts on one username run one after the other, so parallel guesses cannot overtake the count. */
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    public Neo4jAuthenticationProvider(UserRepository users, LoginThrottle throttle,
                                       @Value("${opora.security.login.client-address-header:}") String clientAddressHeader) {
        this.users = users;
        this.throttle = throttle;
        this.clientAddressHeader = clientAddressHeader == null ? "" : clientAddressHeader.trim();
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        String username = credentials.getIdentity();
        String password = credentials.getSecret();
        if (username == null || password == null) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        String address = clientAddress(request);
        ReentrantLock stripe = stripes[Math.floorMod(username.trim().toLowerCase().hashCode(), stripes.length)];
        stripe.lock();
        try {
            Duration locked = throttle.lockedFor(username, address);
            if (!locked.isZero()) {
                return new LoginLocked(locked);
            }
            Optional<LoginCredentials> found = users.credentials(username);
            boolean matches = found.isPresent()
                    ? Passwords.matches(password, found.get().passwordHash())
                    : Passwords.matchesNothing(password);
            if (matches && found.get().enabled() && found.get().securityStamp() != null) {
                throttle.succeeded(username);
                LoginCredentials user = found.get();
                return AuthenticationResponse.success(user.account().username(),
                        user.account().roles().stream().map(Enum::name).toList(), claims(user));
            }
            throttle.failed(username, address);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        } finally {
            stripe.unlock();
        }
    }

    /**
     * The socket's peer address, or behind a trusted reverse proxy the last value of the configured header (the
     * one the proxy appended; earlier values come from the client and prove nothing).
     */
    private String clientAddress(@Nullable HttpRequest<B> request) {
        if (request == null) {
            return "unknown";
        }
        if (!clientAddressHeader.isEmpty()) {
            String header = request.getHeaders().get(clientAddressHeader);
            if (header != null && !header.isBlank()) {
                String[] values = header.split(",");
                return values[values.length - 1].trim();
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private static Map<String, Object> claims(LoginCredentials user) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("name", user.account().displayName());
        claims.put(CurrentUser.STAMP_CLAIM, user.securityStamp());
        Scope scope = user.account().scope();
        if (scope.regionId() != null) {
            claims.put(CurrentUser.REGION_CLAIM, scope.regionId());
        }
        if (scope.municipalityId() != null) {
            claims.put(CurrentUser.MUNICIPALITY_CLAIM, scope.municipalityId());
        }
        if (scope.schoolId() != null) {
            claims.put(CurrentUser.SCHOOL_CLAIM, scope.schoolId());
        }
        return claims;
    }
}
