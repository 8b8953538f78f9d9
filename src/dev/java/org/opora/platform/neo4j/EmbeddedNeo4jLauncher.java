package org.opora.platform.neo4j;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import jakarta.inject.Singleton;
import org.opora.platform.LocalCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Starts the {@link EmbeddedNeo4j} in {@code ${opora.data-dir}/neo4j} when no external Neo4j is configured
 * ({@code NEO4J_URI} blank or unset); with {@code NEO4J_URI} this bean does not exist and nothing local starts.
 */
@Singleton
@Requires(condition = EmbeddedNeo4jLauncher.NoExternalNeo4j.class)
public class EmbeddedNeo4jLauncher implements LocalNeo4j.Launcher {

    private final Path dataDir;
    private final int boltPort;
    private final String pageCache;

    public EmbeddedNeo4jLauncher(@Value("${opora.data-dir:data}") String dataDir,
                          @Value("${neo4j.embedded.bolt-port:7687}") int boltPort,
                          @Value("${neo4j.embedded.page-cache:256m}") String pageCache) {
        this.dataDir = Path.of(dataDir);
        this.boltPort = boltPort;
        this.pageCache = pageCache;
    }

    @Override
    public LocalNeo4j start() {
        LocalCredentials credentials;
        try {
            credentials = LocalCredentials.loadOrGenerate(LocalCredentials.file(dataDir, "neo4j"), EmbeddedNeo4j.INITIAL_USER);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the embedded Neo4j's credentials", e);
        }
        return EmbeddedNeo4j.start(dataDir.resolve("neo4j"), boltPort, pageCache, credentials);
    }

    /** {@code neo4j.uri} is blank or unset (application.yml maps an unset {@code NEO4J_URI} to a blank value). */
    public static final class NoExternalNeo4j implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return context.getProperty("neo4j.uri", String.class).map(String::isBlank).orElse(true);
        }
    }
}
