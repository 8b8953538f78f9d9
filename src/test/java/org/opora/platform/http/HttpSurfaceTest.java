package org.opora.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.adminToken;
import static org.opora.testing.OporaTestApp.get;
import static org.opora.testing.OporaTestApp.post;
import static org.opora.testing.OporaTestApp.read;
import static org.opora.testing.OporaTestApp.send;
import static org.opora.testing.OporaTestApp.tokenFor;

/** What the HTTP surface shows to whom: security headers, /health, management endpoints, the favicon, GraphiQL. */
class HttpSurfaceTest {

    static void assertSecurityHeaders(HttpHeaders headers) {
        assertThat(headers.firstValue("Content-Security-Policy")).contains(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndTokensAreNeverStored() {
        HttpResponse<String> graphql = send("/graphql", null, "{\"query\":\"{ ping }\"}");
        assertThat(graphql.statusCode()).isEqualTo(200);
        assertSecurityHeaders(graphql.headers());
        assertThat(graphql.headers().firstValue("Cache-Control")).contains("no-store");

        HttpResponse<String> login = post("/login", null, Map.of("username", "hs-nobody", "password", "wrong-password"));
        assertThat(login.statusCode()).isEqualTo(401);
        assertSecurityHeaders(login.headers());
        assertThat(login.headers().firstValue("Cache-Control")).contains("no-store");
        tokenFor("hs-teacher", Set.of(Role.TEACHER), Scope.EVERYWHERE);
        HttpResponse<String> success = post("/login", null, Map.of("username", "hs-teacher", "password", "test-password-hs-teacher"));
        assertThat(success.statusCode()).isEqualTo(200);
        assertThat(success.headers().firstValue("Cache-Control")).contains("no-store");

        for (String path : List.of("/graphiql", "/health", "/favicon.ico", "/static/graphiql.js", "/no-such-page")) {
            HttpResponse<String> response = get(path);
            assertSecurityHeaders(response.headers());
        }
    }

    @Test
    void healthTellsAnonymousCallersOnlyTheStatusAndAnAdminTheDetails() {
        HttpResponse<String> anonymous = get("/health");
        JsonNode status = read(anonymous.body());
        // UP with 200 (DOWN with 503 while the local search node is still starting on a busy machine): nothing else.
        assertThat(status.get("status").asText()).isIn("UP", "DOWN");
        assertThat(anonymous.statusCode()).isEqualTo(status.get("status").asText().equals("UP") ? 200 : 503);
        assertThat(status.size()).isEqualTo(1);

        String teacher = tokenFor("hs-teacher", Set.of(Role.TEACHER), Scope.EVERYWHERE);
        assertThat(read(get("/health", teacher).body()).has("details")).isFalse();
        assertThat(read(get("/health/readiness", null).body()).has("details")).isFalse();

        JsonNode details = read(get("/health", adminToken()).body()).get("details");
        assertThat(details.path("neo4j").path("status").asText()).isEqualTo("UP");
        assertThat(details.path("elasticsearch").path("status").asText()).isIn("UP", "DOWN");
    }

    @Test
    void managementEndpointsAnswerOnlyAnAdmin() {
        String teacher = tokenFor("hs-teacher", Set.of(Role.TEACHER), Scope.EVERYWHERE);
        String coordinator = tokenFor("hs-coordinator", Set.of(Role.REGIONAL_COORDINATOR), new Scope("R-HS", null, null));
        assertThat(get("/routes", null).statusCode()).isEqualTo(401);
        assertThat(get("/routes", teacher).statusCode()).isEqualTo(403);
        assertThat(get("/routes", coordinator).statusCode()).isEqualTo(403);
        assertThat(get("/routes", adminToken()).statusCode()).isEqualTo(200);
        // The other endpoints are off: nobody gets them, and nobody gets a 500.
        for (String path : List.of("/beans", "/loggers", "/threaddump", "/env", "/info", "/refresh", "/stop")) {
            assertThat(get(path, null).statusCode()).as("anonymous %s", path).isIn(401, 404);
            assertThat(get(path, teacher).statusCode()).as("teacher %s", path).isIn(403, 404);
            assertThat(get(path, adminToken()).statusCode()).as("admin %s", path).isIn(403, 404);
        }
    }

    @Test
    void theFaviconIsPublic() {
        HttpResponse<String> icon = get("/favicon.ico");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/x-icon"));
        assertThat(icon.body()).isNotEmpty();
    }

    @Test
    void theGraphqlIdeHasNoInlineScript() {
        String page = get("/graphiql").body();
        assertThat(page).contains("<script src=\"/static/graphiql.js\"></script>");
        assertThat(page).doesNotContainPattern("<script>");
        HttpResponse<String> script = get("/static/graphiql.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("GraphiQL.createFetcher");
    }
}
