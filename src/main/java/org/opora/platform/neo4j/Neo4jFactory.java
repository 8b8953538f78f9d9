package org.opora.platform.neo4j;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.opora.platform.LocalCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Provides the one {@link Driver} of the application: to {@code NEO4J_URI} when it is set (with
 * {@code NEO4J_USERNAME}/{@code NEO4J_PASSWORD}), otherwise to an embedded DBMS started here, logging in with the
 * generated credentials in {@code <data-dir>/credentials/neo4j}.
 */
@Factory
public class Neo4jFactory {

    private static final Logger LOG = LoggerFactory.getLogger(Neo4jFactory.class);

    /** Present only in embedded mode; closed after the driver (beans are destroyed in reverse order). */
    @Singleton
    @Bean(preDestroy = "close")
    EmbeddedNeo4jHolder embeddedNeo4j(@Value("${neo4j.uri:}") String uri,
                                      @Value("${opora.data-dir:data}") String dataDir,
                                      @Value("${neo4j.embedded.bolt-port:7687}") int boltPort,
                                      @Value("${neo4j.embedded.page-cache:256m}") String pageCache) {
        if (!uri.isBlank()) {
            return new EmbeddedNeo4jHolder(null);
        }
        LocalCredentials credentials;
        try {
            credentials = LocalCredentials.loadOrGenerate(LocalCredentials.file(Path.of(dataDir), "neo4j"),
                    EmbeddedNeo4j.INITIAL_USER);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the embedded Neo4j's credentials", e);
        }
        return new EmbeddedNeo4jHolder(EmbeddedNeo4j.start(Path.of(dataDir, "neo4j"), boltPort, pageCache, credentials));
    }

    @Singleton
    @Bean(preDestroy = "close")
    Driver driver(EmbeddedNeo4jHolder embedded,
                  @Value("${neo4j.uri:}") String uri,
                  @Value("${neo4j.username:neo4j}") String username,
                  @Nullable @Value("${neo4j.password:}") String password) {
        EmbeddedNeo4j local = embedded.neo4j();
        String target = local != null ? local.boltUri() : uri;
        AuthToken auth;
        String login;
        if (local != null) {
            login = local.credentials().username();
            auth = AuthTokens.basic(login, local.credentials().password());
        } else if (password == null || password.isBlank()) {
            login = "(no authentication)";
            auth = AuthTokens.none();
        } else {
            login = username;
            auth = AuthTokens.basic(username, password);
        }
        Config config = Config.builder()
                .withLogging(Logging.slf4j())
                .withMaxConnectionPoolSize(64)
                .withConnectionAcquisitionTimeout(30, TimeUnit.SECONDS)
                .build();
        Driver driver = GraphDatabase.driver(target, auth, config);
        try {
            try {
                driver.verifyConnectivity();
            } catch (AuthenticationException e) {
                if (local == null) {
                    throw e;
                }
                // The store holds another password: it predates authentication, or the credentials file was deleted
                // to rotate the password. The file wins.
                LOG.warn("The embedded Neo4j refused the stored credentials ({}); setting its password from the file",
                        e.getMessage());
                local.resetPassword();
                driver.verifyConnectivity();
            }
        } catch (RuntimeException e) {
            driver.close();
            throw e;
        }
        LOG.info("Connected to Neo4j at {} as {}", target, login);
        return driver;
    }

    /** Wraps the optional embedded DBMS so the bean exists in both modes. */
    public record EmbeddedNeo4jHolder(@Nullable EmbeddedNeo4j neo4j) implements AutoCloseable {
        @Override
        public void close() {
            if (neo4j != null) {
                neo4j.close();
            }
        }
    }
}
