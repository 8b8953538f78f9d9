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
 * Adds {@code elasticsearch} to the health endpoint (and to {@code /health/readiness}): UP when the cluster is green or
 * yellow (a single node with replicas configured is always yellow), {@value #DEGRADED_NAME} when it is red or does not
 * answer. Search is one feature among many, so its outage must not report the whole application DOWN (a load balancer
 * would take every instance out, although everything but search works): {@link #DEGRADED} has no "operational" flag,
 * which ranks it above UP and below DOWN when the endpoint aggregates, and answers HTTP 200. Liveness
 * ({@code /health/liveness}) never includes it. With a local node, the details say how often it was restarted.
 *
 * <p>Uses {@code GET /_cluster/health}; {@code ping()}/{@code info()} ({@code GET /}) answer 405 on the local
 * distribution. Disable with {@code endpoints.health.elasticsearch.enabled=false}.
 */
@Singleton
@Requires(beans = HealthEndpoint.class)
@Requires(property = "endpoints.health.elasticsearch.enabled", notEquals = StringUtils.FALSE)
public class ElasticsearchHealthIndicator implements HealthIndicator {

    static final String NAME = "elasticsearch";
    static final String DEGRADED_NAME = "DEGRADED";
    /** Search is unavailable, the rest of the application works. */
    static final HealthStatus DEGRADED = new HealthStatus(DEGRADED_NAME,
            "search is unavailable; everything else works, writes are indexed once it is back", null, null);

    private final BeanProvider<ElasticsearchClient> client;
    private final BeanProvider<ElasticsearchFactory.Connection> connection;
    private final ExecutorService executor;

    /**
     * The client is resolved per check, not injected, so that a node that failed to start shows up as DOWN with
     * its error instead of breaking the whole health endpoint.
     */
    public ElasticsearchHealthIndicator(BeanProvider<ElasticsearchClient> client,
                                        BeanProvider<ElasticsearchFactory.Connection> connection,
                                        @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.client = client;
        this.connection = connection;
        this.executor = executor;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        // The client blocks, so run the check on the blocking executor, never on an event loop.
        return new AsyncSingleResultPublisher<>(executor, this::check);
    }

    HealthResult check() {
        ElasticsearchClient started;
        try {
            started = client.get();
        } catch (RuntimeException e) { // the local node did not start
            return HealthResult.builder(NAME, DEGRADED).details(Map.of("error", String.valueOf(e.getMessage()))).build();
        }
        try {
            HealthResponse health = started.cluster().health();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("cluster_name", health.clusterName());
            details.put("status", health.status().jsonValue());
            details.put("number_of_nodes", health.numberOfNodes());
            details.put("active_shards", health.activeShards());
            details.put("unassigned_shards", health.unassignedShards());
            supervision(details);
            HealthStatus status = health.status() == co.elastic.clients.elasticsearch._types.HealthStatus.Red
                    ? DEGRADED
                    : HealthStatus.UP;
            return HealthResult.builder(NAME, status).details(details).build();
        } catch (Exception e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("error", e.toString());
            supervision(details);
            return HealthResult.builder(NAME, DEGRADED).details(details).build();
        }
    }

    private void supervision(Map<String, Object> details) {
        try {
            ElasticsearchFactory.Connection c = connection.get();
            if (c.isLocal()) {
                details.put("local_node_restarts", c.restarts());
                if (c.lastRestartFailure() != null) {
                    details.put("last_restart_failure", c.lastRestartFailure());
                }
            }
        } catch (RuntimeException notStarted) {
            details.put("local_node", "not started");
        }
    }
}
