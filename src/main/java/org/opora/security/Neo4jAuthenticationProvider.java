package org.opora.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks {@code POST /login} credentials against the users in Neo4j. Runs on the blocking executor
 * (BCrypt is deliberately slow); the scope goes into the token as claims.
 */
@Singleton
public class Neo4jAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final UserRepository users;

    public Neo4jAuthenticationProvider(UserRepository users) {
        this.users = users;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        String username = credentials.getIdentity();
        String password = credentials.getSecret();
        if (username == null || password == null) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        return users.authenticate(username, password)
                .map(user -> AuthenticationResponse.success(user.username(),
                        user.roles().stream().map(Enum::name).toList(), claims(user)))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }

    private static Map<String, Object> claims(UserAccount user) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("name", user.displayName());
        if (user.scope().regionId() != null) {
            claims.put(CurrentUser.REGION_CLAIM, user.scope().regionId());
        }
        if (user.scope().municipalityId() != null) {
            claims.put(CurrentUser.MUNICIPALITY_CLAIM, user.scope().municipalityId());
        }
        if (user.scope().schoolId() != null) {
            claims.put(CurrentUser.SCHOOL_CLAIM, user.scope().schoolId());
        }
        return claims;
    }
}
