package org.opora.platform;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.neo4j.Neo4jFactory.EmbeddedNeo4jHolder;
import org.opora.platform.search.ElasticsearchFactory;
import org.opora.practice.search.PracticeIndex;
import org.opora.security.UserAccount;
import org.opora.security.UserRepository;
import org.opora.testing.OporaTestApp;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded Neo4j and the local Elasticsearch node are protected like a production install: Bolt and HTTP need the
 * generated logins, which live in owner-only files in the data directory and never reach the log. An application of
 * its own (not the shared test app) so that its first start, with no credentials yet, and its log are observed; it is
 * then restarted with the Neo4j credentials file deleted, the documented way to rotate that password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class LocalServicesSecurityTest {

    private static final Path DATA_DIR = Path.of("target", "test-data-security");

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final List<String> everyPassword = new ArrayList<>();
    private Map<String, Object> properties;
    private EmbeddedServer app;

    @BeforeAll
    void firstStart() throws IOException {
        deleteRecursively(DATA_DIR.resolve(LocalCredentials.FOLDER));
        log.start();
        rootLogger.addAppender(log);
        properties = OporaTestApp.isolatedProperties(DATA_DIR);
        app = start();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        rootLogger.detachAppender(log);
        log.stop();
    }

    @Test
    void boltRefusesNoAuthenticationAndAWrongPasswordAndAcceptsTheStoredOne() throws IOException {
        LocalCredentials stored = credentials("neo4j");
        assertThat(stored.username()).isEqualTo("neo4j");
        assertThat(stored.password()).hasSizeGreaterThanOrEqualTo(40);

        assertThatThrownBy(() -> connect(AuthTokens.none())).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> connect(AuthTokens.basic("neo4j", stored.password() + "x")))
                .isInstanceOf(AuthenticationException.class);
        assertThat(connect(AuthTokens.basic("neo4j", stored.password()))).isEqualTo("neo4j");
    }

    @Test
    void credentialsFilesAreReadableByTheirOwnerOnly() throws IOException {
        Path folder = DATA_DIR.resolve(LocalCredentials.FOLDER);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        for (String service : List.of("neo4j", "elasticsearch")) {
            Path file = LocalCredentials.file(DATA_DIR, service);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(service).isEqualTo("rw-------");
            assertThat(Files.getOwner(file).getName()).as(service).isEqualTo(System.getProperty("user.name"));
        }
        // The embedded store itself (data and password hashes) is the owner's alone too.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA_DIR.resolve("neo4j")))).isEqualTo("rwx------");
        assertThat(DATA_DIR.resolve("neo4j/data/dbms/auth.ini")).doesNotExist();
    }

    @Test
    void elasticsearchAnswers401WithoutTheFileRealmUserAndLimitsItToThePracticeIndex() throws IOException {
        LocalCredentials stored = credentials("elasticsearch");
        URI node = app.getApplicationContext().getBean(ElasticsearchFactory.Connection.class).urls().get(0);

        assertThat(request(node, "GET", "/_cluster/health", null).statusCode()).isEqualTo(401);
        assertThat(request(node, "DELETE", "/practices*", null).statusCode()).isEqualTo(401);
        assertThat(request(node, "GET", "/_cluster/health", basic(stored.username(), stored.password() + "x")).statusCode())
                .isEqualTo(401);
        // The built-in superuser does not exist here, whatever its password.
        assertThat(request(node, "GET", "/_cluster/health", basic("elastic", stored.password())).statusCode()).isEqualTo(401);

        String login = basic(stored.username(), stored.password());
        HttpResponse<String> health = request(node, "GET", "/_cluster/health", login);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"cluster_name\":\"opora-local\"");
        // The application's role covers what it does with the practice index (create a version, point the alias at it,
        // count), not other indices nor cluster administration.
        app.getApplicationContext().getBean(PracticeIndex.class).ensureReady();
        assertThat(request(node, "GET", "/practices/_count", login).statusCode()).isEqualTo(200);
        assertThat(request(node, "PUT", "/someone-elses-index", login).statusCode()).isEqualTo(403);
        assertThat(request(node, "POST", "/_cluster/reroute", login).statusCode()).isEqualTo(403);
    }

    @Test
    void deletingTheNeo4jCredentialsRotatesThePasswordAndElasticsearchKeepsItsOwn() throws IOException {
        LocalCredentials oldNeo4j = credentials("neo4j");
        LocalCredentials elasticsearch = credentials("elasticsearch");
        app.close();
        app = null;
        Files.delete(LocalCredentials.file(DATA_DIR, "neo4j"));
        app = start();

        LocalCredentials newNeo4j = credentials("neo4j");
        assertThat(newNeo4j.password()).isNotEqualTo(oldNeo4j.password());
        assertThatThrownBy(() -> connect(AuthTokens.basic("neo4j", oldNeo4j.password())))
                .isInstanceOf(AuthenticationException.class);
        assertThat(connect(AuthTokens.basic("neo4j", newNeo4j.password()))).isEqualTo("neo4j");

        // The Elasticsearch login was read back, not regenerated, and the node still takes it.
        assertThat(credentials("elasticsearch")).isEqualTo(elasticsearch);
        URI node = app.getApplicationContext().getBean(ElasticsearchFactory.Connection.class).urls().get(0);
        assertThat(request(node, "GET", "/_cluster/health", basic(elasticsearch.username(), elasticsearch.password()))
                .statusCode()).isEqualTo(200);
        // And the application itself works on both with what it read (health details are for ADMIN).
        String health = OporaTestApp.get(app.getURI().resolve("/health"), adminToken(app)).body();
        assertThat(OporaTestApp.read(health).path("details").path("neo4j").path("status").asText()).isEqualTo("UP");
        assertThat(OporaTestApp.read(health).path("details").path("elasticsearch").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void noPasswordAppearsInTheLogs() throws IOException {
        everyPassword.add(credentials("neo4j").password());
        everyPassword.add(credentials("elasticsearch").password());
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(log.list)) {
            lines.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        assertThat(lines).as("the application logged its start").anyMatch(line -> line.contains("Embedded Neo4j serving Bolt"));
        assertThat(lines).anyMatch(line -> line.contains("Local Elasticsearch") && line.contains("security on"));
        // Neo4j's and Elasticsearch's own log files in the data directory.
        for (Path dir : List.of(DATA_DIR.resolve("neo4j/logs"), DATA_DIR.resolve("elasticsearch/logs"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        lines.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        for (String password : everyPassword) {
            assertThat(lines).noneMatch(line -> line.contains(password));
        }
    }

    private EmbeddedServer start() {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        // The node starts in the background: wait for it, and remember every password this test saw.
        server.getApplicationContext().getBean(ElasticsearchFactory.Connection.class);
        try {
            everyPassword.add(credentials("neo4j").password());
            everyPassword.add(credentials("elasticsearch").password());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    private static LocalCredentials credentials(String service) throws IOException {
        return LocalCredentials.read(LocalCredentials.file(DATA_DIR, service));
    }

    /** Logs in over Bolt and returns the user name Neo4j says it is talking to. */
    private String connect(AuthToken auth) {
        String bolt = app.getApplicationContext().getBean(EmbeddedNeo4jHolder.class).neo4j().boltUri();
        try (Driver driver = GraphDatabase.driver(bolt, auth, Config.builder().withLogging(Logging.none()).build())) {
            driver.verifyConnectivity();
            try (var session = driver.session(org.neo4j.driver.SessionConfig.forDatabase("system"))) {
                return session.run("SHOW CURRENT USER YIELD user").single().get("user").asString();
            }
        }
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An ADMIN token of this test's own application: a login provisioned in its store, then POST /login. */
    private static String adminToken(EmbeddedServer app) {
        String password = "admin-" + UUID.randomUUID();
        app.getApplicationContext().getBean(UserRepository.class)
                .provision(new UserAccount("local-services-admin", "Администратор", EnumSet.of(Role.ADMIN), Scope.EVERYWHERE), password);
        HttpResponse<String> login = OporaTestApp.exchange(HttpRequest.newBuilder(app.getURI().resolve("/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"local-services-admin\",\"password\":\"" + password + "\"}"))
                .build());
        return OporaTestApp.read(login.body()).get("access_token").asText();
    }

    private static HttpResponse<String> request(URI node, String method, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return OporaTestApp.exchange(request.build());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
