package org.opora.platform.neo4j;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransactionTerminatedException;

import java.time.Duration;
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
        RequestBudget budget = RequestBudget.current();
        try (Session session = driver.session(config)) {
            return session.executeRead(work::apply, transactionConfig(budget));
        } catch (ClientException e) {
            throw timedOut(budget, e);
        }
    }

    public <T> T write(Function<TransactionContext, T> work) {
        RequestBudget budget = RequestBudget.current();
        try (Session session = driver.session(config)) {
            return session.executeWrite(work::apply, transactionConfig(budget));
        } catch (ClientException e) {
            throw timedOut(budget, e);
        }
    }

    /**
     * Inside a request, the transaction may run for the time the request has left: the database terminates it
     * (and rolls it back) at the deadline instead of letting it run on after the client got its answer.
     */
    private static TransactionConfig transactionConfig(RequestBudget budget) {
        if (budget == null) {
            return TransactionConfig.empty();
        }
        budget.countTransaction();
        budget.check();
        // A zero timeout would mean "none" to the driver: what is left is at least a millisecond.
        return TransactionConfig.builder().withTimeout(max(budget.remaining(), Duration.ofMillis(1))).build();
    }

    private static RuntimeException timedOut(RequestBudget budget, ClientException e) {
        boolean timeout = e instanceof TransactionTerminatedException || (e.code() != null && e.code().contains("TransactionTimedOut"));
        return budget != null && timeout ? RequestBudget.timeout(budget.budget()) : e;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public Session session() {
        return driver.session(config);
    }
}
