package org.opora.platform.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.opora.platform.errors.ApiException;
import org.opora.platform.errors.ErrorCode;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.platform.neo4j.RequestBudget;
import org.opora.testing.OporaTestApp;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opora.testing.OporaTestApp.bean;
import static org.opora.testing.OporaTestApp.driver;
import static org.opora.testing.OporaTestApp.post;

/**
 * The per-request time budget: fields not started before the deadline answer QUERY_TIMEOUT (one error, partial
 * data), and a Neo4j transaction still running at the deadline is terminated by the database.
 */
class TimeBudgetTest {

    /** CPU-bound for minutes unless cancelled; the marker finds it in SHOW TRANSACTIONS. */
    private static final String SLOW_CYPHER = """
            UNWIND range(1, 4000000000) AS x WITH x WHERE x % 1000000007 = -1 RETURN count(x) AS n // opora-slow-budget-test""";

    @BeforeAll
    static void region() {
        CostRegion.build();
    }

    @Test
    void fieldsAfterTheDeadlineAnswerOneTimeoutErrorAndTheRestOfTheDataIsReturned() {
        StringJoiner query = new StringJoiner(" ", "{ ", " }");
        // 60 aliases × 4 fields, within the 500-field limit. The schools come in one batch, but each alias reads its
        // results in a query of its own: 60 database round trips one after the other cannot fit 10 ms.
        for (int i = 0; i < 60; i++) {
            query.add("s" + i + ": school(id: \"" + CostRegion.school(i % CostRegion.SCHOOLS + 1)
                    + "\") { id name results { year } }");
        }
        // The token and one request first: provisioning the user and the first request's cold paths are not what is
        // timed here.
        String token = CostRegion.coordinatorToken();
        assertThat(post("/graphql", token, Map.of("query", "{ ping }")).statusCode()).isEqualTo(200);
        long started = System.nanoTime();
        HttpResponse<String> http = post("/graphql", token,
                Map.of("query", query.toString(), "extensions", Map.of("timeBudgetMs", 10)));
        long millis = (System.nanoTime() - started) / 1_000_000;
        JsonNode body = OporaTestApp.read(http.body());
        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(body.path("errors").size()).isEqualTo(1);
        JsonNode error = body.path("errors").get(0);
        assertThat(error.path("extensions").path("code").asText()).isEqualTo("QUERY_TIMEOUT");
        assertThat(error.path("message").asText()).startsWith("Запрос не уложился в отведённое время (10 мс)");
        assertThat(error.path("extensions").path("unresolvedFields").asInt()).isPositive();
        assertThat(body.path("data").isObject()).isTrue();
        int answered = 0;
        for (JsonNode school : body.path("data")) {
            answered += school.isNull() ? 0 : 1;
        }
        assertThat(answered).isLessThan(60);
        assertThat(body.path("extensions").path("cost").path("budgetMillis").asInt()).isEqualTo(10);
        // Past the deadline nothing more goes to the database: the answer comes right after it, not after the 60 queries.
        assertThat(millis).isLessThan(3_000);
        // The server's own budget cannot be raised by a client.
        HttpResponse<String> asksMore = post("/graphql", CostRegion.coordinatorToken(),
                Map.of("query", "{ ping }", "extensions", Map.of("timeBudgetMs", 3_600_000)));
        assertThat(OporaTestApp.read(asksMore.body()).path("extensions").path("cost").path("budgetMillis").asLong())
                .isLessThan(3_600_000L).isEqualTo(bean(io.micronaut.context.ApplicationContext.class)
                        .getRequiredProperty("opora.graphql.time-budget", Duration.class).toMillis());
    }

    @Test
    void mutationsHaveTheirOwnLongerBudget() {
        HttpResponse<String> http = post("/graphql", CostRegion.coordinatorToken(), Map.of("query",
                "mutation { createAssociation(input: {kind: METHODOLOGICAL_ASSOCIATION, name: \"МО бюджета\", level: REGIONAL,"
                        + " regionId: \"" + CostRegion.REGION + "\"}) { id } }"));
        JsonNode body = OporaTestApp.read(http.body());
        assertThat(body.path("data").path("createAssociation").path("id").asText()).isNotBlank();
        assertThat(body.path("extensions").path("cost").path("budgetMillis").asLong()).isEqualTo(600_000L);
    }

    @Test
    void aTransactionStillRunningAtTheDeadlineIsTerminated() throws InterruptedException {
        Neo4jSessions sessions = bean(Neo4jSessions.class);
        RequestBudget budget = RequestBudget.start(Duration.ofMillis(500));
        long started = System.nanoTime();
        assertThatThrownBy(() -> budget.run(() -> sessions.read(tx -> tx.run(SLOW_CYPHER).single().get("n").asLong())))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUERY_TIMEOUT));
        long millis = (System.nanoTime() - started) / 1_000_000;
        // Neo4j checks transaction timeouts every 2 s by default (db.transaction.monitor.check.interval); uncancelled,
        // the query would run for minutes.
        assertThat(millis).isBetween(450L, 10_000L);
        assertThat(budget.transactions()).isEqualTo(1);
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (runningSlowQueries() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(runningSlowQueries()).isZero();
        // Past the deadline, nothing more is sent to the database.
        assertThatThrownBy(() -> budget.run(() -> sessions.read(tx -> tx.run("RETURN 1 AS n").single().get("n").asInt())))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUERY_TIMEOUT));
    }

    @Test
    void workOutsideARequestHasNoBudget() {
        assertThat(RequestBudget.current()).isNull();
        int one = bean(Neo4jSessions.class).read(tx -> tx.run("RETURN 1 AS n").single().get("n").asInt());
        assertThat(one).isEqualTo(1);
    }

    private static long runningSlowQueries() {
        try (Session session = driver().session()) {
            return session.run("SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS n",
                    Map.of("marker", "opora-slow-" + "budget-test")).single().get("n").asLong();
        }
    }
}
