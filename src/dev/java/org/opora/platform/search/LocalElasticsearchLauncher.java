package org.opora.platform.search;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.opora.platform.LocalCredentials;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts a supervised {@link LocalElasticsearch} node when no external cluster is configured ({@code elasticsearch.url}
 * blank or unset); with {@code ELASTICSEARCH_URL} this bean does not exist and nothing local starts.
 *
 * <p>The node runs from {@code elasticsearch.local.distribution} (default {@code target/elasticsearch}) in
 * {@code ${opora.data-dir}/elasticsearch}, on {@code elasticsearch.local.http-port} (default 9200, 0 = any free port)
 * with {@code elasticsearch.local.heap} (default 256m). Its security is on: the application logs in as the file-realm
 * user {@value #LOCAL_USER}, whose generated password is kept in {@code ${opora.data-dir}/credentials/elasticsearch},
 * and who may use only the given indices and read cluster health.
 */
@Singleton
@Requires(condition = LocalElasticsearchLauncher.NoExternalCluster.class)
public class LocalElasticsearchLauncher implements LocalSearchNode.Launcher {

    /** The application's user on the local node. */
    static final String LOCAL_USER = "opora";

    private final Path distribution;
    private final Path dataDir;
    private final int httpPort;
    private final String heap;
    private final ApplicationEventPublisher<SearchNodeRestarted> restartEvents;

    public LocalElasticsearchLauncher(@Value("${elasticsearch.local.distribution:target/elasticsearch}") String distribution,
                                      @Value("${opora.data-dir:data}") String dataDir,
                                      @Value("${elasticsearch.local.http-port:9200}") int httpPort,
                                      @Value("${elasticsearch.local.heap:256m}") String heap,
                                      ApplicationEventPublisher<SearchNodeRestarted> restartEvents) {
        this.distribution = Path.of(distribution);
        this.dataDir = Path.of(dataDir);
        this.httpPort = httpPort;
        this.heap = heap;
        this.restartEvents = restartEvents;
    }

    @Override
    public LocalSearchNode start(List<String> indices) throws IOException {
        Path workDir = dataDir.resolve("elasticsearch");
        LocalCredentials user = LocalCredentials.loadOrGenerate(LocalCredentials.file(dataDir, "elasticsearch"), LOCAL_USER);
        LocalElasticsearch node = LocalElasticsearch.start(distribution, workDir, httpPort, heap, user, indices);
        // A restart keeps the port the first start got (port 0 = any free port), so the client's URL stays valid.
        int port = URI.create(node.url()).getPort();
        return new SupervisedLocalElasticsearch(node, user,
                () -> LocalElasticsearch.start(distribution, workDir, port, heap, user, indices), restartEvents);
    }

    /** {@code elasticsearch.url} is blank or unset (application.yml maps an unset variable to a blank value). */
    public static final class NoExternalCluster implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return context.getProperty("elasticsearch.url", String.class).map(String::isBlank).orElse(true);
        }
    }
}
