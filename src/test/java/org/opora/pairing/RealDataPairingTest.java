package org.opora.pairing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.school.importing.ImportReport;
import org.opora.school.importing.PublicDatasetMapper;
import org.opora.school.importing.SchoolDataImporter;
import org.opora.testing.GraphQlResponse;
import org.opora.testing.OporaTestApp;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * Pairing end to end on real public data: samples of the NYC 2016 School Explorer and of England's KS4 2018/19 tables
 * (src/test/resources/datasets, with their SOURCE.txt) go through the real mappings and the real importer, identification
 * runs over GraphQL, then candidates and the region-wide proposal. Real data has three of the thirteen context
 * indicators and some schools lack one of those: this used to answer INTERNAL (a NullPointerException in the
 * explanation). Works in regions US-NYC and ENG-WEST-MIDLANDS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealDataPairingTest {

    static final String NYC = "US-NYC";
    static final String ENGLAND = "ENG-WEST-MIDLANDS";

    static final String IDENTIFY = """
            mutation($in: IdentificationInput!) { runIdentification(input: $in) {
              id schoolsAssessed counts { status count } contextIndicators notes { method applied message }
              regression { intercept slope r2 residualSd schools } } }""";
    static final String ASSESSMENTS = """
            query($run: ID!, $status: SchoolStatus, $after: String) { identificationRun(id: $run) {
              assessments(status: $status, first: 200, after: $after) { pageInfo { hasNextPage endCursor }
                edges { node { school { id } resultsIndex contextIndex expected residual } } } } }""";
    static final String LOW_RESULT_SCHOOLS = """
            query($r: ID!) { schools(filter: {regionId: $r, status: LOW_RESULTS}, first: 100) {
              totalCount edges { node { id name type locality smallSchool currentStatuses } } } }""";
    static final String CANDIDATES = """
            query($id: ID!) { pairCandidates(schoolId: $id, first: 100) {
              school { id resultsIndex statuses }
              totalCount
              edges { node {
                rank score acceptable partnerBasis
                school { id resultsIndex }
                explanation { summary context { value distance featuresCompared featuresWeighted usedIndicators
                  features { indicator schoolValue partnerValue share featureWeight } } }
              } }
            } }""";
    static final String PROPOSE = """
            mutation($r: ID!) { proposeNetworkPairs(regionId: $r) {
              id menteeCount leaderCount pairedCount unmatchedCount meanScore
              items(matched: true, first: 50) { totalCount edges { node {
                mentee { id resultsIndex } leader { id resultsIndex } score summary components { context } } } }
            } }""";
    static final String SETTINGS = """
            mutation($r: ID!, $in: PairingSettingsInput!) { updatePairingSettings(regionId: $r, input: $in) {
              featureWeights { indicator weight } } }""";

    /** Indicator codes per school id, as the mapping wrote them: what the explanation must say it used. */
    final Map<String, Set<String>> indicatorsBySchool = new HashMap<>();
    final Map<String, String> coordinators = new HashMap<>();
    final Map<String, JsonNode> runs = new HashMap<>();
    final Map<String, Path> mapped = new HashMap<>();

    @BeforeAll
    void importAndIdentify() throws Exception {
        SchoolDataImporter importer = OporaTestApp.bean(SchoolDataImporter.class);
        Path nyc = Files.createTempDirectory("opora-nyc");
        PublicDatasetMapper.Summary nycSummary = PublicDatasetMapper.mapNyc(dataset("nyc-school-explorer-2016"), nyc, Integer.MAX_VALUE);
        assertThat(nycSummary.schools()).isEqualTo(300);
        assertThat(importer.importDirectory(nyc)).extracting(ImportReport::rowsRead)
                .containsExactly(300L, nycSummary.results(), nycSummary.indicators());
        readIndicators(nyc);
        mapped.put(NYC, nyc);

        Path england = Files.createTempDirectory("opora-england");
        PublicDatasetMapper.Summary englandSummary = PublicDatasetMapper.mapEnglandKs4(
                dataset("england-ks4-2019-west-midlands"), england, Integer.MAX_VALUE);
        assertThat(englandSummary.schools()).isGreaterThan(300);
        importer.importDirectory(england);
        readIndicators(england);
        mapped.put(ENGLAND, england);

        identify(NYC, 2016, List.of("Читательская грамотность", "Математика"));
        identify(ENGLAND, 2019, List.of("Интегральный балл по предметам"));
    }

    @AfterAll
    void restoreWeights() {
        // Other tests of this JVM may read the NYC region: leave its settings as the mapping found them.
        graphql(coordinators.get(NYC), SETTINGS, Map.of("r", NYC,
                "in", Map.of("featureWeights", List.of(Map.of("indicator", "non_native_share", "weight", 1.0)))));
    }

    private static Path dataset(String name) throws URISyntaxException {
        return Path.of(RealDataPairingTest.class.getResource("/datasets/" + name).toURI());
    }

    private void readIndicators(Path dir) throws Exception {
        for (Map<String, String> row : PublicDatasetMapper.readTable(dir.resolve("indicators.csv"))) {
            indicatorsBySchool.computeIfAbsent(row.get("school_id"), k -> new TreeSet<>()).add(row.get("indicator"));
        }
    }

    private void identify(String region, int year, List<String> subjects) {
        String coordinator = tokenFor("real-" + region, Set.of(Role.REGIONAL_COORDINATOR), new Scope(region, null, null));
        coordinators.put(region, coordinator);
        JsonNode run = graphql(coordinator, IDENTIFY, Map.of("in", Map.of("regionId", region, "year", year, "years", 1,
                "subjects", subjects))).data().get("runIdentification");
        assertThat(run.get("schoolsAssessed").asInt()).isGreaterThan(250);
        runs.put(region, run);
        System.out.println(region + ": " + run.get("schoolsAssessed") + " schools, " + run.get("counts") + ", context "
                + run.get("contextIndicators") + ", notes " + run.get("notes"));
    }

    private List<String> lowResultSchools(String region) {
        JsonNode schools = graphql(coordinators.get(region), LOW_RESULT_SCHOOLS, Map.of("r", region)).data().get("schools");
        List<String> ids = new ArrayList<>();
        schools.get("edges").forEach(e -> ids.add(e.get("node").get("id").asText()));
        assertThat(ids).as("ШНОР found in " + region).hasSizeGreaterThan(5);
        return ids;
    }

    /** Candidates of (up to 15) low-result schools; each explanation names exactly the indicators both schools have. */
    private int checkCandidates(String region, Set<String> weighted, int featuresWeighted) {
        int withCandidates = 0;
        int bestIsStronger = 0;
        List<String> mentees = lowResultSchools(region);
        for (String mentee : mentees.subList(0, Math.min(mentees.size(), 15))) {
            GraphQlResponse response = graphql(coordinators.get(region), CANDIDATES, Map.of("id", mentee));
            assertThat(response.errorCode()).as("pairCandidates(" + mentee + ")").isNull();
            JsonNode result = response.data().get("pairCandidates");
            assertThat(result.get("school").get("statuses").toString()).contains("LOW_RESULTS");
            if (result.get("edges").isEmpty()) {
                continue;
            }
            withCandidates++;
            double menteeResults = result.get("school").get("resultsIndex").asDouble();
            JsonNode best = result.get("edges").get(0).get("node");
            if (best.get("school").get("resultsIndex").asDouble() > menteeResults) {
                bestIsStronger++;
            }
            for (JsonNode edge : result.get("edges")) {
                JsonNode node = edge.get("node");
                String partner = node.get("school").get("id").asText();
                JsonNode context = node.get("explanation").get("context");
                Set<String> expected = new TreeSet<>(indicatorsBySchool.getOrDefault(mentee, Set.of()));
                expected.retainAll(indicatorsBySchool.getOrDefault(partner, Set.of()));
                expected.retainAll(weighted);
                Set<String> used = new TreeSet<>();
                context.get("usedIndicators").forEach(i -> used.add(i.asText()));
                assertThat(used).as(mentee + " / " + partner).isEqualTo(expected);
                assertThat(context.get("featuresCompared").asInt()).isEqualTo(used.size());
                assertThat(context.get("featuresWeighted").asInt()).isEqualTo(featuresWeighted);
                double shares = 0;
                for (JsonNode feature : context.get("features")) {
                    boolean isUsed = used.contains(feature.get("indicator").asText());
                    assertThat(feature.get("share").isNull()).as(feature.toString()).isEqualTo(!isUsed);
                    shares += isUsed ? feature.get("share").asDouble() : 0;
                }
                if (!used.isEmpty() && context.get("distance").asDouble() > 0) {
                    assertThat(shares).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
                }
                String summary = node.get("explanation").get("summary").asText();
                assertThat(summary).startsWith(used.isEmpty() ? "Контекст не сравнить" : "Сходство контекста");
                if (!used.isEmpty() && used.size() < featuresWeighted) { // real data: the summary names what it compared
                    assertThat(summary).contains("по " + used.size() + " из " + featuresWeighted + " показател");
                }
            }
        }
        assertThat(withCandidates).isPositive();
        // A partner is a leader, resilient or above expectation: its results are better almost always (a low-result
        // school by regression may sit above the mean in a very favourable context).
        assertThat(bestIsStronger).as("best candidate with better results than the school").isGreaterThanOrEqualTo(withCandidates * 8 / 10);
        return withCandidates;
    }

    private void checkProposal(String region) {
        GraphQlResponse response = graphql(coordinators.get(region), PROPOSE, Map.of("r", region));
        assertThat(response.errorCode()).as("proposeNetworkPairs(" + region + ")").isNull();
        JsonNode proposal = response.data().get("proposeNetworkPairs");
        assertThat(proposal.get("menteeCount").asInt()).isGreaterThan(5);
        assertThat(proposal.get("pairedCount").asInt()).isPositive();
        assertThat(proposal.get("items").get("totalCount").asInt()).isEqualTo(proposal.get("pairedCount").asInt());
        int stronger = 0;
        int comparedContext = 0;
        for (JsonNode edge : proposal.get("items").get("edges")) {
            JsonNode item = edge.get("node");
            if (item.get("leader").get("resultsIndex").asDouble() > item.get("mentee").get("resultsIndex").asDouble()) {
                stronger++;
            }
            assertThat(item.get("score").asDouble()).isBetween(0.0, 1.0);
            // A school missing from the context source (England's census) has no indicator to compare: the pair is
            // still scored on results and distance, and its summary says so.
            String summary = item.get("summary").asText();
            assertThat(summary).matches("(Сходство контекста|Контекст не сравнить).*");
            if (summary.startsWith("Сходство контекста")) {
                comparedContext++;
            }
        }
        assertThat(comparedContext).as("proposed pairs compared on context")
                .isGreaterThanOrEqualTo(proposal.get("items").get("edges").size() * 8 / 10);
        assertThat(stronger).as("proposed leaders with better results").isGreaterThanOrEqualTo(proposal.get("items").get("edges").size() * 8 / 10);
    }

    @Test
    void nycCandidatesAndProposal() {
        Set<String> nycIndicators = Set.of("low_income_share", "non_native_share", "parental_involvement_index");
        assertThat(checkCandidates(NYC, nycIndicators, 13)).isPositive();
        checkProposal(NYC);
    }

    @Test
    void englandCandidatesAndProposal() {
        checkCandidates(ENGLAND, Set.of("low_income_share", "non_native_share", "special_needs_share"), 13);
        checkProposal(ENGLAND);
        JsonNode schools = graphql(coordinators.get(ENGLAND), LOW_RESULT_SCHOOLS, Map.of("r", ENGLAND)).data().get("schools");
        assertThat(schools.get("edges").get(0).get("node").get("locality").isNull()).isTrue(); // not in the source
    }

    @Test
    void aFeatureWeightOfZeroLeavesTheIndicatorOut() {
        JsonNode settings = graphql(coordinators.get(NYC), SETTINGS, Map.of("r", NYC,
                "in", Map.of("featureWeights", List.of(Map.of("indicator", "non_native_share", "weight", 0.0)))))
                .data().get("updatePairingSettings");
        Set<String> zero = new HashSet<>();
        settings.get("featureWeights").forEach(w -> {
            if (w.get("weight").asDouble() == 0) {
                zero.add(w.get("indicator").asText());
            }
        });
        assertThat(zero).containsExactly("non_native_share");
        try {
            checkCandidates(NYC, Set.of("low_income_share", "parental_involvement_index"), 12);
            checkProposal(NYC);
        } finally {
            restoreWeights();
        }
    }

    // --- identification on real data -----------------------------------------------------------------

    /** Every assessment of a run (optionally of one status), by school id: {resultsIndex, contextIndex, expected, residual}. */
    private Map<String, double[]> assessments(String region, String status) {
        Map<String, double[]> result = new HashMap<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("run", runs.get(region).get("id").asText());
            variables.put("status", status);
            variables.put("after", after);
            JsonNode page = graphql(coordinators.get(region), ASSESSMENTS, variables).data().get("identificationRun").get("assessments");
            for (JsonNode edge : page.get("edges")) {
                JsonNode a = edge.get("node");
                if (!a.get("residual").isNull()) {
                    result.put(a.get("school").get("id").asText(), new double[]{a.get("resultsIndex").asDouble(),
                            a.get("contextIndex").asDouble(), a.get("expected").asDouble(), a.get("residual").asDouble()});
                }
            }
            after = page.get("pageInfo").get("hasNextPage").asBoolean() ? page.get("pageInfo").get("endCursor").asText() : null;
        } while (after != null);
        return result;
    }

    /**
     * The regression recomputed from the mapped CSV files, independently of the application: results standardised
     * per procedure, subject, grade and year; the run's context indicators oriented (higher = more adverse),
     * standardised, averaged per school and standardised again; then ordinary least squares.
     */
    private void regressionMatchesAnIndependentComputation(String region) throws Exception {
        JsonNode run = runs.get(region);
        Map<String, List<double[]>> groups = new HashMap<>();
        Map<String, List<String>> groupSchools = new HashMap<>();
        for (Map<String, String> row : PublicDatasetMapper.readTable(mapped.get(region).resolve("results.csv"))) {
            String key = row.get("procedure") + "|" + row.get("subject") + "|" + row.get("grade") + "|" + row.get("year");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[]{Double.parseDouble(row.get("mean_score"))});
            groupSchools.computeIfAbsent(key, k -> new ArrayList<>()).add(row.get("school_id"));
        }
        Map<String, List<Double>> zs = new HashMap<>();
        groups.forEach((key, values) -> {
            double[] v = values.stream().mapToDouble(x -> x[0]).toArray();
            double mean = java.util.Arrays.stream(v).average().orElseThrow();
            double sd = Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
            if (v.length >= 3 && sd > 0) {
                for (int i = 0; i < v.length; i++) {
                    zs.computeIfAbsent(groupSchools.get(key).get(i), k -> new ArrayList<>()).add((v[i] - mean) / sd);
                }
            }
        });
        Map<String, Double> results = new HashMap<>();
        zs.forEach((school, list) -> results.put(school, list.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));

        Set<String> used = new HashSet<>();
        run.get("contextIndicators").forEach(c -> used.add(c.asText()));
        Set<String> favourable = Set.of("parents_higher_ed_share", "material_base_index", "parental_involvement_index");
        Map<String, Map<String, Double>> byIndicator = new HashMap<>();
        for (Map<String, String> row : PublicDatasetMapper.readTable(mapped.get(region).resolve("indicators.csv"))) {
            if (used.contains(row.get("indicator"))) {
                double value = Double.parseDouble(row.get("value"));
                byIndicator.computeIfAbsent(row.get("indicator"), k -> new HashMap<>())
                        .put(row.get("school_id"), favourable.contains(row.get("indicator")) ? -value : value);
            }
        }
        Map<String, double[]> sums = new HashMap<>();
        byIndicator.values().forEach(values -> {
            double mean = values.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double sd = Math.sqrt(values.values().stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (values.size() - 1));
            values.forEach((school, v) -> {
                double[] acc = sums.computeIfAbsent(school, k -> new double[2]);
                acc[0] += (v - mean) / sd;
                acc[1]++;
            });
        });
        Map<String, Double> raw = new HashMap<>();
        sums.forEach((school, acc) -> raw.put(school, acc[0] / acc[1]));
        double rawMean = raw.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double rawSd = Math.sqrt(raw.values().stream().mapToDouble(x -> (x - rawMean) * (x - rawMean)).sum() / (raw.size() - 1));
        Map<String, Double> context = new HashMap<>();
        raw.forEach((school, v) -> context.put(school, (v - rawMean) / rawSd));

        List<String> fitted = results.keySet().stream().filter(context::containsKey).sorted().toList();
        double mx = fitted.stream().mapToDouble(context::get).average().orElseThrow();
        double my = fitted.stream().mapToDouble(results::get).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (String school : fitted) {
            sxy += (context.get(school) - mx) * (results.get(school) - my);
            sxx += (context.get(school) - mx) * (context.get(school) - mx);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;

        JsonNode regression = run.get("regression");
        assertThat(regression.get("schools").asInt()).isEqualTo(fitted.size());
        assertThat(regression.get("slope").asDouble()).isCloseTo(slope, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(regression.get("intercept").asDouble()).isCloseTo(intercept, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(slope).as(region + ": results fall as the context gets harder").isNegative();
        Map<String, double[]> stored = assessments(region, null);
        assertThat(stored).hasSize(fitted.size());
        for (String school : fitted) {
            double residual = results.get(school) - (intercept + slope * context.get(school));
            assertThat(stored.get(school)[3]).as(school + " residual").isCloseTo(residual, org.assertj.core.api.Assertions.within(0.0015));
        }
    }

    /** Resilient schools: adverse context, above the line. */
    private void resilientSchoolsSitAboveTheLineInAdverseContext(String region) {
        Map<String, double[]> resilient = assessments(region, "RESILIENT");
        assertThat(resilient).as(region + " resilient schools").isNotEmpty();
        resilient.forEach((school, a) -> {
            assertThat(a[1]).as(school + " context index").isGreaterThanOrEqualTo(0.5);
            assertThat(a[0]).as(school + " results above the line").isGreaterThan(a[2]);
            assertThat(a[3]).isPositive();
        });
    }

    /** The best candidate of a low-result school: a context closer than a typical school's, and better results. */
    private void topCandidatesHaveSimilarContextAndBetterResults(String region) {
        Map<String, double[]> all = assessments(region, null);
        double[] contexts = all.values().stream().mapToDouble(a -> a[1]).toArray();
        List<String> mentees = lowResultSchools(region);
        double sumTop = 0;
        double sumTypical = 0;
        int better = 0;
        int n = 0;
        for (String mentee : mentees.subList(0, Math.min(mentees.size(), 15))) {
            JsonNode result = graphql(coordinators.get(region), CANDIDATES, Map.of("id", mentee)).data().get("pairCandidates");
            if (result.get("edges").isEmpty() || !all.containsKey(mentee)) {
                continue;
            }
            String top = result.get("edges").get(0).get("node").get("school").get("id").asText();
            if (!all.containsKey(top)) {
                continue;
            }
            double menteeContext = all.get(mentee)[1];
            sumTop += Math.abs(all.get(top)[1] - menteeContext);
            sumTypical += java.util.Arrays.stream(contexts).map(c -> Math.abs(c - menteeContext)).average().orElseThrow();
            better += all.get(top)[0] > all.get(mentee)[0] ? 1 : 0;
            n++;
        }
        assertThat(n).isPositive();
        assertThat(sumTop / n).as(region + ": context gap to the top candidate vs to a typical school")
                .isLessThan(0.75 * sumTypical / n);
        assertThat(better).as(region + ": top candidates with better results").isGreaterThanOrEqualTo(n * 8 / 10);
    }

    @Test
    void nycIdentificationFollowsTheLine() throws Exception {
        regressionMatchesAnIndependentComputation(NYC);
        resilientSchoolsSitAboveTheLineInAdverseContext(NYC);
        topCandidatesHaveSimilarContextAndBetterResults(NYC);
    }

    @Test
    void englandIdentificationLeavesEalOutOfTheAdverseContext() throws Exception {
        JsonNode run = runs.get(ENGLAND);
        assertThat(run.get("contextIndicators").toString()).contains("low_income_share").doesNotContain("non_native_share");
        boolean said = false;
        for (JsonNode note : run.get("notes")) {
            said |= note.get("message").asText().startsWith("Показатель non_native_share исключён из индекса контекста");
        }
        assertThat(said).as("the run says why EAL is not adverse context here").isTrue();
        regressionMatchesAnIndependentComputation(ENGLAND);
        resilientSchoolsSitAboveTheLineInAdverseContext(ENGLAND);
        topCandidatesHaveSimilarContextAndBetterResults(ENGLAND);
    }

    @Test
    void threeYearMethodsSayTheyCannotApplyToOneYear() {
        JsonNode run;
        try {
            run = graphql(coordinators.get(NYC), IDENTIFY, Map.of("in", Map.of("regionId", NYC, "year", 2016,
                    "subjects", List.of("Читательская грамотность", "Математика"), "methods", List.of("BELOW_REGIONAL_MEAN", "RISK_MONITORING"))))
                    .data().get("runIdentification");
        } finally {
            // Restore the region's current run (its statuses) for the other tests of this class.
            runs.put(NYC, graphql(coordinators.get(NYC), IDENTIFY, Map.of("in", Map.of("regionId", NYC, "year", 2016, "years", 1,
                    "subjects", List.of("Читательская грамотность", "Математика")))).data().get("runIdentification"));
        }
        List<String> refused = new ArrayList<>();
        run.get("notes").forEach(n -> {
            if (!n.get("applied").asBoolean()) {
                refused.add(n.get("method").asText() + ": " + n.get("message").asText());
            }
        });
        assertThat(refused).anyMatch(m -> m.startsWith("BELOW_REGIONAL_MEAN: Не применён: нужны результаты за 3 года подряд"));
        assertThat(refused).anyMatch(m -> m.startsWith("RISK_MONITORING: Зона риска не определена"));
    }
}
