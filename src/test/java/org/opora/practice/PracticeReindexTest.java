package org.opora.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.practice.search.PracticeIndex;
import org.opora.practice.search.PracticeOutbox;
import org.opora.practice.seed.PracticeGenerator;
import org.opora.practice.seed.SeedPractice;
import org.opora.practice.seed.SeedSchool;
import org.opora.testing.GraphQlResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.practice.PracticeFixtures.UPDATE;
import static org.opora.practice.PracticeFixtures.await;
import static org.opora.practice.PracticeFixtures.ids;
import static org.opora.practice.PracticeFixtures.input;
import static org.opora.practice.PracticeFixtures.school;
import static org.opora.practice.PracticeFixtures.search;
import static org.opora.testing.OporaTestApp.adminToken;
import static org.opora.testing.OporaTestApp.bean;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * A full re-index from Neo4j is one admin command, swaps the alias with zero downtime, and loses none of the changes
 * made while it runs. Works in regions R-PR and R-PR-BULK.
 */
class PracticeReindexTest {

    static final String REGION = "R-PR";
    static final String BULK_REGION = "R-PR-BULK";
    static final int BULK = 3_000;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void rebuildsWithoutDowntimeAndKeepsConcurrentChanges() throws Exception {
        school(REGION, "R-PR-M1", "R-PR-S1", "Школа переиндексации", "СОШ", "город", 0.0);
        String author = tokenFor("pr-author", Set.of(Role.SCHOOL_ADMIN), new Scope(REGION, "R-PR-M1", "R-PR-S1"));
        String methodist = tokenFor("pr-methodist", Set.of(Role.METHODIST), new Scope(REGION, null, null));
        String teacher = tokenFor("pr-teacher", Set.of(Role.TEACHER), new Scope("R-PR-ELSEWHERE", null, null));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(PracticeFixtures.approved(author, methodist, input("Практика переиндексации номер " + i,
                    "Практика для проверки переиндексации без простоя: поиск работает всё время.",
                    List.of("MATHEMATICS"), List.of(5), List.of("LOW_MOTIVATION"), "R-PR-S1")));
        }
        // Thousands of practices written to Neo4j without the outbox: only a re-index brings them to search.
        List<SeedSchool> schools = IntStream.rangeClosed(1, 20).mapToObj(i -> new SeedSchool("R-PR-BULK-S" + i, "Школа " + i,
                BULK_REGION, "R-PR-BULK-M1", "Район", i % 2 == 0 ? "СОШ" : "ООШ", i % 3 == 0 ? "город" : "село")).toList();
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SeedPractice p : PracticeGenerator.generate(schools, BULK, 11, "PRB-").practices()) {
            rows.add(p.toImportRow());
        }
        PracticeRepository repository = bean(PracticeRepository.class);
        for (int i = 0; i < rows.size(); i += 500) {
            repository.importPractices(rows.subList(i, Math.min(rows.size(), i + 500)), false);
        }
        String admin = adminToken();
        assertThat(total(search(admin, null, Map.of("regionId", BULK_REGION)))).isZero();
        List<String> before = bean(PracticeIndex.class).indexesBehindAlias();

        CompletableFuture<JsonNode> reindex = CompletableFuture.supplyAsync(() -> graphql(admin,
                "mutation { reindexPractices { index replaced documents millis documentsPerSecond } }").data().get("reindexPractices"));
        // While it runs: search keeps answering completely, and practices keep changing.
        int searches = 0;
        int updates = 0;
        while (!reindex.isDone()) {
            GraphQlResponse response = search(teacher, "переиндексации", Map.of("regionId", REGION));
            assertThat(response.errorCode()).isNull();
            assertThat(total(response)).isEqualTo(10);
            searches++;
            if (updates < ids.size()) {
                String id = ids.get(updates);
                graphql(methodist, UPDATE, Map.of("id", id, "in", input("Обновлена во время переиндексации " + updates,
                        "Практика для проверки переиндексации без простоя: поиск работает всё время.",
                        List.of("MATHEMATICS"), List.of(5), List.of("LOW_MOTIVATION"), "R-PR-S1"))).data();
                updates++;
            }
        }
        JsonNode report = reindex.get();
        assertThat(searches).isGreaterThan(1);
        assertThat(report.get("documents").asLong()).isEqualTo(repository.count());
        assertThat(report.get("replaced")).hasSize(before.size());
        assertThat(bean(PracticeIndex.class).indexesBehindAlias()).containsExactly(report.get("index").asText())
                .doesNotContainAnyElementsOf(before);

        // Every change made during the rebuild is in the new index; the bulk practices are searchable now.
        bean(PracticeOutbox.class).requestDrain().get(1, TimeUnit.MINUTES);
        for (int i = 0; i < updates; i++) {
            int n = i;
            GraphQlResponse found = await(() -> search(teacher, "\"Обновлена во время переиндексации " + n + "\"",
                    Map.of("regionId", REGION)), r -> ids(r).contains(ids.get(n)), Duration.ofSeconds(10));
            assertThat(ids(found)).contains(ids.get(n));
        }
        assertThat(total(search(admin, null, Map.of("regionId", BULK_REGION)))).isEqualTo(BULK);
        long approved = rows.stream().filter(r -> "APPROVED".equals(((Map<?, ?>) r.get("content")).get("status"))).count();
        assertThat(total(search(teacher, null, Map.of("regionId", BULK_REGION)))).isEqualTo(approved);
        JsonNode status = graphql(admin, "{ practiceIndexStatus { documents rebuilding outboxPending } }").data().get("practiceIndexStatus");
        assertThat(status.get("rebuilding").asBoolean()).isFalse();
        assertThat(status.get("documents").asLong()).isEqualTo(repository.count());
    }

    @Test
    void onlyTheAdministratorRebuilds() {
        String methodist = tokenFor("pr-methodist", Set.of(Role.METHODIST), new Scope(REGION, null, null));
        assertThat(graphql(methodist, "mutation { reindexPractices { documents } }").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(methodist, "{ practiceIndexStatus { documents } }").errorCode()).isEqualTo("FORBIDDEN");
    }

    private static long total(GraphQlResponse response) {
        return response.data().get("searchPractices").get("totalCount").asLong();
    }
}
