package org.opora.school;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;
import org.opora.testing.OporaTestApp;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * CSV upload over GraphQL: a regional coordinator writes data of their own region only, and a file that strays is
 * rejected as a whole with the row and column named. Regions T-UP (the coordinator's) and T-UP-OTHER.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolUploadTest {

    static final String UPLOAD = """
            mutation($content: String!) { importSchoolData(input: {content: $content}) { kind rowsRead nodesCreated } }
            """;
    static final String SCHOOLS = "school_id,name,region_id,region_name,municipality_id,municipality_name,type,locality\n";
    static final String RESULTS = "school_id,year,procedure,subject,grade,participants,mean_score\n";

    String coordinator;

    @BeforeAll
    void otherRegionExists() {
        coordinator = tokenFor("upload-coordinator", Set.of(Role.REGIONAL_COORDINATOR), new Scope("T-UP", null, null));
        String admin = tokenFor("upload-admin", Set.of(Role.ADMIN), Scope.EVERYWHERE);
        graphql(admin, UPLOAD, Map.of("content", SCHOOLS
                + "T-UP-OTHER-1,Школа другого региона,T-UP-OTHER,Другая область,T-UP-OTHER-M,Округ,СОШ,город\n")).data();
    }

    @Test
    void aCoordinatorUploadsTheirOwnRegion() {
        JsonNode report = graphql(coordinator, UPLOAD, Map.of("content", SCHOOLS
                + "T-UP-1,Школа № 1,T-UP,Тестовая область,T-UP-M,Округ,СОШ,село\n")).data().get("importSchoolData");
        assertThat(report.get("kind").asText()).isEqualTo("SCHOOLS");
        assertThat(report.get("nodesCreated").asInt()).isEqualTo(3); // region, municipality, school
        JsonNode results = graphql(coordinator, UPLOAD, Map.of("content", RESULTS
                + "T-UP-1,2024,ВПР,Математика,5,20,3.4\n")).data().get("importSchoolData");
        assertThat(results.get("rowsRead").asInt()).isEqualTo(1);
    }

    @Test
    void schoolsOfAnotherRegionAreRejectedAndNothingIsWritten() {
        GraphQlResponse response = graphql(coordinator, UPLOAD, Map.of("content", SCHOOLS
                + "T-UP-2,Школа № 2,T-UP,Тестовая область,T-UP-M,Округ,СОШ,село\n"
                + "T-UP-OTHER-2,Чужая школа,T-UP-OTHER,Другая область,T-UP-OTHER-M,Округ,СОШ,город\n"
                + "T-UP-OTHER-1,Перехваченная школа,T-UP,Тестовая область,T-UP-M,Округ,СОШ,село\n"));
        assertThat(response.errorCode()).isEqualTo("BAD_USER_INPUT");
        JsonNode problems = response.body().path("errors").path(0).path("extensions").path("problems");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(problems.get(0).get("column").asText()).isEqualTo("region_id");
        assertThat(problems.get(0).get("reason").asText()).contains("только школы своего региона (T-UP)");
        assertThat(problems.get(1).get("row").asInt()).isEqualTo(4);
        assertThat(problems.get(1).get("column").asText()).isEqualTo("school_id");
        assertThat(problems.get(1).get("reason").asText()).contains("относится к региону T-UP-OTHER");
        assertThat(count("MATCH (s:School) WHERE s.id IN ['T-UP-2', 'T-UP-OTHER-2'] RETURN count(s)")).isZero();
        assertThat(count("MATCH (s:School {id: 'T-UP-OTHER-1', regionId: 'T-UP-OTHER', name: 'Школа другого региона'}) RETURN count(s)"))
                .isEqualTo(1);
    }

    @Test
    void resultsOfAnotherRegionsSchoolAreRejected() {
        GraphQlResponse response = graphql(coordinator, UPLOAD, Map.of("content", RESULTS
                + "T-UP-OTHER-1,2024,ВПР,Математика,5,20,2.9\n"));
        assertThat(response.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(response.errorMessage()).contains("results.csv, строка 2, столбец school_id")
                .contains("относится к региону T-UP-OTHER");
        assertThat(count("MATCH (:School {id: 'T-UP-OTHER-1'})-[:HAS_RESULT]->(a) RETURN count(a)")).isZero();
    }

    @Test
    void aCoordinatorWithoutARegionMayNotUpload() {
        String nowhere = tokenFor("upload-no-region", Set.of(Role.REGIONAL_COORDINATOR), Scope.EVERYWHERE);
        assertThat(graphql(nowhere, UPLOAD, Map.of("content", SCHOOLS
                + "T-UP-9,Школа,T-UP,Тестовая область,T-UP-M,Округ,СОШ,село\n")).errorCode()).isEqualTo("FORBIDDEN");
    }

    private static long count(String cypher) {
        try (var session = OporaTestApp.driver().session()) {
            return session.run(cypher).single().get(0).asLong();
        }
    }
}
