package org.opora.school;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;
import org.opora.testing.TestRegion;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/** School.regionalMeans: the region's mean next to a school's results, for its territory's analysts only. */
class SchoolRegionalMeansTest {

    private static final String REGION = "R-WMEAN";
    private static final String QUERY = """
            query($id: ID!) { school(id: $id) { id regionalMeans { year procedure subject grade meanScore schools } } }""";

    @BeforeAll
    static void region() {
        new TestRegion(REGION)
                .school("R-WMEAN-S1", "R-WMEAN-M1", "СОШ", "город", 500)
                .school("R-WMEAN-S2", "R-WMEAN-M1", "СОШ", "город", 400)
                .school("R-WMEAN-S3", "R-WMEAN-M2", "ООШ", "село", 90)
                .result("R-WMEAN-S1", 2024, "ВПР", "Математика", 5, 10.0)
                .result("R-WMEAN-S2", 2024, "ВПР", "Математика", 5, 14.0)
                .result("R-WMEAN-S3", 2024, "ВПР", "Математика", 5, 18.0)
                // A grade the school has no result in stays out of its means.
                .result("R-WMEAN-S2", 2024, "ВПР", "Математика", 6, 30.0)
                .save();
    }

    @Test
    void aRegionalCoordinatorGetsTheMeanOfTheGradesTheSchoolHas() {
        String token = tokenFor("means-region", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null));
        JsonNode means = graphql(token, QUERY, Map.of("id", "R-WMEAN-S1")).data().get("school").get("regionalMeans");
        assertThat(means).hasSize(1);
        JsonNode mean = means.get(0);
        assertThat(mean.get("year").asInt()).isEqualTo(2024);
        assertThat(mean.get("procedure").asText()).isEqualTo("ВПР");
        assertThat(mean.get("subject").asText()).isEqualTo("Математика");
        assertThat(mean.get("grade").asInt()).isEqualTo(5);
        assertThat(mean.get("meanScore").asDouble()).isEqualTo(14.0);
        assertThat(mean.get("schools").asInt()).isEqualTo(3);
    }

    @Test
    void aMunicipalCoordinatorOfTheSchoolsMunicipalityMayReadIt() {
        String token = tokenFor("means-m1", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(REGION, "R-WMEAN-M1", null));
        JsonNode means = graphql(token, QUERY, Map.of("id", "R-WMEAN-S2")).data().get("school").get("regionalMeans");
        assertThat(means).hasSize(2);
        assertThat(means.get(1).get("grade").asInt()).isEqualTo(6);
        assertThat(means.get(1).get("meanScore").asDouble()).isEqualTo(30.0);
    }

    @Test
    void outsidersAreForbidden() {
        Map<String, String> outsiders = Map.of(
                "another municipality", tokenFor("means-m2", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(REGION, "R-WMEAN-M2", null)),
                "another region", tokenFor("means-other", Set.of(Role.REGIONAL_COORDINATOR), new Scope("R-WMEAN-OTHER", null, null)),
                "a teacher of the school", tokenFor("means-teacher", Set.of(Role.TEACHER), new Scope(REGION, "R-WMEAN-M1", "R-WMEAN-S1")));
        outsiders.forEach((who, token) -> {
            GraphQlResponse response = graphql(token, QUERY, Map.of("id", "R-WMEAN-S1"));
            assertThat(response.errorCode()).as(who).isEqualTo("FORBIDDEN");
            assertThat(response.body().path("data").path("school").path("regionalMeans").isMissingNode()
                    || response.body().path("data").path("school").isNull()).as(who).isTrue();
        });
    }

    /** The means are kept per region (RegionalMeans): new results, and changed scores of an import, show at once. */
    @Test
    void keptMeansFollowNewResultsAndReImportedScores() {
        String region = "R-WMEAN2";
        String token = tokenFor("means-cache", Set.of(Role.REGIONAL_COORDINATOR), new Scope(region, null, null));
        TestRegion data = new TestRegion(region)
                .school("R-WMEAN2-S1", "R-WMEAN2-M1", "СОШ", "город", 500)
                .school("R-WMEAN2-S2", "R-WMEAN2-M1", "СОШ", "город", 400)
                .result("R-WMEAN2-S1", 2024, "ВПР", "Математика", 5, 3.0)
                .save();
        assertThat(mean(token, "R-WMEAN2-S1")).isEqualTo(3.0);

        // Written behind the importer's back (the region's result count changes).
        data.result("R-WMEAN2-S2", 2024, "ВПР", "Математика", 5, 4.0).save();
        assertThat(mean(token, "R-WMEAN2-S1")).isEqualTo(3.5);

        // Re-imported with another score: the same number of results, so only the import's event can tell.
        String admin = tokenFor("means-cache-admin", Set.of(Role.REGIONAL_COORDINATOR), new Scope(region, null, null));
        JsonNode report = graphql(admin, """
                mutation($content: String!) { importSchoolData(input: {content: $content}) { nodesUpdated } }""",
                Map.of("content", "school_id,year,procedure,subject,grade,participants,mean_score\n"
                        + "R-WMEAN2-S2,2024,ВПР,Математика,5,25,4.6\n")).data().get("importSchoolData");
        assertThat(report.get("nodesUpdated").asInt()).isEqualTo(1);
        assertThat(mean(token, "R-WMEAN2-S1")).isCloseTo(3.8, within(1e-9));
    }

    private static double mean(String token, String schoolId) {
        JsonNode means = graphql(token, QUERY, Map.of("id", schoolId)).data().get("school").get("regionalMeans");
        assertThat(means).hasSize(1);
        return means.get(0).get("meanScore").asDouble();
    }
}
