package org.opora.identification;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;
import org.opora.testing.TestRegion;

import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.adminToken;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * Runs over time (comparison, a school's history, the yearly due date), the "500+" list against the
 * platform, per-method counts and what a run says when a method cannot apply. Works in regions
 * R-ID-TIME and R-ID-NOW.
 */
class IdentificationOverTimeTest {

    private static final String REGION = "R-ID-TIME";
    private static final String NOW_REGION = "R-ID-NOW";
    private static final int[] YEARS = {2023, 2024, 2025};
    private static final int THIS_YEAR = LocalDate.now(ZoneOffset.UTC).getYear();
    private static final String RUN = """
            mutation($input: IdentificationInput!) {
              runIdentification(input: $input) {
                id year contextIndicators
                counts { status count }
                methodCounts { method status found decisive }
                notes { method applied message }
                low: assessments(status: LOW_RESULTS, first: 50) { edges { node { school { id }
                  statuses { status method decisive explanation } } } }
              }
            }""";
    private static final String COMPARE = """
            query($from: ID!, $to: ID!) { compareIdentificationRuns(fromRunId: $from, toRunId: $to) {
              from { id } to { id }
              statuses { status before after
                entered { school { id } residualBefore residualAfter explanation }
                left { school { id } residualBefore residualAfter explanation } } } }""";
    private static final String PROJECT = """
            query($r: ID!, $y: Int!, $run: ID) { project500(regionId: $r, year: $y, runId: $run) {
              inProject flaggedByPlatform both onlyProject onlyPlatform
              schools { school { id } agreement curator recordedBy platformStatuses } } }""";
    private static final String RECORD = """
            mutation($in: Project500Input!) { recordProject500Schools(input: $in) {
              inProject both onlyProject onlyPlatform schools { school { id } agreement curator } } }""";

    @BeforeAll
    static void constructRegions() {
        // Results fall with context (low-income share); TIME-3 and TIME-17 sit far below the line.
        TestRegion region = new TestRegion(REGION);
        for (int i = 0; i < 30; i++) {
            String id = "TIME-" + i;
            region.school(id, "TIME-M" + (i % 3), "СОШ", "город", 300 + i);
            double c = 0.1 + 0.02 * i;
            double offset = i == 3 || i == 17 ? -0.6 : 0.02 * Math.sin(i * 1.3);
            for (int year : YEARS) {
                double expected = 4.4 - 1.2 * c + offset;
                region.result(id, year, "ВПР", "Русский язык", 6, expected);
                region.result(id, year, "ВПР", "Математика", 6, expected - 0.1);
                region.indicator(id, year, "low_income_share", c);
            }
        }
        region.save();
        // One year of data, this year: the yearly run can be made and is then not missing.
        TestRegion now = new TestRegion(NOW_REGION);
        for (int i = 0; i < 6; i++) {
            now.school("NOW-" + i, "NOW-M", "ООШ", "село", 90);
            now.result("NOW-" + i, THIS_YEAR, "ВПР", "Русский язык", 4, 3.4 + 0.1 * i);
            now.result("NOW-" + i, THIS_YEAR, "ВПР", "Математика", 4, 3.3 + 0.1 * i);
        }
        now.save();
    }

    private static String coordinator(String regionId) {
        return tokenFor("coordinator-" + regionId, Set.of(Role.REGIONAL_COORDINATOR), new Scope(regionId, null, null));
    }

    private static String teacher(String regionId) {
        return tokenFor("teacher-" + regionId, Set.of(Role.TEACHER), new Scope(regionId, null, null));
    }

    private static JsonNode run(String regionId, Map<String, Object> input) {
        Map<String, Object> all = new HashMap<>(input);
        all.put("regionId", regionId);
        return graphql(coordinator(regionId), RUN, Map.of("input", all)).data().get("runIdentification");
    }

    private static Set<String> ids(JsonNode list) {
        Set<String> ids = new HashSet<>();
        list.forEach(e -> ids.add((e.has("node") ? e.get("node") : e).get("school").get("id").asText()));
        return ids;
    }

    private static JsonNode status(JsonNode comparison, String status) {
        for (JsonNode s : comparison.get("statuses")) {
            if (s.get("status").asText().equals(status)) {
                return s;
            }
        }
        throw new AssertionError(status);
    }

    @Test
    void comparingTwoRunsNamesWhoEnteredAndLeftAndWhy() {
        JsonNode strict = run(REGION, Map.of("year", 2025, "methods", List.of("REGRESSION"), "lowResidualSd", 4.5));
        JsonNode usual = run(REGION, Map.of("year", 2025, "methods", List.of("REGRESSION")));
        assertThat(ids(usual.get("low").get("edges"))).containsExactlyInAnyOrder("TIME-3", "TIME-17");
        String reader = teacher(REGION);
        JsonNode forward = graphql(reader, COMPARE, Map.of("from", strict.get("id").asText(), "to", usual.get("id").asText()))
                .data().get("compareIdentificationRuns");
        JsonNode low = status(forward, "LOW_RESULTS");
        assertThat(low.get("before").asInt()).isZero();
        assertThat(low.get("after").asInt()).isEqualTo(2);
        assertThat(ids(low.get("entered"))).containsExactlyInAnyOrder("TIME-3", "TIME-17");
        assertThat(low.get("left")).isEmpty();
        JsonNode entered = low.get("entered").get(0);
        assertThat(entered.get("explanation").asText()).startsWith("Вошла: Результаты ниже ожидаемых");
        assertThat(entered.get("residualAfter").asDouble()).isNegative();

        JsonNode back = graphql(reader, COMPARE, Map.of("from", usual.get("id").asText(), "to", strict.get("id").asText()))
                .data().get("compareIdentificationRuns");
        JsonNode left = status(back, "LOW_RESULTS").get("left");
        assertThat(ids(left)).containsExactlyInAnyOrder("TIME-3", "TIME-17");
        assertThat(left.get(0).get("explanation").asText()).startsWith("Вышла: в 2025 — Результаты ниже ожидаемых")
                .contains("теперь индекс результатов −");

        // Outsiders: FORBIDDEN; a run of another region cannot be compared with; an unknown run is NOT_FOUND.
        GraphQlResponse foreign = graphql(teacher("R-ELSEWHERE"), COMPARE, Map.of("from", strict.get("id").asText(), "to", usual.get("id").asText()));
        assertThat(foreign.errorCode()).isEqualTo("FORBIDDEN");
        JsonNode other = run(NOW_REGION, Map.of("year", THIS_YEAR, "years", 1, "methods", List.of("BELOW_REGIONAL_MEAN")));
        GraphQlResponse mixed = graphql(adminToken(), COMPARE, Map.of("from", strict.get("id").asText(), "to", other.get("id").asText()));
        assertThat(mixed.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(mixed.errorMessage()).startsWith("toRunId");
        assertThat(graphql(adminToken(), COMPARE, Map.of("from", "no-such-run", "to", strict.get("id").asText())).errorCode())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void aListOfSchoolsReadsItsHistoriesInOneQuery() {
        run(REGION, Map.of("year", 2024, "years", 2, "methods", List.of("REGRESSION")));
        String query = "query($first: Int) { schools(filter: {regionId: \"" + REGION + "\"}, first: $first) "
                + "{ edges { node { id statusHistory { year statuses } } } } }";
        GraphQlResponse one = graphql(teacher(REGION), query, Map.of("first", 1));
        GraphQlResponse many = graphql(teacher(REGION), query, Map.of("first", 20));
        JsonNode edges = many.data().get("schools").get("edges");
        assertThat(edges.size()).isEqualTo(20);
        edges.forEach(edge -> assertThat(edge.get("node").get("statusHistory").size()).isPositive());
        // The same number of database transactions for 1 school and for 20: the histories are batched.
        assertThat(transactions(many)).isEqualTo(transactions(one));
    }

    private static int transactions(GraphQlResponse response) {
        assertThat(response.errorCode()).as(response.body().toString()).isNull();
        return response.body().path("extensions").path("cost").path("databaseTransactions").asInt();
    }

    @Test
    void aSchoolsHistoryHasTheNewestRunOfEachYear() {
        run(REGION, Map.of("year", 2024, "years", 2, "methods", List.of("REGRESSION")));
        run(REGION, Map.of("year", 2025, "methods", List.of("REGRESSION")));
        JsonNode history = graphql(teacher(REGION), "{ school(id: \"TIME-3\") { statusHistory { year runId statuses residual } } }")
                .data().get("school").get("statusHistory");
        List<Integer> years = new ArrayList<>();
        history.forEach(h -> years.add(h.get("year").asInt()));
        assertThat(years).containsSubsequence(2024, 2025).doesNotHaveDuplicates();
        for (JsonNode h : history) {
            assertThat(h.get("statuses").toString()).contains("LOW_RESULTS");
            assertThat(h.get("residual").asDouble()).isNegative();
        }
    }

    @Test
    void theYearlyRunIsDueByTheFirstOfNovember() {
        String query = "query($r: ID!) { identificationSchedule(regionId: $r) { year dueDate missing overdue message currentRun { id } latestRun { year } } }";
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode schedule = graphql(teacher(REGION), query, Map.of("r", REGION)).data().get("identificationSchedule");
        assertThat(schedule.get("year").asInt()).isEqualTo(THIS_YEAR);
        assertThat(schedule.get("dueDate").asText()).isEqualTo(THIS_YEAR + "-11-01");
        assertThat(schedule.get("missing").asBoolean()).isTrue(); // its data end in 2025
        assertThat(schedule.get("overdue").asBoolean()).isEqualTo(today.isAfter(LocalDate.of(THIS_YEAR, Month.NOVEMBER, 1)));
        assertThat(schedule.get("message").asText()).startsWith("Идентификация за " + THIS_YEAR + " год");
        assertThat(schedule.get("currentRun").isNull()).isTrue();

        run(NOW_REGION, Map.of("year", THIS_YEAR, "years", 1, "methods", List.of("BELOW_REGIONAL_MEAN")));
        JsonNode done = graphql(teacher(NOW_REGION), query, Map.of("r", NOW_REGION)).data().get("identificationSchedule");
        assertThat(done.get("missing").asBoolean()).isFalse();
        assertThat(done.get("overdue").asBoolean()).isFalse();
        assertThat(done.get("currentRun").get("id").asText()).isNotBlank();
        assertThat(done.get("message").asText()).contains("проведена");

        assertThat(graphql(teacher("R-ELSEWHERE"), query, Map.of("r", REGION)).errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void theRegionsProject500ListIsComparedWithThePlatform() {
        JsonNode usual = run(REGION, Map.of("year", 2025, "methods", List.of("REGRESSION")));
        String runId = usual.get("id").asText();
        Map<String, Object> input = Map.of("regionId", REGION, "year", 2025, "schools", List.of(
                Map.of("schoolId", "TIME-3", "curator", "Петрова А. С."), Map.of("schoolId", "TIME-25", "curator", "Иванов О. П.")));

        // Writers: ADMIN and the region's coordinators only; nothing is written by anyone else.
        for (String outsider : List.of(coordinator("R-ELSEWHERE"), teacher(REGION),
                tokenFor("municipal-time", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(REGION, "TIME-M0", null)))) {
            assertThat(graphql(outsider, RECORD, Map.of("in", input)).errorCode()).isEqualTo("FORBIDDEN");
        }
        JsonNode before = graphql(adminToken(), PROJECT, Map.of("r", REGION, "y", 2025, "run", runId)).data().get("project500");
        assertThat(before.get("inProject").asInt()).isZero();

        JsonNode recorded = graphql(coordinator(REGION), RECORD, Map.of("in", input)).data().get("recordProject500Schools");
        assertThat(recorded.get("inProject").asInt()).isEqualTo(2);

        // Readers: users of the region; outsiders are refused.
        JsonNode compared = graphql(teacher(REGION), PROJECT, Map.of("r", REGION, "y", 2025, "run", runId)).data().get("project500");
        assertThat(compared.get("both").asInt()).isEqualTo(1);
        assertThat(compared.get("onlyProject").asInt()).isEqualTo(1);
        assertThat(compared.get("onlyPlatform").asInt()).isEqualTo(1);
        assertThat(compared.get("flaggedByPlatform").asInt()).isEqualTo(2);
        Map<String, String> agreement = new HashMap<>();
        compared.get("schools").forEach(s -> agreement.put(s.get("school").get("id").asText(), s.get("agreement").asText()));
        assertThat(agreement).containsEntry("TIME-3", "BOTH").containsEntry("TIME-25", "ONLY_PROJECT").containsEntry("TIME-17", "ONLY_PLATFORM");
        for (JsonNode s : compared.get("schools")) {
            if (s.get("school").get("id").asText().equals("TIME-3")) {
                assertThat(s.get("curator").asText()).isEqualTo("Петрова А. С.");
                assertThat(s.get("recordedBy").asText()).isEqualTo("coordinator-" + REGION);
                assertThat(s.get("platformStatuses").toString()).contains("LOW_RESULTS");
            }
        }
        assertThat(graphql(teacher("R-ELSEWHERE"), PROJECT, Map.of("r", REGION, "y", 2025)).errorCode()).isEqualTo("FORBIDDEN");

        // Bad rows are named and nothing is written; a new list replaces the year's list.
        GraphQlResponse unknown = graphql(coordinator(REGION), RECORD, Map.of("in", Map.of("regionId", REGION, "year", 2025,
                "schools", List.of(Map.of("schoolId", "TIME-4", "curator", "Сидоров"), Map.of("schoolId", "NOW-1", "curator", "Сидоров")))));
        assertThat(unknown.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(unknown.errorMessage()).startsWith("schools[1].schoolId").contains("не найдена в регионе");
        GraphQlResponse blank = graphql(coordinator(REGION), RECORD, Map.of("in", Map.of("regionId", REGION, "year", 2025,
                "schools", List.of(Map.of("schoolId", "TIME-4", "curator", " ")))));
        assertThat(blank.errorMessage()).startsWith("schools[0].curator");
        JsonNode unchanged = graphql(adminToken(), PROJECT, Map.of("r", REGION, "y", 2025, "run", runId)).data().get("project500");
        assertThat(unchanged.get("inProject").asInt()).isEqualTo(2);

        JsonNode replaced = graphql(adminToken(), RECORD, Map.of("in", Map.of("regionId", REGION, "year", 2025,
                "schools", List.of(Map.of("schoolId", "TIME-17", "curator", "Сидоров В. В."))))).data().get("recordProject500Schools");
        assertThat(replaced.get("inProject").asInt()).isEqualTo(1);
        assertThat(replaced.get("both").asInt()).isEqualTo(1);
        assertThat(replaced.get("onlyProject").asInt()).isZero();
    }

    @Test
    void aRunCountsEachMethodAndSaysWhatCouldNotApply() {
        JsonNode run = run(REGION, Map.of("year", 2025, "subjects", List.of("Физика")));
        Map<String, JsonNode> notes = new HashMap<>();
        run.get("notes").forEach(n -> notes.putIfAbsent(n.get("method").asText() + ":" + n.get("applied").asBoolean(), n));
        JsonNode stablyLow = notes.get("BELOW_REGIONAL_MEAN:false");
        assertThat(stablyLow).isNotNull();
        assertThat(stablyLow.get("message").asText()).contains("Физика").contains("Русский язык");
        JsonNode three = notes.get("THREE_CONDITIONS:false");
        assertThat(three.get("message").asText()).contains("сложный контингент");
        // With the stably-low method out, the regression decides ШНОР alone.
        assertThat(ids(run.get("low").get("edges"))).containsExactlyInAnyOrder("TIME-3", "TIME-17");

        JsonNode oneYear = run(REGION, Map.of("year", 2025, "years", 1));
        JsonNode both = run(REGION, Map.of("year", 2025, "lowResultsCombination", "UNION"));
        Map<String, int[]> counts = new HashMap<>();
        both.get("methodCounts").forEach(c -> counts.put(c.get("method").asText() + ":" + c.get("status").asText(),
                new int[]{c.get("found").asInt(), c.get("decisive").asInt()}));
        assertThat(counts.get("REGRESSION:LOW_RESULTS")).containsExactly(2, 2);
        assertThat(counts.get("BELOW_REGIONAL_MEAN:LOW_RESULTS")[0]).isGreaterThanOrEqualTo(1);
        boolean trendNote = false;
        for (JsonNode n : oneYear.get("notes")) {
            trendNote |= n.get("method").asText().equals("RISK_MONITORING") && !n.get("applied").asBoolean()
                    && n.get("message").asText().contains("нужно не меньше 3");
        }
        assertThat(trendNote).as("one-year window: the decline cannot be seen, and the run says so").isTrue();

        JsonNode chosen = run(REGION, Map.of("year", 2025, "methods", List.of("REGRESSION"), "contextIndicators", List.of("low_income_share")));
        assertThat(chosen.get("contextIndicators").toString()).isEqualTo("[\"low_income_share\"]");
        GraphQlResponse bad = graphql(coordinator(REGION), RUN, Map.of("input", Map.of("regionId", REGION, "year", 2025,
                "contextIndicators", List.of("olympiad_participation_share"))));
        assertThat(bad.errorMessage()).startsWith("contextIndicators").contains("olympiad_participation_share");
        GraphQlResponse badThreshold = graphql(coordinator(REGION), RUN, Map.of("input", Map.of("regionId", REGION, "year", 2025,
                "riskThresholds", List.of(Map.of("indicator", "low_income_share", "medium", 0.5, "high", 0.3)))));
        assertThat(badThreshold.errorMessage()).startsWith("riskThresholds.low_income_share");
    }

    @Test
    void riskLevelsComeFromTheRegionsThresholds() {
        // low_income_share of TIME-i is 0.1 + 0.02 i: defaults MEDIUM from 0.30, HIGH from 0.45.
        run(REGION, Map.of("year", 2025, "methods", List.of("RISK_PROFILE")));
        assertThat(levels()).containsEntry("TIME-0", "LOW").containsEntry("TIME-12", "MEDIUM").containsEntry("TIME-29", "HIGH");
        run(REGION, Map.of("year", 2025, "methods", List.of("RISK_PROFILE"),
                "riskThresholds", List.of(Map.of("indicator", "low_income_share", "medium", 0.2, "high", 0.3))));
        assertThat(levels()).containsEntry("TIME-0", "LOW").containsEntry("TIME-6", "MEDIUM").containsEntry("TIME-12", "HIGH");
        // Percentiles: ranks 23/30 and up are MEDIUM (≥ 0.75), 28/30 and up HIGH (≥ 0.9), whatever the values.
        run(REGION, Map.of("year", 2025, "methods", List.of("RISK_PROFILE"), "riskLevels", "PERCENTILES"));
        assertThat(levels()).containsEntry("TIME-0", "LOW").containsEntry("TIME-12", "LOW").containsEntry("TIME-29", "HIGH");
    }

    /** SOCIAL_DISADVANTAGE level of four schools in the region's current run. */
    private static Map<String, String> levels() {
        String school = "{ assessment { riskProfile { factor level indicators { indicator percentile mediumThreshold highThreshold } } } }";
        JsonNode data = graphql(teacher(REGION), "{ s0: school(id: \"TIME-0\") " + school + " s6: school(id: \"TIME-6\") " + school
                + " s12: school(id: \"TIME-12\") " + school + " s29: school(id: \"TIME-29\") " + school + " }").data();
        Map<String, String> levels = new HashMap<>();
        for (String alias : List.of("s0", "s6", "s12", "s29")) {
            for (JsonNode factor : data.get(alias).get("assessment").get("riskProfile")) {
                if (factor.get("factor").asText().equals("SOCIAL_DISADVANTAGE")) {
                    levels.put("TIME-" + alias.substring(1), factor.get("level").asText());
                    JsonNode indicator = factor.get("indicators").get(0);
                    assertThat(indicator.get("indicator").asText()).isEqualTo("low_income_share");
                    assertThat(indicator.get("percentile").asDouble()).isBetween(0.0, 1.0);
                }
            }
        }
        return levels;
    }
}
