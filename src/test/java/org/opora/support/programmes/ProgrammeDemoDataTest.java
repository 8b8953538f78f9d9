package org.opora.support.programmes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.support.ProgrammeDemoData;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.support.programmes.ProgrammeRegion.count;
import static org.opora.testing.OporaTestApp.bean;
import static org.opora.testing.OporaTestApp.graphql;

/** The demo programmes on a constructed region: consistent with statuses and risk factors, gaps to show, loaded once. */
class ProgrammeDemoDataTest {

    @Test
    void programmesFollowTheSchoolsAndLoadOnce() {
        ProgrammeRegion r = new ProgrammeRegion("R-SUP-DEMO");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            String id = "DEMO-S%02d".formatted(i);
            ids.add(id);
            r.school(id, i <= 15 ? r.m1 : r.m2, i % 3 == 0 ? List.of("UNFAVOURABLE_CONTEXT") : List.of("LOW_RESULTS"),
                    i % 2 == 0 ? List.of("STAFF_SHORTAGE:HIGH", "LOW_MOTIVATION:MEDIUM") : List.of("REMOTENESS:HIGH"), -0.8);
        }
        r.school("DEMO-LEADER", r.m1, List.of("LEADER"), List.of(), 1.0).save();
        ids.forEach(id -> r.indicator(id, "olympiad_participation_share", 2025, 0.08));

        ProgrammeDemoData loader = new ProgrammeDemoData("R74", bean(Neo4jSessions.class), bean(ObjectMapper.class));
        long started = System.nanoTime();
        List<String> lines = loader.load(r.region, LocalDate.of(2026, 12, 1));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(lines.get(0)).contains("программ");
        // Wall time is reported, not asserted: the shared test machine makes it noisy (see docs/support.md).
        System.out.println("ProgrammeDemoData on 31 schools: " + millis + " ms");

        long programmes = count("MATCH (p:SchoolProgramme {regionId: $r}) RETURN count(p)", Map.of("r", r.region));
        assertThat(programmes).isBetween(15L, 28L);
        assertThat(count("MATCH (:School {id: 'DEMO-LEADER'})-[:HAS_PROGRAMME]->(p) RETURN count(p)", Map.of())).isZero();
        // Goals only from the school's own statuses and MEDIUM/HIGH risk factors; ШНСУ-only schools get transition programmes.
        assertThat(count("""
                MATCH (s:School {regionId: $r})-[:HAS_PROGRAMME]->(p)-[:HAS_GOAL]->(g)
                WHERE (g.basisKind = 'STATUS' AND NOT g.basis IN s.statuses) OR g.basis = 'REMOTENESS'
                   OR (g.basisKind = 'RISK_FACTOR' AND NOT g.basis IN ['STAFF_SHORTAGE', 'LOW_MOTIVATION'])
                RETURN count(g)""", Map.of("r", r.region))).isZero();
        assertThat(count("""
                MATCH (s:School {regionId: $r})-[:HAS_PROGRAMME]->(p {kind: 'SCHOOL_QUALITY'}) WHERE NOT 'LOW_RESULTS' IN s.statuses
                RETURN count(p)""", Map.of("r", r.region))).isZero();
        assertThat(count("MATCH (p:SchoolProgramme {regionId: $r, status: 'DRAFT'}) RETURN count(p)", Map.of("r", r.region))).isPositive();
        assertThat(count("""
                MATCH (p:SchoolProgramme {regionId: $r})-[:HAS_MEASURE]->(m {status: 'DONE'}) WHERE m.evidence IS NULL RETURN count(m)""",
                Map.of("r", r.region))).isZero();

        JsonNode gaps = graphql(r.municipal(r.m1), "query($r: ID!) { programmeGaps(regionId: $r, asOf: \"2026-12-01\") { "
                + "edges { node { kind school { id } } } } }", Map.of("r", r.region)).data().get("programmeGaps");
        assertThat(gaps.get("edges")).extracting(e -> e.get("node").get("kind").asText()).contains("NO_PROGRAMME");
        JsonNode one = graphql(r.regional(), "query($s: ID!) { schoolProgrammes(schoolId: $s) { title measures { title status } "
                + "targets { indicator actual target } } }", Map.of("s", firstWithProgramme(r.region))).data().get("schoolProgrammes").get(0);
        assertThat(one.get("measures").size()).isGreaterThanOrEqualTo(3);
        assertThat(one.get("targets").get(0).get("actual").asDouble()).isEqualTo(0.08);

        assertThat(loader.load(r.region, LocalDate.of(2026, 12, 1)).get(0)).contains("уже есть");
        // The same load once the statements are planned (a second region of the same shape).
        ProgrammeRegion warm = new ProgrammeRegion("R-SUP-DEMO2");
        for (int i = 1; i <= 30; i++) {
            warm.school("DEMO2-S%02d".formatted(i), i <= 15 ? warm.m1 : warm.m2, List.of("LOW_RESULTS"), List.of("STAFF_SHORTAGE:HIGH"), -0.8);
        }
        warm.save();
        long warmStarted = System.nanoTime();
        loader.load(warm.region, LocalDate.of(2026, 12, 1));
        System.out.println("ProgrammeDemoData on 30 schools, warm: " + (System.nanoTime() - warmStarted) / 1_000_000 + " ms");
        assertThat(count("MATCH (p:SchoolProgramme {regionId: $r}) RETURN count(p)", Map.of("r", r.region))).isEqualTo(programmes);
    }

    private static String firstWithProgramme(String region) {
        try (var session = org.opora.testing.OporaTestApp.driver().session()) {
            return session.run("MATCH (s:School {regionId: $r})-[:HAS_PROGRAMME]->() RETURN s.id AS id ORDER BY s.id LIMIT 1",
                    Map.of("r", region)).single().get("id").asString();
        }
    }
}
