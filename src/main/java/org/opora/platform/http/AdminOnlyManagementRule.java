package org.opora.platform.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.opora.platform.auth.Role;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Sensitive management endpoints (all but /health) answer only ADMIN: anonymous callers get 401, everybody else
 * 403. Micronaut's own rule fails with 500 for any authenticated caller until replaced.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
class AdminOnlyManagementRule extends SensitiveEndpointRule {

    AdminOnlyManagementRule(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    @NonNull
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(@NonNull HttpRequest<?> request,
                                                                        @NonNull Authentication authentication,
                                                                        @NonNull ExecutableMethod<?, ?> method) {
        return Mono.just(authentication.getRoles().contains(Role.ADMIN.name()) ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
