package org.opora.platform.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import org.opora.platform.auth.Role;

import java.util.Map;

/**
 * {@code /health} as load balancers need it: anybody gets UP or DOWN (with the matching HTTP status); only an
 * ADMIN gets the details (versions, disk, cluster state). The endpoint computes them (details-visible: ANONYMOUS)
 * and this filter keeps them from everybody else.
 */
@ServerFilter({"/health", "/health/**"})
class HealthDetailsFilter {

    @ResponseFilter
    void hideDetails(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean admin = request.getAttribute(SecurityFilter.AUTHENTICATION, Authentication.class)
                .map(a -> a.getRoles().contains(Role.ADMIN.name())).orElse(false);
        if (!admin && response.getBody().orElse(null) instanceof HealthResult result) {
            response.body(Map.of("status", result.getStatus().getName()));
        }
    }
}
