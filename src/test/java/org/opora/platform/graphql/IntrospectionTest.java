package org.opora.platform.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.testing.GraphQlResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.graphql;

/**
 * Stock clients can read the schema: the exact introspection documents of graphql-js 16.15
 * ({@code getIntrospectionQuery()}, as sent by GraphiQL, Apollo and GraphQL Code Generator, with and without all
 * options) and graphql-java's own pass their own bound, while introspection abuse is still refused.
 */
class IntrospectionTest {

    private static String teacher;

    @BeforeAll
    static void token() {
        CostRegion.build();
        teacher = CostRegion.teacherToken();
    }

    @Test
    void graphqlJsIntrospectionWithAllOptionsWorks() throws IOException {
        assertFullSchema(graphql(teacher, resource("graphql-js-16.15-all-options.graphql")));
    }

    @Test
    void graphqlJsDefaultIntrospectionWorksEvenWithoutAToken() throws IOException {
        assertFullSchema(graphql(teacher, resource("graphql-js-16.15-default.graphql")));
        assertFullSchema(graphql(null, resource("graphql-js-16.15-default.graphql")));
    }

    @Test
    void graphqlJavaIntrospectionWorks() {
        assertFullSchema(graphql(teacher, IntrospectionQuery.INTROSPECTION_QUERY));
    }

    @Test
    void cyclicIntrospectionIsRefused() {
        String cycle = "{ __type(name: \"School\") { fields { type { ofType { fields { type { ofType { fields { name } } } } } } } } }";
        JsonNode error = QueryCostTest.refused(cycle, Map.of(), "INTROSPECTION");
        assertThat(error.path("message").asText()).contains("«fields» больше одного раза");
    }

    @Test
    void introspectionDeeperThanTwentyIsRefused() {
        String deep = "{ __schema { types { fields { type " + "{ ofType ".repeat(17) + "{ name }" + " }".repeat(17) + " } } } }";
        JsonNode error = QueryCostTest.refused(deep, Map.of(), "DEPTH");
        assertThat(error.path("message").asText()).startsWith("Запрос схемы (introspection) слишком глубокий").contains("не более 20");
    }

    @Test
    void introspectionMixedWithDataKeepsTheGeneralDepthLimit() {
        String mixed = "{ ping __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType "
                + "{ ofType { name } } } } } } } } } } } } } }";
        QueryCostTest.refused(mixed, Map.of(), "DEPTH");
    }

    private static void assertFullSchema(GraphQlResponse response) {
        assertThat(response.status()).isEqualTo(200);
        JsonNode schema = response.data().path("__schema");
        assertThat(schema.path("queryType").path("name").asText()).isEqualTo("Query");
        Set<String> types = new HashSet<>();
        schema.path("types").forEach(t -> types.add(t.path("name").asText()));
        assertThat(types).contains("School", "Teacher", "Practice", "NetworkPair", "__Type");
        Set<String> directives = new HashSet<>();
        schema.path("directives").forEach(d -> directives.add(d.path("name").asText()));
        assertThat(directives).contains("auth", "public", "listSize", "include", "skip");
        // The deepest type reference a client needs ([[X!]!]! style wrappers) came back whole.
        JsonNode school = null;
        for (JsonNode type : schema.path("types")) {
            if (type.path("name").asText().equals("School")) {
                school = type;
            }
        }
        assertThat(school).isNotNull();
        assertThat(school.path("fields").size()).isGreaterThan(10);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = IntrospectionTest.class.getResourceAsStream("/graphql-introspection/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
