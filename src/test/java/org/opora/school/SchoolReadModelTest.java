package org.opora.school;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;
import org.opora.testing.TestRegion;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.adminToken;
import static org.opora.testing.OporaTestApp.bean;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * The school read model: one projection of a school ({@link SchoolDirectory}), and one database round trip per
 * level of a GraphQL response that reaches schools, however many rows a level has. Works in region R-SCHOOL-RM.
 */
class SchoolReadModelTest {

    private static final String REGION = "R-SCHOOL-RM";
    private static final int SCHOOLS = 12;

    /** Schools (level 1) → their current assessment (level 2) → the assessed school again, through the loader (level 3). */
    private static final String NESTED = """
            query($r: ID!, $n: Int) { schools(filter: {regionId: $r}, first: $n) { edges { node { id name currentStatuses
              assessment { runId resultsIndex statuses { status } riskProfile { factor }
                school { id name type locality enrolment regionId currentStatuses municipality { id name } } } } } } }""";

    @BeforeAll
    static void region() {
        TestRegion region = new TestRegion(REGION);
        for (int i = 0; i < SCHOOLS; i++) {
            String id = "RM-" + (i < 10 ? "0" : "") + i;
            region.school(id, "RM-M" + (i % 2), i % 3 == 0 ? "ООШ" : "СОШ", i % 2 == 0 ? "город" : "село", 200 + i);
            double context = 0.1 + 0.03 * i;
            double offset = i == 4 ? -0.7 : 0.03 * Math.sin(i * 1.7);
            for (int year : new int[]{2024, 2025}) {
                region.result(id, year, "ВПР", "Русский язык", 6, 4.3 - context + offset);
                region.result(id, year, "ВПР", "Математика", 6, 4.2 - context + offset);
                region.indicator(id, year, "low_income_share", context);
            }
        }
        region.save();
        GraphQlResponse run = graphql(adminToken(), """
                mutation($r: ID!) { runIdentification(input: {regionId: $r, year: 2025, years: 2, methods: [REGRESSION, RISK_PROFILE]}) { id schoolsAssessed } }""",
                Map.of("r", REGION));
        assertThat(run.data().path("runIdentification").path("schoolsAssessed").asInt()).isEqualTo(SCHOOLS);
    }

    @Test
    void theDirectoryReadsSchoolsByIdWithTheirTerritoryAndCurrentIdentification() {
        SchoolDirectory directory = bean(SchoolDirectory.class);
        Map<String, School> found = directory.byIds(List.of("RM-00", "RM-05", "RM-NONE"));
        assertThat(found).containsOnlyKeys("RM-00", "RM-05");
        School school = found.get("RM-05");
        assertThat(school.name()).isEqualTo("Школа RM-05");
        assertThat(school.regionId()).isEqualTo(REGION);
        assertThat(school.regionName()).isEqualTo("Тестовый регион " + REGION);
        assertThat(school.municipalityId()).isEqualTo("RM-M1");
        assertThat(school.municipalityName()).isEqualTo("Округ RM-M1");
        assertThat(school.locality()).isEqualTo("село");
        assertThat(school.enrolment()).isEqualTo(205);
        assertThat(school.identificationRunId()).isNotNull();
        assertThat(school.identification().resultsIndex()).isNotNull();
        assertThat(directory.byId("RM-NONE")).isEmpty();
        assertThat(directory.byIds(List.of())).isEmpty();
        assertThat(directory.inRegion(REGION)).extracting(School::id).hasSize(SCHOOLS).first().isEqualTo("RM-00");
    }

    @Test
    void schoolsReachedAtTwoLevelsCostOneRoundTripPerLevel() {
        String token = tokenFor("rm-coordinator", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null));
        GraphQlResponse three = graphql(token, NESTED, Map.of("r", REGION, "n", 3));
        GraphQlResponse all = graphql(token, NESTED, Map.of("r", REGION, "n", SCHOOLS));
        JsonNode edges = all.data().path("schools").path("edges");
        assertThat(edges).hasSize(SCHOOLS);
        for (JsonNode edge : edges) {
            JsonNode school = edge.path("node");
            JsonNode assessment = school.path("assessment");
            assertThat(assessment.path("resultsIndex").isNumber()).as(school.path("id").asText()).isTrue();
            JsonNode assessed = assessment.path("school");
            assertThat(assessed.path("id").asText()).isEqualTo(school.path("id").asText());
            assertThat(assessed.path("name").asText()).isEqualTo(school.path("name").asText());
            assertThat(assessed.path("regionId").asText()).isEqualTo(REGION);
            assertThat(assessed.path("municipality").path("name").asText()).startsWith("Округ RM-M");
            assertThat(assessed.path("currentStatuses")).isEqualTo(school.path("currentStatuses"));
        }
        // The school whose results sit far below what its context predicts is ШНОР, as its assessment says.
        JsonNode low = edges.get(4).path("node");
        assertThat(low.path("id").asText()).isEqualTo("RM-04");
        assertThat(low.path("currentStatuses").toString()).contains("LOW_RESULTS");
        assertThat(low.path("assessment").path("statuses").toString()).contains("LOW_RESULTS");
        // schools: page + count (2); all their assessments (1); the assessed schools (1); their municipalities (1).
        // One query per row would cost 2 + 3 × 12.
        assertThat(transactions(all)).isEqualTo(5);
        assertThat(transactions(three)).isEqualTo(transactions(all));
    }

    private static int transactions(GraphQlResponse response) {
        return response.body().path("extensions").path("cost").path("databaseTransactions").asInt();
    }
}
