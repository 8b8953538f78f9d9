package org.opora.platform.neo4j;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.exceptions.TransactionTerminatedException;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place that knows which database sessions go to, with managed read and write
 * transactions (retried by the driver on transient errors, routed to the right cluster member).
 */
@Singleton
public class Neo4jSessions {

    private final Driver driver;
    private final SessionConfig config;
    private final SessionConfig autoCommitRead;

    public Neo4jSessions(Driver driver, @Value("${neo4j.database:neo4j}") String database) {
        this.driver = driver;
        this.config = SessionConfig.forDatabase(database);
        this.autoCommitRead = SessionConfig.builder().withDatabase(database).withDefaultAccessMode(AccessMode.READ).build();
    }

    public SessionConfig config() {
        return config;
    }

    public <T> T read(Function<TransactionContext, T> work) {
        RequestBudget budget = RequestBudget.current();
        try (Session session = driver.session(config)) {
            return session.executeRead(tx -> withinBudget(budget, work, tx), transactionConfig(budget));
        } catch (ClientException e) {
            throw timedOut(budget, e);
        }
    }

    /**
     * One read query as an auto-commit transaction: one network round trip instead of the two of a managed
     * transaction, for the hottest read paths. A transient failure falls back to a retried managed transaction.
     */
    public <T> T readOnce(String query, Map<String, Object> parameters, Function<Result, T> mapping) {
        RequestBudget budget = RequestBudget.current();
        try (Session session = driver.session(autoCommitRead)) {
            return mapping.apply(session.run(query, parameters, transactionConfig(budget)));
        } catch (ClientException e) {
            throw timedOut(budget, e);
        } catch (Neo4jException e) {
            if (!(e instanceof RetryableException)) {
                throw e;
            }
            return read(tx -> mapping.apply(tx.run(query, parameters)));
        }
    }

    public <T> T write(Function<TransactionContext, T> work) {
        RequestBudget budget = RequestBudget.current();
        try (Session session = driver.session(config)) {
            return session.executeWrite(tx -> withinBudget(budget, work, tx), transactionConfig(budget));
        } catch (ClientException e) {
            throw timedOut(budget, e);
        }
    }

    /**
     * The driver retries a transaction that failed transiently, with back-off (a first pause of about 1 s), for up to
     * 30 s. A transaction the database terminated at the request's deadline fails that way too. So a failure past the
     * deadline becomes QUERY_TIMEOUT here, which the driver does not retry: checking only at the start of the next
     * attempt would still cost the pause, once per DataLoader batch that ran into the deadline.
     */
    private static <T> T withinBudget(RequestBudget budget, Function<TransactionContext, T> work, TransactionContext tx) {
        if (budget == null) {
            return work.apply(tx);
        }
        budget.check();
        try {
            return work.apply(tx);
        } catch (Neo4jException e) {
            if (budget.expired()) {
                throw RequestBudget.timeout(budget.budget());
            }
            throw e;
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
