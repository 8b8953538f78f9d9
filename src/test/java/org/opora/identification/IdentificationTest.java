package org.opora.identification;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;
import org.opora.testing.TestRegion;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * Each method on a constructed region whose answer is known: the planted schools, and only they,
 * get the status; evidence carries the numbers; runs are stored and access is by territory.
 */
class IdentificationTest {

    private static final String REGRESSION_REGION = "R-ID-REG";
    private static final String MEAN_REGION = "R-ID-MEAN";
    private static final int[] YEARS = {2023, 2024, 2025};
    private static final String RUN = """
            mutation($input: IdentificationInput!) {
              runIdentification(input: $input) {
                id year years methods schoolsAssessed
                counts { status count }
                regression { slope r2 residualSd schools }
                low: assessments(status: LOW_RESULTS, first: 50) { totalCount edges { node { school { id } } } }
                contextual: assessments(status: UNFAVOURABLE_CONTEXT, first: 50) { edges { node { school { id } } } }
                resilient: assessments(status: RESILIENT, first: 50) { edges { node { school { id } } } }
                risk: assessments(status: RISK_ZONE, first: 50) { edges { node { school { id } } } }
                declining: assessments(status: DECLINING, first: 50) { edges { node { school { id } } } }
                leaders: assessments(status: LEADER, first: 50) { edges { node { school { id } } } }
              }
            }""";

    /** Context (low-income share) of the 40 ordinary schools of the regression region. */
    private static double context(int i) {
        return 0.10 + 0.015 * i;
    }

    @BeforeAll
    static void constructRegions() {
        // Regression region: results fall linearly with context, with tiny noise, except planted schools.
        TestRegion region = new TestRegion(REGRESSION_REGION);
        for (int i = 0; i < 40; i++) {
            String id = "REG-" + i;
            region.school(id, "REG-M" + (i % 4), "СОШ", i % 2 == 0 ? "город" : "село", 300 + i);
            double c = context(i);
            double offset = switch (id) {
                case "REG-5", "REG-22" -> -0.5;   // planted low results (favourable and average context)
                case "REG-36" -> +0.5;            // planted resilient (adverse context, far above the line)
                default -> 0.03 * Math.sin(i * 1.7);
            };
            for (int y = 0; y < YEARS.length; y++) {
                double falling = id.equals("REG-12") ? 0.3 - 0.3 * y : 0; // planted falling trend, on the line on average
                double expected = 4.4 - 1.2 * c + offset + falling;
                region.result(id, YEARS[y], "ВПР", "Русский язык", 4, expected);
                region.result(id, YEARS[y], "ВПР", "Математика", 4, expected - 0.1);
                region.result(id, YEARS[y], "ОГЭ", "Математика", 9, expected - 0.2);
                region.indicator(id, YEARS[y], "low_income_share", c);
                region.indicator(id, YEARS[y], "parents_higher_ed_share", 0.75 - c);
                region.indicator(id, YEARS[y], "staff_shortage_share", i == 36 ? 0.40 : 0.02 + 0.001 * i);
            }
        }
        region.save();

        // Below-the-mean region: 2 planted schools below the regional mean in both subjects every year.
        TestRegion mean = new TestRegion(MEAN_REGION);
        for (int i = 0; i < 12; i++) {
            String id = "MEAN-" + i;
            mean.school(id, "MEAN-M", "ООШ", "село", 80);
            for (int y = 0; y < YEARS.length; y++) {
                double russian;
                double maths;
                if (i < 2) {
                    russian = 3.5;
                    maths = 3.4;
                } else if (i == 2) {
                    russian = 3.5;   // Russian below every year, mathematics above: not flagged
                    maths = 4.4;
                } else {
                    boolean weakYear = y == i % 3; // one weak year breaks the run of three
                    russian = weakYear ? 3.6 : 4.3;
                    maths = weakYear ? 3.5 : 4.2;
                }
                mean.result(id, YEARS[y], "ВПР", "Русский язык", 6, russian);
                mean.result(id, YEARS[y], "ВПР", "Математика", 6, maths);
                mean.result(id, YEARS[y], "ОГЭ", "Математика", 9, maths + 0.05);
            }
        }
        mean.save();
    }

    private static String coordinator(String regionId) {
        return tokenFor("coordinator-" + regionId, Set.of(Role.REGIONAL_COORDINATOR), new Scope(regionId, null, null));
    }

    private static Set<String> ids(JsonNode connection) {
        Set<String> ids = new HashSet<>();
        connection.get("edges").forEach(e -> ids.add(e.get("node").get("school").get("id").asText()));
        return ids;
    }

    @Test
    void regressionFindsExactlyThePlantedSchools() {
        JsonNode run = graphql(coordinator(REGRESSION_REGION), RUN, Map.of("input",
                Map.of("regionId", REGRESSION_REGION, "year", 2025, "methods", List.of("REGRESSION", "RISK_PROFILE", "RISK_MONITORING"),
                        // staff shortage is planted on one school for the risk profile; keep it out of the context index
                        "contextWeights", List.of(Map.of("indicator", "staff_shortage_share", "weight", 0)))))
                .data().get("runIdentification");
        assertThat(run.get("schoolsAssessed").asInt()).isEqualTo(40);
        assertThat(run.get("regression").get("slope").asDouble()).isNegative();
        assertThat(run.get("regression").get("schools").asInt()).isEqualTo(40);
        assertThat(ids(run.get("low"))).containsExactlyInAnyOrder("REG-5", "REG-22");
        assertThat(ids(run.get("resilient"))).containsExactly("REG-36");
        // A fall that has already happened is DECLINING; nothing rises here, so nobody is in the preventive risk zone.
        assertThat(ids(run.get("declining"))).containsExactly("REG-12");
        assertThat(ids(run.get("risk"))).isEmpty();
        assertThat(ids(run.get("leaders"))).contains("REG-36").doesNotContain("REG-5", "REG-22");

        // ШНСУ: context index >= 1 SD; with one context signal that is low-income share >= mean + 1 SD.
        double[] contexts = IntStream.range(0, 40).mapToDouble(IdentificationTest::context).toArray();
        double mean = java.util.Arrays.stream(contexts).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(contexts).map(c -> (c - mean) * (c - mean)).sum() / 39);
        Set<String> expected = new HashSet<>();
        IntStream.range(0, 40).filter(i -> contexts[i] >= mean + sd).forEach(i -> expected.add("REG-" + i));
        assertThat(expected).hasSize(8);
        assertThat(ids(run.get("contextual"))).isEqualTo(expected);
    }

    @Test
    void belowMeanMethodFindsSchoolsBelowInAllSubjectsEveryYear() {
        JsonNode run = graphql(coordinator(MEAN_REGION), RUN, Map.of("input",
                Map.of("regionId", MEAN_REGION, "year", 2025, "methods", List.of("BELOW_REGIONAL_MEAN"))))
                .data().get("runIdentification");
        assertThat(ids(run.get("low"))).containsExactlyInAnyOrder("MEAN-0", "MEAN-1");
        assertThat(run.get("methods").get(0).asText()).isEqualTo("BELOW_REGIONAL_MEAN");

        // Two years only: MEAN-k schools whose weak year is 2023 are now clean, others are not flagged either.
        JsonNode shorter = graphql(coordinator(MEAN_REGION), RUN, Map.of("input",
                Map.of("regionId", MEAN_REGION, "year", 2025, "years", 2, "methods", List.of("BELOW_REGIONAL_MEAN"))))
                .data().get("runIdentification");
        assertThat(ids(shorter.get("low"))).containsExactlyInAnyOrder("MEAN-0", "MEAN-1");
        assertThat(shorter.get("years").asInt()).isEqualTo(2);
    }

    @Test
    void schoolProfileExplainsStatusesAndRiskProfileWithNumbers() {
        graphql(coordinator(REGRESSION_REGION), RUN, Map.of("input", Map.of("regionId", REGRESSION_REGION, "year", 2025))).data();
        String teacher = tokenFor("teacher-id", Set.of(Role.TEACHER), new Scope(REGRESSION_REGION, null, null));
        JsonNode school = graphql(teacher, """
                { school(id: "REG-22") { name currentStatuses municipality { id }
                    results(procedure: "ВПР", subject: "Русский язык") { year meanScore }
                    indicators(year: 2025) { indicator label value }
                    assessment { resultsIndex contextIndex expected residual
                      statuses { status method explanation evidence }
                      riskProfile { factor level indicators { indicator value regionalMedian percentile } } } } }""")
                .data().get("school");
        assertThat(school.get("currentStatuses").toString()).contains("LOW_RESULTS");
        assertThat(school.get("results")).hasSize(3);
        assertThat(school.get("indicators")).hasSize(3);
        JsonNode assessment = school.get("assessment");
        assertThat(assessment.get("residual").asDouble()).isLessThan(assessment.get("expected").asDouble() - assessment.get("resultsIndex").asDouble() + 0.001);
        JsonNode low = null;
        for (JsonNode finding : assessment.get("statuses")) {
            if (finding.get("status").asText().equals("LOW_RESULTS") && finding.get("method").asText().equals("REGRESSION")) {
                low = finding;
            }
        }
        assertThat(low).isNotNull();
        assertThat(low.get("explanation").asText()).contains("ниже ожидаемых");
        assertThat(low.get("evidence").get("residualInSd").asDouble()).isLessThan(-1.0);
        assertThat(low.get("evidence").get("threshold").asDouble()).isEqualTo(-1.0);

        JsonNode staff = graphql(teacher, """
                { school(id: "REG-36") { assessment { riskProfile { factor level indicators { indicator value percentile } } } } }""")
                .data().get("school").get("assessment").get("riskProfile");
        JsonNode shortage = null;
        for (JsonNode factor : staff) {
            if (factor.get("factor").asText().equals("STAFF_SHORTAGE")) {
                shortage = factor;
            }
        }
        assertThat(shortage).isNotNull();
        assertThat(shortage.get("level").asText()).isEqualTo("HIGH");
        assertThat(shortage.get("indicators").get(0).get("value").asDouble()).isEqualTo(0.40);
        assertThat(shortage.get("indicators").get(0).get("percentile").asDouble()).isEqualTo(1.0);
    }

    @Test
    void listsSummaryAndRunsReflectTheLatestRun() {
        String token = coordinator(REGRESSION_REGION);
        graphql(token, RUN, Map.of("input", Map.of("regionId", REGRESSION_REGION, "year", 2025,
                "methods", List.of("REGRESSION")))).data();
        JsonNode page = graphql(token, """
                { schools(filter: {regionId: "R-ID-REG", status: LOW_RESULTS}, first: 1) {
                    totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }""").data().get("schools");
        assertThat(page.get("totalCount").asInt()).isEqualTo(2);
        assertThat(page.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
        String cursor = page.get("pageInfo").get("endCursor").asText();
        JsonNode next = graphql(token, "query($after: String) { schools(filter: {regionId: \"R-ID-REG\", status: LOW_RESULTS}, first: 1, after: $after) { pageInfo { hasNextPage } edges { node { id } } } }",
                Map.of("after", cursor)).data().get("schools");
        assertThat(next.get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
        assertThat(Set.of(page.at("/edges/0/node/id").asText(), next.at("/edges/0/node/id").asText()))
                .containsExactlyInAnyOrder("REG-5", "REG-22");

        JsonNode summary = graphql(token, "{ regionalSummary(regionId: \"R-ID-REG\") { schoolCount identificationRunId totals { status count } municipalities { municipality { id } schoolCount } } }")
                .data().get("regionalSummary");
        assertThat(summary.get("schoolCount").asInt()).isEqualTo(40);
        assertThat(summary.get("municipalities")).hasSize(4);
        assertThat(summary.get("identificationRunId").isNull()).isFalse();
        for (JsonNode total : summary.get("totals")) {
            if (total.get("status").asText().equals("LOW_RESULTS")) {
                assertThat(total.get("count").asInt()).isEqualTo(2);
            }
        }
        JsonNode runs = graphql(token, "{ identificationRuns(regionId: \"R-ID-REG\", first: 100) { totalCount edges { node { id createdAt parameters } } } }")
                .data().get("identificationRuns");
        assertThat(runs.get("totalCount").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(runs.at("/edges/0/node/parameters/lowResidualSd").asDouble()).isEqualTo(1.0);
    }

    @Test
    void onlyCoordinatorsOfTheRegionMayRunAndBadParametersAreNamed() {
        Map<String, Object> input = Map.of("regionId", REGRESSION_REGION, "year", 2025);
        String foreign = coordinator("R-SOMEWHERE-ELSE");
        assertThat(graphql(foreign, RUN, Map.of("input", input)).errorCode()).isEqualTo("FORBIDDEN");
        String teacher = tokenFor("teacher-id", Set.of(Role.TEACHER), new Scope(REGRESSION_REGION, null, null));
        assertThat(graphql(teacher, RUN, Map.of("input", input)).errorCode()).isEqualTo("FORBIDDEN");
        String municipal = tokenFor("municipal-id", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(REGRESSION_REGION, "REG-M0", null));
        assertThat(graphql(municipal, RUN, Map.of("input", input)).errorCode()).isEqualTo("FORBIDDEN");

        GraphQlResponse badYears = graphql(coordinator(REGRESSION_REGION), RUN,
                Map.of("input", Map.of("regionId", REGRESSION_REGION, "year", 2025, "years", 0)));
        assertThat(badYears.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(badYears.errorMessage()).startsWith("years");
        GraphQlResponse noData = graphql(coordinator(REGRESSION_REGION), RUN,
                Map.of("input", Map.of("regionId", REGRESSION_REGION, "year", 2030)));
        assertThat(noData.errorCode()).isEqualTo("BAD_USER_INPUT");
        GraphQlResponse badWeight = graphql(coordinator(REGRESSION_REGION), RUN, Map.of("input", Map.of("regionId",
                REGRESSION_REGION, "year", 2025, "contextWeights", List.of(Map.of("indicator", "shoe_size", "weight", 1)))));
        assertThat(badWeight.errorMessage()).contains("shoe_size");
    }
}
