package org.opora.platform.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Parallel;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Boots the local Elasticsearch node on its own thread while the rest of the application (embedded Neo4j, schema
 * migrations, the HTTP server) starts, instead of on the first search: the node takes 15–20 s to come up. A node that
 * fails to start does not stop the application; search reports it through {@code /health} and the practice outbox
 * keeps the pending index updates. Not in command-line modes (no HTTP server) and not with an external cluster.
 */
@Singleton
@Parallel(shutdownOnError = false)
@Requires(property = "micronaut.server.enabled", notEquals = "false")
class LocalElasticsearchWarmup {

    private static final Logger LOG = LoggerFactory.getLogger(LocalElasticsearchWarmup.class);

    LocalElasticsearchWarmup(@Value("${elasticsearch.url:}") String url, BeanProvider<ElasticsearchFactory.Connection> connection) {
        if (!url.isBlank()) {
            return;
        }
        try {
            connection.get();
        } catch (RuntimeException e) {
            LOG.warn("The local Elasticsearch node did not start; search is unavailable until it does: {}", e.toString());
        }
    }
}
