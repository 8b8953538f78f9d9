package org.opora.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.testing.TestRegion;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.bean;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/** The roadmap demo loader on a constructed region: one regional and one roadmap per municipality, some overdue, once. */
class RoadmapDemoDataTest {

    private static final String REGION = "R-RM-DEMO";

    @Test
    void loadsTheRegionalAndMunicipalRoadmapsOnce() {
        TestRegion region = new TestRegion(REGION);
        for (int i = 0; i < 9; i++) {
            region.school(String.format("RMD-%02d", i), "RMD-M" + (i % 3), "СОШ", "город", 400);
        }
        region.save();
        RoadmapDemoData loader = new RoadmapDemoData(REGION, bean(Neo4jSessions.class));
        long started = System.nanoTime();
        List<String> lines = loader.load();
        // Printed, not asserted: the first Cypher of a JVM is planned cold and the shared machine's load varies.
        System.out.printf("RoadmapDemoData.load: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(lines).containsExactly("Дорожные карты (регион R-RM-DEMO): региональная и 3 муниципальных, мероприятий 49");

        String coordinator = tokenFor("rm-demo-coord", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null));
        JsonNode roadmaps = graphql(coordinator, """
                query($r: ID!) { roadmaps(regionId: $r) { totalCount edges { node {
                  id level territoryName title activityCount overdueCount doneCount
                  activities { section title deadline responsible status actualResult overdue } } } } }""",
                Map.of("r", REGION)).data().get("roadmaps");
        assertThat(roadmaps.get("totalCount").asInt()).isEqualTo(4);
        JsonNode regional = roadmaps.get("edges").get(0).get("node");
        assertThat(regional.get("level").asText()).isEqualTo("REGION");
        assertThat(regional.get("title").asText()).startsWith("Региональная дорожная карта поддержки школ с низкими результатами");
        int overdue = 0;
        for (JsonNode edge : roadmaps.get("edges")) {
            JsonNode map = edge.get("node");
            assertThat(map.get("doneCount").asInt()).isPositive();
            assertThat(map.get("overdueCount").asInt()).as("overdue in %s", map.get("id")).isPositive();
            overdue += map.get("overdueCount").asInt();
            for (JsonNode a : map.get("activities")) {
                if (a.get("status").asText().equals("DONE")) {
                    assertThat(a.get("actualResult").asText()).startsWith("Выполнено: ");
                }
            }
        }
        assertThat(overdue).isPositive();
        assertThat(roadmaps.get("edges").get(1).get("node").get("territoryName").asText()).isEqualTo("Округ RMD-M0");

        long again = System.nanoTime();
        assertThat(loader.load()).containsExactly("Дорожные карты (регион R-RM-DEMO): демо-карты уже есть (4)");
        System.out.printf("RoadmapDemoData.load (already loaded): %d ms%n", (System.nanoTime() - again) / 1_000_000);
        long activities = bean(Neo4jSessions.class).readOnce(
                "MATCH (r:Roadmap {regionId: $r})-[:HAS_ACTIVITY]->(a) RETURN count(a) AS n", Map.of("r", REGION),
                result -> result.single().get("n").asLong());
        assertThat(activities).isEqualTo(49);
    }
}
