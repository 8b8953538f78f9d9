package org.opora.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the web application (src/web, built by Vite into the classpath folder {@code web/}).
 * The client-side routes all answer with index.html, so a deep link reloads fine; they are listed
 * here rather than caught by a wildcard, so nothing shadows /graphql, /login, /graphiql, /health,
 * /webjars, /static or /favicon.ico. Hashed assets are cached for a year, index.html never.
 * The pages are public; the data behind them is not (every GraphQL call needs a token).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class WebAppController {

    static final String BUNDLE = "web/";
    private static final Pattern ASSET_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "woff2", "font/woff2",
            "woff", "font/woff",
            "json", "application/json");

    private final Map<String, Optional<byte[]>> assets = new ConcurrentHashMap<>();

    @Get(uris = {"/", "/signin", "/schools", "/schools/{+path}", "/identification", "/identification/{+path}",
            "/pairing", "/pairing/{+path}", "/pairs", "/pairs/{+path}", "/graph", "/graph/{+path}",
            "/import", "/import/{+path}",
            // The role pages (teachers, mentors, methodists, school administration).
            "/home", "/practices", "/practices/{+path}", "/my-practices", "/review", "/development",
            "/mentoring", "/mentoring/{+path}", "/teachers/{+path}", "/my-school", "/associations",
            "/recommendations", "/help-log", "/events",
            // Support: school programmes.
            "/programmes", "/programmes/{+path}", "/roadmaps",
            // Monitoring: dashboards and targets.
            "/monitoring", "/monitoring/{+path}", "/monitoring-targets"}, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> page(@Nullable @PathVariable("path") String path) {
        // The route is the client's business; every one answers with the same page.
        return read("index.html")
                .<HttpResponse<?>>map(html -> HttpResponse.ok(html)
                        .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                        .header(HttpHeaders.CACHE_CONTROL, "no-cache"))
                .orElseGet(() -> HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .contentType(MediaType.TEXT_PLAIN_TYPE)
                        .body("Веб-приложение не собрано: выполните mvn package".getBytes(StandardCharsets.UTF_8)));
    }

    @Get("/assets/{name}")
    public HttpResponse<?> asset(@PathVariable String name) {
        if (!ASSET_NAME.matcher(name).matches() || name.contains("..")) {
            return HttpResponse.notFound();
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        if (type == null) {
            return HttpResponse.notFound();
        }
        return read("assets/" + name)
                .<HttpResponse<?>>map(bytes -> HttpResponse.ok(bytes)
                        .contentType(type)
                        // File names carry a content hash: a changed file is a new name.
                        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable"))
                .orElseGet(HttpResponse::notFound);
    }

    private Optional<byte[]> read(String path) {
        return assets.computeIfAbsent(path, p -> {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(BUNDLE + p)) {
                return Optional.ofNullable(in == null ? null : in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
