package org.opora.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opora.testing.OporaTestApp;

import graphql.GraphQL;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

/**
 * Root fields must have a fetcher registered in the code registry (the default property fetcher would answer null, or
 * an error for a non-null field, on every call). Fields of object types are checked by {@link ApiCoverageTest}, which
 * selects them over HTTP on real data: a non-null field without its property fails that run.
 */
class SchemaFetcherTest {

    static GraphQLSchema schema() {
        return OporaTestApp.bean(GraphQL.class).getGraphQLSchema();
    }

    @Test
    void everyQueryAndMutationFieldHasARegisteredFetcher() {
        GraphQLSchema schema = schema();
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        List<String> missing = new ArrayList<>();
        for (GraphQLObjectType root : List.of(schema.getQueryType(), schema.getMutationType())) {
            for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                if (!registry.hasDataFetcher(FieldCoordinates.coordinates(root, field))) {
                    missing.add(root.getName() + "." + field.getName());
                }
            }
        }
        assertThat(missing).as("root fields without a fetcher").isEmpty();
        assertThat(schema.getQueryType().getFieldDefinitions().size() + schema.getMutationType().getFieldDefinitions().size())
                .as("root fields checked").isGreaterThan(50);
    }
}
