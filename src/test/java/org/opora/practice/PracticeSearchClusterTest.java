package org.opora.practice;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.neo4j.driver.Driver;
import org.opora.platform.LocalCredentials;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.search.LocalElasticsearch;
import org.opora.security.UserAccount;
import org.opora.security.UserRepository;
import org.opora.testing.GraphQlResponse;
import org.opora.testing.OporaTestApp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.practice.PracticeFixtures.CREATE;
import static org.opora.practice.PracticeFixtures.SEARCH;
import static org.opora.practice.PracticeFixtures.await;
import static org.opora.practice.PracticeFixtures.input;

/**
 * The application against a real three-node Elasticsearch cluster: three nodes of the distribution the build
 * downloads, each with Opora's analysis plugin installed and security on (file-realm user), on loopback; an application
 * of its own (embedded Neo4j) with {@code elasticsearch.url} listing the three nodes and the practice index with one
 * replica. Under a load of writes and searches one node is killed with SIGKILL: every search keeps answering and every
 * practice written before, during and after the crash becomes searchable.
 *
 * <p>Heaps are 256 MB per node (the CI machine has 2 cores and little to spare).
 */
class PracticeSearchClusterTest {

    private static final String REGION = "R-CL";
    private static final int NODES = 3;
    private static final List<LocalElasticsearch> nodes = Collections.synchronizedList(new ArrayList<>());
    private static EmbeddedServer app;
    private static LocalCredentials user;

    @BeforeAll
    static void startClusterAndApplication() throws Exception {
        Path root = Path.of("target", "cluster-test");
        // A fresh cluster each run (the copies of the distribution in <node>/home are kept and reused).
        for (int i = 1; i <= NODES; i++) {
            deleteRecursively(root.resolve("node-" + i).resolve("data"));
        }
        deleteRecursively(root.resolve("app").resolve("credentials"));
        Path distribution = Path.of(System.getProperty("elasticsearch.local.distribution", "target/elasticsearch"));
        user = new LocalCredentials("opora", "cluster-test-" + Long.toHexString(System.nanoTime()));
        List<String> indices = List.of("practices", "practices-v*");
        List<Integer> transportPorts = new ArrayList<>();
        List<Integer> httpPorts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= NODES; i++) {
            transportPorts.add(freePort());
            httpPorts.add(freePort());
            names.add("node-" + i);
        }
        // The nodes only form the cluster together, so they start at the same time; three JVMs booting at once on a
        // busy 2-core machine have been seen to need over 3 minutes.
        System.setProperty("opora.elasticsearch.ready-timeout-seconds", "420");
        ExecutorService starters = Executors.newFixedThreadPool(NODES);
        try {
            List<Future<LocalElasticsearch>> started = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                int n = i;
                LocalElasticsearch.ClusterNode member = new LocalElasticsearch.ClusterNode("opora-test-cluster", names.get(n),
                        transportPorts.get(n), transportPorts, names);
                started.add(starters.submit(() -> LocalElasticsearch.start(distribution, root.resolve(names.get(n)),
                        httpPorts.get(n), "256m", user, indices, member)));
            }
            for (Future<LocalElasticsearch> node : started) {
                nodes.add(node.get(10, TimeUnit.MINUTES));
            }
        } finally {
            starters.shutdown();
        }

        Map<String, Object> properties = OporaTestApp.isolatedProperties(root.resolve("app"));
        properties.put("elasticsearch.url", String.join(",", nodes.stream().map(LocalElasticsearch::url).toList()));
        properties.put("elasticsearch.username", user.username());
        properties.put("elasticsearch.password", user.password());
        properties.put("opora.practice.index.replicas", 1);
        app = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        nodes.forEach(LocalElasticsearch::close);
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void killingOneNodeUnderLoadLosesNothingAndSearchKeepsAnswering() throws Exception {
        school("R-CL-M1", "R-CL-S1");
        String author = token("cl-author", Set.of(Role.TEACHER), new Scope(REGION, "R-CL-M1", "R-CL-S1"));
        // The first search makes sure the index exists. It has one primary and one replica, on two different nodes.
        assertThat(search(author, "гидропоника").errorCode()).isNull();
        JsonNode shards = await(() -> {
            try {
                return shardsOfTheIndex();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, s -> s.size() == 2 && s.findValuesAsText("state").stream().allMatch("STARTED"::equals), Duration.ofSeconds(60));
        assertThat(shards.size()).isEqualTo(2);
        assertThat(shards.findValuesAsText("node")).doesNotHaveDuplicates();

        List<String> written = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger searches = new AtomicInteger();
        Map<String, Integer> searchErrors = new ConcurrentHashMap<>();
        ExecutorService load = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = load.submit(() -> {
                for (int i = 0; i < 24 && !stop.get(); i++) {
                    Map<String, Object> in = input("Кластерная практика номер " + i + " гидропоника",
                            "Опыт школы по выращиванию зелени на гидропонике, запись " + i + ".",
                            List.of("BIOLOGY"), List.of(6), List.of("LOW_MOTIVATION"), "R-CL-S1");
                    GraphQlResponse created = graphql(author, CREATE, Map.of("in", in));
                    written.add(created.data().get("createPractice").get("id").asText());
                    sleep(250);
                }
            });
            for (int t = 0; t < 2; t++) {
                load.submit(() -> {
                    while (!stop.get()) {
                        GraphQlResponse response = search(author, "гидропоника");
                        searches.incrementAndGet();
                        if (response.errorCode() != null) {
                            searchErrors.merge(response.errorCode() + ": " + response.errorMessage(), 1, Integer::sum);
                        }
                        sleep(50);
                    }
                });
            }
            await(written::size, n -> n >= 8, Duration.ofSeconds(60));
            // Kill the node holding the primary copy: the replica must be promoted and take the writes.
            String primaryNode = primaryOf(shardsOfTheIndex());
            LocalElasticsearch victim = nodes.stream().filter(n -> n.url().endsWith(":" + httpPortOfNode(primaryNode)))
                    .findFirst().orElse(nodes.get(1));
            ProcessHandle server = victim.serverProcess().orElseThrow();
            assertThat(server.destroyForcibly()).isTrue();
            server.onExit().get(30, TimeUnit.SECONDS);
            int searchesAtKill = searches.get();
            writer.get(3, TimeUnit.MINUTES);
            // Searching keeps going a little after the last write.
            await(searches::get, n -> n >= searchesAtKill + 20, Duration.ofSeconds(60));
        } finally {
            stop.set(true);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(searchErrors).as("searches that failed while a node died (of %d)", searches.get()).isEmpty();
        assertThat(written).hasSize(24);
        GraphQlResponse all = await(() -> search(author, "гидропоника"),
                r -> r.errorCode() == null && ids(r).containsAll(written), Duration.ofSeconds(60));
        assertThat(ids(all)).containsAll(written);
        assertThat(all.data().get("searchPractices").get("totalCount").asInt()).isEqualTo(24);
        System.out.printf("Cluster test: %d searches, none failed; %d practices written, all searchable after a node was killed%n",
                searches.get(), written.size());
    }

    // -------------------------------------------------------------------------------------------------------------

    private static String primaryOf(JsonNode shards) {
        for (JsonNode shard : shards) {
            if ("p".equals(shard.get("prirep").asText())) {
                return shard.get("node").asText();
            }
        }
        throw new AssertionError("no primary in " + shards);
    }

    private JsonNode shardsOfTheIndex() throws IOException {
        return read(nodeGet(nodes.get(0), "/_cat/shards/practices?format=json&h=index,shard,prirep,state,node"));
    }

    /** The HTTP port of a node by its name (node-1 is the first started, ...). */
    private static int httpPortOfNode(String name) {
        int index = Integer.parseInt(name.substring(name.indexOf('-') + 1)) - 1;
        return URI.create(nodes.get(index).url()).getPort();
    }

    private static String nodeGet(LocalElasticsearch node, String path) throws IOException {
        String credentials = user.username() + ":" + user.password();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create(node.url() + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response = OporaTestApp.exchange(request);
        if (response.statusCode() != 200) {
            throw new IOException(path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static JsonNode read(String json) {
        return OporaTestApp.read(json);
    }

    private static void school(String municipalityId, String schoolId) {
        Map<String, Object> p = new HashMap<>();
        p.put("r", REGION);
        p.put("m", municipalityId);
        p.put("s", schoolId);
        try (var session = app.getApplicationContext().getBean(Driver.class).session()) {
            session.run("""
                    MERGE (r:Region {id: $r}) SET r.name = 'Кластерный регион'
                    MERGE (m:Municipality {id: $m}) SET m.name = 'Муниципалитет ' + $m, m.regionId = $r
                    MERGE (r)-[:HAS_MUNICIPALITY]->(m)
                    MERGE (s:School {id: $s})
                    SET s.name = 'Школа кластера', s.type = 'СОШ', s.locality = 'город', s.regionId = $r, s.municipalityId = $m
                    MERGE (m)-[:HAS_SCHOOL]->(s)
                    """, p).consume();
        }
    }

    private static String token(String username, Set<Role> roles, Scope scope) {
        String password = "test-password-" + username;
        app.getApplicationContext().getBean(UserRepository.class)
                .provision(new UserAccount(username, username, EnumSet.copyOf(roles), scope), password);
        try {
            HttpResponse<String> response = OporaTestApp.exchange(java.net.http.HttpRequest.newBuilder(app.getURI().resolve("/login"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")).build());
            return read(response.body()).get("access_token").asText();
        } catch (RuntimeException e) {
            throw new IllegalStateException("login failed", e);
        }
    }

    private static GraphQlResponse graphql(String token, String query, Map<String, Object> variables) {
        return OporaTestApp.graphql(app.getURI(), token, query, variables);
    }

    private static GraphQlResponse search(String token, String query) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("q", query);
        variables.put("f", Map.of("regionId", REGION));
        variables.put("first", 50);
        return graphql(token, SEARCH, variables);
    }

    private static List<String> ids(GraphQlResponse response) {
        List<String> ids = new ArrayList<>();
        response.data().get("searchPractices").get("edges").forEach(e -> ids.add(e.get("node").get("id").asText()));
        return ids;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (java.nio.file.Files.exists(dir)) {
            try (var paths = java.nio.file.Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(path);
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
