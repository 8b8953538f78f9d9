package org.opora.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The platform's Content-Security-Policy, put on every response of the end-to-end test's own app, so
 * the browser test fails on anything the policy forbids (inline scripts, eval, other origins).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "opora.web.test-csp", value = "true")
public class TestContentSecurityPolicy {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @ResponseFilter
    public void addPolicy(MutableHttpResponse<?> response) {
        if (!response.getHeaders().contains("Content-Security-Policy")) {
            response.header("Content-Security-Policy", POLICY);
        }
    }
}
