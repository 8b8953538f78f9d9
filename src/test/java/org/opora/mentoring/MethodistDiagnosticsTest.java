package org.opora.mentoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.support.SupportRegion;
import org.opora.testing.GraphQlResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.adminToken;
import static org.opora.testing.OporaTestApp.graphql;

/**
 * Methodists and curators run deficit diagnostics (issue 15, item 7): on their territory they record a teacher's
 * diagnostic and read diagnostics and deficits, and nothing else of the teacher's personal data (plans, courses,
 * mentor suggestions). Outside their territory they get FORBIDDEN and nothing is written. Region T-DIAG.
 */
class MethodistDiagnosticsTest {

    static SupportRegion r;
    static final String RECORD = """
            mutation($t: ID!) { recordDiagnostic(input: {teacherId: $t, date: "2025-09-15", instrument: "Диагностика методиста",
              deficits: [{competence: FUNCTIONAL_LITERACY, level: MODERATE, note: "Задания PISA"}]}) { id deficits { competence } } }""";

    @BeforeAll
    static void region() {
        r = new SupportRegion("T-DIAG");
        graphql(adminToken(), """
                mutation($t: ID!) { createIndividualPlan(input: {teacherId: $t, title: "ИОМ: секретный план", startDate: "2025-01-15",
                  goals: [{competence: ASSESSMENT, target: "Освоить оценивание", deadline: "2025-12-01"}]}) { id } }""",
                Map.of("t", r.t1)).data();
        graphql(adminToken(), """
                mutation($t: ID!) { recordCourseCompletion(input: {teacherId: $t, title: "Курс: секретный", completedOn: "2025-03-01"}) { id } }""",
                Map.of("t", r.t1)).data();
    }

    long diagnostics(String teacher) {
        return SupportRegion.count("MATCH (:Teacher {id: $t})-[:HAS_DIAGNOSTIC]->(d) RETURN count(d)", Map.of("t", teacher));
    }

    @Test
    void methodistsAndCuratorsOfTheTerritoryRecordAndReadDiagnostics() {
        Map<String, String> runners = new LinkedHashMap<>();
        runners.put("methodist", r.methodist());
        runners.put("curator", r.curator());
        for (var runner : runners.entrySet()) {
            long before = diagnostics(r.t1);
            JsonNode recorded = graphql(runner.getValue(), RECORD, Map.of("t", r.t1)).data().path("recordDiagnostic");
            assertThat(recorded.path("deficits").get(0).path("competence").asText()).as(runner.getKey()).isEqualTo("FUNCTIONAL_LITERACY");
            assertThat(diagnostics(r.t1)).as(runner.getKey()).isEqualTo(before + 1);
            JsonNode teacher = graphql(runner.getValue(), "query($id: ID!) { teacher(id: $id) { diagnostics { instrument } deficits { competence level } } }",
                    Map.of("id", r.t1)).data().path("teacher");
            assertThat(teacher.path("diagnostics").toString()).contains("Диагностика ЦНППМ");
            assertThat(teacher.path("deficits").toString()).contains("FUNCTIONAL_LITERACY");
        }
        // a municipal methodist of M2 works on M2's teachers only
        assertThat(graphql(r.methodistM2(), RECORD, Map.of("t", r.t3)).errorCode()).isNull();
    }

    @Test
    void theyReadNoOtherPersonalData() {
        String[] personal = {
                "query($id: ID!) { teacher(id: $id) { plans { title } } }",
                "query($id: ID!) { teacher(id: $id) { courses { title } } }",
                "query($id: ID!) { mentorSuggestions(teacherId: $id) { score } }"};
        List<String> failures = new ArrayList<>();
        for (String token : List.of(r.methodist(), r.curator())) {
            for (String query : personal) {
                GraphQlResponse response = graphql(token, query, Map.of("id", r.t1));
                if (!"FORBIDDEN".equals(response.errorCode()) || response.body().toString().contains("секрет")) {
                    failures.add(query + ": " + response.body());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void outsidersGetForbiddenAndNothingIsWritten() {
        Map<String, String> outsiders = new LinkedHashMap<>();
        outsiders.put("methodist of another region", r.otherMethodist());
        outsiders.put("curator of another region", r.otherCurator());
        outsiders.put("methodist of M2", r.methodistM2());
        outsiders.put("teacher colleague", r.teacher3());
        outsiders.put("mentor without a relation", r.mentor());
        List<String> failures = new ArrayList<>();
        outsiders.forEach((who, token) -> {
            long before = diagnostics(r.t1);
            GraphQlResponse write = graphql(token, RECORD, Map.of("t", r.t1));
            GraphQlResponse read = graphql(token, "query($id: ID!) { teacher(id: $id) { diagnostics { instrument } } }", Map.of("id", r.t1));
            GraphQlResponse deficits = graphql(token, "query($id: ID!) { teacher(id: $id) { deficits { level } } }", Map.of("id", r.t1));
            if (!"FORBIDDEN".equals(write.errorCode()) || diagnostics(r.t1) != before
                    || (read.errorCode() != null && !"FORBIDDEN".equals(read.errorCode())) || read.body().toString().contains("ЦНППМ")
                    || deficits.body().toString().contains("CRITICAL")) {
                failures.add(who + ": " + write.body() + " / " + read.body());
            }
        });
        assertThat(failures).isEmpty();
    }
}
