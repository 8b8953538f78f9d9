package org.opora.web;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.get;
import static org.opora.testing.OporaTestApp.graphql;

/** The built web application served at / by the real app, next to the API and the GraphQL IDE. */
class WebAppServingTest {

    @Test
    void rootAndDeepLinksAnswerWithTheAppPageNeverCached() {
        for (String path : new String[]{"/", "/signin", "/schools", "/schools/R74-S0001", "/pairs/abc/plan", "/graph", "/import",
                "/home", "/practices", "/practices/new", "/practices/PR-1/edit", "/my-practices", "/review", "/development",
                "/mentoring", "/mentoring/MR-1", "/teachers/T-1", "/my-school", "/associations",
                "/recommendations", "/help-log", "/events", "/programmes", "/programmes/PRG-1", "/roadmaps", "/monitoring/calendar"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(response.headers().firstValue("Cache-Control")).as(path).contains("no-cache");
            assertThat(response.body()).as(path).contains("<div id=\"root\"></div>").contains("/favicon.ico");
        }
    }

    @Test
    void hashedAssetsAreServedWithALongCacheAndTheirType() {
        String html = get("/").body();
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(html);
        assertThat(script.find()).as("a module script in index.html").isTrue();
        HttpResponse<String> response = get(script.group(1));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(response.body()).isNotBlank();
    }

    @Test
    void unknownOrTraversingAssetNamesAreNotFound() {
        assertThat(get("/assets/missing-123.js").statusCode()).isEqualTo(404);
        assertThat(get("/assets/..%2Fapplication.yml").statusCode()).isEqualTo(404);
        assertThat(get("/assets/index.html").statusCode()).isEqualTo(404);
    }

    @Test
    void theApiAndTheIdeAreNotShadowed() {
        assertThat(graphql(null, "{ ping }", Map.of()).data().get("ping").asText()).isEqualTo("pong");
        HttpResponse<String> ide = get("/graphiql");
        assertThat(ide.statusCode()).isEqualTo(200);
        assertThat(ide.body()).doesNotContain("<div id=\"root\"></div>");
        // Health answers itself (UP, or DOWN with 503 while a store is still starting), never with the app page.
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isIn(200, 503);
        assertThat(health.body()).contains("status").doesNotContain("<div id=\"root\"></div>");
        assertThat(get("/no-such-page").statusCode()).isEqualTo(404);
    }
}
