package org.opora.monitoring.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.support.SupportRegion;
import org.opora.testing.GraphQlResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * Who reads the monitoring calendar, who adds the region's own dates and who marks a submission (docs/security.md
 * «Monitoring calendar»); an outsider gets FORBIDDEN and nothing is written. Region R9CAA (SupportRegion).
 */
class CalendarAccessTest {

    static final String READ = "query($r: ID!, $m: ID) { monitoringCalendar(regionId: $r, municipalityId: $m, year: 2025, asOf: \"2025-03-20\") "
            + "{ id kind submitters { territoryId } } }";
    static final String MARK = "mutation($d: ID!, $t: ID!) { markMonitoringSubmitted(deadlineId: $d, territoryId: $t, submittedOn: \"2025-03-05\") { id } }";
    static final String CREATE = "mutation($in: MonitoringDeadlineInput!) { createMonitoringDeadline(input: $in) { id } }";

    static SupportRegion r;
    static String diagnostics;

    @BeforeAll
    static void region() {
        r = new SupportRegion("R9CAA");
        diagnostics = "doc:TEACHER_DIAGNOSTICS:2025:" + r.region;
    }

    static GraphQlResponse read(String token, String municipalityId) {
        java.util.HashMap<String, Object> vars = new java.util.HashMap<>();
        vars.put("r", r.region);
        vars.put("m", municipalityId);
        return graphql(token, READ, vars);
    }

    static List<String> diagnosticsRows(String token) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : read(token, null).data().path("monitoringCalendar")) {
            if (d.path("kind").asText().equals("TEACHER_DIAGNOSTICS")) {
                d.path("submitters").forEach(s -> out.add(s.path("territoryId").asText()));
            }
        }
        return out;
    }

    static long marks() {
        return SupportRegion.count("MATCH (x:MonitoringSubmission) WHERE x.deadlineId STARTS WITH 'doc:' AND x.regionId = $r RETURN count(x)",
                Map.of("r", r.region));
    }

    @Test
    void eachReaderSeesTheSubmittersOfTheirOwnTerritory() {
        assertThat(diagnosticsRows(r.regional())).containsExactlyInAnyOrder(r.s1, r.s2, r.s3);
        assertThat(diagnosticsRows(r.methodist())).containsExactlyInAnyOrder(r.s1, r.s2, r.s3);
        assertThat(diagnosticsRows(r.curator())).containsExactlyInAnyOrder(r.s1, r.s2, r.s3);
        assertThat(diagnosticsRows(r.municipal2())).containsExactly(r.s3);
        assertThat(diagnosticsRows(r.schoolAdmin1())).containsExactly(r.s1);
        // The region's own submission is no row of a municipality's, but the deadline is not complete for it either.
        for (JsonNode d : graphql(r.municipal2(), "{ monitoringCalendar(regionId: \"" + r.region + "\", year: 2025, asOf: \"2025-03-20\") "
                + "{ kind phase submitterCount } }", Map.of()).data().path("monitoringCalendar")) {
            if (d.path("kind").asText().equals("IDENTIFICATION")) {
                assertThat(d.path("submitterCount").asInt()).isZero();
                assertThat(d.path("phase").asText()).isEqualTo("UPCOMING");
            }
        }

        // Another municipality asked for explicitly, another region, and the roles outside monitoring: FORBIDDEN.
        assertThat(read(r.municipal2(), r.m1).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(read(r.otherMethodist(), null).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(read(r.teacher1(), null).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(read(r.mentor(), null).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(read(null, null).status()).isEqualTo(401);
        assertThat(graphql(r.otherMethodist(), "query($id: ID!) { monitoringDeadline(id: $id) { id } }", Map.of("id", diagnostics))
                .errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void onlyTheRegionalCoordinatorOfTheRegionAddsAndDeletesItsDates() {
        Map<String, Object> input = Map.of("regionId", r.region, "title", "Сведения о наставничестве", "dueDate", "2025-05-15",
                "submitterLevel", "SCHOOL");
        long before = SupportRegion.count("MATCH (d:MonitoringDeadline {regionId: $r}) RETURN count(d)", Map.of("r", r.region));
        String otherRegional = tokenFor(r.login("rc-x"), Set.of(Role.REGIONAL_COORDINATOR), new Scope(r.otherRegion, null, null));
        for (String outsider : List.of(r.municipal1(), r.methodist(), r.schoolAdmin1(), otherRegional, r.teacher1())) {
            assertThat(graphql(outsider, CREATE, Map.of("in", input)).errorCode()).isEqualTo("FORBIDDEN");
        }
        assertThat(SupportRegion.count("MATCH (d:MonitoringDeadline {regionId: $r}) RETURN count(d)", Map.of("r", r.region)))
                .isEqualTo(before);
        String id = graphql(r.regional(), CREATE, Map.of("in", input)).data().path("createMonitoringDeadline").path("id").asText();
        for (String outsider : List.of(r.municipal1(), otherRegional)) {
            assertThat(graphql(outsider, "mutation($id: ID!) { deleteMonitoringDeadline(id: $id) }", Map.of("id", id)).errorCode())
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(SupportRegion.count("MATCH (d:MonitoringDeadline {id: $id}) RETURN count(d)", Map.of("id", id))).isEqualTo(1);
        assertThat(graphql(r.regional(), "mutation($id: ID!) { deleteMonitoringDeadline(id: $id) }", Map.of("id", id))
                .data().path("deleteMonitoringDeadline").asBoolean()).isTrue();
    }

    @Test
    void aSubmissionIsMarkedByTheTerritoryItselfOrACoordinatorAboveIt() {
        long before = marks();
        // Another school's admin, another municipality's coordinator, a methodist, another region: nothing written.
        for (String outsider : List.of(r.schoolAdmin3(), r.municipal2(), r.methodist(), r.otherMethodist(), r.teacher1())) {
            assertThat(graphql(outsider, MARK, Map.of("d", diagnostics, "t", r.s2)).errorCode()).as(outsider).isEqualTo("FORBIDDEN");
        }
        // A school of another region named on this region's deadline is not one of its territories.
        assertThat(graphql(r.regional(), MARK, Map.of("d", diagnostics, "t", r.otherSchool)).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(marks()).isEqualTo(before);

        // The school's own admin, its municipality's coordinator and the regional coordinator may.
        assertThat(graphql(r.schoolAdmin1(), MARK, Map.of("d", diagnostics, "t", r.s1)).data()).isNotNull();
        assertThat(graphql(r.municipal1(), MARK, Map.of("d", diagnostics, "t", r.s2)).data()).isNotNull();
        assertThat(graphql(r.regional(), MARK, Map.of("d", diagnostics, "t", r.s3)).data()).isNotNull();
        assertThat(marks()).isEqualTo(before + 3);
        // The region's own identification is marked by the regional coordinator, not by a municipality.
        String identification = "doc:IDENTIFICATION:2025:" + r.region;
        assertThat(graphql(r.municipal1(), MARK, Map.of("d", identification, "t", r.region)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(r.regional(), MARK, Map.of("d", identification, "t", r.region)).data()).isNotNull();
    }
}
