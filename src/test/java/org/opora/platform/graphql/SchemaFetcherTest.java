package org.opora.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.opora.testing.OporaTestApp;

import graphql.GraphQL;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

/**
 * Every field can be resolved. Root fields must have a fetcher registered in the code registry (the default property
 * fetcher would answer null, or an error for a non-null field, on every call). Fields of object types may rely on the
 * default fetcher, but then the object their parent returns must have the property (record component, getter or
 * public field; for maps, whose null entries Cypher projections leave out, a non-null field failing the run is the check): {@link ApiCoverageTest} runs its query documents once more in process with this test's
 * {@link PropertyProbe} on every default-fetched field, after its mutations have written real data.
 */
class SchemaFetcherTest {

    static GraphQLSchema schema() {
        return OporaTestApp.bean(GraphQL.class).getGraphQLSchema();
    }

    @Test
    void theProbeRecognisesProperties() {
        record Sample(String name) {
        }
        assertThat(PropertyProbe.hasProperty(new Sample("x"), "name")).isTrue();
        assertThat(PropertyProbe.hasProperty(new Sample("x"), "title")).isFalse();
        assertThat(PropertyProbe.hasProperty(Map.of("title", 1), "title")).isTrue();
        assertThat(PropertyProbe.hasProperty(Map.of("title", 1), "name")).isFalse();
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

    /** A field resolved by the default fetcher whose source object has no such property, as "Type.field (source class)". */
    static final class PropertyProbe extends SimplePerformantInstrumentation {
        final Set<String> missing = new TreeSet<>();
        final Set<String> checked = ConcurrentHashMap.newKeySet();
        private final GraphQLCodeRegistry registry;

        PropertyProbe(GraphQLCodeRegistry registry) {
            this.registry = registry;
        }

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                    InstrumentationState state) {
            var step = parameters.getExecutionStepInfo();
            GraphQLObjectType parent = step.getObjectType();
            if (parent == null || parent.getName().startsWith("__")
                    || registry.hasDataFetcher(FieldCoordinates.coordinates(parent, step.getFieldDefinition()))) {
                return fetcher;
            }
            String name = step.getFieldDefinition().getName();
            String coordinates = parent.getName() + "." + name;
            return env -> {
                Object source = env.getSource();
                checked.add(coordinates);
                // A map from a Cypher projection leaves out null properties, so a missing key proves nothing (a
                // non-null field would fail the run anyway); a record or class either has the property or never will.
                if (source != null && !(source instanceof Map<?, ?>) && !hasProperty(source, name)) {
                    synchronized (missing) {
                        missing.add(coordinates + " (" + source.getClass().getName() + ")");
                    }
                }
                return fetcher.get(env);
            };
        }

        static boolean hasProperty(Object source, String name) {
            if (source instanceof Map<?, ?> map) {
                return map.containsKey(name);
            }
            Class<?> type = source.getClass();
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (component.getName().equals(name)) {
                        return true;
                    }
                }
            }
            String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            for (Method method : type.getMethods()) {
                if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                        && (method.getName().equals(name) || method.getName().equals("get" + capitalised)
                        || method.getName().equals("is" + capitalised))) {
                    return true;
                }
            }
            try {
                type.getField(name);
                return true;
            } catch (NoSuchFieldException e) {
                return false;
            }
        }
    }
}
