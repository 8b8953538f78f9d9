package org.opora.web;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.exchange;
import static org.opora.testing.OporaTestApp.get;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.uri;

/** The built web application served at / by the real app, next to the API and the GraphQL IDE. */
class WebAppServingTest {

    @Test
    void rootAndDeepLinksAnswerWithTheAppPageNeverCached() {
        // Any client route, known to the application or not (its router shows «Страница не найдена»): no list to keep.
        for (String path : new String[]{"/", "/signin", "/schools", "/schools/R74-S0001", "/pairs/abc/plan", "/graph", "/import",
                "/practices/PR-1/edit", "/mentoring/MR-1", "/programmes/PRG-1", "/roadmaps", "/no-such-page",
                "/%D1%88%D0%BA%D0%BE%D0%BB%D1%8B"}) {
            HttpResponse<String> response = page(path);
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
    }

    @Test
    void onlyABrowsersNavigationToAPageGetsTheAppPage() {
        // A client that does not ask for HTML (an API client, a script) gets the plain 404.
        assertThat(get("/no-such-page").statusCode()).isEqualTo(404);
        // The server's own prefixes and file-like paths never get the app page, even for a browser: 404, or the
        // endpoint's own answer (the health endpoint's 400 for an unknown selector, 405 for GET /login).
        for (String path : new String[]{"/api/no-such-thing", "/api/roadmaps", "/graphql/x", "/assets/x", "/health/x",
                "/webjars/none.js", "/static/none.css", "/robots.txt", "/schools/list.csv", "/login"}) {
            HttpResponse<String> response = page(path);
            assertThat(response.statusCode()).as(path).isIn(400, 404, 405);
            assertThat(response.body()).as(path).doesNotContain("<div id=\"root\"></div>");
        }
        // A POST to an unknown path is not a navigation.
        HttpResponse<String> post = exchange(HttpRequest.newBuilder(uri("/schools"))
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(post.statusCode()).isIn(404, 405);
    }

    /** GET as a browser navigates. */
    private static HttpResponse<String> page(String path) {
        return exchange(HttpRequest.newBuilder(uri(path))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build());
    }
}
