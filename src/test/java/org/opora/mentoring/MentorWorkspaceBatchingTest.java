package org.opora.mentoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;
import org.opora.testing.TestRegion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * The mentor workspace query of the web app (src/web/src/pages/MentorPage.tsx) costs one database round trip per
 * loader and level, whatever the number of mentees: a mentor with one mentee and a mentor with four pay the same.
 */
class MentorWorkspaceBatchingTest {

    private static final String REGION = "R-MENT-WS";
    private static final Scope SCHOOL = new Scope(REGION, "MWS-M1", "MWS-1");

    /** The web app's query, as MentorPage sends it. */
    private static final String WORKSPACE = """
            query MentorWorkspace($staleWeeks: Int) {
              myMentoring(staleWeeks: $staleWeeks) {
                me { id fullName }
                mentees {
                  relation { id status startDate }
                  mentee { id fullName position subjects school { name } }
                  deficits { competence competenceLabel level }
                  goalsTotal goalsDone planProgress
                  overdueGoals { id target deadline }
                  lastMeeting { date topic }
                  daysSinceContact stale
                }
                reminders { relation { id mentee { fullName } } weeksWithoutMeeting message }
              }
            }""";

    private static String coordinator;

    @BeforeAll
    static void mentorsWithOneAndFourMentees() {
        new TestRegion(REGION).school("MWS-1", "MWS-M1", "СОШ", "город", 500).school("MWS-2", "MWS-M1", "СОШ", "село", 200).save();
        coordinator = tokenFor("mws-coord", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null));
        teacher("MWS-SOLO", "mws-solo", "MWS-1", 20, 3);
        teacher("MWS-MANY", "mws-many", "MWS-1", 25, 5);
        mentor("MWS-SOLO", "mws-solo", List.of("MWS-T0"));
        mentor("MWS-MANY", "mws-many", List.of("MWS-T1", "MWS-T2", "MWS-T3", "MWS-T4"));
    }

    @Test
    void theWorkspaceCostsOneRoundTripPerLoaderAndLevel() {
        GraphQlResponse solo = graphql(tokenFor("mws-solo", Set.of(Role.MENTOR, Role.TEACHER), SCHOOL), WORKSPACE, Map.of("staleWeeks", 4));
        GraphQlResponse many = graphql(tokenFor("mws-many", Set.of(Role.MENTOR, Role.TEACHER), SCHOOL), WORKSPACE, Map.of("staleWeeks", 4));

        JsonNode cards = many.data().path("myMentoring").path("mentees");
        assertThat(cards).hasSize(4);
        List<String> names = new ArrayList<>();
        cards.forEach(card -> {
            names.add(card.path("mentee").path("fullName").asText());
            assertThat(card.path("mentee").path("school").path("name").asText()).isNotBlank();
            assertThat(card.path("deficits").get(0).path("competenceLabel").asText()).isEqualTo("Цифровая компетентность");
            assertThat(card.path("goalsTotal").asInt()).isEqualTo(2);   // the cancelled goal does not count
            assertThat(card.path("goalsDone").asInt()).isEqualTo(1);
            assertThat(card.path("planProgress").asDouble()).isEqualTo(0.5);
            assertThat(card.path("overdueGoals")).isEmpty();
        });
        assertThat(names).containsExactlyInAnyOrder("Педагог MWS-T1", "Педагог MWS-T2", "Педагог MWS-T3", "Педагог MWS-T4");
        // T1..T3 met ten weeks ago (stale); T4 met yesterday.
        JsonNode reminders = many.data().path("myMentoring").path("reminders");
        assertThat(reminders).hasSize(3);
        reminders.forEach(r -> assertThat(r.path("relation").path("mentee").path("fullName").asText()).startsWith("Педагог MWS-T"));
        assertThat(cards.findValuesAsText("topic")).containsOnly("Встреча");

        // Levels: the caller's teacher (1); the open relations behind mentees and reminders (1); the cards' mentees,
        // deficits, plans and last meetings (4); the mentees' schools (1). The reminders' mentees are already loaded.
        // One query per card would cost 2 + 4 × 5 for four mentees.
        assertThat(transactions(solo)).isEqualTo(7);
        assertThat(transactions(many)).isEqualTo(7);
    }

    private static void mentor(String mentorId, String mentorLogin, List<String> mentees) {
        String mentorToken = tokenFor(mentorLogin, Set.of(Role.MENTOR, Role.TEACHER), SCHOOL);
        for (String mentee : mentees) {
            teacher(mentee, null, "MWS-2", 1, 0);
            ok(coordinator, "mutation($in: DiagnosticInput!) { recordDiagnostic(input: $in) { id } }", Map.of("in", Map.of(
                    "teacherId", mentee, "date", "2025-09-01", "instrument", "Диагностика ЦНППМ",
                    "deficits", List.of(Map.of("competence", "DIGITAL", "level", "MODERATE")))));
            ok(coordinator, "mutation($in: PlanInput!) { createIndividualPlan(input: $in) { id } }", Map.of("in", Map.of(
                    "teacherId", mentee, "title", "ИОМ", "startDate", "2025-09-01", "goals", List.of(
                            Map.of("competence", "DIGITAL", "target", "Цифровые тренажёры", "deadline", "2099-01-01", "status", "DONE"),
                            Map.of("competence", "DIGITAL", "target", "Онлайн-курс", "deadline", "2099-02-01"),
                            Map.of("competence", "DIGITAL", "target", "Отменённая цель", "deadline", "2020-01-01", "status", "CANCELLED")))));
            String relation = ok(coordinator, "mutation($in: MentoringInput!) { proposeMentoring(input: $in) { id } }", Map.of("in", Map.of(
                    "kind", "TEACHER_TEACHER", "mentorId", mentorId, "menteeTeacherId", mentee, "startDate", "2025-01-10")))
                    .path("proposeMentoring").path("id").asText();
            ok(coordinator, "mutation($id: ID!) { changeMentoringStatus(id: $id, status: ACTIVE) { status } }", Map.of("id", relation));
            LocalDate met = mentee.equals("MWS-T4") ? LocalDate.now().minusDays(1) : LocalDate.now().minusWeeks(10);
            ok(mentorToken, "mutation($in: MeetingInput!) { logMeeting(input: $in) { id } }", Map.of("in", Map.of(
                    "relationId", relation, "date", met.toString(), "topic", "Встреча", "privateNotes", "только наставнику")));
        }
    }

    private static void teacher(String alias, String login, String schoolId, int experience, int capacity) {
        TeacherFixtures.create(coordinator, alias, Map.of("fullName", "Педагог " + alias, "schoolId", schoolId,
                "subjects", List.of("Математика"), "experienceYears", experience, "mentorCapacity", capacity,
                "strengths", capacity > 0 ? List.of("DIGITAL") : List.of()), login);
    }

    private static JsonNode ok(String token, String query, Map<String, Object> variables) {
        GraphQlResponse response = graphql(token, query, variables);
        assertThat(response.errorCode()).as(response.body().toString()).isNull();
        return response.data();
    }

    private static int transactions(GraphQlResponse response) {
        return response.body().path("extensions").path("cost").path("databaseTransactions").asInt();
    }
}
