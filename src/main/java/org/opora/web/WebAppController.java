package org.opora.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the web application (src/web, built by Vite into the classpath folder {@code web/}).
 * Client-side routes are not listed here: a browser's navigation (a GET that accepts text/html) to a path that no
 * route and no static resource serves answers with index.html, and the application's router shows the page or its
 * own «Страница не найдена». The fallback runs only after routing found nothing, so it never shadows /graphql,
 * /graphiql, /health, /api, /webjars, /static or /favicon.ico; under those prefixes, for paths that look like files,
 * and for requests that do not ask for HTML, a missing path stays 404. Hashed assets are cached for a year,
 * index.html never. The pages are public; the data behind them is not (every GraphQL call needs a token).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class WebAppController {

    static final String BUNDLE = "web/";
    private static final Pattern ASSET_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}");
    /** First path segments of the server's own endpoints: never a page of the application. */
    private static final Set<String> SERVER_PREFIXES = Set.of(
            "api", "assets", "graphql", "graphiql", "health", "webjars", "static", "login", "logout", "oauth");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "woff2", "font/woff2",
            "woff", "font/woff",
            "json", "application/json");

    private final Map<String, Optional<byte[]>> assets = new ConcurrentHashMap<>();

    @Get(uri = "/", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> start() {
        return appPage();
    }

    /** A deep link into the application (or an unknown path a person typed): the application decides. */
    @Error(status = HttpStatus.NOT_FOUND, global = true)
    public HttpResponse<?> notFound(HttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.GET && isClientRoute(request.getPath()) && acceptsHtml(request)) {
            return appPage();
        }
        return HttpResponse.notFound();
    }

    static boolean isClientRoute(String path) {
        String[] segments = path.split("/", -1);
        String first = segments.length > 1 ? segments[1] : "";
        String last = segments[segments.length - 1];
        return !SERVER_PREFIXES.contains(first) && !last.contains(".") && !path.contains("//");
    }

    private static boolean acceptsHtml(HttpRequest<?> request) {
        return request.getHeaders().accept().stream().anyMatch(type -> MediaType.TEXT_HTML.equals(type.getName()));
    }

    private HttpResponse<?> appPage() {
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
