package org.opora.support.roadmaps;

import com.fasterxml.jackson.databind.JsonNode;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.OporaTestApp;
import org.opora.testing.TestRegion;

import java.util.Map;
import java.util.Set;

import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * A region of two municipalities with two schools each (ids {@code <region>-M1}, {@code <region>-M1-S1}...) and the
 * people around it; each test class passes its own region id.
 */
final class RoadmapFixture {

    static final String CREATE = """
            mutation($level: RoadmapLevel!, $territoryId: ID!, $title: String!) {
              createRoadmap(input: {level: $level, territoryId: $territoryId, title: $title,
                                    periodStart: "2026-01-01", periodEnd: "2026-12-31"}) {
                id level regionId municipalityId schoolId territoryName title periodStart periodEnd activityCount canEdit
              }
            }""";

    static final String ADD = """
            mutation($roadmapId: ID!, $input: RoadmapActivityInput!) {
              addRoadmapActivity(roadmapId: $roadmapId, input: $input) {
                id roadmapId position section title deadline responsible plannedResult status actualResult overdue
              }
            }""";

    final String region;
    final String m1;
    final String m2;
    final String regional;
    final String municipal1;
    final String municipal2;
    final String schoolAdmin11;
    final String schoolAdmin12;
    final String regionalMethodist;
    final String curator1;
    final String teacher11;
    final String outsider;

    RoadmapFixture(String region) {
        this.region = region;
        this.m1 = region + "-M1";
        this.m2 = region + "-M2";
        new TestRegion(region)
                .school(m1 + "-S1", m1, "СОШ", "город", 500)
                .school(m1 + "-S2", m1, "СОШ", "село", 80)
                .school(m2 + "-S1", m2, "СОШ", "город", 400)
                .save();
        regional = tokenFor(region + "-regional", Set.of(Role.REGIONAL_COORDINATOR), new Scope(region, null, null));
        municipal1 = tokenFor(region + "-municipal1", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(region, m1, null));
        municipal2 = tokenFor(region + "-municipal2", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(region, m2, null));
        schoolAdmin11 = tokenFor(region + "-admin11", Set.of(Role.SCHOOL_ADMIN), new Scope(region, m1, m1 + "-S1"));
        schoolAdmin12 = tokenFor(region + "-admin12", Set.of(Role.SCHOOL_ADMIN), new Scope(region, m1, m1 + "-S2"));
        regionalMethodist = tokenFor(region + "-methodist", Set.of(Role.METHODIST), new Scope(region, null, null));
        curator1 = tokenFor(region + "-curator1", Set.of(Role.CURATOR), new Scope(region, m1, null));
        teacher11 = tokenFor(region + "-teacher11", Set.of(Role.TEACHER), new Scope(region, m1, m1 + "-S1"));
        outsider = tokenFor(region + "-outsider", Set.of(Role.REGIONAL_COORDINATOR), new Scope(region + "-OTHER", null, null));
    }

    static JsonNode create(String token, String level, String territoryId, String title) {
        return graphql(token, CREATE, Map.of("level", level, "territoryId", territoryId, "title", title)).data().get("createRoadmap");
    }

    static JsonNode add(String token, String roadmapId, Map<String, Object> input) {
        return graphql(token, ADD, Map.of("roadmapId", roadmapId, "input", input)).data().get("addRoadmapActivity");
    }

    static long count(String cypher, Map<String, Object> params) {
        try (var session = OporaTestApp.driver().session()) {
            return session.run(cypher, params).single().get(0).asLong();
        }
    }

    static long activities(String roadmapId) {
        return count("MATCH (:Roadmap {id: $id})-[:HAS_ACTIVITY]->(a:RoadmapActivity) RETURN count(a)", Map.of("id", roadmapId));
    }
}
