package org.opora.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;
import org.opora.testing.OporaTestApp;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.read;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * POST /login over real HTTP: throttling of failures per username and per client address (429 with Retry-After),
 * the same answer time for unknown and known usernames, bearer-only /graphql, the configured token lifetime.
 * Client addresses are simulated with the test-only header of application-test.yml, each test its own.
 */
class LoginSecurityTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    static HttpResponse<String> login(String username, String password, String clientAddress) {
        try {
            HttpRequest request = HttpRequest.newBuilder(OporaTestApp.uri("/login"))
                    .header("Content-Type", "application/json")
                    .header("X-Test-Client-Address", clientAddress)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("username", username, "password", password)), StandardCharsets.UTF_8))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void failuresForOneUsernameLockItWithRetryAfterWhileOthersStillLogIn() throws InterruptedException {
        tokenFor("ls-target", Set.of(Role.TEACHER), Scope.EVERYWHERE);
        tokenFor("ls-bystander", Set.of(Role.TEACHER), Scope.EVERYWHERE);
        // Five free failures, the sixth sets a lock of one second (opora.security.login.* defaults).
        for (int i = 1; i <= 6; i++) {
            assertThat(login("ls-target", "wrong-" + i, "192.0.2." + i).statusCode()).as("attempt %d", i).isEqualTo(401);
        }
        HttpResponse<String> locked = login("ls-target", "test-password-ls-target", "192.0.2.99");
        assertThat(locked.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(read(locked.body()).get("message").asText()).contains("Повторите через");
        // The same username in another case is the same account for the throttle.
        assertThat(login("LS-TARGET", "wrong", "192.0.2.98").statusCode()).isEqualTo(429);
        assertThat(login("ls-bystander", "test-password-ls-bystander", "192.0.2.1").statusCode()).isEqualTo(200);

        Thread.sleep(retryAfter * 1000 + 100);
        assertThat(login("ls-target", "test-password-ls-target", "192.0.2.99").statusCode()).isEqualTo(200);
        // Success cleared the username's count: one more failure is free again.
        assertThat(login("ls-target", "wrong-again", "192.0.2.99").statusCode()).isEqualTo(401);
    }

    @Test
    void failuresFromOneAddressLockThatAddressForEveryUsername() {
        tokenFor("ls-address-user", Set.of(Role.TEACHER), Scope.EVERYWHERE);
        String attacker = "198.51.100.7";
        for (int i = 1; i <= 51; i++) {
            assertThat(login("ls-spray-" + i, "guess", attacker).statusCode()).as("attempt %d", i).isEqualTo(401);
        }
        HttpResponse<String> locked = login("ls-address-user", "test-password-ls-address-user", attacker);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(login("ls-address-user", "test-password-ls-address-user", "198.51.100.8").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownAndKnownUsernamesAreRefusedInTheSameTime() {
        int rounds = 9;
        for (int i = 0; i < rounds; i++) {
            tokenFor("ls-timing-" + i, Set.of(Role.TEACHER), Scope.EVERYWHERE);
        }
        login("ls-timing-warmup", "x", "203.0.113.200");
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            // Interleaved, each username failing once, each pair from its own address: no lock in the way.
            long start = System.nanoTime();
            assertThat(login("ls-timing-" + i, "wrong-password", "203.0.113." + i).statusCode()).isEqualTo(401);
            known.add(System.nanoTime() - start);
            start = System.nanoTime();
            assertThat(login("ls-nobody-" + i, "wrong-password", "203.0.113." + (100 + i)).statusCode()).isEqualTo(401);
            unknown.add(System.nanoTime() - start);
        }
        double ratio = (double) median(unknown) / median(known);
        System.out.printf("login refusal medians: unknown %d µs, known %d µs, ratio %.2f%n",
                median(unknown) / 1000, median(known) / 1000, ratio);
        // Before the fix an unknown username answered ~30 times faster (no BCrypt check).
        assertThat(ratio).as("median unknown / known = %.2f (%d / %d µs)", ratio, median(unknown) / 1000, median(known) / 1000)
                .isBetween(0.5, 2.0);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void httpBasicDoesNotAuthenticateOnGraphql() throws Exception {
        tokenFor("ls-basic", Set.of(Role.TEACHER), Scope.EVERYWHERE);
        String basic = Base64.getEncoder().encodeToString("ls-basic:test-password-ls-basic".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(OporaTestApp.uri("/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { username } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(read(response.body()).path("errors").path(0).path("extensions").path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(read(response.body()).has("data")).isFalse();
    }

    @Test
    void tokensLiveTheConfiguredEightHours() {
        tokenFor("ls-lifetime", Set.of(Role.TEACHER), Scope.EVERYWHERE);
        HttpResponse<String> response = login("ls-lifetime", "test-password-ls-lifetime", "192.0.2.150");
        JsonNode body = read(response.body());
        assertThat(body.get("expires_in").asLong()).isEqualTo(28_800);
        String payload = body.get("access_token").asText().split("\\.")[1];
        JsonNode claims = read(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(28_800);
        assertThat(claims.has("stamp")).isTrue();
        GraphQlResponse me = graphql(body.get("access_token").asText(), "{ me { username } }");
        assertThat(me.data().get("me").get("username").asText()).isEqualTo("ls-lifetime");
    }
}
