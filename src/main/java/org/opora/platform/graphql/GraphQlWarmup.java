package org.opora.platform.graphql;

import graphql.GraphQL;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Parallel;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Builds the executable schema (and with it every feature's services) on its own thread while the server starts,
 * instead of on the first request: the build takes 2–3 s, which the first caller after each start used to wait.
 * Not in command-line modes (no HTTP server).
 */
@Singleton
@Parallel(shutdownOnError = false)
@Requires(property = "micronaut.server.enabled", notEquals = "false")
class GraphQlWarmup {

    GraphQlWarmup(BeanProvider<GraphQL> graphQL) {
        graphQL.get();
    }
}
