package org.opora.monitoring.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Scope;
import org.opora.testing.OporaTestApp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.opora.monitoring.indicators.IndicatorRegion.M1;
import static org.opora.monitoring.indicators.IndicatorRegion.M2;
import static org.opora.monitoring.indicators.IndicatorRegion.REGION;
import static org.opora.monitoring.indicators.IndicatorRegion.S1;
import static org.opora.monitoring.indicators.IndicatorRegion.S3;
import static org.opora.monitoring.indicators.IndicatorRegion.S4;
import static org.opora.monitoring.indicators.IndicatorRegion.T1;
import static org.opora.monitoring.indicators.IndicatorRegion.T3;
import static org.opora.testing.OporaTestApp.graphql;

/** The indicators of the constructed region R960 against values worked out by hand (see {@link IndicatorRegion}). */
class IndicatorCalculationTest {

    static final String FIGURE = "indicator { code unit direction levels } value numerator denominator previousValue change "
            + "target { plannedValue setAt inherited } evaluation";
    static final String DASHBOARD = """
            query($t: MonitoringTerritoryInput!, $year: Int!) {
              monitoringDashboard(territory: $t, year: $year) {
                territory { level id name } year years
                figures { %s }
                parts { territory { level id name } figures { %s } }
              }
            }""".formatted(FIGURE, FIGURE);

    @BeforeAll
    static void region() {
        IndicatorRegion.build();
    }

    static JsonNode dashboard(String token, Map<String, Object> territory, int year) {
        return graphql(token, DASHBOARD, Map.of("t", territory, "year", year)).data().path("monitoringDashboard");
    }

    static Map<String, JsonNode> byCode(JsonNode figures) {
        Map<String, JsonNode> result = new HashMap<>();
        figures.forEach(f -> result.put(f.path("indicator").path("code").asText(), f));
        return result;
    }

    static void share(JsonNode figure, Double value, Integer numerator, Integer denominator) {
        if (value == null) {
            assertThat(figure.path("value").isNull()).as("value of %s", figure).isTrue();
        } else {
            assertThat(figure.path("value").asDouble()).as("value of %s", figure).isCloseTo(value, within(1e-6));
        }
        if (numerator == null) {
            assertThat(figure.path("numerator").isNull()).as("numerator of %s", figure).isTrue();
            assertThat(figure.path("denominator").isNull()).as("denominator of %s", figure).isTrue();
        } else {
            assertThat(figure.path("numerator").asInt()).as("numerator of %s", figure).isEqualTo(numerator);
            assertThat(figure.path("denominator").asInt()).as("denominator of %s", figure).isEqualTo(denominator);
        }
    }

    @Test
    void theRegionsFiguresOf2025AreTheHandWorkedOnes() {
        JsonNode dashboard = dashboard(IndicatorRegion.regional(), Map.of("regionId", REGION), 2025);
        assertThat(dashboard.path("territory").path("level").asText()).isEqualTo("REGION");
        assertThat(dashboard.path("territory").path("name").asText()).isEqualTo("Тестовый регион " + REGION);
        assertThat(dashboard.path("years").toString()).isEqualTo("[2025,2024,2023]");
        Map<String, JsonNode> f = byCode(dashboard.path("figures"));
        assertThat(f).hasSize((int) IndicatorCatalogue.all().stream().filter(i -> i.computedFor(MonitoringLevel.REGION)).count());

        // Results: ШНОР 2025 = S1, S3 (S4 only in the older run of 2025); S1 rose in 3 of 5 results, S3 in 1 of 2.
        share(f.get("SHNOR_POSITIVE_DYNAMICS"), 0.5, 1, 2);
        // 2024: ШНОР = S1, whose only comparable result (ОГЭ математика 3.50 → 3.41) fell.
        assertThat(f.get("SHNOR_POSITIVE_DYNAMICS").path("previousValue").asDouble()).isZero();
        assertThat(f.get("SHNOR_POSITIVE_DYNAMICS").path("change").asDouble()).isCloseTo(0.5, within(1e-9));
        share(f.get("SHNOR_POSITIVE_DYNAMICS_OGE_MATH"), 0.5, 1, 2);
        share(f.get("SHNOR_POSITIVE_DYNAMICS_OGE_RUSSIAN"), 0.5, 1, 2);
        share(f.get("SHNOR_POSITIVE_DYNAMICS_VPR_MATH"), 1.0, 1, 1);      // S1: mean of grades 4 and 6, 3.40 → 3.50
        share(f.get("SHNOR_POSITIVE_DYNAMICS_VPR_RUSSIAN"), 1.0, 1, 1);
        share(f.get("SHNOR_POSITIVE_DYNAMICS_EGE_MATH"), null, 0, 0);
        assertThat(f.get("SHNOR_POSITIVE_DYNAMICS_EGE_MATH").path("evaluation").asText()).isEqualTo("NO_TARGET");
        share(f.get("SHNSU_POSITIVE_DYNAMICS"), 1.0, 1, 1);
        share(f.get("SHNSU_POSITIVE_DYNAMICS_OGE_MATH"), 1.0, 1, 1);

        // Teachers of ШНОР: T1, T2 (S1), T3 (S3); diagnosed in 2025: T1, T3; T1's weight fell 5 → 2.
        share(f.get("SHNOR_TEACHERS_DIAGNOSED"), 2.0 / 3, 2, 3);
        share(f.get("SHNOR_TEACHERS_COMPETENCE_GROWTH"), 1.0, 1, 1);
        share(f.get("SHNSU_TEACHERS_DIAGNOSED"), null, 0, 0);

        // Support of the 3 ШНОР/ШНСУ (S1, S2, S3).
        share(f.get("SUPPORT_METHODICAL_HELP"), 1.0 / 3, 1, 3);          // help to S1 on 2025-04-01
        share(f.get("SUPPORT_RECOMMENDATIONS"), 2.0 / 3, 2, 3);          // S1 (school, teacher), S2 (parents); S3's is of 2024
        share(f.get("SUPPORT_RECOMMENDATIONS_DONE"), 1.0 / 3, 1, 3);     // 1 of the 3 recommendations of 2025 done
        share(f.get("SUPPORT_NETWORK_PAIRS"), 1.0 / 3, 1, 3);            // S3 active; S1's cancelled
        share(f.get("SUPPORT_SEMINARS"), 1.0 / 3, 1, 3);                 // S2 at the seminar; S1 only at a webinar, S3 absent
        share(f.get("PROGRAMME_AGREED"), 1.0 / 3, 1, 3);                 // S1 in progress; S2's is a draft
        share(f.get("PROGRAMME_OVERDUE"), 1.0 / 3, 1, 3);                // S1's measure due 2025-03-01 still planned
        assertThat(f.get("PROGRAMME_OVERDUE").path("indicator").path("direction").asText()).isEqualTo("LOWER_IS_BETTER");

        // Students, weighted by enrolment (200, 100, 300, 400).
        share(f.get("OLYMPIAD_PARTICIPATION"), 0.17, 170, 1000);
        assertThat(f.get("OLYMPIAD_PARTICIPATION").path("previousValue").asDouble()).isCloseTo(0.15, within(1e-6)); // 90 / 600
        assertThat(f.get("OLYMPIAD_PARTICIPATION").path("change").asDouble()).isCloseTo(0.02, within(1e-6));
        share(f.get("OLYMPIAD_WINNERS"), 40.0 / 170, 40, 170);
        share(f.get("INDIVIDUAL_ROUTES"), 0.04, 40, 1000);
        share(f.get("ADDITIONAL_EDUCATION"), 0.7, 700, 1000);
        share(f.get("GRADE10_CONTINUATION"), 640.0 / 900, null, null);
        share(f.get("TEACHERS_MODERN_METHODS"), 0.59, null, null);
    }

    @Test
    void aRegionsPartsAreItsMunicipalities() {
        JsonNode dashboard = dashboard(IndicatorRegion.methodist(), Map.of("regionId", REGION), 2025);
        JsonNode parts = dashboard.path("parts");
        assertThat(parts.size()).isEqualTo(2);
        Map<String, Map<String, JsonNode>> byMunicipality = new HashMap<>();
        parts.forEach(p -> byMunicipality.put(p.path("territory").path("id").asText(), byCode(p.path("figures"))));
        share(byMunicipality.get(M1).get("SHNOR_POSITIVE_DYNAMICS"), 1.0, 1, 1);
        share(byMunicipality.get(M2).get("SHNOR_POSITIVE_DYNAMICS"), 0.0, 0, 1);
        share(byMunicipality.get(M1).get("OLYMPIAD_PARTICIPATION"), 40.0 / 300, 40, 300);
        share(byMunicipality.get(M2).get("OLYMPIAD_PARTICIPATION"), 130.0 / 700, 130, 700);
        share(byMunicipality.get(M2).get("SUPPORT_NETWORK_PAIRS"), 1.0, 1, 1);
    }

    @Test
    void aMunicipalitysPartsAreItsSchoolsWithTheSchoolLevelIndicators() {
        JsonNode dashboard = dashboard(IndicatorRegion.municipal2(), Map.of("regionId", REGION, "municipalityId", M2), 2025);
        assertThat(dashboard.path("territory").path("level").asText()).isEqualTo("MUNICIPALITY");
        Map<String, JsonNode> f = byCode(dashboard.path("figures"));
        share(f.get("SHNOR_POSITIVE_DYNAMICS"), 0.0, 0, 1);
        JsonNode parts = dashboard.path("parts");
        assertThat(parts.findValuesAsText("id")).contains(S3, S4);
        JsonNode s4 = null;
        for (JsonNode part : parts) {
            if (part.path("territory").path("id").asText().equals(S4)) {
                s4 = part;
            }
        }
        assertThat(s4.path("territory").path("level").asText()).isEqualTo("SCHOOL");
        Map<String, JsonNode> school = byCode(s4.path("figures"));
        assertThat(school).doesNotContainKey("SHNOR_POSITIVE_DYNAMICS").containsKey("OLYMPIAD_PARTICIPATION");
        share(school.get("OLYMPIAD_PARTICIPATION"), 0.25, 100, 400);
        assertThat(school.get("OLYMPIAD_PARTICIPATION").path("previousValue").asDouble()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void aSchoolsOwnDashboardCountsItsTeachers() {
        JsonNode dashboard = dashboard(IndicatorRegion.schoolAdmin1(), Map.of("regionId", REGION, "schoolId", S1), 2025);
        assertThat(dashboard.path("territory").path("level").asText()).isEqualTo("SCHOOL");
        assertThat(dashboard.path("parts").size()).isZero();
        Map<String, JsonNode> f = byCode(dashboard.path("figures"));
        share(f.get("SHNOR_TEACHERS_DIAGNOSED"), 0.5, 1, 2);
        share(f.get("OLYMPIAD_WINNERS"), 0.25, 5, 20);
    }

    @Test
    void theDrillDownListsTheSchoolsBehindANumber() {
        String query = """
                query($t: MonitoringTerritoryInput!, $code: ID!, $all: Boolean, $first: Int, $after: String) {
                  monitoringDrillDown(territory: $t, year: 2025, code: $code, countedOnly: $all, first: $first, after: $after) {
                    totalCount pageInfo { hasNextPage endCursor }
                    edges { cursor node { school { id name } teacher { id fullName } counted value previousValue detail } }
                  }
                }""";
        Map<String, Object> vars = new HashMap<>(Map.of("t", Map.of("regionId", REGION), "code", "SHNOR_POSITIVE_DYNAMICS_OGE_MATH",
                "all", false));
        JsonNode all = graphql(IndicatorRegion.regional(), query, vars).data().path("monitoringDrillDown");
        assertThat(all.path("totalCount").asInt()).isEqualTo(2);
        JsonNode first = all.path("edges").get(0).path("node");
        assertThat(first.path("school").path("id").asText()).isEqualTo(S1);
        assertThat(first.path("counted").asBoolean()).isTrue();
        assertThat(first.path("value").asDouble()).isCloseTo(3.62, within(1e-9));
        assertThat(first.path("previousValue").asDouble()).isCloseTo(3.41, within(1e-9));
        assertThat(first.path("detail").asText()).isEqualTo("ОГЭ, математика: 3,41 → 3,62");
        assertThat(all.path("edges").get(1).path("node").path("counted").asBoolean()).isFalse();

        vars.remove("all");
        JsonNode counted = graphql(IndicatorRegion.regional(), query, vars).data().path("monitoringDrillDown");
        assertThat(counted.path("totalCount").asInt()).isEqualTo(1);

        // Teachers: paged one by one, named to a methodist of the region (who may read their diagnostics).
        vars.put("code", "SHNOR_TEACHERS_DIAGNOSED");
        vars.put("first", 1);
        JsonNode page1 = graphql(IndicatorRegion.methodist(), query, vars).data().path("monitoringDrillDown");
        assertThat(page1.path("totalCount").asInt()).isEqualTo(2);
        assertThat(page1.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        vars.put("after", page1.path("pageInfo").path("endCursor").asText());
        JsonNode page2 = graphql(IndicatorRegion.methodist(), query, vars).data().path("monitoringDrillDown");
        assertThat(List.of(page1.path("edges").get(0).path("node").path("teacher").path("id").asText(),
                page2.path("edges").get(0).path("node").path("teacher").path("id").asText())).containsExactly(T1, T3);
        assertThat(page2.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        assertThat(page2.path("edges").get(0).path("node").path("detail").asText()).isEqualTo("диагностика 01.03.2025");
    }

    @Test
    void theIndicatorTableGivesTheSameFiguresToTheReports() {
        List<IndicatorFigure> figures = OporaTestApp.bean(IndicatorTable.class).figures(new Scope(REGION, M2, null), 2025);
        IndicatorFigure olympiad = figures.stream().filter(f -> f.code().equals("OLYMPIAD_PARTICIPATION")).findFirst().orElseThrow();
        assertThat(olympiad.value()).isCloseTo(130.0 / 700, within(1e-6));
        assertThat(olympiad.numerator()).isEqualTo(130);
        assertThat(olympiad.name()).isEqualTo("Доля обучающихся — участников муниципального этапа ВсОШ");
        assertThat(figures).noneMatch(f -> f.code().equals("NO_SUCH"));
    }

    @Test
    void theCatalogueNamesEveryIndicatorWithItsFormulaAndDocuments() {
        JsonNode catalogue = graphql(IndicatorRegion.teacher(), """
                { monitoringIndicators { code name group formula unit direction source documents levels } }""")
                .data().path("monitoringIndicators");
        assertThat(catalogue.size()).isEqualTo(IndicatorCatalogue.all().size());
        catalogue.forEach(i -> {
            assertThat(i.path("name").asText()).isNotBlank();
            assertThat(i.path("formula").asText()).contains("/");
            assertThat(i.path("documents").size()).isPositive();
        });
        assertThat(catalogue.findValuesAsText("code")).contains("SHNOR_POSITIVE_DYNAMICS_KDR", "SHNSU_TEACHERS_COMPETENCE_GROWTH",
                "SUPPORT_SEMINARS", "INDIVIDUAL_ROUTES", "ADDITIONAL_EDUCATION", "TEACHERS_MODERN_METHODS", "OLYMPIAD_WINNERS");
    }

    static JsonNode figure(JsonNode dashboard, String code) {
        return byCode(dashboard.path("figures")).get(code);
    }
}
