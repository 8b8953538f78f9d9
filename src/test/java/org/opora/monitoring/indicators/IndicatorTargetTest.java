package org.opora.monitoring.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.testing.GraphQlResponse;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.opora.monitoring.indicators.IndicatorRegion.M1;
import static org.opora.monitoring.indicators.IndicatorRegion.M2;
import static org.opora.monitoring.indicators.IndicatorRegion.REGION;
import static org.opora.monitoring.indicators.IndicatorRegion.S1;
import static org.opora.testing.OporaTestApp.graphql;

/** Targets of R960 in 2023 (a year of its own, so other tests' figures keep NO_TARGET) and their evaluation. */
class IndicatorTargetTest {

    static final String SET = """
            mutation($in: MonitoringTargetInput!) {
              setMonitoringTarget(input: $in) { indicator { code } value target { plannedValue setAt inherited } evaluation }
            }""";

    @BeforeAll
    static void region() {
        IndicatorRegion.build();
    }

    static GraphQlResponse set(String token, Map<String, Object> territory, String code, int year, Double planned) {
        Map<String, Object> in = new HashMap<>();
        in.put("territory", territory);
        in.put("code", code);
        in.put("year", year);
        in.put("plannedValue", planned);
        return graphql(token, SET, Map.of("in", in));
    }

    static JsonNode figure(String token, Map<String, Object> territory, int year, String code) {
        return IndicatorCalculationTest.figure(IndicatorCalculationTest.dashboard(token, territory, year), code);
    }

    @Test
    void targetsAreEvaluatedAndInheritedByMunicipalities() {
        String rc = IndicatorRegion.regional();
        // Region: olympiad participation 0.17 against 0.2 → not achieved.
        JsonNode set = set(rc, Map.of("regionId", REGION), "OLYMPIAD_PARTICIPATION", 2025, 0.2).data().path("setMonitoringTarget");
        assertThat(set.path("value").asDouble()).isCloseTo(0.17, within(1e-9));
        assertThat(set.path("target").path("plannedValue").asDouble()).isEqualTo(0.2);
        assertThat(set.path("target").path("setAt").asText()).isEqualTo("REGION");
        assertThat(set.path("target").path("inherited").asBoolean()).isFalse();
        assertThat(set.path("evaluation").asText()).isEqualTo("NOT_ACHIEVED");
        try {
            // M2 inherits the region's target (0.1857 < 0.2); M1 sets its own 0.13 — weaker than the region's: refused.
            JsonNode m2 = figure(IndicatorRegion.municipal2(), Map.of("regionId", REGION, "municipalityId", M2), 2025, "OLYMPIAD_PARTICIPATION");
            assertThat(m2.path("target").path("setAt").asText()).isEqualTo("REGION");
            assertThat(m2.path("target").path("inherited").asBoolean()).isTrue();
            assertThat(m2.path("evaluation").asText()).isEqualTo("NOT_ACHIEVED");
            GraphQlResponse weaker = set(IndicatorRegion.municipal1(), Map.of("regionId", REGION, "municipalityId", M1),
                    "OLYMPIAD_PARTICIPATION", 2025, 0.13);
            assertThat(weaker.errorCode()).isEqualTo("BAD_USER_INPUT");
            assertThat(weaker.errorMessage()).isEqualTo("plannedValue: целевое значение муниципалитета не может быть ниже регионального (20,0 %)");
            // M1's own, stronger target: 0.1333 against 0.25.
            JsonNode own = set(IndicatorRegion.municipal1(), Map.of("regionId", REGION, "municipalityId", M1), "OLYMPIAD_PARTICIPATION",
                    2025, 0.25).data().path("setMonitoringTarget");
            assertThat(own.path("target").path("setAt").asText()).isEqualTo("MUNICIPALITY");
            assertThat(own.path("target").path("inherited").asBoolean()).isFalse();
            assertThat(own.path("evaluation").asText()).isEqualTo("NOT_ACHIEVED");
            // A school of M1 is measured against its municipality's target, inherited.
            JsonNode school = figure(IndicatorRegion.schoolAdmin1(), Map.of("regionId", REGION, "schoolId", S1), 2025, "OLYMPIAD_PARTICIPATION");
            assertThat(school.path("target").path("plannedValue").asDouble()).isEqualTo(0.25);
            assertThat(school.path("target").path("setAt").asText()).isEqualTo("MUNICIPALITY");
            assertThat(school.path("target").path("inherited").asBoolean()).isTrue();
            // The region's parts show each municipality against its own (M1) or the inherited (M2) target.
            JsonNode parts = IndicatorCalculationTest.dashboard(rc, Map.of("regionId", REGION), 2025).path("parts");
            parts.forEach(p -> {
                JsonNode f = IndicatorCalculationTest.byCode(p.path("figures")).get("OLYMPIAD_PARTICIPATION");
                assertThat(f.path("target").path("setAt").asText())
                        .isEqualTo(p.path("territory").path("id").asText().equals(M1) ? "MUNICIPALITY" : "REGION");
            });
        } finally {
            set(IndicatorRegion.municipal1(), Map.of("regionId", REGION, "municipalityId", M1), "OLYMPIAD_PARTICIPATION", 2025, null).data();
            set(rc, Map.of("regionId", REGION), "OLYMPIAD_PARTICIPATION", 2025, null).data();
        }
        assertThat(figure(rc, Map.of("regionId", REGION), 2025, "OLYMPIAD_PARTICIPATION").path("evaluation").asText()).isEqualTo("NO_TARGET");
    }

    @Test
    void lowerIsBetterAndMissingDataAreEvaluatedAsSuch() {
        String rc = IndicatorRegion.regional();
        try {
            // Overdue programmes 1/3 against at most 0.5 → achieved; a municipality may not allow more than the region.
            assertThat(set(rc, Map.of("regionId", REGION), "PROGRAMME_OVERDUE", 2025, 0.5).data()
                    .path("setMonitoringTarget").path("evaluation").asText()).isEqualTo("ACHIEVED");
            GraphQlResponse looser = set(rc, Map.of("regionId", REGION, "municipalityId", M1), "PROGRAMME_OVERDUE", 2025, 0.6);
            assertThat(looser.errorMessage()).isEqualTo("plannedValue: целевое значение муниципалитета не может быть выше регионального (50,0 %)");
            // ЕГЭ mathematics has no data in 2025 → NO_DATA.
            assertThat(set(rc, Map.of("regionId", REGION), "SHNOR_POSITIVE_DYNAMICS_EGE_MATH", 2025, 0.5).data()
                    .path("setMonitoringTarget").path("evaluation").asText()).isEqualTo("NO_DATA");
            // Exactly reached counts as achieved: methodical help 1/3 against 1/3.
            assertThat(set(rc, Map.of("regionId", REGION), "SUPPORT_METHODICAL_HELP", 2025, 1.0 / 3).data()
                    .path("setMonitoringTarget").path("evaluation").asText()).isEqualTo("ACHIEVED");
        } finally {
            set(rc, Map.of("regionId", REGION), "PROGRAMME_OVERDUE", 2025, null).data();
            set(rc, Map.of("regionId", REGION), "SHNOR_POSITIVE_DYNAMICS_EGE_MATH", 2025, null).data();
            set(rc, Map.of("regionId", REGION), "SUPPORT_METHODICAL_HELP", 2025, null).data();
        }
    }

    @Test
    void badTargetsAreRefusedNamingTheFieldAndNothingIsWritten() {
        String rc = IndicatorRegion.regional();
        long before = IndicatorRegion.targets();
        GraphQlResponse share = set(rc, Map.of("regionId", REGION), "OLYMPIAD_PARTICIPATION", 2025, 1.5);
        assertThat(share.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(share.errorMessage()).isEqualTo("plannedValue: доля задаётся числом от 0 до 1, получено 1.5");
        GraphQlResponse code = set(rc, Map.of("regionId", REGION), "NO_SUCH", 2025, 0.5);
        assertThat(code.errorMessage()).isEqualTo("code: неизвестный показатель «NO_SUCH»");
        GraphQlResponse year = set(rc, Map.of("regionId", REGION), "OLYMPIAD_PARTICIPATION", 1990, 0.5);
        assertThat(year.errorMessage()).isEqualTo("year: год от 2000 до 2100, получено 1990");
        GraphQlResponse school = set(rc, Map.of("regionId", REGION, "schoolId", S1), "OLYMPIAD_PARTICIPATION", 2025, 0.5);
        assertThat(school.errorMessage()).isEqualTo("territory.schoolId: целевые значения задаются для региона или муниципалитета, не для школы");
        GraphQlResponse municipality = set(rc, Map.of("regionId", REGION, "municipalityId", "R960-NONE"), "OLYMPIAD_PARTICIPATION", 2025, 0.5);
        assertThat(municipality.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(IndicatorRegion.targets()).isEqualTo(before);
    }
}
