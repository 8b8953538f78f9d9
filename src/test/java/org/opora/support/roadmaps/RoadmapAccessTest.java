package org.opora.support.roadmaps;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opora.testing.GraphQlResponse;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.support.roadmaps.RoadmapFixture.activities;
import static org.opora.support.roadmaps.RoadmapFixture.add;
import static org.opora.support.roadmaps.RoadmapFixture.count;
import static org.opora.support.roadmaps.RoadmapFixture.create;
import static org.opora.testing.OporaTestApp.graphql;

/**
 * Who keeps and who reads each level of roadmap (docs/security.md, «Roadmaps»), and that a refused change writes
 * nothing. Region T-RMA.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoadmapAccessTest {

    static final String READ = "query($id: ID!) { roadmap(id: $id) { id title canEdit activities { title } } }";
    static final String LIST = """
            query($regionId: ID!, $municipalityId: ID, $schoolId: ID) {
              roadmaps(regionId: $regionId, municipalityId: $municipalityId, schoolId: $schoolId) {
                totalCount edges { node { id level } }
              }
            }""";
    static final String SET_STATUS = """
            mutation($id: ID!) { setRoadmapActivityStatus(id: $id, status: DONE, actualResult: "Сделано") { status } }""";
    static final Map<String, Object> ACTIVITY = Map.of("title", "Совещание с руководителями ШНОР", "deadline", "2026-09-15",
            "responsible", "Управление образования");

    RoadmapFixture f;
    String regionalMap;
    String municipalMap1;
    String schoolMap11;
    String regionalActivity;
    String municipalActivity;
    String schoolActivity;

    @BeforeAll
    void roadmapsOfEachLevel() {
        f = new RoadmapFixture("T-RMA");
        regionalMap = create(f.regional, "REGION", f.region, "Региональная дорожная карта").get("id").asText();
        municipalMap1 = create(f.municipal1, "MUNICIPALITY", f.m1, "Муниципальная дорожная карта").get("id").asText();
        schoolMap11 = create(f.schoolAdmin11, "SCHOOL", f.m1 + "-S1", "Дорожная карта школы").get("id").asText();
        regionalActivity = add(f.regional, regionalMap, ACTIVITY).get("id").asText();
        municipalActivity = add(f.municipal1, municipalMap1, ACTIVITY).get("id").asText();
        schoolActivity = add(f.schoolAdmin11, schoolMap11, ACTIVITY).get("id").asText();
    }

    private static void forbidden(GraphQlResponse response) {
        assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void eachLevelIsCreatedOnlyByItsKeeper() {
        long before = count("MATCH (r:Roadmap {regionId: 'T-RMA'}) RETURN count(r)", Map.of());
        // The regional coordinator keeps the region's roadmap, not a municipality's or a school's.
        forbidden(graphql(f.regional, RoadmapFixture.CREATE, Map.of("level", "MUNICIPALITY", "territoryId", f.m1, "title", "x")));
        forbidden(graphql(f.regional, RoadmapFixture.CREATE, Map.of("level", "SCHOOL", "territoryId", f.m1 + "-S1", "title", "x")));
        // A municipal coordinator keeps their own municipality's only.
        GraphQlResponse regionByMunicipal = graphql(f.municipal1, RoadmapFixture.CREATE, Map.of("level", "REGION", "territoryId", f.region, "title", "x"));
        forbidden(regionByMunicipal);
        assertThat(regionByMunicipal.errorMessage()).isEqualTo("Региональную дорожную карту ведёт региональный координатор своего региона");
        forbidden(graphql(f.municipal2, RoadmapFixture.CREATE, Map.of("level", "MUNICIPALITY", "territoryId", f.m1, "title", "x")));
        forbidden(graphql(f.municipal1, RoadmapFixture.CREATE, Map.of("level", "SCHOOL", "territoryId", f.m1 + "-S2", "title", "x")));
        // A school admin keeps their own school's only.
        forbidden(graphql(f.schoolAdmin12, RoadmapFixture.CREATE, Map.of("level", "SCHOOL", "territoryId", f.m1 + "-S1", "title", "x")));
        // Readers and outsiders create nothing.
        forbidden(graphql(f.regionalMethodist, RoadmapFixture.CREATE, Map.of("level", "REGION", "territoryId", f.region, "title", "x")));
        forbidden(graphql(f.outsider, RoadmapFixture.CREATE, Map.of("level", "REGION", "territoryId", f.region, "title", "x")));
        assertThat(count("MATCH (r:Roadmap {regionId: 'T-RMA'}) RETURN count(r)", Map.of())).isEqualTo(before);
    }

    @Test
    void everyoneWhoseScopeCoversTheTerritoryReadsIt() {
        // Regional readers read every level in the region.
        for (String token : new String[] {f.regional, f.regionalMethodist}) {
            for (String id : new String[] {regionalMap, municipalMap1, schoolMap11}) {
                assertThat(graphql(token, READ, Map.of("id", id)).data().get("roadmap").get("activities")).hasSize(1);
            }
        }
        // Municipality 1's coordinator and curator read its roadmap and its schools', not the region's.
        for (String token : new String[] {f.municipal1, f.curator1}) {
            assertThat(graphql(token, READ, Map.of("id", municipalMap1)).data().get("roadmap").get("id").asText()).isEqualTo(municipalMap1);
            assertThat(graphql(token, READ, Map.of("id", schoolMap11)).data().get("roadmap").get("id").asText()).isEqualTo(schoolMap11);
            forbidden(graphql(token, READ, Map.of("id", regionalMap)));
        }
        // A teacher of the school reads the school's roadmap only.
        assertThat(graphql(f.teacher11, READ, Map.of("id", schoolMap11)).data().get("roadmap").get("canEdit").asBoolean()).isFalse();
        forbidden(graphql(f.teacher11, READ, Map.of("id", municipalMap1)));
        // The other municipality and the other school see nothing of municipality 1's school.
        forbidden(graphql(f.municipal2, READ, Map.of("id", municipalMap1)));
        forbidden(graphql(f.municipal2, READ, Map.of("id", schoolMap11)));
        forbidden(graphql(f.schoolAdmin12, READ, Map.of("id", schoolMap11)));
        // An outsider (another region) reads nothing, and learns nothing from an error text.
        for (String id : new String[] {regionalMap, municipalMap1, schoolMap11}) {
            GraphQlResponse response = graphql(f.outsider, READ, Map.of("id", id));
            forbidden(response);
            assertThat(response.errorMessage()).isEqualTo("Эта дорожная карта вне вашей территории");
        }
    }

    @Test
    void canEditTellsTheKeeperOnly() {
        assertThat(graphql(f.regional, READ, Map.of("id", regionalMap)).data().get("roadmap").get("canEdit").asBoolean()).isTrue();
        assertThat(graphql(f.regional, READ, Map.of("id", municipalMap1)).data().get("roadmap").get("canEdit").asBoolean()).isFalse();
        assertThat(graphql(f.municipal1, READ, Map.of("id", municipalMap1)).data().get("roadmap").get("canEdit").asBoolean()).isTrue();
        assertThat(graphql(f.municipal1, READ, Map.of("id", schoolMap11)).data().get("roadmap").get("canEdit").asBoolean()).isFalse();
        assertThat(graphql(f.schoolAdmin11, READ, Map.of("id", schoolMap11)).data().get("roadmap").get("canEdit").asBoolean()).isTrue();
        assertThat(graphql(f.regionalMethodist, READ, Map.of("id", regionalMap)).data().get("roadmap").get("canEdit").asBoolean()).isFalse();
    }

    @Test
    void onlyTheKeeperChangesActivitiesAndARefusalWritesNothing() {
        String[][] refused = {
                {f.municipal1, regionalMap, regionalActivity},
                {f.regionalMethodist, regionalMap, regionalActivity},
                {f.regional, municipalMap1, municipalActivity},
                {f.curator1, municipalMap1, municipalActivity},
                {f.municipal2, municipalMap1, municipalActivity},
                {f.municipal1, schoolMap11, schoolActivity},
                {f.schoolAdmin12, schoolMap11, schoolActivity},
                {f.teacher11, schoolMap11, schoolActivity},
                {f.outsider, regionalMap, regionalActivity},
        };
        for (String[] attempt : refused) {
            String token = attempt[0];
            String roadmap = attempt[1];
            String activity = attempt[2];
            forbidden(graphql(token, RoadmapFixture.ADD, Map.of("roadmapId", roadmap, "input", ACTIVITY)));
            forbidden(graphql(token, "mutation($id: ID!, $input: RoadmapActivityInput!) { updateRoadmapActivity(id: $id, input: $input) { id } }",
                    Map.of("id", activity, "input", Map.of("title", "Подменено", "deadline", "2020-01-01", "responsible", "Кто-то"))));
            forbidden(graphql(token, SET_STATUS, Map.of("id", activity)));
            forbidden(graphql(token, "mutation($id: ID!) { removeRoadmapActivity(id: $id) { id } }", Map.of("id", activity)));
            forbidden(graphql(token, "mutation($id: ID!, $c: String!) { importRoadmapXlsx(input: {roadmapId: $id, content: $c}) { id } }",
                    Map.of("id", roadmap, "c", RoadmapWorkbooks.sampleBase64())));
            assertThat(activities(roadmap)).as("activities of %s after a refused change", roadmap).isEqualTo(1);
            assertThat(count("MATCH (a:RoadmapActivity {id: $id}) WHERE a.title = $title AND a.status = 'PLANNED' AND a.actualResult IS NULL "
                    + "RETURN count(a)", Map.of("id", activity, "title", ACTIVITY.get("title")))).isEqualTo(1);
        }
    }

    @Test
    void aTerritorysListIsForThoseWhoseScopeCoversIt() {
        JsonNode all = graphql(f.regional, LIST, Map.of("regionId", f.region)).data().get("roadmaps");
        assertThat(all.get("totalCount").asInt()).isEqualTo(3);
        assertThat(all.get("edges").findValuesAsText("level")).containsExactly("REGION", "MUNICIPALITY", "SCHOOL");
        JsonNode municipality = graphql(f.curator1, LIST, Map.of("regionId", f.region, "municipalityId", f.m1)).data().get("roadmaps");
        assertThat(municipality.get("edges").findValuesAsText("id")).containsExactly(municipalMap1, schoolMap11);
        forbidden(graphql(f.municipal1, LIST, Map.of("regionId", f.region)));
        forbidden(graphql(f.municipal2, LIST, Map.of("regionId", f.region, "municipalityId", f.m1)));
        forbidden(graphql(f.outsider, LIST, Map.of("regionId", f.region)));
        JsonNode school = graphql(f.teacher11, LIST, Map.of("regionId", f.region, "municipalityId", f.m1, "schoolId", f.m1 + "-S1"))
                .data().get("roadmaps");
        assertThat(school.get("edges").findValuesAsText("id")).containsExactly(schoolMap11);
    }
}
