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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Provides the one {@link Driver} of the application: to {@code NEO4J_URI} when it is set,
 * otherwise to an embedded DBMS started here.
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
        return new EmbeddedNeo4jHolder(EmbeddedNeo4j.start(Path.of(dataDir, "neo4j"), boltPort, pageCache));
    }

    @Singleton
    @Bean(preDestroy = "close")
    Driver driver(EmbeddedNeo4jHolder embedded,
                  @Value("${neo4j.uri:}") String uri,
                  @Value("${neo4j.username:neo4j}") String username,
                  @Nullable @Value("${neo4j.password:}") String password) {
        String target = embedded.neo4j() != null ? embedded.neo4j().boltUri() : uri;
        AuthToken auth = embedded.neo4j() != null || password == null || password.isBlank()
                ? AuthTokens.none()
                : AuthTokens.basic(username, password);
        Config config = Config.builder()
                .withLogging(Logging.slf4j())
                .withMaxConnectionPoolSize(64)
                .withConnectionAcquisitionTimeout(30, TimeUnit.SECONDS)
                .build();
        Driver driver = GraphDatabase.driver(target, auth, config);
        driver.verifyConnectivity();
        LOG.info("Connected to Neo4j at {}", target);
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
