package org.opora.platform.neo4j;

import org.opora.platform.errors.ApiException;
import org.opora.platform.errors.ErrorCode;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The time a request may still use, and how many database transactions it has run. The GraphQL controller
 * binds one to the request thread for the whole execution (data fetchers and DataLoader batch functions run
 * on that thread), so {@link Neo4jSessions} gives every transaction the remaining time as its timeout
 * and the database cancels what outlives the budget. Work done outside a request (start-up, outbox) has none.
 */
public final class RequestBudget {

    private static final ThreadLocal<RequestBudget> CURRENT = new ThreadLocal<>();

    private final long startedNanos;
    private volatile long deadlineNanos;
    private volatile Duration budget;
    private final AtomicInteger transactions = new AtomicInteger();

    private RequestBudget(Duration budget) {
        this.budget = budget;
        this.startedNanos = System.nanoTime();
        this.deadlineNanos = startedNanos + budget.toNanos();
    }

    public static RequestBudget start(Duration budget) {
        return new RequestBudget(budget);
    }

    /** The budget of the request served by this thread, or null outside a request. */
    public static RequestBudget current() {
        return CURRENT.get();
    }

    /** Runs {@code work} with this budget bound to the calling thread. */
    public <T> T run(Supplier<T> work) {
        RequestBudget outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** Gives the request another budget, counted from its start (a mutation's, once the operation is known). */
    public void reset(Duration budget) {
        this.budget = budget;
        this.deadlineNanos = startedNanos + budget.toNanos();
    }

    public Duration budget() {
        return budget;
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    public boolean expired() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Throws QUERY_TIMEOUT once the budget is used up. */
    public void check() {
        if (expired()) {
            throw timeout(budget);
        }
    }

    int countTransaction() {
        return transactions.incrementAndGet();
    }

    /** Database transactions started for this request so far. */
    public int transactions() {
        return transactions.get();
    }

    public static ApiException timeout(Duration budget) {
        return new ApiException(ErrorCode.QUERY_TIMEOUT, "Запрос не уложился в отведённое время (" + budget.toMillis()
                + " мс) и прерван; уменьшите выборку (first, вложенные списки) или разбейте запрос на несколько",
                Map.of("budgetMs", budget.toMillis()));
    }
}
