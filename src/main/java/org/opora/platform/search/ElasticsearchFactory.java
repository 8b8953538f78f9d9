package org.opora.platform.search;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.opora.platform.LocalCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Produces the {@link ElasticsearchClient}.
 *
 * <p>Configuration:
 * <ul>
 *   <li>{@code elasticsearch.url} (env {@code ELASTICSEARCH_URL}): the cluster, one URL or a comma-separated list,
 *       e.g. {@code https://es1:9200,https://es2:9200}; optional {@code elasticsearch.username} /
 *       {@code elasticsearch.password} for HTTP basic authentication.</li>
 *   <li>When the URL is blank, a {@link LocalElasticsearch} node is started from
 *       {@code elasticsearch.local.distribution} (default {@code target/elasticsearch}) in
 *       {@code ${opora.data-dir}/elasticsearch}, on {@code elasticsearch.local.http-port} (default 9200, 0 = any
 *       free port) with {@code elasticsearch.local.heap} (default 256m). Its security is on: the client logs in as
 *       the file-realm user {@value #LOCAL_USER}, whose generated password is kept in
 *       {@code ${opora.data-dir}/credentials/elasticsearch}, and who may use only the practice search indices
 *       ({@code opora.practice.index.alias} and its {@code <alias>-v*} versions) and read cluster health.</li>
 * </ul>
 *
 * <p>The client uses the low-level {@link RestClient} transport: elasticsearch-java 8.19.12 has no Rest5Client.
 * Liveness must be checked with {@code cluster().health()}: the local distribution answers {@code ping()} and
 * {@code info()} ({@code GET /}) with 405.
 */
@Factory
public class ElasticsearchFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchFactory.class);
    /** The application's user on the local node. */
    static final String LOCAL_USER = "opora";

    /** The transport to the cluster, and the local node when this application started one; closed on shutdown. */
    @Singleton
    @Bean(preDestroy = "close")
    Connection elasticsearchConnection(
            @Value("${elasticsearch.url:}") String url,
            @Nullable @Value("${elasticsearch.username:}") String username,
            @Nullable @Value("${elasticsearch.password:}") String password,
            @Value("${elasticsearch.local.distribution:target/elasticsearch}") String distribution,
            @Value("${opora.data-dir:data}") String dataDir,
            @Value("${elasticsearch.local.http-port:9200}") int localHttpPort,
            @Value("${elasticsearch.local.heap:256m}") String localHeap,
            @Value("${opora.practice.index.alias:practices}") String practiceAlias,
            ApplicationEventPublisher<SearchNodeRestarted> restartEvents) throws IOException {
        if (!isBlank(url)) {
            List<URI> uris = parseUrls(url);
            LOG.info("Elasticsearch: cluster at {} ({})", uris,
                    isBlank(username) ? "no authentication" : "basic authentication as '" + username + "'");
            return new Connection(uris, transport(uris, username, password), null);
        }
        Path workDir = Path.of(dataDir).resolve("elasticsearch");
        LocalCredentials user = LocalCredentials.loadOrGenerate(
                LocalCredentials.file(Path.of(dataDir), "elasticsearch"), LOCAL_USER);
        // The search index is an alias over versioned indexes <alias>-v<timestamp> (see PracticeIndex).
        List<String> indices = List.of(practiceAlias, practiceAlias + "-v*");
        LocalElasticsearch local = LocalElasticsearch.start(
                Path.of(distribution), workDir, localHttpPort, localHeap, user, indices);
        try {
            List<URI> uris = List.of(URI.create(local.url()));
            int port = uris.get(0).getPort();
            return new Connection(uris, transport(uris, user.username(), user.password()), local,
                    () -> LocalElasticsearch.start(Path.of(distribution), workDir, port, localHeap, user, indices),
                    restartEvents);
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    @Singleton
    ElasticsearchClient elasticsearchClient(Connection connection) {
        return new ElasticsearchClient(connection.transport());
    }

    private static ElasticsearchTransport transport(List<URI> uris, @Nullable String username, @Nullable String password) {
        HttpHost[] hosts = uris.stream()
                .map(uri -> new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme()))
                .toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts);
        String pathPrefix = uris.get(0).getPath();
        if (!isBlank(pathPrefix) && !"/".equals(pathPrefix)) {
            builder.setPathPrefix(pathPrefix); // a cluster behind a reverse proxy, e.g. https://host/es
        }
        if (!isBlank(username)) {
            // Preemptive basic auth: one request instead of a 401 challenge round trip per connection.
            String token = Base64.getEncoder().encodeToString(
                    (username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
            builder.setDefaultHeaders(new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, "Basic " + token)});
        }
        JacksonJsonpMapper mapper = new JacksonJsonpMapper();
        // Let documents carry java.time values, written as ISO-8601 strings (what Elasticsearch date fields parse).
        mapper.objectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return new RestClientTransport(builder.build(), mapper);
    }

    /** Parses {@code http://a:9200, https://b:9200}; a URL without scheme gets {@code http://}. */
    static List<URI> parseUrls(String urls) {
        List<URI> result = Arrays.stream(urls.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> URI.create(s.contains("://") ? s : "http://" + s))
                .toList();
        for (URI uri : result) {
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("elasticsearch.url: expected http(s)://host[:port], got " + uri);
            }
            if (uri.getUserInfo() != null) {
                throw new IllegalArgumentException("elasticsearch.url must not carry credentials; use elasticsearch.username"
                        + " and elasticsearch.password");
            }
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("elasticsearch.url holds no URL");
        }
        return result;
    }

    private static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    /**
     * What {@link ElasticsearchFactory} connected to; closing it closes the transport, then the local node if any.
     *
     * <p>A local node is supervised: a thread checks every {@value #CHECK_MILLIS} ms that its processes are alive and,
     * when they are not (killed, crashed, out of memory), starts it again on the same port and data with a backoff of
     * 1, 2, 4 ... {@value #MAX_BACKOFF_SECONDS} s between failed attempts. The data survives, so the index is back as it
     * was; the writes made meanwhile wait in the practice outbox, whose scheduled drain indexes them once it answers.
     */
    public static final class Connection implements AutoCloseable {

        static final long CHECK_MILLIS = 1000;
        static final long MAX_BACKOFF_SECONDS = 60;

        private final List<URI> urls;
        private final ElasticsearchTransport transport;
        @Nullable
        private volatile LocalElasticsearch local;
        @Nullable
        private final LocalStarter restarter;
        @Nullable
        private final Thread supervisor;
        private volatile boolean closing;
        private final java.util.concurrent.atomic.AtomicInteger restarts = new java.util.concurrent.atomic.AtomicInteger();
        @Nullable
        private volatile String lastFailure;

        @Nullable
        private final ApplicationEventPublisher<SearchNodeRestarted> restartEvents;

        Connection(List<URI> urls, ElasticsearchTransport transport, @Nullable LocalElasticsearch local) {
            this(urls, transport, local, null, null);
        }

        Connection(List<URI> urls, ElasticsearchTransport transport, @Nullable LocalElasticsearch local,
                   @Nullable LocalStarter restarter, @Nullable ApplicationEventPublisher<SearchNodeRestarted> restartEvents) {
            this.urls = List.copyOf(urls);
            this.transport = transport;
            this.local = local;
            this.restarter = restarter;
            this.restartEvents = restartEvents;
            if (local != null && restarter != null) {
                supervisor = new Thread(this::supervise, "local-elasticsearch-supervisor");
                supervisor.setDaemon(true);
                supervisor.start();
            } else {
                supervisor = null;
            }
        }

        /** Starts the local node again with the same settings, port and data. */
        interface LocalStarter {
            LocalElasticsearch start() throws IOException;
        }

        private void supervise() {
            long backoffSeconds = 1;
            while (!closing) {
                try {
                    Thread.sleep(CHECK_MILLIS);
                    LocalElasticsearch node = local;
                    if (closing || node == null || node.isRunning()) {
                        continue;
                    }
                    LOG.warn("The local Elasticsearch node at {} is not running (crashed or killed): starting it again", urls);
                    long started = System.nanoTime();
                    try {
                        restart(node);
                        backoffSeconds = 1;
                        if (restartEvents != null) {
                            restartEvents.publishEvent(new SearchNodeRestarted(urls.get(0).toString(), restarts.get()));
                        }
                        LOG.info("Local Elasticsearch node restarted in {} ms (restart #{}); the practice outbox indexes the "
                                + "changes made meanwhile", (System.nanoTime() - started) / 1_000_000, restarts.get());
                    } catch (IOException | RuntimeException e) {
                        lastFailure = e.toString();
                        LOG.warn("Restarting the local Elasticsearch node failed; next attempt in {} s: {}", backoffSeconds,
                                e.toString());
                        Thread.sleep(backoffSeconds * 1000);
                        backoffSeconds = Math.min(MAX_BACKOFF_SECONDS, backoffSeconds * 2);
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private synchronized void restart(LocalElasticsearch dead) throws IOException {
            if (closing || local != dead) {
                return;
            }
            dead.close(); // stops what is left of its process tree
            local = restarter.start();
            restarts.incrementAndGet();
            lastFailure = null;
        }

        /** The local node this application started, if any (for health details and tests). */
        public java.util.Optional<LocalElasticsearch> localNode() {
            return java.util.Optional.ofNullable(local);
        }

        /** How many times the supervisor restarted the local node. */
        public int restarts() {
            return restarts.get();
        }

        /** The error of the last failed restart, null once a restart succeeded. */
        @Nullable
        public String lastRestartFailure() {
            return lastFailure;
        }

        /** The cluster's URLs (without credentials). */
        public List<URI> urls() {
            return urls;
        }

        public ElasticsearchTransport transport() {
            return transport;
        }

        /** Whether this application started the node itself (no {@code elasticsearch.url} configured). */
        public boolean isLocal() {
            return local != null;
        }

        @Override
        public void close() {
            closing = true;
            if (supervisor != null) {
                supervisor.interrupt();
            }
            try {
                transport.close();
            } catch (IOException e) {
                LOG.warn("Closing the Elasticsearch transport failed", e);
            } finally {
                synchronized (this) {
                    LocalElasticsearch node = local;
                    if (node != null) {
                        node.close();
                    }
                }
            }
        }
    }
}
