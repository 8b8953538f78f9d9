package org.opora.platform.neo4j;

import io.micronaut.context.BeanProvider;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * Provides the one {@link Driver} of the application: to {@code NEO4J_URI} when it is set (with
 * {@code NEO4J_USERNAME}/{@code NEO4J_PASSWORD}), otherwise to the {@link LocalNeo4j} that the dev source set's
 * launcher starts (an embedded DBMS), logging in with the generated credentials in
 * {@code <data-dir>/credentials/neo4j}.
 */
@Factory
public class Neo4jFactory {

    private static final Logger LOG = LoggerFactory.getLogger(Neo4jFactory.class);

    /**
     * Present in both modes; holds the local DBMS only when {@code neo4j.uri} is blank. Closed after the driver (beans
     * are destroyed in reverse order).
     */
    @Singleton
    @Bean(preDestroy = "close")
    EmbeddedNeo4jHolder embeddedNeo4j(@Value("${neo4j.uri:}") String uri, BeanProvider<LocalNeo4j.Launcher> launcher) {
        if (!uri.isBlank()) {
            return new EmbeddedNeo4jHolder(null);
        }
        if (!launcher.isPresent()) {
            throw new IllegalStateException("NEO4J_URI is not set and this build has no embedded Neo4j (src/dev): "
                    + "set NEO4J_URI to the Neo4j server or cluster");
        }
        return new EmbeddedNeo4jHolder(launcher.get().start());
    }

    @Singleton
    @Bean(preDestroy = "close")
    Driver driver(EmbeddedNeo4jHolder embedded,
                  @Value("${neo4j.uri:}") String uri,
                  @Value("${neo4j.username:neo4j}") String username,
                  @Nullable @Value("${neo4j.password:}") String password) {
        LocalNeo4j local = embedded.neo4j();
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

    /** Wraps the optional local DBMS so the bean exists in both modes. */
    public record EmbeddedNeo4jHolder(@Nullable LocalNeo4j neo4j) implements AutoCloseable {
        @Override
        public void close() {
            if (neo4j != null) {
                neo4j.close();
            }
        }
    }
}
