package org.opora.practice;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.search.ElasticsearchFactory;
import org.opora.platform.search.LocalElasticsearch;
import org.opora.platform.search.SupervisedLocalElasticsearch;
import org.opora.testing.GraphQlResponse;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.practice.PracticeFixtures.APPROVE;
import static org.opora.practice.PracticeFixtures.GET;
import static org.opora.practice.PracticeFixtures.SUBMIT;
import static org.opora.practice.PracticeFixtures.UPDATE;
import static org.opora.practice.PracticeFixtures.await;
import static org.opora.practice.PracticeFixtures.call;
import static org.opora.practice.PracticeFixtures.create;
import static org.opora.practice.PracticeFixtures.ids;
import static org.opora.practice.PracticeFixtures.input;
import static org.opora.practice.PracticeFixtures.school;
import static org.opora.practice.PracticeFixtures.search;
import static org.opora.testing.OporaTestApp.adminToken;
import static org.opora.testing.OporaTestApp.bean;
import static org.opora.testing.OporaTestApp.get;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.read;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * The local Elasticsearch node crashes (its server process is killed with SIGKILL, as the OOM killer would): practice
 * writes still succeed in Neo4j and wait in the outbox, search answers SEARCH_UNAVAILABLE, health reports search
 * DEGRADED but the application ready and alive, and the supervisor starts the node again by itself, after which
 * every write made meanwhile is searchable, without anyone doing anything. Works in region R-PO.
 */
class PracticeOutageTest {

    static final String REGION = "R-PO";
    static final String INDEX_STATUS = "{ practiceIndexStatus { available outboxPending outboxFailed documents indexes error } }";
    /**
     * The aim is search back within 30 s of the crash (a restart takes 15-20 s on a quiet 2-core machine); the bound
     * leaves room for a machine shared with other builds.
     */
    static final Duration BACK_WITHIN = Duration.ofSeconds(Long.getLong("opora.test.search-back-within-seconds", 90));

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aKilledNodeIsRestartedAndWritesMadeMeanwhileBecomeSearchable() throws Exception {
        school(REGION, "R-PO-M1", "R-PO-S1", "Школа на время сбоя", "СОШ", "село", 0.0);
        String author = tokenFor("po-author", Set.of(Role.TEACHER), new Scope(REGION, "R-PO-M1", "R-PO-S1"));
        String methodist = tokenFor("po-methodist", Set.of(Role.METHODIST), new Scope(REGION, null, null));
        Map<String, Object> region = Map.of("regionId", REGION);
        // Search works before the crash (and the index exists).
        assertThat(search(author, "гидропоника", region).data().get("searchPractices").get("totalCount").asInt()).isZero();

        ElasticsearchFactory.Connection connection = bean(ElasticsearchFactory.Connection.class);
        SupervisedLocalElasticsearch supervised = (SupervisedLocalElasticsearch) connection.localNode().orElseThrow();
        LocalElasticsearch node = supervised.node();
        int restartsBefore = connection.restarts();
        ProcessHandle server = node.serverProcess().orElseThrow();
        long crashedAt = System.nanoTime();
        assertThat(server.destroyForcibly()).isTrue();
        server.onExit().get(10, TimeUnit.SECONDS);

        // The whole workflow goes through while search is down.
        Map<String, Object> in = input("Школьная гидропонная ферма",
                "Обучающиеся выращивают зелень на гидропонике и ведут дневник наблюдений по биологии и химии.",
                List.of("BIOLOGY", "CHEMISTRY"), List.of(6, 7), List.of("LOW_MOTIVATION", "WEAK_MATERIAL_BASE"), "R-PO-S1");
        JsonNode created = create(author, in);
        String id = created.get("id").asText();
        call(author, SUBMIT, "submitPractice", Map.of("id", id));
        call(methodist, APPROVE, "approvePractice", Map.of("id", id));
        in.put("title", "Школьная гидропонная ферма и метеостанция");
        JsonNode updated = call(methodist, UPDATE, "updatePractice", Map.of("id", id, "in", in));
        assertThat(updated.get("status").asText()).isEqualTo("APPROVED");
        assertThat(updated.get("version").asInt()).isEqualTo(4);

        // Details come from Neo4j and still work; search says it is unavailable, with its own code, in Russian.
        assertThat(graphql(author, GET, Map.of("id", id)).data().get("practice").get("title").asText())
                .isEqualTo("Школьная гидропонная ферма и метеостанция");
        boolean stillDown = !node.isRunning() && supervised.node() == node;
        GraphQlResponse down = search(author, "гидропоника", region);
        if (stillDown && down.errorCode() != null) { // the restarted node may (rarely) already answer
            assertThat(down.errorCode()).isEqualTo("SEARCH_UNAVAILABLE");
            assertThat(down.errorMessage()).contains("Поиск практик временно недоступен");
            // Health: search DEGRADED, the application neither DOWN nor unready (a load balancer keeps it), and alive.
            HttpResponse<String> readiness = get("/health/readiness", adminToken());
            assertThat(readiness.statusCode()).isEqualTo(200);
            JsonNode ready = read(readiness.body());
            assertThat(ready.get("status").asText()).isEqualTo("DEGRADED");
            assertThat(ready.path("details").path("elasticsearch").path("status").asText()).isEqualTo("DEGRADED");
            assertThat(ready.path("details").path("neo4j").path("status").asText()).isEqualTo("UP");
            HttpResponse<String> health = get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(read(health.body()).get("status").asText()).isEqualTo("DEGRADED");
            HttpResponse<String> liveness = get("/health/liveness");
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(read(liveness.body()).get("status").asText()).isEqualTo("UP");
            JsonNode status = graphql(adminToken(), INDEX_STATUS).data().get("practiceIndexStatus");
            assertThat(status.get("available").asBoolean()).isFalse();
            assertThat(status.get("outboxPending").asInt()).isGreaterThanOrEqualTo(4);
            assertThat(status.get("outboxFailed").asInt()).isZero();
        }

        // Nobody triggers anything: the supervisor restarts the node, the outbox indexes the backlog.
        GraphQlResponse found = await(() -> search(author, "гидропоника", region),
                r -> r.errorCode() == null && ids(r).contains(id), BACK_WITHIN);
        Duration back = Duration.ofNanos(System.nanoTime() - crashedAt);
        System.out.printf("Search back with every write %d ms after the node was killed%n", back.toMillis());
        assertThat(ids(found)).containsExactly(id);
        assertThat(connection.restarts()).isGreaterThan(restartsBefore);
        assertThat(supervised.node().isRunning()).isTrue();
        assertThat(found.data().get("searchPractices").get("edges").get(0).get("node").get("title").asText())
                .isEqualTo("Школьная гидропонная ферма и метеостанция");
        assertThat(found.data().get("searchPractices").get("edges").get(0).get("node").get("status").asText())
                .isEqualTo("APPROVED");
        // A teacher of another school sees it as approved, and the outbox is empty again.
        String teacher = tokenFor("po-teacher", Set.of(Role.TEACHER), new Scope("R-PO-ELSEWHERE", null, null));
        assertThat(ids(search(teacher, "метеостанция", region))).containsExactly(id);
        JsonNode status = await(() -> graphql(adminToken(), INDEX_STATUS).data().get("practiceIndexStatus"),
                s -> s.get("outboxPending").asInt() == 0, Duration.ofSeconds(30));
        assertThat(status.get("available").asBoolean()).isTrue();
        assertThat(status.get("outboxPending").asInt()).isZero();
        assertThat(read(get("/health/readiness").body()).get("status").asText()).isEqualTo("UP");
    }
}
