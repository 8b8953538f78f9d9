package org.opora.practice;

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
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opora.platform.search.ElasticsearchFactory;
import org.opora.security.Role;
import org.opora.security.Scope;
import org.opora.testing.GraphQlResponse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Elasticsearch goes down: practice writes still succeed in Neo4j, wait in the outbox, and become searchable once the
 * node is back (same port, same data), without anyone doing anything. Works in region R-PO.
 */
class PracticeOutageTest {

    static final String REGION = "R-PO";
    static final String INDEX_STATUS = "{ practiceIndexStatus { available outboxPending outboxFailed documents indexes error } }";

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void writesDuringAnOutageBecomeSearchableWhenTheNodeIsBack() throws Exception {
        school(REGION, "R-PO-M1", "R-PO-S1", "Школа на время сбоя", "СОШ", "село", 0.0);
        String author = tokenFor("po-author", Set.of(Role.TEACHER), new Scope(REGION, "R-PO-M1", "R-PO-S1"));
        String methodist = tokenFor("po-methodist", Set.of(Role.METHODIST), new Scope(REGION, null, null));
        Map<String, Object> region = Map.of("regionId", REGION);
        // Search works before the outage (and the index exists).
        assertThat(search(author, "гидропоника", region).data().get("searchPractices").get("totalCount").asInt()).isZero();

        ElasticsearchFactory.Connection connection = bean(ElasticsearchFactory.Connection.class);
        String id;
        connection.stopLocalNode();
        try {
            // The whole workflow goes through while search is down.
            Map<String, Object> in = input("Школьная гидропонная ферма",
                    "Обучающиеся выращивают зелень на гидропонике и ведут дневник наблюдений по биологии и химии.",
                    List.of("BIOLOGY", "CHEMISTRY"), List.of(6, 7), List.of("LOW_MOTIVATION", "WEAK_MATERIAL_BASE"), "R-PO-S1");
            JsonNode created = create(author, in);
            id = created.get("id").asText();
            call(author, SUBMIT, "submitPractice", Map.of("id", id));
            call(methodist, APPROVE, "approvePractice", Map.of("id", id));
            in.put("title", "Школьная гидропонная ферма и метеостанция");
            JsonNode updated = call(methodist, UPDATE, "updatePractice", Map.of("id", id, "in", in));
            assertThat(updated.get("status").asText()).isEqualTo("APPROVED");
            assertThat(updated.get("version").asInt()).isEqualTo(4);

            // Details come from Neo4j and still work; search says it is unavailable, in Russian.
            assertThat(graphql(author, GET, Map.of("id", id)).data().get("practice").get("title").asText())
                    .isEqualTo("Школьная гидропонная ферма и метеостанция");
            GraphQlResponse down = search(author, "гидропоника", region);
            assertThat(down.errorCode()).isEqualTo("INTERNAL");
            assertThat(down.errorMessage()).contains("Поиск практик временно недоступен");
            JsonNode status = graphql(adminToken(), INDEX_STATUS).data().get("practiceIndexStatus");
            assertThat(status.get("available").asBoolean()).isFalse();
            assertThat(status.get("outboxPending").asInt()).isGreaterThanOrEqualTo(4);
            assertThat(status.get("outboxFailed").asInt()).isZero();
        } finally {
            connection.restartLocalNode();
        }

        // Nobody triggers anything: the scheduled drain indexes the backlog.
        GraphQlResponse found = await(() -> search(author, "гидропоника", region),
                r -> r.errorCode() == null && ids(r).contains(id), Duration.ofSeconds(90));
        assertThat(ids(found)).containsExactly(id);
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
    }
}
