package org.opora.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.http.Header;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.opora.platform.LocalCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;

/**
 * Starts a real Elasticsearch node from the distribution unpacked by the build and checks that Opora's Russian
 * analysis plugin works end to end. No Micronaut context.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LocalElasticsearchTest {

    private static final Logger LOG = LoggerFactory.getLogger(LocalElasticsearchTest.class);

    /** The indexed documents: one Russian text field. */
    record Doc(String text) {
    }

    private LocalElasticsearch node;
    private RestClientTransport transport;
    private ElasticsearchClient client;
    private final List<ProcessHandle> processes = new ArrayList<>();

    @BeforeAll
    void startNode() throws IOException {
        String distribution = System.getProperty("elasticsearch.local.distribution", "target/elasticsearch");
        LocalCredentials user = LocalCredentials.generate("analysis-test");
        node = LocalElasticsearch.start(Path.of(distribution), Path.of("target/local-elasticsearch-test"), 0, "256m",
                user, List.of("ru-*"));
        processes.add(node.processHandle());
        processes.addAll(node.processHandle().descendants().toList());
        LOG.info("Elasticsearch processes {}, resident memory {} MiB", processes.stream().map(ProcessHandle::pid).toList(),
                residentKib(processes) / 1024);

        transport = new RestClientTransport(RestClient.builder(org.apache.http.HttpHost.create(node.url()))
                .setDefaultHeaders(new Header[] {new BasicHeader("Authorization", LocalElasticsearch.basicAuthorization(user))})
                .build(), new JacksonJsonpMapper());
        client = new ElasticsearchClient(transport);
    }

    @AfterAll
    void stopNode() throws IOException {
        if (transport != null) {
            transport.close();
        }
        if (node != null) {
            node.close();
            node.close(); // idempotent
        }
        for (ProcessHandle process : processes) {
            assertThat(process.isAlive()).as("process %d is gone after close()", process.pid()).isFalse();
        }
    }

    @Test
    void clusterIsHealthyAndOnLoopback() throws IOException {
        assertThat(node.url()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(client.cluster().health().status()).isIn(HealthStatus.Green, HealthStatus.Yellow);
        assertThat(processes).hasSizeGreaterThanOrEqualTo(2); // the CLI and the server JVM it launched
    }

    @Test
    void russianAnalyzerMatchesInflectionsAndDerivationsAndHighlights() throws IOException {
        createIndex("ru-analyzer", """
                {
                  "settings": {"number_of_shards": 1, "number_of_replicas": 0},
                  "mappings": {"properties": {"text": {"type": "text", "analyzer": "opora_russian"}}}
                }
                """);
        index("ru-analyzer", "1", "Обмен опытом о лучших практиках наставничества в школах региона");
        index("ru-analyzer", "2", "Ищем наставника для молодого учителя математики");
        index("ru-analyzer", "3", "Расписание уроков физкультуры на четверг");
        refresh("ru-analyzer");

        assertThat(matchIds("ru-analyzer", "практика")).containsExactly("1");
        assertThat(matchIds("ru-analyzer", "наставничество")).containsExactlyInAnyOrder("1", "2");
        assertThat(matchIds("ru-analyzer", "учителя")).containsExactly("2");
        assertThat(matchIds("ru-analyzer", "расписанием")).containsExactly("3");
        assertThat(matchIds("ru-analyzer", "ёжик")).isEmpty();

        SearchResponse<Doc> highlighted = client.search(s -> s
                .index("ru-analyzer")
                .query(q -> q.match(m -> m.field("text").query("практика")))
                .highlight(h -> h.fields("text", f -> f)), Doc.class);
        List<String> fragments = highlighted.hits().hits().get(0).highlight().get("text");
        assertThat(fragments).isNotEmpty();
        assertThat(fragments.get(0)).contains("<em>практиках</em>");
    }

    @Test
    void customAnalyzerFromPluginFilters() throws IOException {
        createIndex("ru-custom", """
                {
                  "settings": {
                    "number_of_shards": 1, "number_of_replicas": 0,
                    "analysis": {"analyzer": {"ru_custom": {
                      "type": "custom", "tokenizer": "standard",
                      "filter": ["opora_lowercase", "opora_yo", "opora_russian_stem"]
                    }}}
                  },
                  "mappings": {"properties": {"text": {"type": "text", "analyzer": "ru_custom"}}}
                }
                """);
        index("ru-custom", "1", "Ёлка для Практик");
        index("ru-custom", "2", "Нет совпадений здесь");
        refresh("ru-custom");

        assertThat(matchIds("ru-custom", "практика")).containsExactly("1");
        assertThat(matchIds("ru-custom", "ЕЛКИ")).containsExactly("1");
    }

    @Test
    void everyPluginComponentIsRegistered() throws IOException {
        // Analysis through an index: the test's user may use ru-* only, and analysis without an index is cluster-wide.
        createIndex("ru-components", """
                {"settings": {"number_of_shards": 1, "number_of_replicas": 0}}
                """);
        for (String filter : List.of("opora_lowercase", "opora_yo", "opora_russian_stop", "opora_russian_stem",
                "opora_russian_light_stem", "opora_russian_derivation")) {
            var tokens = client.indices().analyze(a -> a.index("ru-components")
                    .tokenizer(t -> t.name("standard")).filter(f -> f.name(filter)).text("Наставничество")).tokens();
            assertThat(tokens).as(filter).hasSize(1);
        }
        var tokens = client.indices().analyze(a -> a.index("ru-components").analyzer("opora_russian").text("Её наставничество в школах"))
                .tokens();
        assertThat(tokens).extracting(t -> t.token()).containsExactly("наставник", "школ");
    }

    @Test
    void recordsWhatWasInstalledForReuse() throws IOException {
        Path marker = Path.of("target/local-elasticsearch-test/home/.opora-install.properties");
        assertThat(marker).exists();
        assertThat(Files.readString(marker)).contains("plugin.sha256=").contains("elasticsearch.version=");
    }

    private void createIndex(String name, String json) throws IOException {
        if (client.indices().exists(e -> e.index(name)).value()) {
            client.indices().delete(d -> d.index(name));
        }
        client.indices().create(c -> c.index(name).withJson(new StringReader(json)));
    }

    private void index(String indexName, String id, String text) throws IOException {
        client.index(i -> i.index(indexName).id(id).document(new Doc(text)));
    }

    private void refresh(String indexName) throws IOException {
        client.indices().refresh(r -> r.index(indexName));
    }

    private List<String> matchIds(String indexName, String query) throws IOException {
        SearchResponse<Doc> response = client.search(s -> s
                .index(indexName)
                .query(q -> q.match(m -> m.field("text").query(query))), Doc.class);
        return response.hits().hits().stream().map(Hit::id).toList();
    }

    /** Sum of VmRSS over the processes (Linux /proc); 0 elsewhere. */
    private static long residentKib(List<ProcessHandle> processes) {
        long total = 0;
        for (ProcessHandle process : processes) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        total += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or the process is gone
            }
        }
        return total;
    }
}
