package org.opora.pairing;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.opora.pairing.candidates.CandidateService;
import org.opora.pairing.pairs.PairRepository;
import org.opora.pairing.pairs.PairService;
import org.opora.pairing.proposals.PairingProposal;
import org.opora.pairing.proposals.ProposalRepository;
import org.opora.pairing.proposals.ProposalService;
import org.opora.pairing.region.RegionSnapshot;
import org.opora.pairing.region.RegionSnapshotCache;
import org.opora.pairing.region.SchoolDataRepository;
import org.opora.platform.LocalCredentials;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.graphql.Connection;
import org.opora.platform.neo4j.EmbeddedNeo4j;
import org.opora.platform.neo4j.Neo4jSessions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Pairing benchmark, outside the test suite (not a JUnit class). Starts its own embedded Neo4j in a
 * temporary folder, writes a synthetic national set (and a 470-school demo-sized region) in the exact
 * graph shape pairing reads, and measures the services as the GraphQL fetchers call them:
 * candidate queries (p50/p95/p99 over many schools, with the live-state Bolt round trip) and the
 * region-wide assignment (scoring + min-cost flow + storing the proposal).
 * <p>
 * Run (see docs/benchmarks-pairing.md):
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test -Dmaven.antrun.skip=true
 * java -Xmx3g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.opora.pairing.PairingBenchmark [--schools 40000] [--queries 3000]
 * # read-only, on a running installation's region:
 * java -cp ... org.opora.pairing.PairingBenchmark --bolt bolt://127.0.0.1:7687 --region R74 [--credentials data/credentials/neo4j]
 * </pre>
 */
public final class PairingBenchmark {

    private static final Locale L = Locale.ROOT;
    private static final CurrentUser ADMIN = new CurrentUser("benchmark", EnumSet.of(Role.ADMIN), Scope.EVERYWHERE);

    private PairingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        System.out.printf(L, "Java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1 << 20));
        String bolt = stringArg(args, "--bolt", null);
        if (bolt != null) {
            LocalCredentials login = LocalCredentials.read(Path.of(stringArg(args, "--credentials", "data/credentials/neo4j")));
            existingRegion(bolt, login, stringArg(args, "--region", "R74"), intArg(args, "--queries", 3_000));
            return;
        }
        int national = intArg(args, "--schools", 40_000);
        int queries = intArg(args, "--queries", 3_000);
        long seed = intArg(args, "--seed", 42);
        Path home = Files.createTempDirectory("opora-pairing-bench");
        LocalCredentials login = LocalCredentials.generate(EmbeddedNeo4j.INITIAL_USER);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0, "1g", login);
             Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(login.username(), login.password()),
                     Config.builder().withLogging(Logging.none()).build())) {
            driver.verifyConnectivity();
            schema(driver);
            Services services = new Services(driver);

            // ---------------------------------------------------------------- data
            long t0 = System.nanoTime();
            SyntheticRegion.generate(driver, "R-DEMO", 470, seed, "run-1");
            List<Integer> sizes = national == 0 ? List.of() : regionSizes(national, new Random(seed));
            for (int r = 0; r < sizes.size(); r++) {
                SyntheticRegion.generate(driver, region(r), sizes.get(r), seed + r + 1, "run-1");
            }
            if (!sizes.isEmpty()) {
                System.out.printf(L, "Data: demo region 470 schools; national set %d schools in %d regions (min %d, median %d, max %d); "
                                + "13 context indicators per school; written in %.1f s%n",
                        sizes.stream().mapToInt(Integer::intValue).sum(), sizes.size(), Collections.min(sizes),
                        sorted(sizes).get(sizes.size() / 2), Collections.max(sizes), (System.nanoTime() - t0) / 1e9);
            }

            // ---------------------------------------------------------------- demo region
            System.out.println("\n## Demo-sized region (470 schools)");
            List<String> demoLow = lowResult(driver, "R-DEMO", null);
            measureCandidates(services, List.of("R-DEMO"), demoLow, queries, new Random(seed));
            assignment(services.proposals, List.of("R-DEMO"), true, true);
            greedyVersusOptimal(services.proposals, "R-DEMO");

            // ---------------------------------------------------------------- national set
            if (sizes.isEmpty()) {
                return;
            }
            System.out.printf(L, "%n## National set (%d schools, %d regions)%n", sizes.stream().mapToInt(Integer::intValue).sum(), sizes.size());
            List<String> regions = new ArrayList<>();
            for (int r = 0; r < sizes.size(); r++) {
                regions.add(region(r));
            }
            List<String> nationalLow = lowResult(driver, null, "R-N");
            measureCandidates(services, regions, nationalLow, queries, new Random(seed + 1));
            assignment(services.proposals, regions, false, true);
        } finally {
            deleteQuietly(home);
        }
    }

    /** The services as the application wires them, without the application. */
    private static final class Services {
        final PairRepository pairs;
        final RegionSnapshotCache cache;
        final CandidateService candidates;
        final ProposalService proposals;

        Services(Driver driver) {
            Neo4jSessions sessions = new Neo4jSessions(driver, "neo4j");
            SchoolDataRepository schools = new SchoolDataRepository(sessions);
            pairs = new PairRepository(sessions);
            cache = new RegionSnapshotCache(schools);
            candidates = new CandidateService(pairs, cache);
            PairService pairService = new PairService(sessions, pairs, cache);
            proposals = new ProposalService(pairs, new ProposalRepository(sessions), cache, pairService);
        }
    }

    /**
     * Read-only run on a region of a running installation (e.g. the demo's embedded Neo4j on
     * bolt://127.0.0.1:7687, its login in data/credentials/neo4j, and region R74): candidates, and assignments computed
     * without storing.
     */
    private static void existingRegion(String bolt, LocalCredentials login, String regionId, int queries) {
        try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.basic(login.username(), login.password()), Config.builder().withLogging(Logging.none()).build())) {
            driver.verifyConnectivity();
            Services services = new Services(driver);
            List<String> low = lowResult(driver, regionId, null);
            if (low.isEmpty()) {
                System.out.println("Region " + regionId + " has no LOW_RESULTS schools: run the identification first.");
                return;
            }
            System.out.printf(L, "## Region %s at %s (%d low-result schools)%n", regionId, bolt, low.size());
            measureCandidates(services, List.of(regionId), low, queries, new Random(1));
            assignment(services.proposals, List.of(regionId), true, false);
            greedyVersusOptimal(services.proposals, regionId);
        }
    }

    // ------------------------------------------------------------------ candidates

    private static void measureCandidates(Services services, List<String> regions, List<String> lowResult, int queries,
                                          Random random) {
        CandidateService candidates = services.candidates;
        RegionSnapshotCache cache = services.cache;
        cache.invalidateAll();
        Connection.Request page = Connection.Request.first(10);
        // Cold: the first query of each region builds its snapshot.
        List<Double> cold = new ArrayList<>();
        for (String region : regions) {
            String school = lowResult.stream().filter(id -> id.startsWith(region + "-")).findFirst().orElseThrow();
            long t = System.nanoTime();
            candidates.candidates(ADMIN, school, page, null);
            cold.add((System.nanoTime() - t) / 1e6);
        }
        // Warm-up, then measured queries over random low-result schools.
        for (int i = 0; i < 3_000; i++) {
            candidates.candidates(ADMIN, lowResult.get(random.nextInt(lowResult.size())), page, null);
        }
        double[] warm = new double[queries];
        int totalCandidates = 0;
        for (int i = 0; i < queries; i++) {
            String school = lowResult.get(random.nextInt(lowResult.size()));
            long t = System.nanoTime();
            CandidateService.CandidateList list = candidates.candidates(ADMIN, school, page, null);
            warm[i] = (System.nanoTime() - t) / 1e6;
            totalCandidates += list.page().totalCount();
        }
        // Baseline: the cheapest possible query as a managed read transaction.
        double[] managed = new double[1000];
        double[] autoCommit = new double[1000];
        for (int i = 0; i < managed.length; i++) {
            long t = System.nanoTime();
            services.pairs.ping(true);
            managed[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            services.pairs.ping(false);
            autoCommit[i] = (System.nanoTime() - t) / 1e6;
        }
        System.out.printf(L, "  baseline 'RETURN 1' over Bolt: managed read transaction p50 %.2f ms, p95 %.2f ms; "
                        + "auto-commit p50 %.2f ms, p95 %.2f ms%n",
                percentile(managed, 50), percentile(managed, 95), percentile(autoCommit, 50), percentile(autoCommit, 95));
        // Breakdown: the live-state round trip alone, and ranking + explaining on the cached snapshot alone.
        PairRepository pairs = services.pairs;
        double[] live = new double[Math.min(queries, 1000)];
        double[] compute = new double[live.length];
        for (int i = 0; i < live.length; i++) {
            String school = lowResult.get(random.nextInt(lowResult.size()));
            long t = System.nanoTime();
            PairRepository.LiveState state = pairs.liveStateOfSchool(school).orElseThrow();
            live[i] = (System.nanoTime() - t) / 1e6;
            RegionSnapshot snapshot = cache.get(state.regionId(), state.fingerprint());
            t = System.nanoTime();
            candidates.rank(snapshot, state.settings(), state, snapshot.indexOf(school), page);
            compute[i] = (System.nanoTime() - t) / 1e6;
        }
        System.out.printf(L, "  of which live-state read (one Bolt round trip): p50 %.2f ms, p95 %.2f ms; "
                        + "ranking + 10 explanations in memory: p50 %.2f ms, p95 %.2f ms%n",
                percentile(live, 50), percentile(live, 95), percentile(compute, 50), percentile(compute, 95));
        System.out.printf(L, "Candidates, first query per region (builds the region snapshot): p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d regions)%n",
                percentile(cold, 50), percentile(cold, 95), Collections.max(cold), regions.size());
        System.out.printf(L, "Candidates, warm (%d queries over %d low-result schools, first 10 with explanations, "
                        + "mean %.0f candidates ranked per query): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                queries, lowResult.size(), totalCandidates / (double) queries,
                percentile(warm, 50), percentile(warm, 95), percentile(warm, 99), Arrays.stream(warm).max().orElse(0));
    }

    // ------------------------------------------------------------------ assignment

    private static void assignment(ProposalService proposals, List<String> regions, boolean verbose, boolean store) {
        List<Double> times = new ArrayList<>();
        List<Double> solve = new ArrayList<>();
        double optimalTotal = 0;
        double greedyTotal = 0;
        int paired = 0;
        int greedyPaired = 0;
        int mentees = 0;
        long started = System.nanoTime();
        for (String region : regions) {
            if (verbose) {
                // One region in detail: the first (cold) call, then the median of ten more.
                List<double[]> runs = new ArrayList<>();
                for (int i = 0; i < 11; i++) {
                    long t = System.nanoTime();
                    PairingProposal p = store ? proposals.propose(ADMIN, region, null, null)
                            : proposals.compute(region, null, null, "benchmark").proposal();
                    runs.add(new double[]{p.scoringMillis(), p.solveMillis(), p.greedy().solveMillis(), (System.nanoTime() - t) / 1e6});
                }
                double[] cold = runs.get(0);
                double[] warm = new double[4];
                for (int k = 0; k < 4; k++) {
                    int column = k;
                    warm[k] = percentile(runs.subList(1, runs.size()).stream().map(r -> r[column]).toList(), 50);
                }
                System.out.printf(L, "Assignment %s, first call (cold JVM): scoring %.1f ms, min-cost flow %.1f ms, greedy %.1f ms, "
                        + "whole proposal%s %.1f ms%n", region, cold[0], cold[1], cold[2], store ? " incl. storing" : "", cold[3]);
                System.out.printf(L, "Assignment %s, median of 10 more: scoring %.1f ms, min-cost flow %.1f ms, greedy %.1f ms, "
                        + "whole proposal%s %.1f ms%n", region, warm[0], warm[1], warm[2], store ? " incl. storing" : "", warm[3]);
            }
            long t = System.nanoTime();
            PairingProposal p = store ? proposals.propose(ADMIN, region, null, null)
                    : proposals.compute(region, null, null, "benchmark").proposal();
            times.add((System.nanoTime() - t) / 1e6);
            solve.add(p.solveMillis());
            optimalTotal += p.totalScore();
            greedyTotal += p.greedy().totalScore();
            paired += p.pairedCount();
            greedyPaired += p.greedy().pairedCount();
            mentees += p.menteeCount();
            if (verbose) {
                System.out.printf(L, "Assignment %s: %d low-result schools, %d partners with %d places%n",
                        region, p.menteeCount(), p.leaderCount(), p.slotCount());
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        if (!verbose) {
            System.out.printf(L, "Assignment, every region in turn: %.1f s in all; per region p50 %.0f ms, p95 %.0f ms, max %.0f ms "
                            + "(min-cost flow alone: p50 %.1f ms, max %.1f ms)%n",
                    wall, percentile(times, 50), percentile(times, 95), Collections.max(times),
                    percentile(solve, 50), Collections.max(solve));
        }
        System.out.printf(L, "Optimal vs greedy over %d low-result schools: paired %d vs %d, total score %.3f vs %.3f (%+.3f)%n",
                mentees, paired, greedyPaired, optimalTotal, greedyTotal, optimalTotal - greedyTotal);
    }

    /** The comparison the docs quote: the demo region at several capacities and distance limits. */
    private static void greedyVersusOptimal(ProposalService proposals, String region) {
        System.out.println("\n| capacity K | max distance | low-result schools | places | paired (optimal / greedy) | total score (optimal / greedy) | mean score (optimal / greedy) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Double km : new Double[]{null, 60.0, 30.0}) {
            for (int k : new int[]{1, 2, 3}) {
                PairingProposal p = proposals.compute(region, null, km, k, "benchmark").proposal();
                System.out.printf(L, "| %d | %s | %d | %d | %d / %d | %.3f / %.3f | %.3f / %.3f |%n", k,
                        km == null ? "none" : String.format(L, "%.0f km", km), p.menteeCount(), p.slotCount(),
                        p.pairedCount(), p.greedy().pairedCount(), p.totalScore(), p.greedy().totalScore(),
                        p.meanScore() == null ? 0 : p.meanScore(), p.greedy().meanScore() == null ? 0 : p.greedy().meanScore());
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void schema(Driver driver) {
        try (Session session = driver.session()) {
            // The schools feature's indexes (migration 010-school) and pairing's own (030-pairing).
            List<String> statements = new ArrayList<>(List.of(
                    "CREATE CONSTRAINT school_id IF NOT EXISTS FOR (s:School) REQUIRE s.id IS UNIQUE",
                    "CREATE CONSTRAINT municipality_id IF NOT EXISTS FOR (m:Municipality) REQUIRE m.id IS UNIQUE",
                    "CREATE CONSTRAINT region_id IF NOT EXISTS FOR (r:Region) REQUIRE r.id IS UNIQUE",
                    "CREATE INDEX school_region IF NOT EXISTS FOR (s:School) ON (s.regionId)"));
            statements.addAll(new PairingSchema().statements());
            statements.forEach(s -> session.run(s).consume());
            session.run("CALL db.awaitIndexes(300)").consume();
        }
    }

    private static List<String> lowResult(Driver driver, String regionId, String prefix) {
        try (Session session = driver.session()) {
            return session.run("""
                    MATCH (s:School) WHERE ($regionId IS NULL OR s.regionId = $regionId)
                      AND ($prefix IS NULL OR s.regionId STARTS WITH $prefix) AND 'LOW_RESULTS' IN s.statuses
                    RETURN s.id AS id ORDER BY id
                    """, parameters("regionId", regionId, "prefix", prefix)).list(r -> r.get("id").asString());
        }
    }

    private static Map<String, Object> parameters(Object... kv) {
        java.util.HashMap<String, Object> map = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return map;
    }

    /** Region sizes around 470 with a long tail (a few large regions), adding up to {@code total}. */
    static List<Integer> regionSizes(int total, Random random) {
        int regions = Math.max(1, Math.round(total / 470f));
        double[] weights = new double[regions];
        double sum = 0;
        for (int i = 0; i < regions; i++) {
            weights[i] = Math.exp(random.nextGaussian() * 0.55);
            sum += weights[i];
        }
        List<Integer> sizes = new ArrayList<>();
        int assigned = 0;
        for (int i = 0; i < regions; i++) {
            int size = i == regions - 1 ? total - assigned : Math.max(30, (int) Math.round(total * weights[i] / sum));
            sizes.add(size);
            assigned += size;
        }
        return sizes;
    }

    private static String region(int r) {
        return String.format(L, "R-N%02d", r);
    }

    private static List<Integer> sorted(List<Integer> values) {
        List<Integer> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    private static double percentile(List<Double> values, double p) {
        return percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), p);
    }

    private static double percentile(double[] values, double p) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        int index = (int) Math.ceil(p / 100 * copy.length) - 1;
        return copy[Math.max(0, Math.min(copy.length - 1, index))];
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans it eventually
        }
    }
}
