package org.opora.practice;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.practice.search.PracticeIndex;
import org.opora.practice.search.PracticeOutbox;
import org.opora.practice.search.PracticeSearch;
import org.opora.practice.search.PracticeSearchRequest.Filter;
import org.opora.practice.search.PracticeSearchRequest;
import org.opora.practice.search.PracticeSearchResult;
import org.opora.practice.seed.PracticeGenerator;
import org.opora.practice.seed.SeedPractice;
import org.opora.practice.seed.SeedSchool;
import org.opora.security.UserAccount;
import org.opora.security.UserRepository;
import org.opora.testing.OporaTestApp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Practice bank benchmark: indexing rate and search latency for generated banks of several sizes, against the
 * real application (embedded Neo4j, local Elasticsearch node, HTTP). Not a test: run it by hand, see
 * docs/benchmarks-practice.md.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat target/test.classpath) \
 *      org.opora.practice.bench.PracticeBenchmark --sizes 300,100000 [--queries 400] [--es-heap 512m]
 * </pre>
 */
public final class PracticeBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "RB";
    private static final String GRAPHQL_SEARCH = """
            query($q: String, $f: PracticeFilter, $s: PracticeSort) {
              searchPractices(query: $q, filter: $f, sort: $s, first: 20) {
                totalCount pageInfo { endCursor hasNextPage }
                edges { cursor node { id title summary evidenceLevel } highlights { field fragments } }
                facets { subjects { value count } riskFactors { value count } grades { value count } levels { value count }
                         municipalities { value label count } evidenceLevels { value count } }
              }
            }
            """;

    /** The query mix: words, inflections, typos, phrases, unfinished words, filters and sorts, as people type them. */
    private static final List<PracticeSearchRequest> QUERIES = queries();

    private PracticeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        List<Integer> sizes = Arrays.stream(options.getOrDefault("sizes", "300,100000").split(",")).map(String::trim)
                .map(Integer::parseInt).toList();
        int measured = Integer.parseInt(options.getOrDefault("queries", "400"));
        String esHeap = options.getOrDefault("es-heap", "512m");
        Path dataDir = Path.of(options.getOrDefault("data", "target/bench-data"));
        Map<String, Object> properties = OporaTestApp.isolatedProperties(dataDir);
        properties.put("elasticsearch.local.heap", esHeap);
        properties.put("opora.practice.index.alias", "practices-bench");
        properties.put("opora.practice.index.old-index-grace", "1s");
        System.out.printf("Practice benchmark: sizes %s, %d measured queries per size, Elasticsearch heap %s, %d cores%n",
                sizes, measured, esHeap, Runtime.getRuntime().availableProcessors());
        List<Map<String, String>> rows = new ArrayList<>();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "bench")) {
            ApplicationContext context = server.getApplicationContext();
            Bench bench = new Bench(server, context);
            bench.schools();
            for (int size : sizes) {
                rows.add(bench.run(size, measured));
            }
        }
        System.out.println();
        System.out.println("| " + String.join(" | ", rows.get(0).keySet()) + " |");
        System.out.println("|" + " --- |".repeat(rows.get(0).size()));
        for (Map<String, String> row : rows) {
            System.out.println("| " + String.join(" | ", row.values()) + " |");
        }
        System.exit(0);
    }

    private static final class Bench {
        private final EmbeddedServer server;
        private final Driver driver;
        private final PracticeRepository repository;
        private final PracticeIndex index;
        private final PracticeOutbox outbox;
        private final PracticeSearch search;
        private final ElasticsearchClient client;
        private final CurrentUser teacher = new CurrentUser("bench-teacher", EnumSet.of(Role.TEACHER), new Scope(REGION, null, null));
        private final String token;
        private List<SeedSchool> schools;

        Bench(EmbeddedServer server, ApplicationContext context) throws Exception {
            this.server = server;
            this.driver = context.getBean(Driver.class);
            this.repository = context.getBean(PracticeRepository.class);
            this.index = context.getBean(PracticeIndex.class);
            this.outbox = context.getBean(PracticeOutbox.class);
            this.search = context.getBean(PracticeSearch.class);
            this.client = context.getBean(ElasticsearchClient.class);
            context.getBean(UserRepository.class).provision(new UserAccount("bench-teacher", "bench-teacher",
                    EnumSet.of(Role.TEACHER), new Scope(REGION, null, null)), "bench-password");
            HttpResponse<String> login = post("/login", null, Map.of("username", "bench-teacher", "password", "bench-password"));
            this.token = JSON.readTree(login.body()).get("access_token").asText();
        }

        /** 800 schools in 40 municipalities with a context index and four years of ВПР results (for adoption outcomes). */
        void schools() {
            Random random = new Random(74);
            List<Map<String, Object>> rows = new ArrayList<>();
            schools = new ArrayList<>();
            for (int i = 1; i <= 800; i++) {
                String municipality = String.format("%s-M%02d", REGION, (i % 40) + 1);
                boolean rural = i % 3 != 0;
                SeedSchool school = new SeedSchool(String.format("%s-S%04d", REGION, i), "Школа № " + i, REGION, municipality,
                        "Район " + municipality, i % 5 == 0 ? "ООШ" : "СОШ", rural ? "село" : "город");
                schools.add(school);
                Map<String, Object> row = new HashMap<>();
                row.put("id", school.id());
                row.put("name", school.name());
                row.put("municipalityId", municipality);
                row.put("type", school.type());
                row.put("locality", school.locality());
                row.put("context", random.nextGaussian());
                double level = 3.2 + 0.3 * random.nextGaussian();
                double trend = 0.08 * random.nextGaussian();
                row.put("scores", List.of(level, level + trend, level + 2 * trend, level + 3 * trend));
                rows.add(row);
            }
            try (Session session = driver.session()) {
                session.run("CREATE CONSTRAINT bench_school_id IF NOT EXISTS FOR (s:School) REQUIRE s.id IS UNIQUE").consume();
                session.run("""
                        MERGE (r:Region {id: $region}) SET r.name = 'Регион для замеров'
                        WITH r UNWIND $rows AS row
                        MERGE (m:Municipality {id: row.municipalityId}) SET m.name = 'Район ' + row.municipalityId, m.regionId = $region
                        MERGE (r)-[:HAS_MUNICIPALITY]->(m)
                        MERGE (s:School {id: row.id})
                        SET s.name = row.name, s.type = row.type, s.locality = row.locality, s.regionId = $region,
                            s.municipalityId = row.municipalityId, s.contextIndex = row.context
                        MERGE (m)-[:HAS_SCHOOL]->(s)
                        WITH s, row UNWIND range(0, 3) AS k
                        CREATE (s)-[:HAS_RESULT]->(:AssessmentResult {schoolId: row.id, year: 2021 + k, procedure: 'ВПР',
                                subject: 'MATHEMATICS', grade: 5, meanScore: row.scores[k]})
                        """, Map.of("region", REGION, "rows", rows)).consume();
            }
        }

        Map<String, String> run(int size, int measured) throws Exception {
            System.out.printf("%n== %,d practices ==%n", size);
            try (Session session = driver.session()) {
                session.run("MATCH (p:Practice) CALL { WITH p DETACH DELETE p } IN TRANSACTIONS OF 5000 ROWS").consume();
                session.run("MATCH (o:IndexOutbox) CALL { WITH o DELETE o } IN TRANSACTIONS OF 5000 ROWS").consume();
            }
            long t0 = System.nanoTime();
            PracticeGenerator.Output output = PracticeGenerator.generate(schools, size, 2025, "PB-");
            double generateSeconds = seconds(t0);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (SeedPractice p : output.practices()) {
                rows.add(p.toImportRow());
            }
            t0 = System.nanoTime();
            for (int i = 0; i < rows.size(); i += 1000) {
                repository.importPractices(rows.subList(i, Math.min(rows.size(), i + 1000)), false);
            }
            List<Map<String, Object>> adoptions = new ArrayList<>();
            for (SeedPractice.Adoption a : output.adoptions()) {
                adoptions.add(Map.of("practiceId", a.practiceId(), "schoolId", a.schoolId(), "date", a.date(),
                        "note", a.note() == null ? "" : a.note()));
            }
            for (int i = 0; i < adoptions.size(); i += 1000) {
                repository.importAdoptions(adoptions.subList(i, Math.min(adoptions.size(), i + 1000)), false);
            }
            double neo4jSeconds = seconds(t0);
            System.out.printf("generated in %.1f s; written to Neo4j (%,d practices, %,d adoptions) in %.1f s%n",
                    generateSeconds, size, adoptions.size(), neo4jSeconds);

            PracticeIndex.ReindexReport reindex = index.reindex();
            System.out.printf("full reindex: %,d docs in %.1f s = %.0f docs/s (Neo4j read %.1f s, bulk %.1f s)%n",
                    reindex.documents(), reindex.millis() / 1000.0, reindex.documentsPerSecond(),
                    reindex.neo4jMillis() / 1000.0, reindex.elasticsearchMillis() / 1000.0);

            // The outbox path: the same documents re-enqueued as if edited, drained the way the application does it.
            int outboxCount = Math.min(size, 2_000);
            repository.importPractices(rows.subList(0, outboxCount), true);
            t0 = System.nanoTime();
            while (outbox.counts().pending() > 0) {
                outbox.requestDrain().get(10, TimeUnit.MINUTES);
            }
            double outboxSeconds = seconds(t0);
            System.out.printf("outbox drain: %,d docs in %.1f s = %.0f docs/s%n", outboxCount, outboxSeconds, outboxCount / outboxSeconds);

            client.indices().refresh(r -> r.index(index.alias()));
            long storeBytes = client.indices().stats(s -> s.index(index.alias())).all().primaries().store().sizeInBytes();

            // Search latency, service level (what Elasticsearch and the query building cost) and over GraphQL/HTTP.
            for (int i = 0; i < 60; i++) {
                search.search(teacher, QUERIES.get(i % QUERIES.size()));
            }
            List<Double> service = new ArrayList<>();
            long totalHits = 0;
            for (int i = 0; i < measured; i++) {
                long start = System.nanoTime();
                PracticeSearchResult result = search.search(teacher, QUERIES.get(i % QUERIES.size()));
                service.add(millis(start));
                totalHits += result.totalCount();
            }
            List<Double> http = new ArrayList<>();
            for (int i = 0; i < measured / 2; i++) {
                PracticeSearchRequest q = QUERIES.get(i % QUERIES.size());
                Map<String, Object> variables = new HashMap<>();
                variables.put("q", q.query());
                variables.put("f", filterMap(q.filter()));
                variables.put("s", q.sort().name());
                long start = System.nanoTime();
                HttpResponse<String> response = post("/graphql", token, Map.of("query", GRAPHQL_SEARCH, "variables", variables));
                http.add(millis(start));
                JsonNode body = JSON.readTree(response.body());
                if (body.has("errors")) {
                    throw new IllegalStateException("GraphQL search failed: " + body.get("errors"));
                }
            }
            List<Double> suggest = new ArrayList<>();
            String[] prefixes = {"наст", "мате", "читат", "родит", "олимп", "проф", "школа мол", "сетев", "лабор", "инкл"};
            for (int i = 0; i < measured / 2; i++) {
                long start = System.nanoTime();
                search.suggest(teacher, prefixes[i % prefixes.length], 8);
                suggest.add(millis(start));
            }
            System.out.printf("search (service): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; mean hits %,d%n",
                    pct(service, 50), pct(service, 95), pct(service, 99), totalHits / measured);
            System.out.printf("search (GraphQL over HTTP): p50 %.1f ms, p95 %.1f ms%n", pct(http, 50), pct(http, 95));
            System.out.printf("suggestions: p50 %.1f ms, p95 %.1f ms%n", pct(suggest, 50), pct(suggest, 95));

            Map<String, String> row = new LinkedHashMap<>();
            row.put("practices", String.format(Locale.ROOT, "%,d", size));
            row.put("adoptions", String.format(Locale.ROOT, "%,d", adoptions.size()));
            row.put("index size, MB", String.format(Locale.ROOT, "%.1f", storeBytes / 1e6));
            row.put("full reindex, docs/s", String.format(Locale.ROOT, "%.0f (%.1f s)", reindex.documentsPerSecond(), reindex.millis() / 1000.0));
            row.put("outbox drain, docs/s", String.format(Locale.ROOT, "%.0f", outboxCount / outboxSeconds));
            row.put("search p50 / p95, ms", String.format(Locale.ROOT, "%.1f / %.1f", pct(service, 50), pct(service, 95)));
            row.put("GraphQL search p50 / p95, ms", String.format(Locale.ROOT, "%.1f / %.1f", pct(http, 50), pct(http, 95)));
            row.put("suggest p50 / p95, ms", String.format(Locale.ROOT, "%.1f / %.1f", pct(suggest, 50), pct(suggest, 95)));
            return row;
        }

        private HttpResponse<String> post(String path, String bearer, Object body) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static List<PracticeSearchRequest> queries() {
        List<PracticeSearchRequest> queries = new ArrayList<>();
        for (String text : List.of("наставничество", "наставник для молодого учителя", "математика", "математека",
                "читательская грамотность", "\"группы выравнивания\"", "дети мигрантов русский язык", "профилактика травли",
                "вовлечение родителей", "олимпиада для сельских школьников", "подготовка к ОГЭ группа риска",
                "формирующее оценивание", "лабораторн", "дистанционные профильные курсы", "точка роста", "адаптация заданий ОВЗ",
                "дефицит кадров", "служба примирения", "смысловое чтение на уроках", "профориентация предприятия района")) {
            queries.add(new PracticeSearchRequest(text, Filter.NONE, PracticeSearchRequest.Sort.RELEVANCE, 20, null));
        }
        queries.add(new PracticeSearchRequest(null, filter(List.of(), List.of(), List.of("STAFF_SHORTAGE"), List.of()),
                PracticeSearchRequest.Sort.EVIDENCE, 20, null));
        queries.add(new PracticeSearchRequest("учитель", filter(List.of("MATHEMATICS"), List.of(5, 6), List.of(), List.of()),
                PracticeSearchRequest.Sort.RELEVANCE, 20, null));
        queries.add(new PracticeSearchRequest(null, filter(List.of(), List.of(), List.of(), List.of("REPLICATED")),
                PracticeSearchRequest.Sort.NEWEST, 20, null));
        queries.add(new PracticeSearchRequest("родители", filter(List.of(), List.of(), List.of("LOW_PARENTAL_INVOLVEMENT"),
                List.of()), PracticeSearchRequest.Sort.EVIDENCE, 20, null));
        queries.add(new PracticeSearchRequest(null, Filter.NONE, PracticeSearchRequest.Sort.NEWEST, 20, null));
        return queries;
    }

    private static Filter filter(List<String> subjects, List<Integer> grades, List<String> factors, List<String> evidence) {
        return new Filter(subjects, grades, factors, List.of(), List.of(), evidence, List.of(), null, null, false);
    }

    private static Map<String, Object> filterMap(Filter f) {
        Map<String, Object> map = new HashMap<>();
        map.put("subjects", f.subjects());
        map.put("grades", f.grades());
        map.put("riskFactors", f.riskFactors());
        map.put("evidenceLevels", f.evidenceLevels());
        return map;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double pct(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
