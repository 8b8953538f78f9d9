package org.opora.mentoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.security.DemoLogins;
import org.opora.testing.OporaTestApp;
import org.opora.testing.TestRegion;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.bean;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/** The demo loader on a constructed region shaped like the demo one: sizes, history, reminders, idempotence. */
class MentoringDemoDataTest {

    private static final String REGION = "R-MENT-DEMO";

    @Test
    void loadsTeachersWithHistoryMentoringAndAssociationsOnce() {
        TestRegion region = new TestRegion(REGION);
        for (int i = 0; i < 30; i++) {
            region.school(String.format("MD-%02d", i), "MD-M" + (i % 3), "СОШ", i % 2 == 0 ? "город" : "село", 400);
        }
        region.save();
        try (var session = OporaTestApp.driver().session()) {
            session.run("""
                    MATCH (s:School {regionId: $r})
                    SET s.statuses = CASE WHEN s.id < 'MD-12' THEN ['LOW_RESULTS'] WHEN s.id < 'MD-18' THEN ['LEADER'] ELSE [] END""",
                    Map.of("r", REGION)).consume();
        }
        MentoringDemoData loader = new MentoringDemoData(bean(Neo4jSessions.class), bean(MentoringDemoData.Services.class),
                bean(DemoLogins.class));
        List<String> lines = loader.load(REGION);
        assertThat(String.join("\n", lines)).contains("педагогов", "mentor", "teacher", "school-admin");

        Map<String, Object> counts = bean(Neo4jSessions.class).read(tx -> tx.run("""
                MATCH (t:Teacher {regionId: $r})
                RETURN count(t) AS teachers,
                       count(CASE WHEN COUNT { (t)-[:HAS_DIAGNOSTIC]->() } > 1 THEN 1 END) AS twice,
                       count(CASE WHEN t.fullName =~ '^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$' THEN 1 END) AS russianNames
                """, Map.of("r", REGION)).single().asMap());
        long teachers = (Long) counts.get("teachers");
        assertThat(teachers).isBetween(150L, 300L);
        assertThat((Long) counts.get("twice")).isGreaterThan(20L);
        assertThat(counts.get("russianNames")).isEqualTo(teachers);

        String coordinator = tokenFor("ment-demo-coord", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null));
        JsonNode indicators = graphql(coordinator, """
                query($r: ID!) { mentoringIndicators(regionId: $r) { lowResultSchoolTeachers shareDiagnosed sharePositiveDynamics
                  shareMentored shareAssociationMembers associations activeRelations } }""", Map.of("r", REGION))
                .data().path("mentoringIndicators");
        assertThat(indicators.path("lowResultSchoolTeachers").asInt()).isGreaterThan(60);
        assertThat(indicators.path("shareDiagnosed").asDouble()).isBetween(0.6, 0.95);
        assertThat(indicators.path("sharePositiveDynamics").asDouble()).isBetween(0.3, 1.0);
        assertThat(indicators.path("shareMentored").asDouble()).isGreaterThan(0.1);
        assertThat(indicators.path("associations").asInt()).isEqualTo(3);
        assertThat(indicators.path("activeRelations").asInt()).isGreaterThan(5);
        JsonNode stale = graphql(coordinator, "query($r: ID!) { staleMentoringRelations(regionId: $r, weeks: 4) { message } }",
                Map.of("r", REGION)).data().path("staleMentoringRelations");
        assertThat(stale.size()).isPositive();

        String linked = "MATCH (t:Teacher {regionId: $r})-[:LOGIN_AUDIT]->(a:TeacherLoginAudit {action: 'LINK', actor: 'demo-loader'}) "
                + "WHERE t.username IN ['mentor', 'teacher'] RETURN count(a) AS n";
        Long links = bean(Neo4jSessions.class).read(tx -> tx.run(linked, Map.of("r", REGION)).single().get("n").asLong());
        assertThat(links).isEqualTo(2L);

        loader.load(REGION);
        // Loading again re-creates the logins' passwords but links nothing twice.
        Long linksAgain = bean(Neo4jSessions.class).read(tx -> tx.run(linked, Map.of("r", REGION)).single().get("n").asLong());
        assertThat(linksAgain).isEqualTo(2L);
        long again = bean(Neo4jSessions.class).read(tx -> tx.run("MATCH (t:Teacher {regionId: $r}) RETURN count(t) AS n",
                Map.of("r", REGION)).single().get("n").asLong());
        assertThat(again).isEqualTo(teachers);
    }
}
