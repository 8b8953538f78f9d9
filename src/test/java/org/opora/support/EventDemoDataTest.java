package org.opora.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.testing.OporaTestApp;
import org.opora.testing.TestRegion;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.bean;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * The events demo loader on a constructed region shaped like the demo one: sizes, consistency with the schools'
 * statuses, attendance only of past events, the same result for the same data (fixed seed), idempotence, time.
 */
class EventDemoDataTest {

    private static final String REGION = "R-EVT-DEMO";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void loadsEventsRegistrationsCatalogueAndRolesOnce() {
        TestRegion region = new TestRegion(REGION);
        for (int i = 0; i < 24; i++) {
            region.school(String.format("ED-%02d", i), "ED-M" + (i % 3), "СОШ", i % 2 == 0 ? "город" : "село", 300);
        }
        region.save();
        try (var session = OporaTestApp.driver().session()) {
            session.run("""
                    MATCH (s:School {regionId: $r})
                    SET s.statuses = CASE WHEN s.id < 'ED-08' THEN ['LOW_RESULTS'] WHEN s.id < 'ED-12' THEN ['UNFAVOURABLE_CONTEXT']
                                          WHEN s.id < 'ED-16' THEN ['LEADER'] ELSE [] END
                    WITH s UNWIND range(1, 3) AS n
                    CREATE (t:Teacher {id: s.id + '-T' + n, fullName: 'Педагог ' + n + ' ' + s.id, regionId: $r, schoolId: s.id,
                                       municipalityId: s.municipalityId})-[:WORKS_AT]->(s)
                    CREATE (t)-[:HAS_PLAN]->(p:IndividualPlan {id: s.id + '-P' + n})
                    CREATE (p)-[:HAS_ACTIVITY]->(:DevelopmentActivity {id: s.id + '-A' + n, kind: 'COURSE', title: 'Курсы', done: false})""",
                    Map.of("r", REGION)).consume();
        }
        EventDemoData loader = new EventDemoData(bean(Neo4jSessions.class));
        long started = System.nanoTime();
        List<String> lines = loader.load(REGION, TODAY);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(String.join("\n", lines)).contains("13 мероприятий", "каталог — 8 курсов", "ролей школ — 5",
                "мероприятий ИОМ со ссылкой на каталог — 72");
        // Wall time depends on the machine's load (Cypher planning of cold queries dominates): reported, not asserted.
        System.out.println("EventDemoData.load: " + millis + " ms");

        Map<String, Object> counts = bean(Neo4jSessions.class).read(tx -> tx.run("""
                MATCH (r:EventRegistration {regionId: $r})-[:FOR_EVENT]->(e:SupportEvent)
                MATCH (s:School {id: r.schoolId})
                RETURN count(r) AS registrations,
                       count(CASE WHEN NOT any(x IN s.statuses WHERE x IN ['LOW_RESULTS', 'UNFAVOURABLE_CONTEXT']) THEN 1 END) AS unsupported,
                       count(CASE WHEN e.endDate >= $today AND r.attended IS NOT NULL THEN 1 END) AS markedAhead,
                       count(CASE WHEN e.endDate < $today AND r.attended IS NULL THEN 1 END) AS unmarkedPast,
                       count(CASE WHEN r.attended THEN 1 END) AS attended,
                       count(CASE WHEN e.targetGroup CONTAINS 'ШНСУ' AND NOT e.targetGroup CONTAINS 'ШНОР'
                                   AND NOT 'UNFAVOURABLE_CONTEXT' IN s.statuses THEN 1 END) AS wrongGroup,
                       count(CASE WHEN r.teacherId IS NOT NULL AND e.audience = 'SCHOOLS' THEN 1 END) AS wrongAudience
                """, Map.of("r", REGION, "today", TODAY)).single().asMap());
        assertThat((Long) counts.get("registrations")).isBetween(40L, 200L);
        assertThat(counts.get("unsupported")).isEqualTo(0L);
        assertThat(counts.get("markedAhead")).isEqualTo(0L);
        assertThat(counts.get("unmarkedPast")).isEqualTo(0L);
        assertThat((Long) counts.get("attended")).isPositive();
        assertThat(counts.get("wrongGroup")).isEqualTo(0L);
        assertThat(counts.get("wrongAudience")).isEqualTo(0L);

        String coordinator = tokenFor("evt-demo-coord", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null));
        JsonNode data = graphql(coordinator, """
                query($r: ID!) {
                  supportEvents(regionId: $r, filter: {kind: INTERNSHIP}) { totalCount edges { node { hostSchool { id currentStatuses } } } }
                  schoolsWithRole(regionId: $r, role: INTERNSHIP_SITE) { school { id } }
                  courseCatalogue(regionId: $r) { id }
                  mentoringIndicators(regionId: $r) { eventParticipation { supportSchools attendingSchools } }
                }""", Map.of("r", REGION)).data();
        assertThat(data.path("supportEvents").path("totalCount").asInt()).isEqualTo(3);
        data.path("supportEvents").path("edges").forEach(e ->
                assertThat(e.path("node").path("hostSchool").path("currentStatuses").toString()).contains("LEADER"));
        assertThat(data.path("schoolsWithRole")).hasSize(3);
        assertThat(data.path("courseCatalogue")).hasSize(8);
        assertThat(data.path("mentoringIndicators").path("eventParticipation").path("supportSchools").asInt()).isEqualTo(12);
        assertThat(data.path("mentoringIndicators").path("eventParticipation").path("attendingSchools").asInt()).isPositive();

        List<String> again = loader.load(REGION, TODAY);
        assertThat(again.get(0)).contains("уже есть (13)");
    }
}
