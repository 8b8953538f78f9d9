package org.opora.platform.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * Child fields go through request-scoped DataLoaders: a nested query costs one database transaction per level,
 * however many rows each level has (counted by {@code extensions.cost.databaseTransactions}, which
 * {@code Neo4jSessions} counts per request), and the territorial check still applies to every parent.
 */
class BatchingTest {

    private static final String NESTED = """
            query($region: ID) { schools(filter: {regionId: $region}, first: 10) { edges { node { id
              municipality { id name }
              teachers { id school { id name municipality { id } } } } } } }""";

    @BeforeAll
    static void region() {
        CostRegion.build();
    }

    @Test
    void aNestedQueryCostsOneTransactionPerLevel() {
        GraphQlResponse response = graphql(CostRegion.coordinatorToken(), NESTED, Map.of("region", CostRegion.REGION));
        JsonNode edges = response.data().path("schools").path("edges");
        assertThat(edges.size()).isEqualTo(CostRegion.SCHOOLS);
        Set<String> teachers = new HashSet<>();
        for (JsonNode edge : edges) {
            JsonNode school = edge.path("node");
            assertThat(school.path("municipality").path("id").asText()).startsWith("COST-M");
            assertThat(school.path("teachers").size()).isEqualTo(CostRegion.TEACHERS_PER_SCHOOL);
            for (JsonNode teacher : school.path("teachers")) {
                teachers.add(teacher.path("id").asText());
                // Each teacher's school is its own school, read once for all 90 teachers.
                assertThat(teacher.path("school").path("id").asText()).isEqualTo(school.path("id").asText());
                assertThat(teacher.path("school").path("municipality").path("id").asText())
                        .isEqualTo(school.path("municipality").path("id").asText());
            }
        }
        assertThat(teachers).hasSize(CostRegion.SCHOOLS * CostRegion.TEACHERS_PER_SCHOOL);
        // schools: page + count; then one batch each for municipalities, teachers of the 3 schools, the 90
        // teachers' schools (3 distinct) — their municipalities are already loaded. Without batching: 2 + 3 + 3 + 90 + 90.
        assertThat(response.body().path("extensions").path("cost").path("databaseTransactions").asInt()).isEqualTo(5);
    }

    @Test
    void aFlatQueryAndTheSameQueryFiveLevelsDeepDifferByTheLevelsOnly() {
        String token = CostRegion.teacherToken();
        String oneLevel = "{ teacher(id: \"" + CostRegion.teacher(1, 1) + "\") { id fullName } }";
        int flat = graphql(token, oneLevel).body().path("extensions").path("cost").path("databaseTransactions").asInt();
        // teacher → school → 30 teachers → their school → 30 teachers: each entity read once (the loaders cache per request).
        GraphQlResponse nested = graphql(token, AttackQueries.nestedTeachers(2));
        nested.data();
        assertThat(nested.body().path("extensions").path("cost").path("databaseTransactions").asInt()).isEqualTo(flat + 2);
    }

    @Test
    void theTerritoryCheckStillAppliesToEveryParent() {
        String outsider = tokenFor("cost-outsider", Set.of(Role.REGIONAL_COORDINATOR), new Scope("R-COST-OTHER", null, null));
        GraphQlResponse response = graphql(outsider, "{ school(id: \"" + CostRegion.school(1) + "\") { id teachers { id } } }");
        assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(response.body().path("data").path("school").path("teachers").isMissingNode()
                || response.body().path("data").path("school").isNull()).isTrue();
        assertThat(response.body().toString()).doesNotContain("COST-T-");
    }
}
