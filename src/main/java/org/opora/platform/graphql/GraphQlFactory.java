package org.opora.platform.graphql;

import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Builds the executable schema from {@code graphql/*.graphqls} and every feature's {@link GraphQlWiring}. */
@Factory
public class GraphQlFactory {

    static final String BASE_SCHEMA = "graphql/schema.graphqls";

    @Singleton
    QueryLimits queryLimits(@Value("${opora.graphql.max-depth:12}") int maxDepth,
                            @Value("${opora.graphql.max-introspection-depth:20}") int maxIntrospectionDepth,
                            @Value("${opora.graphql.max-fields:500}") int maxFields,
                            @Value("${opora.graphql.max-aliases:100}") int maxAliases,
                            @Value("${opora.graphql.max-cost:25000}") long maxCost,
                            @Value("${opora.graphql.default-list-size:20}") int defaultListSize) {
        return new QueryLimits(maxDepth, maxIntrospectionDepth, maxFields, maxAliases, maxCost, defaultListSize);
    }

    /** Every feature's batch loaders; the controller builds fresh DataLoaders from them for each request. */
    @Singleton
    RequestLoaders requestLoaders(List<GraphQlWiring> features) {
        return new RequestLoaders(features.stream().flatMap(f -> f.loaders().stream()).toList());
    }

    @Singleton
    GraphQL graphQL(List<GraphQlWiring> features, QueryLimits limits,
                    @Value("${opora.graphql.time-budget:10s}") Duration queryBudget,
                    @Value("${opora.graphql.mutation-time-budget:10m}") Duration mutationBudget) {
        TypeDefinitionRegistry types = new TypeDefinitionRegistry();
        SchemaParser parser = new SchemaParser();
        types.merge(parser.parse(read(BASE_SCHEMA)));
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(Scalars.DATE)
                .scalar(Scalars.DATE_TIME)
                .scalar(Scalars.JSON)
                .directive("auth", new AuthDirectiveWiring())
                .type("Query", t -> t.dataFetcher("ping", env -> "pong"));
        for (GraphQlWiring feature : features) {
            feature.schemaFiles().forEach(file -> types.merge(parser.parse(read(file))));
            feature.wire(wiring);
        }
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(types, wiring.build());
        ErrorMapping errors = new ErrorMapping();
        return GraphQL.newGraphQL(schema)
                .queryExecutionStrategy(new AsyncExecutionStrategy(errors))
                .mutationExecutionStrategy(new AsyncSerialExecutionStrategy(errors))
                .instrumentation(new ChainedInstrumentation(
                        new PublicOperationGuard(),
                        new ControlCharacterGuard(),
                        new QueryLimitsInstrumentation(limits, queryBudget, mutationBudget)))
                .preparsedDocumentProvider(new DocumentCache(2_000))
                .build();
    }

    private static String read(String resource) {
        try (InputStream in = GraphQlFactory.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("GraphQL schema file not on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parsed and validated documents by query text: portals send the same few queries over and over. */
    private static final class DocumentCache implements PreparsedDocumentProvider {
        private final Map<String, PreparsedDocumentEntry> entries;

        DocumentCache(int capacity) {
            this.entries = Collections.synchronizedMap(new LinkedHashMap<>(capacity, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                    return size() > capacity;
                }
            });
        }

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(graphql.ExecutionInput input,
                                                                          Function<graphql.ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
            PreparsedDocumentEntry cached = entries.get(input.getQuery());
            if (cached == null) {
                cached = parseAndValidate.apply(input);
                if (!cached.hasErrors()) {
                    entries.put(input.getQuery(), cached);
                }
            }
            return CompletableFuture.completedFuture(cached);
        }
    }
}
