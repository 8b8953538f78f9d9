package org.opora.platform.neo4j;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;

import java.util.function.Function;

/**
 * The one place that knows which database sessions go to, with managed read and write
 * transactions (retried by the driver on transient errors, routed to the right cluster member).
 */
@Singleton
public class Neo4jSessions {

    private final Driver driver;
    private final SessionConfig config;

    public Neo4jSessions(Driver driver, @Value("${neo4j.database:neo4j}") String database) {
        this.driver = driver;
        this.config = SessionConfig.forDatabase(database);
    }

    public SessionConfig config() {
        return config;
    }

    public <T> T read(Function<TransactionContext, T> work) {
        try (Session session = driver.session(config)) {
            return session.executeRead(work::apply);
        }
    }

    public <T> T write(Function<TransactionContext, T> work) {
        try (Session session = driver.session(config)) {
            return session.executeWrite(work::apply);
        }
    }

    public Session session() {
        return driver.session(config);
    }
}
