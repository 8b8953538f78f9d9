package org.opora.platform.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import org.reactivestreams.Publisher;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.AsyncSingleResultPublisher;
import io.micronaut.core.util.StringUtils;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Adds {@code elasticsearch} to the health endpoint: UP when the cluster is green or yellow (a single node with
 * replicas configured is always yellow), DOWN when it is red or does not answer.
 *
 * <p>Uses {@code GET /_cluster/health}; {@code ping()}/{@code info()} ({@code GET /}) answer 405 on the local
 * distribution. Disable with {@code endpoints.health.elasticsearch.enabled=false}.
 */
@Singleton
@Requires(beans = HealthEndpoint.class)
@Requires(property = "endpoints.health.elasticsearch.enabled", notEquals = StringUtils.FALSE)
public class ElasticsearchHealthIndicator implements HealthIndicator {

    static final String NAME = "elasticsearch";

    private final BeanProvider<ElasticsearchClient> client;
    private final ExecutorService executor;

    /**
     * The client is resolved per check, not injected, so that a node that failed to start shows up as DOWN with
     * its error instead of breaking the whole health endpoint.
     */
    public ElasticsearchHealthIndicator(BeanProvider<ElasticsearchClient> client,
                                        @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.client = client;
        this.executor = executor;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        // The client blocks, so run the check on the blocking executor, never on an event loop.
        return new AsyncSingleResultPublisher<>(executor, this::check);
    }

    HealthResult check() {
        try {
            HealthResponse health = client.get().cluster().health();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("cluster_name", health.clusterName());
            details.put("status", health.status().jsonValue());
            details.put("number_of_nodes", health.numberOfNodes());
            details.put("active_shards", health.activeShards());
            details.put("unassigned_shards", health.unassignedShards());
            HealthStatus status = health.status() == co.elastic.clients.elasticsearch._types.HealthStatus.Red
                    ? HealthStatus.DOWN
                    : HealthStatus.UP;
            return HealthResult.builder(NAME, status).details(details).build();
        } catch (Exception e) {
            return HealthResult.builder(NAME, HealthStatus.DOWN).exception(e).build();
        }
    }
}
