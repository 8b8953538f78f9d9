package org.opora.mentoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;
import org.opora.testing.OporaTestApp;
import org.opora.testing.TestRegion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * A constructed region R-MENT: a ШНОР school LOW paired with the leader school LEAD, a school NEAR in the same
 * municipality as LOW and a school FAR elsewhere. The mentee T-MENTEE (mathematics, LOW) has deficits in assessment
 * (critical), functional literacy (moderate) and digital skills (minor); mentor A (LEAD, mathematics) covers the two
 * heaviest ones, B (NEAR, mathematics) one, C (FAR, Russian) two, D (LEAD) would fit but is at capacity.
 */
class MentoringTest {

    private static final String REGION = "R-MENT";
    private static final String AS_OF = "2025-06-01";
    private static final Scope LOW_SCHOOL = new Scope(REGION, "MENT-M1", "MENT-LOW");
    private static final Scope LEAD_SCHOOL = new Scope(REGION, "MENT-M2", "MENT-LEAD");

    private static String coordinator;
    private static String mainRelation;

    private static final String DIAGNOSTICS = """
            query($id: ID!) { teacher(id: $id) { id diagnostics { date instrument deficits { competence level } } } }""";

    @BeforeAll
    static void constructRegion() {
        new TestRegion(REGION)
                .school("MENT-LOW", "MENT-M1", "СОШ", "село", 200)
                .school("MENT-NEAR", "MENT-M1", "СОШ", "село", 300)
                .school("MENT-LEAD", "MENT-M2", "Лицей", "город", 900)
                .school("MENT-FAR", "MENT-M2", "СОШ", "город", 500)
                .save();
        try (var session = OporaTestApp.driver().session()) {
            session.run("""
                    MATCH (low:School {id: 'MENT-LOW'}), (lead:School {id: 'MENT-LEAD'})
                    SET low.statuses = ['LOW_RESULTS'], lead.statuses = ['LEADER']
                    CREATE (np:NetworkPair {status: 'ACTIVE'})-[:MENTEE]->(low), (np)-[:LEADER]->(lead)""").consume();
        }
        coordinator = tokenFor("ment-coord", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null));

        teacher("T-MENTEE", "ment-mentee", "MENT-LOW", "Математика", 1, List.of(), 0);
        teacher("T-COLLEAGUE", "ment-colleague", "MENT-LOW", "Математика", 12, List.of(), 0);
        teacher("T-STALE", null, "MENT-LOW", "Русский язык", 2, List.of(), 0);
        teacher("T-NOMEET", null, "MENT-LOW", "Физика", 1, List.of(), 0);
        teacher("T-OTHER", null, "MENT-NEAR", "Математика", 2, List.of(), 0);
        teacher("T-OTHER2", "ment-other2", "MENT-NEAR", "Математика", 2, List.of(), 0);
        teacher("M-A", "ment-mentor-a", "MENT-LEAD", "Математика", 20, List.of("ASSESSMENT", "FUNCTIONAL_LITERACY"), 2);
        teacher("M-B", "ment-mentor-b", "MENT-NEAR", "Математика", 15, List.of("ASSESSMENT"), 3);
        teacher("M-C", "ment-mentor-c", "MENT-FAR", "Русский язык", 25, List.of("ASSESSMENT", "FUNCTIONAL_LITERACY"), 3);
        teacher("M-D", "ment-mentor-d", "MENT-LEAD", "Математика", 30, List.of("ASSESSMENT", "FUNCTIONAL_LITERACY"), 1);

        // Two diagnostics of the mentee: the later one lighter (positive dynamics); one of T-STALE.
        diagnostic("T-MENTEE", "2024-03-15", Map.of("ASSESSMENT", "CRITICAL", "FUNCTIONAL_LITERACY", "CRITICAL",
                "DIGITAL", "MODERATE", "SUBJECT", "MINOR"));
        diagnostic("T-MENTEE", "2025-03-14", Map.of("ASSESSMENT", "CRITICAL", "FUNCTIONAL_LITERACY", "MODERATE", "DIGITAL", "MINOR"));
        diagnostic("T-STALE", "2025-03-10", Map.of("METHODICAL", "MODERATE"));

        ok(coordinator, """
                mutation($in: PlanInput!) { createIndividualPlan(input: $in) { id } }""", Map.of("in", Map.of(
                "teacherId", "T-MENTEE", "title", "ИОМ 2025", "startDate", "2025-01-15", "goals", List.of(
                        Map.of("competence", "ASSESSMENT", "target", "Освоить формирующее оценивание", "deadline", "2025-03-01", "status", "DONE"),
                        Map.of("competence", "FUNCTIONAL_LITERACY", "target", "Задания PISA на уроках", "deadline", "2025-04-01", "status", "IN_PROGRESS"),
                        Map.of("competence", "DIGITAL", "target", "Цифровые тренажёры", "deadline", "2025-12-01")),
                "activities", List.of(Map.of("kind", "INTERNSHIP", "title", "Стажировка в лицее", "hostSchoolId", "MENT-LEAD")))));

        // D is at capacity with a pending relation; A mentors the mentee; C and B have relations gone quiet.
        propose("M-D", "T-OTHER", "2025-01-01");
        mainRelation = propose("M-A", "T-MENTEE", "2025-01-10");
        ok(tokenFor("ment-mentor-a", Set.of(Role.MENTOR, Role.TEACHER), LEAD_SCHOOL),
                "mutation($id: ID!) { changeMentoringStatus(id: $id, status: ACTIVE) { status } }", Map.of("id", mainRelation));
        meeting("ment-mentor-a", LEAD_SCHOOL, mainRelation, "2025-03-01", "Формирующее оценивание");
        meeting("ment-mentor-a", LEAD_SCHOOL, mainRelation, "2025-05-25", "Разбор открытого урока");
        String stale = propose("M-C", "T-STALE", "2025-02-01");
        activate(stale);
        meeting("ment-mentor-c", new Scope(REGION, "MENT-M2", "MENT-FAR"), stale, "2025-03-15", "План на четверть");
        activate(propose("M-B", "T-NOMEET", "2025-04-01"));

        String association = ok(coordinator, """
                mutation { createAssociation(input: {kind: METHODOLOGICAL_ASSOCIATION, name: "РМО учителей математики",
                  level: MUNICIPAL, subject: "Математика", regionId: "R-MENT", municipalityId: "MENT-M1"}) { id } }""", Map.of())
                .path("createAssociation").path("id").asText();
        for (String t : List.of("T-COLLEAGUE", "T-MENTEE", "M-B")) {
            ok(coordinator, "mutation($a: ID!, $t: ID!) { addAssociationMember(associationId: $a, teacherId: $t) { id } }",
                    Map.of("a", association, "t", t));
        }
    }

    @Test
    void suggestionsPutTheMentorCoveringTheDeficitsInThePairedLeaderSchoolFirst() {
        JsonNode list = ok(coordinator, """
                { mentorSuggestions(teacherId: "T-MENTEE", first: 10) { mentor { id } score coveredDeficits reasons factors freeSlots } }""",
                Map.of()).path("mentorSuggestions");
        List<String> ids = new ArrayList<>();
        list.forEach(s -> ids.add(s.path("mentor").path("id").asText()));
        assertThat(ids).containsExactly("M-A", "M-B", "M-C");  // D is at capacity
        JsonNode best = list.get(0);
        assertThat(best.path("coveredDeficits").toString()).contains("ASSESSMENT", "FUNCTIONAL_LITERACY");
        assertThat(best.path("reasons").toString()).contains("сетевую пару", "Математика");
        assertThat(best.path("factors").path("placeScore").asDouble()).isEqualTo(15.0);
        assertThat(best.path("freeSlots").asInt()).isEqualTo(1);
        assertThat(list.get(0).path("score").asDouble()).isGreaterThan(list.get(1).path("score").asDouble());
    }

    @Test
    void aMentorProposesThemselvesInsideTheirTerritoryAndTheSchoolConfirms() {
        String mentorB = tokenFor("ment-mentor-b", Set.of(Role.MENTOR), new Scope(REGION, "MENT-M1", "MENT-NEAR"));
        String count = "MATCH (:Teacher {id: $t})<-[:MENTEE]-(r:MentoringRelation {createdBy: 'ment-mentor-b'}) RETURN count(r)";

        // another teacher as the mentor, or a mentee outside the mentor's school: FORBIDDEN, nothing written
        GraphQlResponse forOther = graphql(mentorB, PROPOSE, Map.of("in", Map.of("kind", "TEACHER_TEACHER", "mentorId", "M-A",
                "menteeTeacherId", "T-OTHER")));
        assertThat(forOther.errorCode()).isEqualTo("FORBIDDEN");
        GraphQlResponse outside = graphql(mentorB, PROPOSE, Map.of("in", Map.of("kind", "TEACHER_TEACHER", "mentorId", "M-B",
                "menteeTeacherId", "T-STALE")));
        assertThat(outside.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(outside.errorMessage()).contains("наставник может предложить себя");
        assertThat(cypherCount(count, "T-OTHER") + cypherCount(count, "T-STALE")).isZero();

        JsonNode proposed = ok(mentorB, PROPOSE, Map.of("in", Map.of("kind", "TEACHER_TEACHER", "mentorId", "M-B",
                "menteeTeacherId", "T-OTHER", "goal", "Подготовка к ОГЭ"))).path("proposeMentoring");
        assertThat(proposed.path("status").asText()).isEqualTo("PENDING");
        String id = proposed.path("id").asText();
        assertThat(cypherCount(count, "T-OTHER")).isEqualTo(1);

        // the mentor does not confirm their own proposal; the coordinator does, and each is offered only their moves
        String allowed = "query($id: ID!) { mentoringRelation(id: $id) { allowedTransitions } }";
        assertThat(ok(mentorB, allowed, Map.of("id", id)).path("mentoringRelation").path("allowedTransitions").toString())
                .isEqualTo("[\"CANCELLED\"]");
        assertThat(ok(coordinator, allowed, Map.of("id", id)).path("mentoringRelation").path("allowedTransitions").toString())
                .isEqualTo("[\"ACTIVE\",\"CANCELLED\"]");
        String change = "mutation($id: ID!, $s: MentoringStatus!) { changeMentoringStatus(id: $id, status: $s) { status } }";
        GraphQlResponse selfConfirm = graphql(mentorB, change, Map.of("id", id, "s", "ACTIVE"));
        assertThat(selfConfirm.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(status(id)).isEqualTo("PENDING");
        activate(id);
        assertThat(status(id)).isEqualTo("ACTIVE");
        // frees the mentor's capacity for the other tests
        assertThat(ok(mentorB, change, Map.of("id", id, "s", "CANCELLED")).path("changeMentoringStatus").path("status").asText())
                .isEqualTo("CANCELLED");
    }

    private static long cypherCount(String cypher, String teacherId) {
        try (var session = OporaTestApp.driver().session()) {
            return session.run(cypher, Map.of("t", teacherId)).single().get(0).asLong();
        }
    }

    @Test
    void statusTransitionsAreValidatedAndRefusalsChangeNothing() {
        String id = propose("M-B", "T-OTHER2", "2025-05-01");
        String change = "mutation($id: ID!, $s: MentoringStatus!) { changeMentoringStatus(id: $id, status: $s) { status endDate } }";
        String mentorB = tokenFor("ment-mentor-b", Set.of(Role.MENTOR), new Scope(REGION, "MENT-M1", "MENT-NEAR"));

        GraphQlResponse refused = graphql(coordinator, change, Map.of("id", id, "s", "COMPLETED"));
        assertThat(refused.errorCode()).isEqualTo("CONFLICT");
        assertThat(refused.errorMessage()).contains("ожидает подтверждения");
        assertThat(status(id)).isEqualTo("PENDING");

        // an unrelated teacher may not change it
        assertThat(graphql(tokenFor("ment-colleague", Set.of(Role.TEACHER), LOW_SCHOOL), change,
                Map.of("id", id, "s", "ACTIVE")).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(status(id)).isEqualTo("PENDING");

        assertThat(ok(mentorB, change, Map.of("id", id, "s", "ACTIVE")).path("changeMentoringStatus").path("status").asText())
                .isEqualTo("ACTIVE");
        assertThat(graphql(mentorB, DIAGNOSTICS, Map.of("id", "T-OTHER2")).errorCode()).isNull();
        assertThat(graphql(mentorB, change, Map.of("id", id, "s", "PENDING")).errorCode()).isEqualTo("CONFLICT");
        assertThat(status(id)).isEqualTo("ACTIVE");

        JsonNode completed = ok(mentorB, change, Map.of("id", id, "s", "COMPLETED")).path("changeMentoringStatus");
        assertThat(completed.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.path("endDate").isNull()).isFalse();
        assertThat(graphql(coordinator, change, Map.of("id", id, "s", "ACTIVE")).errorCode()).isEqualTo("CONFLICT");
        assertThat(graphql(coordinator, change, Map.of("id", id, "s", "CANCELLED")).errorCode()).isEqualTo("CONFLICT");
        assertThat(status(id)).isEqualTo("COMPLETED");
        // the former mentor no longer reads the teacher's personal data
        assertThat(graphql(mentorB, DIAGNOSTICS, Map.of("id", "T-OTHER2")).errorCode()).isEqualTo("FORBIDDEN");

        // capacity: D already has one open relation out of one
        GraphQlResponse full = graphql(coordinator, PROPOSE, Map.of("in", Map.of("kind", "TEACHER_TEACHER",
                "mentorId", "M-D", "menteeTeacherId", "T-OTHER2")));
        assertThat(full.errorCode()).isEqualTo("CONFLICT");
        assertThat(full.errorMessage()).contains("предельной нагрузки");
    }

    @Test
    void diagnosticsAreReadableOnlyByTheTeacherTheMentorTheSchoolAdminAndCoordinators() {
        Map<String, Object> mentee = Map.of("id", "T-MENTEE");
        List<String> allowed = List.of(
                tokenFor("ment-mentee", Set.of(Role.TEACHER), LOW_SCHOOL),
                tokenFor("ment-mentor-a", Set.of(Role.MENTOR, Role.TEACHER), LEAD_SCHOOL),
                tokenFor("ment-low-admin", Set.of(Role.SCHOOL_ADMIN), LOW_SCHOOL),
                coordinator,
                tokenFor("ment-muni-coord", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(REGION, "MENT-M1", null)),
                OporaTestApp.adminToken());
        for (String token : allowed) {
            JsonNode diagnostics = ok(token, DIAGNOSTICS, mentee).path("teacher").path("diagnostics");
            assertThat(diagnostics.size()).isEqualTo(2);
            assertThat(diagnostics.get(0).path("date").asText()).isEqualTo("2025-03-14");
        }
        Map<String, String> forbidden = new HashMap<>();
        forbidden.put("colleague", tokenFor("ment-colleague", Set.of(Role.TEACHER), LOW_SCHOOL));
        forbidden.put("other mentor", tokenFor("ment-mentor-c", Set.of(Role.MENTOR), new Scope(REGION, "MENT-M2", "MENT-FAR")));
        forbidden.put("other school admin", tokenFor("ment-near-admin", Set.of(Role.SCHOOL_ADMIN), new Scope(REGION, "MENT-M1", "MENT-NEAR")));
        forbidden.put("other region's methodist", tokenFor("ment-methodist-x", Set.of(Role.METHODIST), new Scope("R-MENT-OTHER", null, null)));
        forbidden.put("other region's curator", tokenFor("ment-curator-x", Set.of(Role.CURATOR), new Scope("R-MENT-OTHER", null, null)));
        forbidden.put("other municipality", tokenFor("ment-m2-coord", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(REGION, "MENT-M2", null)));
        forbidden.put("other region", tokenFor("ment-r99-coord", Set.of(Role.REGIONAL_COORDINATOR), new Scope("R-MENT-OTHER", null, null)));
        String[] personalQueries = {
                DIAGNOSTICS,
                "query($id: ID!) { teacher(id: $id) { deficits { competence } } }",
                "query($id: ID!) { teacher(id: $id) { plans { goals { status } } } }",
                "query($id: ID!) { teacher(id: $id) { courses { title } } }",
                "query($id: ID!) { mentorSuggestions(teacherId: $id) { score } }"};
        forbidden.forEach((who, token) -> {
            for (String query : personalQueries) {
                GraphQlResponse response = graphql(token, query, mentee);
                assertThat(response.errorCode()).as(who + ": " + query).isEqualTo("FORBIDDEN");
                assertThat(response.body().toString()).as(who).doesNotContain("CRITICAL", "PISA");
            }
        });
        // methodists and curators of the region run diagnostics: they read diagnostics and deficits, nothing else
        for (String token : List.of(tokenFor("ment-methodist", Set.of(Role.METHODIST), new Scope(REGION, null, null)),
                tokenFor("ment-curator", Set.of(Role.CURATOR), new Scope(REGION, null, null)))) {
            assertThat(ok(token, DIAGNOSTICS, mentee).path("teacher").path("diagnostics").size()).isEqualTo(2);
            for (String query : List.of(personalQueries).subList(2, personalQueries.length)) {
                assertThat(graphql(token, query, mentee).errorCode()).as(query).isEqualTo("FORBIDDEN");
            }
        }
        // the colleague sees the profile, not the personal data
        JsonNode profile = ok(forbidden.get("colleague"), "query($id: ID!) { teacher(id: $id) { fullName subjects } }", mentee);
        assertThat(profile.path("teacher").path("subjects").toString()).contains("Математика");
    }

    @Test
    void menteeSeesOwnPlanAndSharedNotesButNotTheMentorsPrivateNotes() {
        String mentee = tokenFor("ment-mentee", Set.of(Role.TEACHER), LOW_SCHOOL);
        JsonNode ws = ok(mentee, """
                { myMentoring { myPlans { title progress goals { status } }
                                myMentors { status mentor { id } meetings { date topic sharedNotes nextSteps } } } }""",
                Map.of()).path("myMentoring");
        assertThat(ws.path("myPlans").get(0).path("progress").asDouble()).isEqualTo(0.333);
        assertThat(ws.path("myMentors").get(0).path("mentor").path("id").asText()).isEqualTo("M-A");
        assertThat(ws.path("myMentors").get(0).path("meetings").get(0).path("sharedNotes").asText()).contains("Общие заметки");
        assertThat(ws.toString()).doesNotContain("Личное");

        GraphQlResponse privateNotes = graphql(mentee, "{ myMentoring { myMentors { meetings { privateNotes } } } }", Map.of());
        assertThat(privateNotes.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(privateNotes.body().toString()).doesNotContain("Личное");
        GraphQlResponse byAdmin = graphql(tokenFor("ment-low-admin", Set.of(Role.SCHOOL_ADMIN), LOW_SCHOOL),
                "query($id: ID!) { mentoringRelation(id: $id) { meetings { privateNotes } } }", Map.of("id", mainRelation));
        assertThat(byAdmin.errorCode()).isEqualTo("FORBIDDEN");

        JsonNode mine = ok(tokenFor("ment-mentor-a", Set.of(Role.MENTOR, Role.TEACHER), LEAD_SCHOOL),
                "query($id: ID!) { mentoringRelation(id: $id) { meetings { privateNotes } } }", Map.of("id", mainRelation));
        assertThat(mine.toString()).contains("Личное");
    }

    @Test
    void mentorWorkspaceShowsDeficitsProgressLastMeetingAndOverdueGoals() {
        JsonNode ws = ok(tokenFor("ment-mentor-a", Set.of(Role.MENTOR, Role.TEACHER), LEAD_SCHOOL), """
                query($asOf: Date) { myMentoring(asOf: $asOf, staleWeeks: 4) {
                  me { id }
                  mentees { mentee { id } deficits { competence level } planProgress goalsTotal goalsDone
                            overdueGoals { target } lastMeeting { date topic privateNotes } stale daysSinceContact }
                  reminders { message } } }""", Map.of("asOf", AS_OF)).path("myMentoring");
        assertThat(ws.path("me").path("id").asText()).isEqualTo("M-A");
        JsonNode card = ws.path("mentees").get(0);
        assertThat(ws.path("mentees").size()).isEqualTo(1);
        assertThat(card.path("mentee").path("id").asText()).isEqualTo("T-MENTEE");
        assertThat(card.path("deficits").size()).isEqualTo(3);
        assertThat(card.path("planProgress").asDouble()).isEqualTo(0.333);
        assertThat(card.path("goalsTotal").asInt()).isEqualTo(3);
        assertThat(card.path("overdueGoals").size()).isEqualTo(1);
        assertThat(card.path("overdueGoals").get(0).path("target").asText()).contains("PISA");
        assertThat(card.path("lastMeeting").path("date").asText()).isEqualTo("2025-05-25");
        assertThat(card.path("daysSinceContact").asInt()).isEqualTo(7);
        assertThat(card.path("stale").asBoolean()).isFalse();
        assertThat(ws.path("reminders").size()).isZero();
    }

    @Test
    void remindersFireForActiveRelationsWithoutRecentMeetings() {
        String query = """
                query($weeks: Int, $asOf: Date) { staleMentoringRelations(regionId: "R-MENT", weeks: $weeks, asOf: $asOf) {
                  relation { mentee { id } status } lastMeetingDate lastContact weeksWithoutMeeting message } }""";
        JsonNode fourWeeks = ok(coordinator, query, Map.of("weeks", 4, "asOf", AS_OF)).path("staleMentoringRelations");
        assertThat(menteeIds(fourWeeks)).containsExactlyInAnyOrder("T-STALE", "T-NOMEET");  // not the pending D → T-OTHER
        for (JsonNode r : fourWeeks) {
            if (r.path("relation").path("mentee").path("id").asText().equals("T-STALE")) {
                assertThat(r.path("lastMeetingDate").asText()).isEqualTo("2025-03-15");
                assertThat(r.path("weeksWithoutMeeting").asInt()).isEqualTo(11);
            } else {
                assertThat(r.path("lastMeetingDate").isNull()).isTrue();
                assertThat(r.path("message").asText()).contains("Нет ни одной встречи");
            }
        }
        assertThat(menteeIds(ok(coordinator, query, Map.of("weeks", 10, "asOf", AS_OF)).path("staleMentoringRelations")))
                .containsExactly("T-STALE");

        // per mentor
        JsonNode reminders = ok(tokenFor("ment-mentor-c", Set.of(Role.MENTOR), new Scope(REGION, "MENT-M2", "MENT-FAR")),
                "query($asOf: Date) { myMentoring(asOf: $asOf, staleWeeks: 4) { reminders { relation { mentee { id } } } } }",
                Map.of("asOf", AS_OF)).path("myMentoring").path("reminders");
        assertThat(menteeIds(reminders)).containsExactly("T-STALE");

        // territory: a school admin of another school sees none; a teacher may not ask
        assertThat(ok(tokenFor("ment-near-admin", Set.of(Role.SCHOOL_ADMIN), new Scope(REGION, "MENT-M1", "MENT-NEAR")),
                query, Map.of("weeks", 4, "asOf", AS_OF)).path("staleMentoringRelations").size()).isZero();
        assertThat(graphql(tokenFor("ment-mentee", Set.of(Role.TEACHER), LOW_SCHOOL), query,
                Map.of("weeks", 4, "asOf", AS_OF)).errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void indicatorsCountTheTeachersOfLowResultSchools() {
        JsonNode i = ok(coordinator, """
                { mentoringIndicators(regionId: "R-MENT") { lowResultSchoolTeachers diagnosed shareDiagnosed diagnosedRepeatedly
                  positiveDynamics sharePositiveDynamics mentored shareMentored associationMembers shareAssociationMembers
                  associations } }""", Map.of()).path("mentoringIndicators");
        assertThat(i.path("lowResultSchoolTeachers").asInt()).isEqualTo(4);
        assertThat(i.path("diagnosed").asInt()).isEqualTo(2);
        assertThat(i.path("shareDiagnosed").asDouble()).isEqualTo(0.5);
        assertThat(i.path("diagnosedRepeatedly").asInt()).isEqualTo(1);
        assertThat(i.path("sharePositiveDynamics").asDouble()).isEqualTo(1.0);
        assertThat(i.path("mentored").asInt()).isEqualTo(3);
        assertThat(i.path("shareMentored").asDouble()).isEqualTo(0.75);
        assertThat(i.path("associationMembers").asInt()).isEqualTo(2);
        assertThat(i.path("associations").asInt()).isEqualTo(1);
        assertThat(graphql(tokenFor("ment-r99-coord", Set.of(Role.REGIONAL_COORDINATOR), new Scope("R-MENT-OTHER", null, null)),
                "{ mentoringIndicators(regionId: \"R-MENT\") { teachers } }", Map.of()).errorCode()).isEqualTo("FORBIDDEN");
    }

    // ---------------------------------------------------------------- helpers

    private static final String PROPOSE = "mutation($in: MentoringInput!) { proposeMentoring(input: $in) { id status } }";

    private static List<String> menteeIds(JsonNode reminders) {
        List<String> ids = new ArrayList<>();
        reminders.forEach(r -> ids.add(r.path("relation").path("mentee").path("id").asText()));
        return ids;
    }

    private static String status(String relationId) {
        return ok(coordinator, "query($id: ID!) { mentoringRelation(id: $id) { status } }", Map.of("id", relationId))
                .path("mentoringRelation").path("status").asText();
    }

    private static void teacher(String id, String username, String schoolId, String subject, int experience,
                                List<String> strengths, int capacity) {
        Map<String, Object> in = new HashMap<>();
        in.put("fullName", "Педагог " + id);
        in.put("schoolId", schoolId);
        in.put("subjects", List.of(subject));
        in.put("category", experience > 10 ? "высшая" : "без категории");
        in.put("experienceYears", experience);
        in.put("strengths", strengths);
        in.put("mentorCapacity", capacity);
        TeacherFixtures.create(coordinator, id, in, username);
    }

    private static void diagnostic(String teacherId, String date, Map<String, String> deficits) {
        List<Map<String, Object>> list = new ArrayList<>();
        deficits.forEach((c, l) -> list.add(Map.of("competence", c, "level", l)));
        ok(coordinator, "mutation($in: DiagnosticInput!) { recordDiagnostic(input: $in) { id } }", Map.of("in", Map.of(
                "teacherId", teacherId, "date", date, "instrument", "Диагностика профессиональных дефицитов ЦНППМ",
                "deficits", list)));
    }

    private static String propose(String mentorId, String menteeId, String start) {
        JsonNode r = ok(coordinator, PROPOSE, Map.of("in", Map.of("kind", "TEACHER_TEACHER", "mentorId", mentorId,
                "menteeTeacherId", menteeId, "startDate", start))).path("proposeMentoring");
        assertThat(r.path("status").asText()).isEqualTo("PENDING");
        return r.path("id").asText();
    }

    private static void activate(String relationId) {
        ok(coordinator, "mutation($id: ID!) { changeMentoringStatus(id: $id, status: ACTIVE) { status } }", Map.of("id", relationId));
    }

    private static void meeting(String mentor, Scope scope, String relationId, String date, String topic) {
        ok(tokenFor(mentor, Set.of(Role.MENTOR, Role.TEACHER), scope), """
                mutation($in: MeetingInput!) { logMeeting(input: $in) { id } }""", Map.of("in", Map.of(
                "relationId", relationId, "date", date, "topic", topic,
                "sharedNotes", "Общие заметки: " + topic, "privateNotes", "Личное: нужна поддержка с дисциплиной",
                "nextSteps", List.of("Посетить урок наставника"))));
    }

    private static JsonNode ok(String token, String query, Map<String, Object> variables) {
        return graphql(token, query, variables).data();
    }
}
