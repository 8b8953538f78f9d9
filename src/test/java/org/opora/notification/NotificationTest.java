package org.opora.notification;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.mentoring.TeacherFixtures;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.OporaTestApp;
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
 * myNotifications over GraphQL: each caller gets the facts about their own work and nobody else's. Region R-NTF: ШНОР
 * school NTF-LOW paired with leader NTF-LEAD, and NTF-OTHER in another municipality.
 */
class NotificationTest {

    static final String REGION = "R-NTF";
    static final String QUERY = "{ myNotifications { id kind title message date link urgent } }";

    static String coordinator;
    static String relationId;
    static String practiceId;

    @BeforeAll
    static void region() {
        new TestRegion(REGION)
                .school("NTF-LOW", "NTF-M1", "СОШ", "село", 200)
                .school("NTF-LEAD", "NTF-M1", "Лицей", "город", 900)
                .school("NTF-OTHER", "NTF-M2", "СОШ", "город", 500)
                .save();
        coordinator = tokenFor("ntf-coord", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null));
        TeacherFixtures.create(coordinator, "NTF-MENTEE", Map.of("fullName", "Орлова Анна Петровна", "schoolId", "NTF-LOW",
                "subjects", List.of("Математика"), "experienceYears", 1), "ntf-mentee");
        TeacherFixtures.create(coordinator, "NTF-MENTOR", Map.of("fullName", "Белов Игорь Сергеевич", "schoolId", "NTF-LEAD",
                "subjects", List.of("Математика"), "experienceYears", 20, "mentorCapacity", 2,
                "strengths", List.of("ASSESSMENT")), "ntf-mentor");
        TeacherFixtures.create(coordinator, "NTF-MENTOR2", Map.of("fullName", "Киселёва Ольга Ивановна", "schoolId", "NTF-LEAD",
                "subjects", List.of("Математика"), "experienceYears", 15, "mentorCapacity", 2,
                "strengths", List.of("ASSESSMENT")), "ntf-mentor2");
        graphql(coordinator, "mutation($in: PlanInput!) { createIndividualPlan(input: $in) { id } }", Map.of("in", Map.of(
                "teacherId", "NTF-MENTEE", "title", "ИОМ", "startDate", LocalDate.now().minusMonths(3).toString(),
                "goals", List.of(
                        Map.of("competence", "ASSESSMENT", "target", "Формирующее оценивание", "deadline",
                                LocalDate.now().minusDays(10).toString()),
                        Map.of("competence", "DIGITAL", "target", "Цифровые тренажёры", "deadline",
                                LocalDate.now().minusDays(5).toString(), "status", "DONE"))))).data();
        relationId = graphql(coordinator, "mutation($in: MentoringInput!) { proposeMentoring(input: $in) { id } }", Map.of("in", Map.of(
                "kind", "TEACHER_TEACHER", "mentorId", "NTF-MENTOR", "menteeTeacherId", "NTF-MENTEE",
                "startDate", LocalDate.now().minusWeeks(10).toString()))).data().path("proposeMentoring").path("id").asText();
        graphql(coordinator, "mutation($id: ID!) { changeMentoringStatus(id: $id, status: ACTIVE) { id } }", Map.of("id", relationId)).data();
        // A pair of the two schools with an activity the leader's side changed yesterday and one overdue.
        try (var session = OporaTestApp.driver().session()) {
            session.run("""
                    MATCH (low:School {id: 'NTF-LOW'}), (lead:School {id: 'NTF-LEAD'})
                    CREATE (p:NetworkPair {id: 'NTF-PAIR', regionId: $r, status: 'ACTIVE'})-[:MENTEE]->(low), (p)-[:LEADER]->(lead)
                    CREATE (p)-[:HAS_ACTIVITY]->(:PlanActivity {id: 'NTF-A1', pairId: 'NTF-PAIR', title: 'Взаимопосещение уроков',
                            status: 'IN_PROGRESS', createdAt: datetime() - duration('P20D'), updatedAt: datetime() - duration('P1D'),
                            updatedBy: 'ntf-lead-admin'})
                    CREATE (p)-[:HAS_ACTIVITY]->(:PlanActivity {id: 'NTF-A2', pairId: 'NTF-PAIR', title: 'Совместный семинар',
                            status: 'PLANNED', deadline: date() - duration('P3D'), createdAt: datetime() - duration('P90D'),
                            updatedAt: datetime() - duration('P90D'), updatedBy: 'ntf-coord'})
                    """, Map.of("r", REGION)).consume();
        }
    }

    @Test
    void eachCallerGetsTheirOwnFacts() {
        String mentee = tokenFor("ntf-mentee", Set.of(Role.TEACHER), new Scope(REGION, "NTF-M1", "NTF-LOW"));
        String mentor = tokenFor("ntf-mentor", Set.of(Role.MENTOR, Role.TEACHER), new Scope(REGION, "NTF-M1", "NTF-LEAD"));
        String mentor2 = tokenFor("ntf-mentor2", Set.of(Role.MENTOR, Role.TEACHER), new Scope(REGION, "NTF-M1", "NTF-LEAD"));
        String methodist = tokenFor("ntf-methodist", Set.of(Role.METHODIST), new Scope(REGION, null, null));
        String otherMethodist = tokenFor("ntf-methodist-x", Set.of(Role.METHODIST), new Scope("R-NTF-X", null, null));
        String lowAdmin = tokenFor("ntf-low-admin", Set.of(Role.SCHOOL_ADMIN), new Scope(REGION, "NTF-M1", "NTF-LOW"));
        String otherAdmin = tokenFor("ntf-other-admin", Set.of(Role.SCHOOL_ADMIN), new Scope(REGION, "NTF-M2", "NTF-OTHER"));

        // The mentee proposes a practice; before the decision the methodist of the region sees it waiting.
        practiceId = graphql(mentee, "mutation($in: PracticeInput!) { createPractice(input: $in) { id } }", Map.of("in", Map.of(
                "title", "Математические бои в 6 классе", "summary", "Командные соревнования по решению задач",
                "description", "Раз в месяц классы решают задачи командами; учитель ведёт разбор решений. ".repeat(3),
                "subjects", List.of("MATHEMATICS"), "grades", List.of(6), "riskFactors", List.of("LOW_MOTIVATION"),
                "authors", List.of("Орлова А. П.")))).data().path("createPractice").path("id").asText();
        graphql(mentee, "mutation($id: ID!) { submitPractice(id: $id) { id } }", Map.of("id", practiceId)).data();
        assertThat(kinds(methodist)).contains("PRACTICE_TO_REVIEW");
        assertThat(kinds(otherMethodist)).doesNotContain("PRACTICE_TO_REVIEW");
        graphql(methodist, "mutation($id: ID!) { rejectPractice(id: $id, reason: \"Добавьте данные до и после\") { id } }",
                Map.of("id", practiceId)).data();

        // Mentee: own overdue goal (not the one done) and the rejection with its reason; never the mentor's reminder.
        List<JsonNode> mine = items(mentee);
        assertThat(messages(mine, "OVERDUE_GOAL")).singleElement().asString().contains("Формирующее оценивание");
        assertThat(messages(mine, "PRACTICE_REVIEWED")).singleElement().asString().contains("Добавьте данные до и после");
        assertThat(messages(mine, "MENTORING_REMINDER")).isEmpty();

        // Mentor: the relation without meetings for 10 weeks and the mentee's overdue goal, linking to the relation.
        List<JsonNode> mentors = items(mentor);
        assertThat(messages(mentors, "MENTORING_REMINDER")).singleElement().asString().contains("Орлова Анна Петровна");
        assertThat(mentors).filteredOn(n -> n.path("kind").asText().equals("OVERDUE_GOAL"))
                .extracting(n -> n.path("link").asText()).containsExactly("/mentoring/" + relationId);
        assertThat(mentors.get(0).path("urgent").asBoolean()).isTrue();
        // Another mentor of the same school: nothing about this relation.
        assertThat(items(mentor2)).isEmpty();

        // School admin of the ШНОР: the partner's change and the overdue activity; another school's admin: nothing.
        assertThat(messages(items(lowAdmin), "PAIR_ACTIVITY")).hasSize(2)
                .anyMatch(m -> m.contains("Взаимопосещение уроков") && m.contains("Школа NTF-LEAD"))
                .anyMatch(m -> m.contains("Совместный семинар"));
        assertThat(items(otherAdmin)).isEmpty();

        // Outsiders: no token is refused before anything is computed; a bad argument names itself.
        assertThat(graphql(null, QUERY, Map.of()).status()).isEqualTo(401);
        assertThat(graphql(mentor, "{ myNotifications(staleWeeks: 0) { id } }", Map.of()).errorMessage()).contains("staleWeeks");
    }

    static List<JsonNode> items(String token) {
        List<JsonNode> list = new ArrayList<>();
        graphql(token, QUERY, Map.of()).data().path("myNotifications").forEach(list::add);
        return list;
    }

    static List<String> kinds(String token) {
        return items(token).stream().map(n -> n.path("kind").asText()).toList();
    }

    static List<String> messages(List<JsonNode> items, String kind) {
        return items.stream().filter(n -> n.path("kind").asText().equals(kind)).map(n -> n.path("message").asText()).toList();
    }
}
