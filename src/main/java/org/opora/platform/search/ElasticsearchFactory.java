package org.opora.platform.search;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
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
 *   <li>When the URL is blank, the {@link LocalSearchNode.Launcher} of the dev source set starts a local node
 *       (see its {@code LocalElasticsearchLauncher}: distribution, port, heap, the file-realm user and the indices
 *       that user may use) and supervises it; the client logs in with the node's generated credentials.</li>
 * </ul>
 *
 * <p>The client uses the low-level {@link RestClient} transport: elasticsearch-java 8.19.12 has no Rest5Client.
 * Liveness must be checked with {@code cluster().health()}: the local distribution answers {@code ping()} and
 * {@code info()} ({@code GET /}) with 405.
 */
@Factory
public class ElasticsearchFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchFactory.class);

    /** The transport to the cluster, and the local node when this application started one; closed on shutdown. */
    @Singleton
    @Bean(preDestroy = "close")
    Connection elasticsearchConnection(
            @Value("${elasticsearch.url:}") String url,
            @Nullable @Value("${elasticsearch.username:}") String username,
            @Nullable @Value("${elasticsearch.password:}") String password,
            @Value("${opora.practice.index.alias:practices}") String practiceAlias,
            BeanProvider<LocalSearchNode.Launcher> localLauncher) throws IOException {
        if (!isBlank(url)) {
            List<URI> uris = parseUrls(url);
            LOG.info("Elasticsearch: cluster at {} ({})", uris,
                    isBlank(username) ? "no authentication" : "basic authentication as '" + username + "'");
            return new Connection(uris, transport(uris, username, password), null);
        }
        if (!localLauncher.isPresent()) {
            throw new IllegalStateException("ELASTICSEARCH_URL is not set and this build has no local Elasticsearch node "
                    + "(src/dev): set ELASTICSEARCH_URL to the cluster");
        }
        // The search index is an alias over versioned indexes <alias>-v<timestamp> (see PracticeIndex).
        LocalSearchNode local = localLauncher.get().start(List.of(practiceAlias, practiceAlias + "-v*"));
        try {
            List<URI> uris = List.of(local.url());
            return new Connection(uris, transport(uris, local.credentials().username(), local.credentials().password()), local);
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

    /** What {@link ElasticsearchFactory} connected to; closing it closes the transport, then the local node if any. */
    public static final class Connection implements AutoCloseable {

        private final List<URI> urls;
        private final ElasticsearchTransport transport;
        @Nullable
        private final LocalSearchNode local;

        Connection(List<URI> urls, ElasticsearchTransport transport, @Nullable LocalSearchNode local) {
            this.urls = List.copyOf(urls);
            this.transport = transport;
            this.local = local;
        }

        /** The local node this application started, if any (for health details and tests). */
        public Optional<LocalSearchNode> localNode() {
            return Optional.ofNullable(local);
        }

        /** How many times the local node was restarted by its supervisor (0 with an external cluster). */
        public int restarts() {
            return local == null ? 0 : local.restarts();
        }

        /** The error of the last failed restart of the local node, null once a restart succeeded. */
        @Nullable
        public String lastRestartFailure() {
            return local == null ? null : local.lastRestartFailure();
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
            try {
                transport.close();
            } catch (IOException e) {
                LOG.warn("Closing the Elasticsearch transport failed", e);
            } finally {
                if (local != null) {
                    local.close();
                }
            }
        }
    }
}
