package org.opora.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.neo4j.driver.Driver;
import org.opora.Application;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.security.UserAccount;
import org.opora.security.UserRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The real application (embedded Neo4j over Bolt, local Elasticsearch node, HTTP server) started
 * once per test JVM and shared by all integration tests. Tests keep out of each other's way by
 * working in their own region ids, not by restarting anything.
 */
public final class OporaTestApp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static EmbeddedServer server;

    private OporaTestApp() {
    }

    public static synchronized EmbeddedServer server() {
        if (server == null) {
            server = ApplicationContext.run(EmbeddedServer.class, isolatedProperties(Path.of("target", "test-data")), "test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.close()));
        }
        return server;
    }

    /**
     * Start-up properties of an application of its own in {@code dataDir} (tests, benchmarks): an empty embedded
     * Neo4j, free ports for HTTP, Bolt and the local Elasticsearch node.
     */
    public static Map<String, Object> isolatedProperties(Path dataDir) {
        deleteNeo4jData(dataDir.resolve("neo4j"));
        Map<String, Object> properties = Application.startupProperties(false);
        properties.put("micronaut.server.port", -1);
        properties.put("opora.data-dir", dataDir.toString());
        properties.put("neo4j.embedded.bolt-port", 0);
        properties.put("elasticsearch.local.http-port", 0);
        String distribution = System.getProperty("elasticsearch.local.distribution");
        if (distribution != null) {
            properties.put("elasticsearch.local.distribution", distribution);
        }
        return properties;
    }

    public static <T> T bean(Class<T> type) {
        return server().getApplicationContext().getBean(type);
    }

    public static Driver driver() {
        return bean(Driver.class);
    }

    public static URI uri(String path) {
        return server().getURI().resolve(path);
    }

    /** Creates (or replaces) a user directly in the store (outside the API) and returns a token from POST /login. */
    public static String tokenFor(String username, Set<Role> roles, Scope scope) {
        return TOKENS.computeIfAbsent(username + roles + scope, key -> {
            String password = "test-password-" + username;
            bean(UserRepository.class).provision(new UserAccount(username, username, EnumSet.copyOf(roles), scope), password);
            HttpResponse<String> response = post("/login", null, Map.of("username", username, "password", password));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
            }
            return read(response.body()).get("access_token").asText();
        });
    }

    public static String adminToken() {
        return tokenFor("test-admin", Set.of(Role.ADMIN), Scope.EVERYWHERE);
    }

    /** Runs a GraphQL operation over HTTP and returns status and body. */
    public static GraphQlResponse graphql(String token, String query, Map<String, Object> variables) {
        return graphql(server().getURI(), token, query, variables);
    }

    /** The same against another running instance, e.g. one sharing this one's Neo4j and Elasticsearch. */
    public static GraphQlResponse graphql(URI instance, String token, String query, Map<String, Object> variables) {
        try {
            HttpResponse<String> response = send(instance.resolve("/graphql"), token,
                    JSON.writeValueAsString(Map.of("query", query, "variables", variables)));
            return new GraphQlResponse(response.statusCode(), read(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GraphQlResponse graphql(String token, String query) {
        return graphql(token, query, Map.of());
    }

    public static HttpResponse<String> post(String path, String token, Object body) {
        try {
            return send(path, token, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HttpResponse<String> send(String path, String token, String rawBody) {
        return send(uri(path), token, rawBody);
    }

    private static HttpResponse<String> send(URI target, String token, String rawBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawBody, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request.build());
    }

    public static HttpResponse<String> get(String path) {
        return get(uri(path));
    }

    /** GET with a bearer token (null: anonymous). */
    public static HttpResponse<String> get(String path, String token) {
        return get(uri(path), token);
    }

    public static HttpResponse<String> get(URI target, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request.build());
    }

    public static HttpResponse<String> get(URI target) {
        return get(target, null);
    }

    /** Sends any request (to the app or another local server) and reads the body as UTF-8 text. */
    public static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    private static void deleteNeo4jData(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
