package org.opora.support.recommendations;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.errors.ApiException;
import org.opora.support.SupportRegion;
import org.opora.testing.GraphQlResponse;
import org.opora.testing.OporaTestApp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opora.testing.OporaTestApp.graphql;

/**
 * The life cycle of an addressed recommendation on a constructed region T-REC: issue → answer → follow-up check, the
 * forbidden moves, overdue detection on fixed dates, the bases and their validation, the lists and their paging.
 */
class RecommendationLifecycleTest {

    static SupportRegion r;
    static final String FIELDS = """
            id addresseeKind addresseeLabel school { id } teacher { id } municipalityId municipalityName
            basis { kind label status riskFactor diagnosticId } text dueDate status statusLabel overdue issuedBy issuerName issuedAt
            response { text answeredBy answeredByName answeredAt } check { outcome outcomeLabel comment checkedBy checkedByName checkedOn }
            allowedActions""";
    static final String ISSUE = "mutation($in: RecommendationInput!) { issueRecommendation(input: $in) { " + FIELDS + " } }";
    static final String ANSWER = "mutation($id: ID!, $text: String!) { answerRecommendation(id: $id, text: $text) { " + FIELDS + " } }";
    static final String CLOSE = """
            mutation($id: ID!, $o: CheckOutcome!, $c: String) { closeRecommendation(id: $id, outcome: $o, comment: $c) { %s } }"""
            .formatted(FIELDS);
    static final String GET = "query($id: ID!) { recommendation(id: $id) { " + FIELDS + " } }";
    static final String RECEIVED = """
            query($a: RecommendationAddresseeInput!, $s: RecommendationStatus, $o: Boolean, $asOf: Date, $first: Int, $after: String) {
              recommendationsReceived(addressee: $a, status: $s, overdueOnly: $o, asOf: $asOf, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status overdue } } } }""";
    static final String GIVEN = """
            query($by: String, $s: RecommendationStatus, $o: Boolean, $asOf: Date) {
              recommendationsGiven(issuedBy: $by, status: $s, overdueOnly: $o, asOf: $asOf) {
                totalCount edges { node { id status overdue school { id } } } } }""";

    @BeforeAll
    static void region() {
        r = new SupportRegion("T-REC");
    }

    static Map<String, Object> toSchool(String schoolId, Map<String, Object> basis, String text, LocalDate due) {
        return Map.of("addresseeKind", "SCHOOL", "schoolId", schoolId, "basis", basis, "text", text, "dueDate", due.toString());
    }

    static JsonNode ok(String token, String query, Map<String, Object> variables) {
        return graphql(token, query, variables).data();
    }

    static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void aMethodistIssuesTheSchoolAnswersAndTheMethodistClosesIt() {
        LocalDate due = LocalDate.now().plusDays(30);
        JsonNode issued = ok(r.methodist(), ISSUE, Map.of("in", toSchool(r.s1, Map.of("kind", "STATUS", "status", "LOW_RESULTS"),
                "Разработать программу перехода в эффективный режим работы", due))).path("issueRecommendation");
        String id = issued.path("id").asText();
        assertThat(id).startsWith("REC-");
        assertThat(issued.path("status").asText()).isEqualTo("ISSUED");
        assertThat(issued.path("statusLabel").asText()).isEqualTo("Выдана");
        assertThat(issued.path("school").path("id").asText()).isEqualTo(r.s1);
        assertThat(issued.path("municipalityId").asText()).isEqualTo(r.m1);
        assertThat(issued.path("municipalityName").asText()).isEqualTo("Округ " + r.m1);
        assertThat(issued.path("basis").path("label").asText())
                .isEqualTo("Статус: ШНОР — школа с низкими образовательными результатами");
        assertThat(issued.path("dueDate").asText()).isEqualTo(due.toString());
        assertThat(issued.path("issuedBy").asText()).isEqualTo(r.login("methodist"));
        assertThat(issued.path("overdue").asBoolean()).isFalse();
        assertThat(issued.path("response").isNull()).isTrue();
        // the issuer may not close before the answer or the due date: no action yet
        assertThat(issued.path("allowedActions").size()).isZero();

        // the school sees it among those it received, with the answer action
        JsonNode received = ok(r.schoolAdmin1(), RECEIVED, vars("a", Map.of("schoolId", r.s1))).path("recommendationsReceived");
        assertThat(ids(received)).contains(id);
        assertThat(ok(r.schoolAdmin1(), GET, Map.of("id", id)).path("recommendation").path("allowedActions").toString())
                .isEqualTo("[\"ANSWER\"]");
        // the methodist sees it among those given
        assertThat(ids(ok(r.methodist(), GIVEN, vars()).path("recommendationsGiven"))).contains(id);

        JsonNode answered = ok(r.schoolAdmin1(), ANSWER, Map.of("id", id, "text", "Программа разработана и согласована с управлением образования"))
                .path("answerRecommendation");
        assertThat(answered.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(answered.path("response").path("text").asText()).startsWith("Программа разработана");
        assertThat(answered.path("response").path("answeredBy").asText()).isEqualTo(r.login("sa1"));
        assertThat(answered.path("allowedActions").size()).isZero();
        assertThat(ok(r.methodist(), GET, Map.of("id", id)).path("recommendation").path("allowedActions").toString())
                .isEqualTo("[\"CLOSE\"]");

        JsonNode closed = ok(r.methodist(), CLOSE, vars("id", id, "o", "PARTLY_DONE", "c", "Нет мероприятий по родительскому просвещению"))
                .path("closeRecommendation");
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("check").path("outcome").asText()).isEqualTo("PARTLY_DONE");
        assertThat(closed.path("check").path("outcomeLabel").asText()).isEqualTo("Выполнена частично");
        assertThat(closed.path("check").path("comment").asText()).isEqualTo("Нет мероприятий по родительскому просвещению");
        assertThat(closed.path("check").path("checkedBy").asText()).isEqualTo(r.login("methodist"));
        assertThat(closed.path("check").path("checkedOn").asText()).isEqualTo(LocalDate.now().toString());
        assertThat(closed.path("allowedActions").size()).isZero();
        assertThat(SupportRegion.count("MATCH (x:Recommendation {id: $id})-[:ADDRESSED_TO]->(:School {id: $s}) RETURN count(x)",
                Map.of("id", id, "s", r.s1))).isEqualTo(1);
    }

    @Test
    void forbiddenMovesAreRefusedAndChangeNothing() {
        String id = issueToS1(LocalDate.now().plusDays(10));
        // an unanswered recommendation before its due date cannot be closed
        GraphQlResponse early = graphql(r.methodist(), CLOSE, vars("id", id, "o", "DONE"));
        assertThat(early.errorCode()).isEqualTo("CONFLICT");
        assertThat(early.errorMessage()).contains("ждёт ответа адресата");
        assertThat(status(id)).isEqualTo("ISSUED");

        ok(r.schoolAdmin1(), ANSWER, Map.of("id", id, "text", "Выполнено"));
        GraphQlResponse twice = graphql(r.schoolAdmin1(), ANSWER, Map.of("id", id, "text", "Ещё раз"));
        assertThat(twice.errorCode()).isEqualTo("CONFLICT");
        assertThat(twice.errorMessage()).isEqualTo("На рекомендацию уже дан ответ");
        assertThat(responseText(id)).isEqualTo("Выполнено");

        ok(r.methodist(), CLOSE, vars("id", id, "o", "DONE"));
        GraphQlResponse again = graphql(r.methodist(), CLOSE, vars("id", id, "o", "NOT_DONE"));
        assertThat(again.errorCode()).isEqualTo("CONFLICT");
        assertThat(again.errorMessage()).isEqualTo("Рекомендация уже закрыта");
        GraphQlResponse late = graphql(r.schoolAdmin1(), ANSWER, Map.of("id", id, "text", "Поздний ответ"));
        assertThat(late.errorCode()).isEqualTo("CONFLICT");
        assertThat(late.errorMessage()).isEqualTo("Рекомендация закрыта: ответить на неё нельзя");
        assertThat(SupportRegion.count("MATCH (x:Recommendation {id: $id}) WHERE x.checkOutcome = 'DONE' AND x.responseText = 'Выполнено' "
                + "RETURN count(x)", Map.of("id", id))).isEqualTo(1);
    }

    @Test
    void overdueIsTheDueDatePassedWithoutTheCheck() {
        LocalDate due = LocalDate.of(2026, 3, 31);
        assertThat(RecommendationStatus.overdue(RecommendationStatus.ISSUED, due, LocalDate.of(2026, 3, 31))).isFalse();
        assertThat(RecommendationStatus.overdue(RecommendationStatus.ISSUED, due, LocalDate.of(2026, 4, 1))).isTrue();
        assertThat(RecommendationStatus.overdue(RecommendationStatus.ANSWERED, due, LocalDate.of(2026, 4, 1))).isTrue();
        assertThat(RecommendationStatus.overdue(RecommendationStatus.CLOSED, due, LocalDate.of(2026, 4, 1))).isFalse();

        // to S2 (ШНСУ): one due in 5 days, still open; asked about on fixed days before and after it
        LocalDate inFive = LocalDate.now().plusDays(5);
        String id = ok(r.methodist(), ISSUE, Map.of("in", toSchool(r.s2, Map.of("kind", "RISK_FACTOR", "riskFactor", "LOW_PARENTAL_INVOLVEMENT"),
                "Провести цикл родительских собраний", inFive))).path("issueRecommendation").path("id").asText();
        Map<String, Object> s2 = Map.of("schoolId", r.s2);
        JsonNode before = ok(r.methodist(), RECEIVED, vars("a", s2, "asOf", inFive.toString())).path("recommendationsReceived");
        assertThat(before.path("edges").get(0).path("node").path("overdue").asBoolean()).isFalse();
        assertThat(ok(r.methodist(), RECEIVED, vars("a", s2, "o", true, "asOf", inFive.toString()))
                .path("recommendationsReceived").path("totalCount").asInt()).isZero();
        JsonNode after = ok(r.methodist(), RECEIVED, vars("a", s2, "o", true, "asOf", inFive.plusDays(1).toString()))
                .path("recommendationsReceived");
        assertThat(ids(after)).containsExactly(id);
        assertThat(after.path("edges").get(0).path("node").path("overdue").asBoolean()).isTrue();
        assertThat(ids(ok(r.methodist(), GIVEN, vars("o", true, "asOf", inFive.plusDays(1).toString())).path("recommendationsGiven")))
                .contains(id);

        // past the due date without an answer, the follow-up check closes it as not done (service on a fixed day)
        RecommendationService service = OporaTestApp.bean(RecommendationService.class);
        CurrentUser methodist = new CurrentUser(r.login("methodist"), Set.of(Role.METHODIST), new Scope(r.region, null, null));
        assertThatThrownBy(() -> service.close(id, CheckOutcome.NOT_DONE, null, methodist, inFive))
                .isInstanceOf(ApiException.class).hasMessageContaining("ждёт ответа адресата");
        Recommendation closed = service.close(id, CheckOutcome.NOT_DONE, "Ответ не получен", methodist, inFive.plusDays(1));
        assertThat(closed.status()).isEqualTo(RecommendationStatus.CLOSED);
        assertThat(closed.check().outcome()).isEqualTo(CheckOutcome.NOT_DONE);
        assertThat(closed.check().checkedOn()).isEqualTo(inFive.plusDays(1));
        assertThat(closed.overdue()).isFalse();
        assertThat(closed.response()).isNull();
    }

    @Test
    void aTeacherAnswersTheirOwnRecommendationBasedOnTheirDiagnostic() {
        JsonNode issued = ok(r.curator(), ISSUE, Map.of("in", Map.of("addresseeKind", "TEACHER", "teacherId", r.t1,
                "basis", Map.of("kind", "DIAGNOSTIC", "diagnosticId", r.t1Diagnostic),
                "text", "Пройти курс ЦНППМ по формирующему оцениванию", "dueDate", LocalDate.now().plusMonths(2).toString())))
                .path("issueRecommendation");
        String id = issued.path("id").asText();
        assertThat(issued.path("teacher").path("id").asText()).isEqualTo(r.t1);
        assertThat(issued.path("school").path("id").asText()).isEqualTo(r.s1);
        assertThat(issued.path("basis").path("diagnosticId").asText()).isEqualTo(r.t1Diagnostic);
        assertThat(issued.path("basis").path("label").asText()).isEqualTo("Диагностика профессиональных дефицитов от 2025-02-10");

        String diagnostic = "query($id: ID!) { recommendation(id: $id) { basis { diagnostic { id date deficits { competence level } } } } }";
        for (String reader : List.of(r.teacher1(), r.curator(), r.methodist(), r.schoolAdmin1())) {
            assertThat(ok(reader, diagnostic, Map.of("id", id)).path("recommendation").path("basis").path("diagnostic")
                    .path("deficits").get(0).path("level").asText()).isEqualTo("CRITICAL");
        }
        assertThat(ids(ok(r.teacher1(), RECEIVED, vars("a", Map.of("teacherId", r.t1))).path("recommendationsReceived")))
                .containsExactly(id);
        // a teacher's recommendation is not the school's: the school list does not hold it
        assertThat(ids(ok(r.schoolAdmin1(), RECEIVED, vars("a", Map.of("schoolId", r.s1))).path("recommendationsReceived")))
                .doesNotContain(id);
        // the school admin reads it but does not answer for the teacher
        assertThat(graphql(r.schoolAdmin1(), ANSWER, Map.of("id", id, "text", "за педагога")).errorCode()).isEqualTo("FORBIDDEN");
        JsonNode answered = ok(r.teacher1(), ANSWER, Map.of("id", id, "text", "Записалась на курс, начало 12 марта"))
                .path("answerRecommendation");
        assertThat(answered.path("response").path("answeredBy").asText()).isEqualTo(r.login("teacher1"));
        // a colleague of the issuer (another issuing role of the territory) performs the check
        assertThat(ok(r.methodist(), CLOSE, vars("id", id, "o", "DONE")).path("closeRecommendation").path("check")
                .path("checkedBy").asText()).isEqualTo(r.login("methodist"));
    }

    @Test
    void aMunicipalityIsAddressedFromTheRegionAndAnsweredByItsCoordinator() {
        Map<String, Object> in = Map.of("addresseeKind", "MUNICIPALITY", "municipalityId", r.m2,
                "basis", Map.of("kind", "STATUS", "status", "DECLINING"),
                "text", "Включить в муниципальную дорожную карту меры по школам со снижением результатов",
                "dueDate", LocalDate.now().plusMonths(1).toString());
        GraphQlResponse own = graphql(r.municipal2(), ISSUE, Map.of("in", in));
        assertThat(own.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(own.errorMessage()).isEqualTo("Рекомендацию муниципалитету выдаёт региональный уровень");
        JsonNode issued = ok(r.regional(), ISSUE, Map.of("in", in)).path("issueRecommendation");
        String id = issued.path("id").asText();
        assertThat(issued.path("school").isNull()).isTrue();
        assertThat(issued.path("municipalityName").asText()).isEqualTo("Округ " + r.m2);
        assertThat(graphql(r.municipal1(), ANSWER, Map.of("id", id, "text", "чужой")).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(r.municipal1(), RECEIVED, vars("a", Map.of("municipalityId", r.m2))).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(ids(ok(r.municipal2(), RECEIVED, vars("a", Map.of("municipalityId", r.m2))).path("recommendationsReceived")))
                .containsExactly(id);
        ok(r.municipal2(), ANSWER, Map.of("id", id, "text", "Меры включены в дорожную карту на 2027 год"));
        // a status no school of the municipality holds is not a basis
        Map<String, Object> wrong = new HashMap<>(in);
        wrong.put("basis", Map.of("kind", "STATUS", "status", "RESILIENT"));
        GraphQlResponse refused = graphql(r.regional(), ISSUE, Map.of("in", wrong));
        assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.errorMessage()).isEqualTo("basis.status: ни у одной школы муниципалитета нет статуса "
                + "«Резильентная школа — высокие результаты в неблагоприятном контексте»");
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        long before = SupportRegion.count("MATCH (x:Recommendation {regionId: $r}) RETURN count(x)", Map.of("r", r.region));
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        Map<String, Map<String, Object>> inputs = new java.util.LinkedHashMap<>();
        LocalDate due = LocalDate.now().plusDays(20);
        inputs.put("past due", toSchool(r.s1, Map.of("kind", "STATUS", "status", "LOW_RESULTS"), "Текст", LocalDate.now().minusDays(1)));
        expected.put("past due", "dueDate: срок исполнения не может быть раньше сегодняшнего дня");
        inputs.put("blank text", toSchool(r.s1, Map.of("kind", "STATUS", "status", "LOW_RESULTS"), "   ", due));
        expected.put("blank text", "text: обязательное поле не заполнено");
        inputs.put("status not held", toSchool(r.s1, Map.of("kind", "STATUS", "status", "LEADER"), "Текст", due));
        expected.put("status not held", "basis.status: у школы нет статуса «Школа-лидер");
        inputs.put("no status", toSchool(r.s1, Map.of("kind", "STATUS"), "Текст", due));
        expected.put("no status", "basis.status: укажите статус школы");
        inputs.put("unknown factor", toSchool(r.s1, Map.of("kind", "RISK_FACTOR", "riskFactor", "BAD_WEATHER"), "Текст", due));
        expected.put("unknown factor", "basis.riskFactor: неизвестный фактор риска «BAD_WEATHER»");
        inputs.put("diagnostic for a school", toSchool(r.s1, Map.of("kind", "DIAGNOSTIC", "diagnosticId", r.t1Diagnostic), "Текст", due));
        expected.put("diagnostic for a school", "basis.kind: диагностика может быть основанием только рекомендации педагогу");
        inputs.put("another teacher's diagnostic", Map.of("addresseeKind", "TEACHER", "teacherId", r.t1,
                "basis", Map.of("kind", "DIAGNOSTIC", "diagnosticId", r.t3Diagnostic), "text", "Текст", "dueDate", due.toString()));
        expected.put("another teacher's diagnostic", "basis.diagnosticId: диагностика относится к другому педагогу");
        inputs.put("no school", Map.of("addresseeKind", "PARENTS", "basis", Map.of("kind", "STATUS", "status", "LOW_RESULTS"),
                "text", "Текст", "dueDate", due.toString()));
        expected.put("no school", "schoolId: укажите школу-адресата");
        List<String> failures = new ArrayList<>();
        inputs.forEach((name, in) -> {
            GraphQlResponse response = graphql(r.methodist(), ISSUE, Map.of("in", in));
            if (!"BAD_USER_INPUT".equals(response.errorCode()) || !response.errorMessage().startsWith(expected.get(name))) {
                failures.add(name + ": " + response.body());
            }
        });
        assertThat(failures).isEmpty();
        GraphQlResponse missing = graphql(r.methodist(), ISSUE, Map.of("in", toSchool("T-REC-NONE",
                Map.of("kind", "STATUS", "status", "LOW_RESULTS"), "Текст", due)));
        assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(missing.errorMessage()).isEqualTo("Школа не найдена: T-REC-NONE");
        GraphQlResponse twoAddressees = graphql(r.methodist(), RECEIVED, vars("a", Map.of("schoolId", r.s1, "teacherId", r.t1)));
        assertThat(twoAddressees.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(SupportRegion.count("MATCH (x:Recommendation {regionId: $r}) RETURN count(x)", Map.of("r", r.region))).isEqualTo(before);
    }

    @Test
    void listsPageNewestFirst() {
        String methodist = r.methodistM2();
        List<String> issued = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            issued.add(0, ok(methodist, ISSUE, Map.of("in", Map.of("addresseeKind", "PARENTS", "schoolId", r.s3,
                    "basis", Map.of("kind", "RISK_FACTOR", "riskFactor", "LOW_PARENTAL_INVOLVEMENT"),
                    "text", "Рекомендация родителям № " + i, "dueDate", LocalDate.now().plusDays(40).toString())))
                    .path("issueRecommendation").path("id").asText());
        }
        JsonNode first = ok(r.schoolAdmin3(), RECEIVED, vars("a", Map.of("schoolId", r.s3), "first", 2)).path("recommendationsReceived");
        assertThat(first.path("totalCount").asInt()).isEqualTo(3);
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        JsonNode second = ok(r.schoolAdmin3(), RECEIVED, vars("a", Map.of("schoolId", r.s3), "first", 2,
                "after", first.path("pageInfo").path("endCursor").asText())).path("recommendationsReceived");
        List<String> all = new ArrayList<>(ids(first));
        all.addAll(ids(second));
        assertThat(all).isEqualTo(issued);
        assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        assertThat(ok(methodist, GIVEN, vars("s", "ISSUED")).path("recommendationsGiven").path("totalCount").asInt()).isEqualTo(3);
    }

    static String issueToS1(LocalDate due) {
        return ok(r.methodist(), ISSUE, Map.of("in", toSchool(r.s1, Map.of("kind", "RISK_FACTOR", "riskFactor", "STAFF_SHORTAGE"),
                "Организовать привлечение молодых специалистов", due))).path("issueRecommendation").path("id").asText();
    }

    static String status(String id) {
        return ok(r.methodist(), GET, Map.of("id", id)).path("recommendation").path("status").asText();
    }

    static String responseText(String id) {
        return ok(r.methodist(), GET, Map.of("id", id)).path("recommendation").path("response").path("text").asText();
    }

    static List<String> ids(JsonNode connection) {
        List<String> ids = new ArrayList<>();
        connection.path("edges").forEach(e -> ids.add(e.path("node").path("id").asText()));
        return ids;
    }
}
