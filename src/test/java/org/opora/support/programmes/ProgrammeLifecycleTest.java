package org.opora.support.programmes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.testing.GraphQlResponse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.support.programmes.ProgrammeRegion.addMeasure;
import static org.opora.support.programmes.ProgrammeRegion.count;
import static org.opora.support.programmes.ProgrammeRegion.create;
import static org.opora.support.programmes.ProgrammeRegion.draft;
import static org.opora.support.programmes.ProgrammeRegion.goal;
import static org.opora.support.programmes.ProgrammeRegion.measure;
import static org.opora.support.programmes.ProgrammeRegion.move;
import static org.opora.support.programmes.ProgrammeRegion.read;
import static org.opora.support.programmes.ProgrammeRegion.updateMeasure;
import static org.opora.testing.OporaTestApp.graphql;

/** A programme's life cycle with its forbidden moves, validation, progress against targets and overdue detection. */
class ProgrammeLifecycleTest {

    static final ProgrammeRegion R = new ProgrammeRegion("R-SUP-PRG");

    @BeforeAll
    static void region() {
        R.school("PRG-S1", R.m1, List.of("LOW_RESULTS"), List.of("STAFF_SHORTAGE:HIGH", "LOW_MOTIVATION:MEDIUM", "LANGUAGE_BARRIER:LOW"), -0.7)
                .school("PRG-S2", R.m1, List.of("LOW_RESULTS"), List.of(), -0.9)
                .school("PRG-G1", R.m2, List.of("LOW_RESULTS"), List.of(), -1.0)
                .school("PRG-G2", R.m2, List.of("UNFAVOURABLE_CONTEXT"), List.of(), 0.1)
                .school("PRG-G3", R.m2, List.of("LOW_RESULTS", "UNFAVOURABLE_CONTEXT"), List.of(), -1.1)
                .school("PRG-G4", R.m2, List.of("LEADER"), List.of(), 1.2)
                .school("PRG-G5", R.m2, List.of("LOW_RESULTS"), List.of(), -0.8)
                .save();
        R.indicator("PRG-S1", "olympiad_participation_share", 2023, 0.04);
        R.indicator("PRG-S1", "olympiad_participation_share", 2024, 0.05);
        R.indicator("PRG-S1", "olympiad_participation_share", 2025, 0.10);
        R.indicator("PRG-S1", "staff_shortage_share", 2024, 0.20);
        R.indicator("PRG-S1", "staff_shortage_share", 2025, 0.15);
    }

    @Test
    void lifeCycleWithForbiddenMovesEvidenceAndReturnToDraft() {
        String admin = R.schoolAdmin("PRG-S1");
        String municipal = R.municipal(R.m1);
        JsonNode p = create(admin, draft("PRG-S1", "ANTIRISK", "STAFF_SHORTAGE",
                List.of(goal("STATUS", "LOW_RESULTS", "Выйти из перечня ШНОР к 2030 году"),
                        goal("RISK_FACTOR", "STAFF_SHORTAGE", "Закрыть вакансии учителей математики и физики")),
                List.of(Map.of("indicator", "olympiad_participation_share", "target", 0.20, "targetYear", 2027),
                        Map.of("indicator", "staff_shortage_share", "target", 0.05),
                        Map.of("indicator", "results_index", "baseline", -1.0, "target", -0.4)))).data().get("createSchoolProgramme");
        String id = p.get("id").asText();
        assertThat(id).startsWith("PRG-");
        assertThat(p.get("status").asText()).isEqualTo("DRAFT");
        assertThat(p.get("createdBy").asText()).isEqualTo("admin-PRG-S1");
        assertThat(p.get("riskFactorLabel").asText()).isEqualTo("Дефицит педагогических кадров");
        assertThat(p.get("allowedTransitions")).extracting(JsonNode::asText).containsExactly("AGREED");
        assertThat(p.get("goals").get(1).get("basisLabel").asText()).isEqualTo("Дефицит педагогических кадров");

        // Progress from the school's real values: baselines of the programme's first year, actual of the latest one.
        JsonNode olympiad = p.get("targets").get(0);
        assertThat(olympiad.get("baseline").asDouble()).isEqualTo(0.05);
        assertThat(olympiad.get("baselineYear").asInt()).isEqualTo(2024);
        assertThat(olympiad.get("actual").asDouble()).isEqualTo(0.10);
        assertThat(olympiad.get("actualYear").asInt()).isEqualTo(2025);
        assertThat(olympiad.get("progress").asDouble()).isEqualTo(0.333);
        assertThat(olympiad.get("achieved").asBoolean()).isFalse();
        JsonNode staff = p.get("targets").get(1);
        assertThat(staff.get("targetYear").asInt()).isEqualTo(2030);
        assertThat(staff.get("progress").asDouble()).isEqualTo(0.333);
        JsonNode results = p.get("targets").get(2);
        assertThat(results.get("actual").asDouble()).isEqualTo(-0.7);
        assertThat(results.get("actualYear").asInt()).isEqualTo(2025);
        assertThat(results.get("progress").asDouble()).isEqualTo(0.5);

        // Not agreed without measures.
        assertThat(move(municipal, id, "AGREED", null).errorCode()).isEqualTo("CONFLICT");
        String goalId = p.get("goals").get(1).get("id").asText();
        JsonNode late = addMeasure(admin, id, withGoal(measure("Ярмарка вакансий с педагогическим вузом", "2025-03-01"), goalId))
                .data().get("addProgrammeMeasure");
        assertThat(late.get("status").asText()).isEqualTo("PLANNED");
        assertThat(late.get("overdue").asBoolean()).isTrue();
        assertThat(late.get("goalId").asText()).isEqualTo(goalId);
        JsonNode future = addMeasure(admin, id, measure("Целевое обучение выпускников", "2030-06-01")).data().get("addProgrammeMeasure");
        assertThat(future.get("overdue").asBoolean()).isFalse();

        // Forbidden moves: the wrong role is FORBIDDEN, a move the life cycle lacks is CONFLICT; neither writes.
        assertThat(move(admin, id, "AGREED", null).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(move(municipal, id, "IN_PROGRESS", null).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(move(admin, id, "IN_PROGRESS", null).errorCode()).isEqualTo("CONFLICT");
        assertThat(move(admin, id, "COMPLETED", null).errorCode()).isEqualTo("CONFLICT");
        assertThat(move(municipal, id, "DRAFT", "нечего возвращать").errorCode()).isEqualTo("CONFLICT");
        assertThat(status(id)).isEqualTo("DRAFT");

        JsonNode agreed = move(municipal, id, "AGREED", null).data().get("changeSchoolProgrammeStatus");
        assertThat(agreed.get("status").asText()).isEqualTo("AGREED");
        assertThat(agreed.get("agreedBy").asText()).isEqualTo("muni-" + R.m1);
        assertThat(agreed.get("allowedTransitions")).extracting(JsonNode::asText).containsExactly("IN_PROGRESS", "DRAFT");
        assertThat(agreed.get("overdueMeasures").asInt()).isEqualTo(1);
        assertThat(agreed.get("overdue").asBoolean()).isTrue();

        // Once agreed: no content changes, but status and evidence; DONE needs evidence.
        GraphQlResponse rename = graphql(admin, "mutation($id: ID!) { updateSchoolProgramme(id: $id, input: {title: \"Другое\"}) { id } }",
                Map.of("id", id));
        assertThat(rename.errorCode()).isEqualTo("CONFLICT");
        assertThat(addMeasure(admin, id, measure("Ещё одно", "2026-01-01")).errorCode()).isEqualTo("CONFLICT");
        assertThat(updateMeasure(admin, late.get("id").asText(), Map.of("title", "Иначе")).errorCode()).isEqualTo("CONFLICT");
        GraphQlResponse noEvidence = updateMeasure(admin, late.get("id").asText(), Map.of("status", "DONE"));
        assertThat(noEvidence.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(noEvidence.errorMessage()).startsWith("evidence:");
        JsonNode done = updateMeasure(admin, late.get("id").asText(), Map.of("status", "DONE",
                "evidence", "Протокол ярмарки вакансий от 28.02.2025, приказ № 12")).data().get("updateProgrammeMeasure");
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("doneOn").asText()).isEqualTo(LocalDate.now().toString());
        assertThat(done.get("overdue").asBoolean()).isFalse();

        // Returned to draft with a reason, agreed again, carried out and completed.
        assertThat(move(municipal, id, "DRAFT", "  ").errorCode()).isEqualTo("BAD_USER_INPUT");
        JsonNode returned = move(municipal, id, "DRAFT", "Добавьте мероприятия по наставничеству").data().get("changeSchoolProgrammeStatus");
        assertThat(returned.get("status").asText()).isEqualTo("DRAFT");
        assertThat(returned.get("returnComment").asText()).isEqualTo("Добавьте мероприятия по наставничеству");
        assertThat(returned.get("agreedBy").isNull()).isTrue();
        move(municipal, id, "AGREED", null).data();
        assertThat(move(admin, id, "IN_PROGRESS", null).data().get("changeSchoolProgrammeStatus").get("status").asText())
                .isEqualTo("IN_PROGRESS");
        assertThat(move(municipal, id, "DRAFT", "поздно").errorCode()).isEqualTo("CONFLICT");
        JsonNode completed = move(admin, id, "COMPLETED", "Вакансии закрыты, школа вышла из перечня").data().get("changeSchoolProgrammeStatus");
        assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.get("summary").asText()).isEqualTo("Вакансии закрыты, школа вышла из перечня");
        assertThat(completed.get("allowedTransitions")).isEmpty();
        assertThat(completed.get("overdue").asBoolean()).isFalse();
        assertThat(completed.get("measuresDone").asDouble()).isEqualTo(0.5);
        assertThat(updateMeasure(admin, future.get("id").asText(), Map.of("status", "DONE", "evidence", "x")).errorCode())
                .isEqualTo("CONFLICT");
        assertThat(move(municipal, id, "DRAFT", "ещё раз").errorCode()).isEqualTo("CONFLICT");
        assertThat(move(municipal, id, "AGREED", null).errorCode()).isEqualTo("CONFLICT");
        assertThat(status(id)).isEqualTo("COMPLETED");
    }

    @Test
    void badInputIsRefusedByFieldAndNothingIsWritten() {
        String admin = R.schoolAdmin("PRG-S1");
        long before = count("MATCH (:School {id: 'PRG-S1'})-[:HAS_PROGRAMME]->(p) RETURN count(p)", Map.of());
        expectBad(create(admin, draft("PRG-S1", "ANTIRISK", "LANGUAGE_BARRIER", List.of(), List.of())), "riskFactor:");
        expectBad(create(admin, draft("PRG-S1", "ANTIRISK", null, List.of(), List.of())), "riskFactor:");
        expectBad(create(admin, draft("PRG-S1", "TRANSITION", "STAFF_SHORTAGE", List.of(), List.of())), "riskFactor:");
        expectBad(create(admin, draft("PRG-S1", "SCHOOL_QUALITY", null,
                List.of(goal("STATUS", "UNFAVOURABLE_CONTEXT", "Цель")), List.of())), "goals[1].basis:");
        expectBad(create(admin, draft("PRG-S1", "SCHOOL_QUALITY", null,
                List.of(goal("RISK_FACTOR", "LOW_MOTIVATION", "Цель"), goal("RISK_FACTOR", "LANGUAGE_BARRIER", "Цель")), List.of())),
                "goals[2].basis:");
        expectBad(create(admin, draft("PRG-S1", "SCHOOL_QUALITY", null, List.of(goal("STATUS", "LOW_RESULTS", " ")), List.of())),
                "goals[1].text:");
        expectBad(create(admin, draft("PRG-S1", "SCHOOL_QUALITY", null, List.of(),
                List.of(Map.of("indicator", "happiness", "target", 1.0)))), "targets[1].indicator:");
        expectBad(create(admin, draft("PRG-S1", "SCHOOL_QUALITY", null, List.of(),
                List.of(Map.of("indicator", "results_index", "target", 0.0, "targetYear", 2035)))), "targets[1].targetYear:");
        Map<String, Object> backwards = draft("PRG-S1", "SCHOOL_QUALITY", null, List.of(), List.of());
        backwards.put("periodEnd", "2024-01-01");
        expectBad(create(admin, backwards), "periodEnd:");
        assertThat(count("MATCH (:School {id: 'PRG-S1'})-[:HAS_PROGRAMME]->(p) RETURN count(p)", Map.of())).isEqualTo(before);

        String id = create(admin, draft("PRG-S1", "TRANSITION", null, List.of(goal("STATUS", "LOW_RESULTS", "Эффективный режим")), List.of()))
                .data().get("createSchoolProgramme").get("id").asText();
        expectBad(addMeasure(admin, id, measure("Вне периода", "2031-01-01")), "deadline:");
        expectBad(addMeasure(admin, id, Map.of("title", "Без ответственного", "responsible", "", "deadline", "2025-01-01")), "responsible:");
        expectBad(addMeasure(admin, id, withGoal(measure("Чужая цель", "2025-01-01"), "PRG-G-nope")), "goalId:");
        assertThat(count("MATCH (:SchoolProgramme {id: $id})-[:HAS_MEASURE]->(m) RETURN count(m)", Map.of("id", id))).isZero();

        // Goals replaced in a draft: measures of a removed goal lose the link.
        String goalId = read(admin, id).data().get("schoolProgramme").get("goals").get(0).get("id").asText();
        String measureId = addMeasure(admin, id, withGoal(measure("Педсовет", "2025-01-01"), goalId)).data().get("addProgrammeMeasure")
                .get("id").asText();
        JsonNode updated = graphql(admin, "mutation($id: ID!, $in: SchoolProgrammeUpdateInput!) { updateSchoolProgramme(id: $id, input: $in) { "
                        + "title periodEnd goals { id basis } measures { id goalId } } }",
                Map.of("id", id, "in", Map.of("title", "Программа перехода", "periodEnd", "2029-08-31",
                        "goals", List.of(goal("RISK_FACTOR", "LOW_MOTIVATION", "Вовлечь в олимпиады"))))).data().get("updateSchoolProgramme");
        assertThat(updated.get("title").asText()).isEqualTo("Программа перехода");
        assertThat(updated.get("goals").get(0).get("basis").asText()).isEqualTo("LOW_MOTIVATION");
        assertThat(updated.get("measures").get(0).get("goalId").isNull()).isTrue();
        JsonNode removed = graphql(admin, "mutation($id: ID!) { removeProgrammeMeasure(id: $id) { measures { id } } }",
                Map.of("id", measureId)).data().get("removeProgrammeMeasure");
        assertThat(removed.get("measures")).isEmpty();
    }

    @Test
    void overdueIsJudgedOnTheDateGiven() {
        LocalDate asOf = LocalDate.of(2026, 3, 1);
        ProgrammeMeasure open = new ProgrammeMeasure("m", "p", null, "t", "r", LocalDate.of(2026, 2, 28), null, MeasureStatus.IN_PROGRESS,
                null, null, List.of());
        assertThat(open.overdueOn(asOf)).isTrue();
        assertThat(open.overdueOn(LocalDate.of(2026, 2, 28))).isFalse();
        ProgrammeMeasure done = new ProgrammeMeasure("m", "p", null, "t", "r", LocalDate.of(2026, 2, 28), null, MeasureStatus.DONE,
                "акт", LocalDate.of(2026, 2, 20), List.of());
        assertThat(done.overdueOn(asOf)).isFalse();

        String regional = R.regional();
        // G2: agreed, a measure due 2026-03-01; G3: a draft; G5: in progress, due 2026-06-01; G1: none; G4 is a leader.
        String g2 = agreedProgramme("PRG-G2", "UNFAVOURABLE_CONTEXT", "2026-03-01");
        String g5 = agreedProgramme("PRG-G5", "LOW_RESULTS", "2026-06-01");
        move(org.opora.testing.OporaTestApp.adminToken(), g5, "IN_PROGRESS", null).data();
        create(org.opora.testing.OporaTestApp.adminToken(), draft("PRG-G3", "SCHOOL_QUALITY", null, List.of(), List.of())).data();

        assertThat(gaps(R.municipal(R.m2), null, "2026-01-15")).containsExactly("NO_PROGRAMME:PRG-G1:-", "AWAITING_AGREEMENT:PRG-G3:0");
        assertThat(gaps(R.municipal(R.m2), R.m2, "2026-03-02")).containsExactly("NO_PROGRAMME:PRG-G1:-", "OVERDUE:PRG-G2:1",
                "AWAITING_AGREEMENT:PRG-G3:0");
        assertThat(gaps(R.municipal(R.m2), null, "2026-06-02")).containsExactly("NO_PROGRAMME:PRG-G1:-", "OVERDUE:PRG-G2:1",
                "OVERDUE:PRG-G5:1", "AWAITING_AGREEMENT:PRG-G3:0");
        // The programme's period over: overdue even without an overdue measure.
        assertThat(gaps(regional, R.m2, "2030-09-01")).contains("OVERDUE:PRG-G5:2");

        JsonNode page = graphql(regional, "query($r: ID!) { programmeGaps(regionId: $r, asOf: \"2026-01-15\", first: 1) { totalCount "
                + "schoolsWithStatus pageInfo { hasNextPage endCursor } edges { node { school { id name } programme { id } } } } }",
                Map.of("r", R.region)).data().get("programmeGaps");
        assertThat(page.get("schoolsWithStatus").asInt()).isEqualTo(6);
        assertThat(page.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
        assertThat(page.get("edges").get(0).get("node").get("school").get("name").asText()).startsWith("Школа PRG-");
        JsonNode next = graphql(regional, "query($r: ID!, $a: String) { programmeGaps(regionId: $r, asOf: \"2026-01-15\", first: 1, after: $a) "
                + "{ edges { node { school { id } } } } }", Map.of("r", R.region, "a", page.get("pageInfo").get("endCursor").asText()))
                .data().get("programmeGaps");
        assertThat(next.get("edges").get(0).get("node").get("school").get("id").asText())
                .isNotEqualTo(page.get("edges").get(0).get("node").get("school").get("id").asText());
    }

    private String agreedProgramme(String schoolId, String status, String deadline) {
        String token = org.opora.testing.OporaTestApp.adminToken();
        String id = create(token, draft(schoolId, "SCHOOL_QUALITY", null, List.of(goal("STATUS", status, "Цель")), List.of()))
                .data().get("createSchoolProgramme").get("id").asText();
        addMeasure(token, id, measure("Мероприятие", deadline)).data();
        addMeasure(token, id, measure("Долгое мероприятие", "2030-06-01")).data();
        move(token, id, "AGREED", null).data();
        return id;
    }

    private static List<String> gaps(String token, String municipality, String asOf) {
        java.util.HashMap<String, Object> variables = new java.util.HashMap<>();
        variables.put("r", R.region);
        variables.put("m", municipality);
        variables.put("a", asOf);
        JsonNode gaps = graphql(token, "query($r: ID!, $m: ID, $a: Date) { programmeGaps(regionId: $r, municipalityId: $m, asOf: $a) { "
                + "edges { node { kind kindLabel overdueMeasures statuses school { id } programme { id } } } } }", variables)
                .data().get("programmeGaps");
        List<String> result = new java.util.ArrayList<>();
        for (JsonNode edge : gaps.get("edges")) {
            JsonNode node = edge.get("node");
            result.add(node.get("kind").asText() + ":" + node.get("school").get("id").asText() + ":"
                    + (node.get("programme").isNull() ? "-" : node.get("overdueMeasures").asText()));
        }
        return result;
    }

    private static Map<String, Object> withGoal(Map<String, Object> measure, String goalId) {
        java.util.HashMap<String, Object> m = new java.util.HashMap<>(measure);
        m.put("goalId", goalId);
        return m;
    }

    private static String status(String id) {
        return read(org.opora.testing.OporaTestApp.adminToken(), id).data().get("schoolProgramme").get("status").asText();
    }

    private static void expectBad(GraphQlResponse response, String fieldPrefix) {
        assertThat(response.errorCode()).as(response.body().toString()).isEqualTo("BAD_USER_INPUT");
        assertThat(response.errorMessage()).startsWith(fieldPrefix);
    }
}
