package org.opora.platform.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.testing.GraphQlResponse;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.graphql;

/**
 * The worst operations we could construct ({@link AttackQueries}) are refused with QUERY_TOO_COMPLEX, naming the
 * broken limit, in well under a second and before any field is resolved; legitimate nested queries still run.
 */
class QueryCostTest {

    private static String teacher;

    @BeforeAll
    static void region() {
        CostRegion.build();
        teacher = CostRegion.teacherToken();
        graphql(teacher, "{ ping }").data();
    }

    @Test
    void fiveLevelsOfTeachersAreRefusedByCost() {
        JsonNode error = refused(AttackQueries.nestedTeachers(5), Map.of(), "COST");
        assertThat(error.path("message").asText()).contains("Запрос слишком дорогой")
                .contains("teacher.school.teachers.school.teachers");
        // 60 teachers assumed per school (@listSize), five lists deep.
        assertThat(error.path("extensions").path("actual").asLong()).isGreaterThan(60L * 60 * 60 * 60);
        assertThat(error.path("extensions").path("limit").asLong()).isEqualTo(25_000);
    }

    @Test
    void eightLevelsAreRefusedByDepth() {
        JsonNode error = refused(AttackQueries.nestedTeachers(8), Map.of(), "DEPTH");
        assertThat(error.path("message").asText()).startsWith("Запрос слишком глубокий").contains("не более 12");
    }

    @Test
    void aThousandAliasesAreRefused() {
        JsonNode error = refused(AttackQueries.aliases(1_000), Map.of(), "ALIASES");
        assertThat(error.path("message").asText()).contains("псевдонимов").contains("100");
        // At the limit the same query runs.
        GraphQlResponse hundred = graphql(teacher, AttackQueries.aliases(100));
        assertThat(hundred.data().path("a99").asText()).isEqualTo("pong");
    }

    @Test
    void fragmentBombsAreRefused() {
        JsonNode error = refused(AttackQueries.fragmentBomb(40), Map.of(), "FIELDS");
        assertThat(error.path("message").asText()).contains("больше 500 полей");
        refused(AttackQueries.nestedFragmentBomb(5), Map.of(), "COST");
        refused(AttackQueries.manyFields(600), Map.of(), "FIELDS");
    }

    @Test
    void aHugePageIsRefusedWhetherLiteralOrVariable() {
        refused(AttackQueries.hugeFirst(), Map.of(), "COST");
        JsonNode error = refused(AttackQueries.hugeFirstVariable(), Map.of("n", 1_000_000), "COST");
        assertThat(error.path("message").asText()).contains("schools.edges.node");
        // With a real page size the same document runs (and the default page of 20 applies without the variable); by
        // a coordinator, since a teacher may list only their own school's teachers.
        GraphQlResponse page = graphql(CostRegion.coordinatorToken(), AttackQueries.hugeFirstVariable(), Map.of("n", 2));
        assertThat(page.data().path("schools").path("edges").size()).isEqualTo(2);
        assertThat(page.body().path("extensions").path("cost").path("estimated").asLong()).isBetween(100L, 25_000L);
    }

    @Test
    void manyListsSideBySideAreRefused() {
        refused(AttackQueries.wideLists(), Map.of(), "COST");
    }

    @Test
    void legitimateNestingStillRuns() {
        GraphQlResponse response = graphql(teacher, AttackQueries.nestedTeachers(2));
        JsonNode schoolTeachers = response.data().path("teacher").path("school").path("teachers");
        assertThat(schoolTeachers.size()).isEqualTo(CostRegion.TEACHERS_PER_SCHOOL);
        assertThat(schoolTeachers.get(0).path("school").path("teachers").size()).isEqualTo(CostRegion.TEACHERS_PER_SCHOOL);
        JsonNode cost = response.body().path("extensions").path("cost");
        assertThat(cost.path("estimated").asLong()).isBetween(3_600L, 25_000L);
        assertThat(cost.path("limit").asLong()).isEqualTo(25_000);
    }

    /** Refusal: HTTP 400, no data, one QUERY_TOO_COMPLEX error naming the rule, no database work, under a second. */
    static JsonNode refused(String query, Map<String, Object> variables, String rule) {
        long started = System.nanoTime();
        GraphQlResponse response = graphql(teacher, query, variables);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().has("data")).isFalse();
        assertThat(response.body().path("errors").size()).isEqualTo(1);
        JsonNode error = response.body().path("errors").get(0);
        assertThat(error.path("extensions").path("code").asText()).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(error.path("extensions").path("rule").asText()).isEqualTo(rule);
        assertThat(error.path("extensions").path("actual").asLong()).isGreaterThan(error.path("extensions").path("limit").asLong());
        assertThat(response.body().path("extensions").path("cost").path("databaseTransactions").asInt()).isZero();
        assertThat(millis).as("refusal time of %s", rule).isLessThan(1_000);
        return error;
    }
}
