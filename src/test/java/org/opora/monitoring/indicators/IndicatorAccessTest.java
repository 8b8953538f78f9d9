package org.opora.monitoring.indicators;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.testing.GraphQlResponse;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.monitoring.indicators.IndicatorRegion.M1;
import static org.opora.monitoring.indicators.IndicatorRegion.M2;
import static org.opora.monitoring.indicators.IndicatorRegion.REGION;
import static org.opora.monitoring.indicators.IndicatorRegion.S1;
import static org.opora.monitoring.indicators.IndicatorRegion.S3;
import static org.opora.testing.OporaTestApp.graphql;

/** Who reads which territory's indicators and who sets targets (docs/security.md «Monitoring indicators»). */
class IndicatorAccessTest {

    static final String DASHBOARD = "query($t: MonitoringTerritoryInput!) { monitoringDashboard(territory: $t, year: 2025) "
            + "{ territory { id } figures { value } } }";
    static final String DRILL = "query($t: MonitoringTerritoryInput!) { monitoringDrillDown(territory: $t, year: 2025, "
            + "code: \"SHNOR_TEACHERS_DIAGNOSED\", countedOnly: false) { totalCount edges { node { school { id } teacher { id } } } } }";

    @BeforeAll
    static void region() {
        IndicatorRegion.build();
    }

    static GraphQlResponse dashboard(String token, Map<String, Object> territory) {
        return graphql(token, DASHBOARD, Map.of("t", territory));
    }

    @Test
    void territoryStaffReadTheirTerritoryAndNothingWider() {
        Map<String, Object> region = Map.of("regionId", REGION);
        Map<String, Object> m1 = Map.of("regionId", REGION, "municipalityId", M1);
        Map<String, Object> m2 = Map.of("regionId", REGION, "municipalityId", M2);
        Map<String, Object> s1 = Map.of("regionId", REGION, "schoolId", S1);
        Map<String, Object> s3 = Map.of("regionId", REGION, "schoolId", S3);

        for (String allowed : new String[]{IndicatorRegion.regional(), IndicatorRegion.methodist()}) {
            for (Map<String, Object> territory : new Map[]{region, m1, m2, s1}) {
                assertThat(dashboard(allowed, territory).errorCode()).as("%s", territory).isNull();
            }
        }
        Map<String, Map<String, Object>> m1Reads = new LinkedHashMap<>();
        m1Reads.put("own municipality", m1);
        m1Reads.put("a school of it, named without the municipality", s1);
        m1Reads.forEach((what, territory) -> assertThat(dashboard(IndicatorRegion.municipal1(), territory).errorCode()).as(what).isNull());
        assertThat(dashboard(IndicatorRegion.curatorM2(), m2).errorCode()).isNull();
        assertThat(dashboard(IndicatorRegion.schoolAdmin1(), s1).errorCode()).isNull();

        Map<String, GraphQlResponse> refused = new LinkedHashMap<>();
        refused.put("municipal coordinator of M1 → region", dashboard(IndicatorRegion.municipal1(), region));
        refused.put("municipal coordinator of M1 → M2", dashboard(IndicatorRegion.municipal1(), m2));
        refused.put("municipal coordinator of M1 → school of M2", dashboard(IndicatorRegion.municipal1(), s3));
        refused.put("curator of M2 → M1", dashboard(IndicatorRegion.curatorM2(), m1));
        refused.put("school admin of S1 → region", dashboard(IndicatorRegion.schoolAdmin1(), region));
        refused.put("school admin of S1 → M1", dashboard(IndicatorRegion.schoolAdmin1(), m1));
        refused.put("school admin of S1 → S3", dashboard(IndicatorRegion.schoolAdmin1(), s3));
        refused.put("teacher → own school", dashboard(IndicatorRegion.teacher(), s1));
        refused.put("coordinator of another region", dashboard(IndicatorRegion.otherRegional(), region));
        refused.put("drill-down by another region", graphql(IndicatorRegion.otherRegional(), DRILL, Map.of("t", region)));
        refused.put("drill-down by the school admin into M1", graphql(IndicatorRegion.schoolAdmin1(), DRILL, Map.of("t", m1)));
        refused.forEach((who, response) -> {
            assertThat(response.errorCode()).as(who).isEqualTo("FORBIDDEN");
            assertThat(response.body().path("data").path("monitoringDashboard").isMissingNode()
                    || response.body().path("data").isNull() || response.body().path("data").path("monitoringDashboard").isNull())
                    .as(who).isTrue();
        });
        assertThat(dashboard(IndicatorRegion.otherRegional(), region).errorMessage())
                .isEqualTo("Нет доступа к показателям мониторинга этой территории");
    }

    @Test
    void aSchoolAdminDrillsIntoTheirSchoolAndSeesItsTeachers() {
        var rows = graphql(IndicatorRegion.schoolAdmin1(), DRILL, Map.of("t", Map.of("regionId", REGION, "schoolId", S1)))
                .data().path("monitoringDrillDown");
        assertThat(rows.path("totalCount").asInt()).isEqualTo(2);
        assertThat(rows.findValuesAsText("id")).contains(IndicatorRegion.T1, IndicatorRegion.T2);
    }

    @Test
    void onlyTheTerritorysCoordinatorsSetTargetsAndOutsidersWriteNothing() {
        long before = IndicatorRegion.targets();
        Map<String, GraphQlResponse> refused = new LinkedHashMap<>();
        refused.put("methodist → region", IndicatorTargetTest.set(IndicatorRegion.methodist(), Map.of("regionId", REGION),
                "SUPPORT_SEMINARS", 2024, 0.5));
        refused.put("school admin → region", IndicatorTargetTest.set(IndicatorRegion.schoolAdmin1(), Map.of("regionId", REGION),
                "SUPPORT_SEMINARS", 2024, 0.5));
        refused.put("municipal coordinator of M1 → region", IndicatorTargetTest.set(IndicatorRegion.municipal1(),
                Map.of("regionId", REGION), "SUPPORT_SEMINARS", 2024, 0.5));
        refused.put("municipal coordinator of M1 → M2", IndicatorTargetTest.set(IndicatorRegion.municipal1(),
                Map.of("regionId", REGION, "municipalityId", M2), "SUPPORT_SEMINARS", 2024, 0.5));
        refused.put("coordinator of another region", IndicatorTargetTest.set(IndicatorRegion.otherRegional(),
                Map.of("regionId", REGION), "SUPPORT_SEMINARS", 2024, 0.5));
        refused.forEach((who, response) -> assertThat(response.errorCode()).as(who).isEqualTo("FORBIDDEN"));
        assertThat(refused.get("municipal coordinator of M1 → region").errorMessage())
                .isEqualTo("Недостаточно прав: целевые значения региона задаёт региональный координатор");
        assertThat(IndicatorRegion.targets()).isEqualTo(before);

        // The regional coordinator sets a municipality's target too; then removes it.
        var set = IndicatorTargetTest.set(IndicatorRegion.regional(), Map.of("regionId", REGION, "municipalityId", M2),
                "SUPPORT_SEMINARS", 2024, 0.5).data().path("setMonitoringTarget");
        assertThat(set.path("target").path("setAt").asText()).isEqualTo("MUNICIPALITY");
        assertThat(IndicatorRegion.targets()).isEqualTo(before + 1);
        IndicatorTargetTest.set(IndicatorRegion.municipal2(), Map.of("regionId", REGION, "municipalityId", M2),
                "SUPPORT_SEMINARS", 2024, null).data();
        assertThat(IndicatorRegion.targets()).isEqualTo(before);
    }
}
