package org.opora.practice.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import org.neo4j.driver.Driver;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.practice.PracticeRepository;
import org.opora.practice.seed.PracticeDemoLoader;
import org.opora.platform.csv.CsvReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judged test collection of practice search: loads the committed seed bank (seed-data/practices, 320
 * practices) into a region of its own, runs every judged query of {@code practice/judgements.tsv} through the real
 * {@link PracticeSearch} as a teacher of that region (who sees the 282 approved practices) and scores the ranking
 * with nDCG@10 and P@5. Used by {@link PracticeSearchRelevanceTest} and {@link PracticeRelevanceBenchmark}.
 */
public final class RelevanceEvaluation {

    /** The region the seed is loaded into; ids are rewritten so the demo region and other tests stay untouched. */
    public static final String REGION = "RREL";
    private static final String SEED_REGION = "R74";
    private static final String SEED_ID_PREFIX = "PR-";
    private static final String ID_PREFIX = "REL-";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One judged query: practice id (as in the seed) → grade 0..3. */
    public record Judged(String query, Map<String, Integer> grades) {
    }

    /** Scores of one query: nDCG@10, P@5 (grade ≥ 2 counts as relevant), hits, and the service's time. */
    public record QueryScore(String query, double ndcg10, double p5, long totalHits, int relevant, double millis,
                             List<String> top) {
    }

    public record Report(List<QueryScore> queries) {
        public double ndcg10() {
            return queries.stream().mapToDouble(QueryScore::ndcg10).average().orElse(0);
        }

        public double p5() {
            return queries.stream().mapToDouble(QueryScore::p5).average().orElse(0);
        }

        /** Queries that found nothing although a relevant practice exists. */
        public List<String> emptyWithRelevant() {
            return queries.stream().filter(q -> q.totalHits() == 0 && q.relevant() > 0).map(QueryScore::query).toList();
        }

        public double percentileMillis(double p) {
            double[] sorted = queries.stream().mapToDouble(QueryScore::millis).sorted().toArray();
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }

        public String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("%-58s %7s %5s %6s %5s %7s%n", "query", "nDCG@10", "P@5", "hits", "rel", "ms"));
            for (QueryScore q : queries) {
                out.append(String.format("%-58s %7.3f %5.2f %6d %5d %7.1f%n", abbreviate(q.query(), 58), q.ndcg10(), q.p5(),
                        q.totalHits(), q.relevant(), q.millis()));
            }
            out.append(String.format("%-58s %7.3f %5.2f   (%d queries; service p50 %.1f ms, p95 %.1f ms)%n", "MEAN", ndcg10(), p5(),
                    queries.size(), percentileMillis(50), percentileMillis(95)));
            return out.toString();
        }

        /** The top ten with their grades for the queries under an nDCG@10, to see what went wrong. */
        public String weakest(List<Judged> judged, double below) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < queries.size(); i++) {
                QueryScore q = queries.get(i);
                if (q.ndcg10() < below) {
                    Map<String, Integer> grades = judged.get(i).grades();
                    out.append(q.query()).append(": ");
                    q.top().forEach(id -> out.append(id).append('=').append(grades.getOrDefault(id, 0)).append(' '));
                    out.append('\n');
                }
            }
            return out.toString();
        }
    }

    private RelevanceEvaluation() {
    }

    /** The judgements resource, in file order. */
    public static List<Judged> judgements() throws IOException {
        Map<String, Map<String, Integer>> byQuery = new LinkedHashMap<>();
        try (InputStream in = RelevanceEvaluation.class.getClassLoader().getResourceAsStream("practice/judgements.tsv")) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource practice/judgements.tsv");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                byQuery.computeIfAbsent(f[0], q -> new LinkedHashMap<>()).put(f[1], Integer.parseInt(f[2].strip()));
            }
        }
        return byQuery.entrySet().stream().map(e -> new Judged(e.getKey(), e.getValue())).toList();
    }

    /**
     * Loads the committed seed into {@link #REGION} (idempotent): the demo region's schools under new ids, the
     * practices and adoptions under new ids, through the demo loader and the outbox, as in the demo.
     */
    public static void loadSeed(ApplicationContext context, Path workDir) throws IOException {
        Path seed = Path.of("seed-data");
        Files.createDirectories(workDir);
        Driver driver = context.getBean(Driver.class);
        try (CsvReader csv = new CsvReader(Files.newBufferedReader(seed.resolve("region/schools.csv"), StandardCharsets.UTF_8));
             var session = driver.session()) {
            List<String> header = csv.next().fields();
            List<Map<String, Object>> schools = new ArrayList<>();
            for (CsvReader.Record r = csv.next(); r != null; r = csv.next()) {
                if (r.isBlank()) {
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), r.fields().get(i));
                }
                schools.add(Map.of("s", region(row.get("school_id")), "m", region(row.get("municipality_id")),
                        "mName", row.get("municipality_name"), "name", row.get("name"), "type", row.get("type"),
                        "locality", row.get("locality")));
            }
            session.run("""
                    MERGE (r:Region {id: $r}) SET r.name = 'Регион оценки поиска'
                    WITH r UNWIND $schools AS row
                    MERGE (m:Municipality {id: row.m}) SET m.name = row.mName, m.regionId = $r
                    MERGE (r)-[:HAS_MUNICIPALITY]->(m)
                    MERGE (s:School {id: row.s})
                    SET s.name = row.name, s.type = row.type, s.locality = row.locality, s.regionId = $r,
                        s.municipalityId = row.m, s.contextIndex = 0.0
                    MERGE (m)-[:HAS_SCHOOL]->(s)
                    """, Map.of("r", REGION, "schools", schools)).consume();
        }
        List<String> practices = new ArrayList<>();
        for (String line : Files.readAllLines(seed.resolve("practices/practices.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode p = (ObjectNode) JSON.readTree(line);
            p.put("id", practiceId(p.get("id").asText()));
            p.put("regionId", REGION);
            p.put("municipalityId", region(p.get("municipalityId").asText()));
            ObjectNode content = (ObjectNode) p.get("content");
            content.put("authorSchoolId", region(content.get("authorSchoolId").asText()));
            practices.add(JSON.writeValueAsString(p));
        }
        Files.write(workDir.resolve("practices.jsonl"), practices, StandardCharsets.UTF_8);
        List<String> adoptions = new ArrayList<>();
        for (String line : Files.readAllLines(seed.resolve("practices/adoptions.csv"), StandardCharsets.UTF_8)) {
            adoptions.add(line.startsWith(SEED_ID_PREFIX) ? ID_PREFIX + line.substring(SEED_ID_PREFIX.length()).replace(SEED_REGION + "-",
                    REGION + "-") : line);
        }
        Files.write(workDir.resolve("adoptions.csv"), adoptions, StandardCharsets.UTF_8);
        String summary = new PracticeDemoLoader(context.getBean(PracticeRepository.class), context.getBean(PracticeOutbox.class),
                workDir.toString()).load().get(0);
        if (summary.contains("не загружен") || summary.contains("не удалось")) {
            throw new IllegalStateException(summary);
        }
    }

    /** Waits until search sees every approved seed practice (Elasticsearch may still be starting on a busy machine). */
    public static void awaitIndexed(PracticeSearch search, long approved) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 600_000;
        String seen = "nothing";
        while (true) {
            try {
                long total = search.search(teacher(), request("", 1)).totalCount();
                if (total >= approved) {
                    return;
                }
                seen = total + " of " + approved + " approved seed practices";
            } catch (org.opora.platform.errors.ApiException unavailable) {
                seen = unavailable.getMessage();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Search is not ready with the seed: " + seen);
            }
            Thread.sleep(500);
        }
    }

    /** A teacher of the evaluation region: sees approved practices only. */
    public static CurrentUser teacher() {
        return new CurrentUser("relevance-teacher", EnumSet.of(Role.TEACHER), new Scope(REGION, null, null));
    }

    /** Runs every judged query {@code rounds} times (timing the last round) and scores the rankings. */
    public static Report evaluate(PracticeSearch search, List<Judged> judged, int rounds) {
        List<QueryScore> scores = new ArrayList<>();
        for (Judged j : judged) {
            PracticeSearchResult result = null;
            double millis = 0;
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                result = search.search(teacher(), request(j.query(), 10));
                millis = (System.nanoTime() - start) / 1e6;
            }
            List<String> top = result.hits().stream().map(h -> seedId(h.practice().id())).toList();
            scores.add(new QueryScore(j.query(), ndcg(top, j.grades(), 10), precision(top, j.grades(), 5), result.totalCount(),
                    (int) j.grades().values().stream().filter(g -> g > 0).count(), millis, top));
        }
        return new Report(scores);
    }

    static PracticeSearchRequest request(String query, int first) {
        return new PracticeSearchRequest(query, new PracticeSearchRequest.Filter(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), REGION, null, false), PracticeSearchRequest.Sort.RELEVANCE, first, null);
    }

    /** nDCG@k with gains 2^grade − 1 and log2 discounts; the ideal ranking sorts all judged practices by grade. */
    static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += gain(grades.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        int[] ideal = grades.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.length); i++) {
            idcg += gain(ideal[ideal.length - 1 - i]) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** Share of the first k results judged relevant (grade 2 or 3); a shorter list counts its gaps as misses. */
    static double precision(List<String> ranked, Map<String, Integer> grades, int k) {
        long relevant = ranked.stream().limit(k).filter(id -> grades.getOrDefault(id, 0) >= 2).count();
        return relevant / (double) k;
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static String region(String seedId) {
        return seedId.startsWith(SEED_REGION + "-") ? REGION + seedId.substring(SEED_REGION.length()) : seedId;
    }

    private static String practiceId(String seedId) {
        return ID_PREFIX + seedId.substring(SEED_ID_PREFIX.length());
    }

    private static String seedId(String id) {
        return id.startsWith(ID_PREFIX) ? SEED_ID_PREFIX + id.substring(ID_PREFIX.length()) : id;
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    /** Approved practices in the committed seed. */
    public static long approvedInSeed() throws IOException {
        return Files.readAllLines(Path.of("seed-data/practices/practices.jsonl"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("\"status\":\"APPROVED\"")).count();
    }
}
