package org.opora.support.recommendations;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.support.SupportRegion;
import org.opora.testing.GraphQlResponse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.support.recommendations.RecommendationLifecycleTest.ANSWER;
import static org.opora.support.recommendations.RecommendationLifecycleTest.CLOSE;
import static org.opora.support.recommendations.RecommendationLifecycleTest.GET;
import static org.opora.support.recommendations.RecommendationLifecycleTest.GIVEN;
import static org.opora.support.recommendations.RecommendationLifecycleTest.ISSUE;
import static org.opora.support.recommendations.RecommendationLifecycleTest.RECEIVED;
import static org.opora.support.recommendations.RecommendationLifecycleTest.toSchool;
import static org.opora.support.recommendations.RecommendationLifecycleTest.vars;
import static org.opora.testing.OporaTestApp.graphql;

/**
 * Who may issue, answer, check and read recommendations (region T-RECA): every caller outside a rule gets FORBIDDEN
 * and nothing is written.
 */
class RecommendationAccessTest {

    static SupportRegion r;

    @BeforeAll
    static void region() {
        r = new SupportRegion("T-RECA");
    }

    long count() {
        return SupportRegion.count("MATCH (x:Recommendation) WHERE x.regionId IN [$r, $x] RETURN count(x)",
                Map.of("r", r.region, "x", r.otherRegion));
    }

    String state(String id) {
        return SupportRegion.count("MATCH (x:Recommendation {id: $id}) RETURN count(x.responseText) * 10 + count(x.checkOutcome)",
                Map.of("id", id)) + "";
    }

    Map<String, Object> toS1() {
        return Map.of("in", toSchool(r.s1, Map.of("kind", "STATUS", "status", "LOW_RESULTS"), "Рекомендация",
                LocalDate.now().plusDays(15)));
    }

    @Test
    void onlyIssuingRolesOfTheAddresseesTerritoryIssue() {
        Map<String, String> allowed = new LinkedHashMap<>();
        allowed.put("methodist", r.methodist());
        allowed.put("curator", r.curator());
        allowed.put("regional coordinator", r.regional());
        allowed.put("municipal coordinator of S1", r.municipal1());
        Map<String, String> forbidden = r.outsidersOfS1();
        List<String> failures = new ArrayList<>();
        forbidden.forEach((who, token) -> {
            long before = count();
            GraphQlResponse response = graphql(token, ISSUE, toS1());
            if (!"FORBIDDEN".equals(response.errorCode()) || count() != before) {
                failures.add(who + ": " + response.body());
            }
        });
        assertThat(graphql(null, ISSUE, toS1()).errorCode()).isEqualTo("UNAUTHENTICATED");
        allowed.forEach((who, token) -> {
            long before = count();
            GraphQlResponse response = graphql(token, ISSUE, toS1());
            if (response.errorCode() != null || count() != before + 1) {
                failures.add(who + ": " + response.body());
            }
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void onlyTheAddresseeAnswersAndOnlyIssuersOfTheTerritoryCheck() {
        String id = graphql(r.methodist(), ISSUE, toS1()).data().path("issueRecommendation").path("id").asText();
        Map<String, String> notAddressees = new LinkedHashMap<>();
        notAddressees.put("issuer", r.methodist());
        notAddressees.put("admin of another school", r.schoolAdmin3());
        notAddressees.put("teacher of the school", r.teacher1());
        notAddressees.put("municipal coordinator", r.municipal1());
        notAddressees.put("methodist of another region", r.otherMethodist());
        List<String> failures = new ArrayList<>();
        notAddressees.forEach((who, token) -> {
            GraphQlResponse response = graphql(token, ANSWER, Map.of("id", id, "text", "Ответ"));
            if (!"FORBIDDEN".equals(response.errorCode()) || !state(id).equals("0")) {
                failures.add("answer by " + who + ": " + response.body());
            }
        });
        graphql(r.schoolAdmin1(), ANSWER, Map.of("id", id, "text", "Ответ школы")).data();
        Map<String, String> notCheckers = new LinkedHashMap<>();
        notCheckers.put("school admin", r.schoolAdmin1());
        notCheckers.put("teacher", r.teacher1());
        notCheckers.put("methodist of another region", r.otherMethodist());
        notCheckers.put("methodist of M2", r.methodistM2());
        notCheckers.put("municipal coordinator of M2", r.municipal2());
        notCheckers.forEach((who, token) -> {
            GraphQlResponse response = graphql(token, CLOSE, vars("id", id, "o", "DONE"));
            if (!"FORBIDDEN".equals(response.errorCode()) || !state(id).equals("10")) {
                failures.add("close by " + who + ": " + response.body());
            }
        });
        assertThat(failures).isEmpty();
        // a colleague of the same territory with an issuing role may check
        assertThat(graphql(r.curator(), CLOSE, vars("id", id, "o", "DONE")).data().path("closeRecommendation").path("status").asText())
                .isEqualTo("CLOSED");
    }

    @Test
    void readersAreTheIssuersOfTheTerritoryAndTheAddressee() {
        String id = graphql(r.methodist(), ISSUE, toS1()).data().path("issueRecommendation").path("id").asText();
        String teacherRec = graphql(r.methodist(), ISSUE, Map.of("in", Map.of("addresseeKind", "TEACHER", "teacherId", r.t1,
                "basis", Map.of("kind", "DIAGNOSTIC", "diagnosticId", r.t1Diagnostic), "text", "Курс по оцениванию",
                "dueDate", LocalDate.now().plusDays(30).toString()))).data().path("issueRecommendation").path("id").asText();
        List<String> failures = new ArrayList<>();
        Map<String, String> readers = Map.of("methodist", r.methodist(), "curator", r.curator(), "regional", r.regional(),
                "municipal M1", r.municipal1(), "school admin", r.schoolAdmin1());
        readers.forEach((who, token) -> {
            if (graphql(token, GET, Map.of("id", id)).errorCode() != null
                    || graphql(token, RECEIVED, vars("a", Map.of("schoolId", r.s1))).errorCode() != null) {
                failures.add("reader " + who);
            }
        });
        Map<String, String> outsiders = Map.of("methodist of another region", r.otherMethodist(), "methodist of M2", r.methodistM2(),
                "municipal M2", r.municipal2(), "admin of another school", r.schoolAdmin3(), "teacher", r.teacher1(),
                "mentor", r.mentor());
        outsiders.forEach((who, token) -> {
            GraphQlResponse one = graphql(token, GET, Map.of("id", id));
            GraphQlResponse list = graphql(token, RECEIVED, vars("a", Map.of("schoolId", r.s1)));
            if (!"FORBIDDEN".equals(one.errorCode()) || !"FORBIDDEN".equals(list.errorCode())
                    || one.body().toString().contains("Рекомендация")) {
                failures.add("outsider " + who + ": " + one.body() + " / " + list.body());
            }
        });
        // a teacher's recommendations: the teacher, their school's admin, issuers; not another teacher
        for (String token : List.of(r.teacher1(), r.schoolAdmin1(), r.methodist())) {
            if (graphql(token, RECEIVED, vars("a", Map.of("teacherId", r.t1))).errorCode() != null) {
                failures.add("teacher list reader");
            }
        }
        for (String token : List.of(r.teacher3(), r.schoolAdmin3(), r.otherMethodist())) {
            if (!"FORBIDDEN".equals(graphql(token, RECEIVED, vars("a", Map.of("teacherId", r.t1))).errorCode())
                    || !"FORBIDDEN".equals(graphql(token, GET, Map.of("id", teacherRec)).errorCode())) {
                failures.add("teacher list outsider");
            }
        }
        // the given lists are the issuers'; a colleague sees another issuer's only within their own territory
        for (String token : List.of(r.schoolAdmin1(), r.teacher1(), r.mentor())) {
            if (!"FORBIDDEN".equals(graphql(token, GIVEN, vars()).errorCode())) {
                failures.add("given list outsider");
            }
        }
        assertThat(graphql(r.otherMethodist(), GIVEN, vars("by", r.login("methodist"))).data()
                .path("recommendationsGiven").path("totalCount").asInt()).isZero();
        assertThat(graphql(r.curator(), GIVEN, vars("by", r.login("methodist"))).data()
                .path("recommendationsGiven").path("totalCount").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(failures).isEmpty();
    }
}
