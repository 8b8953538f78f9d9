package org.opora.practice;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.practice.PracticeFixtures.APPROVE;
import static org.opora.practice.PracticeFixtures.CREATE;
import static org.opora.practice.PracticeFixtures.GET;
import static org.opora.practice.PracticeFixtures.approved;
import static org.opora.practice.PracticeFixtures.REJECT;
import static org.opora.practice.PracticeFixtures.SUBMIT;
import static org.opora.practice.PracticeFixtures.UPDATE;
import static org.opora.practice.PracticeFixtures.call;
import static org.opora.practice.PracticeFixtures.create;
import static org.opora.practice.PracticeFixtures.ids;
import static org.opora.practice.PracticeFixtures.input;
import static org.opora.practice.PracticeFixtures.school;
import static org.opora.practice.PracticeFixtures.search;
import static org.opora.testing.OporaTestApp.adminToken;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/** The review workflow and who may do what, over GraphQL. Works in region R-PW. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PracticeWorkflowTest {

    static final String REGION = "R-PW";

    String author;
    String colleague;
    String methodist;
    String municipalCoordinator;
    String otherMethodist;
    String otherSchoolAdmin;

    @BeforeAll
    void users() {
        school(REGION, "R-PW-M1", "R-PW-S1", "Школа автора", "СОШ", "село", 0.3);
        school(REGION, "R-PW-M2", "R-PW-S2", "Школа соседнего района", "ООШ", "село", 0.4);
        author = tokenFor("pw-author", Set.of(Role.TEACHER), new Scope(REGION, "R-PW-M1", "R-PW-S1"));
        colleague = tokenFor("pw-colleague", Set.of(Role.TEACHER), new Scope(REGION, "R-PW-M1", "R-PW-S1"));
        methodist = tokenFor("pw-methodist", Set.of(Role.METHODIST), new Scope(REGION, null, null));
        municipalCoordinator = tokenFor("pw-coordinator-m2", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(REGION, "R-PW-M2", null));
        otherMethodist = tokenFor("pw-other-methodist", Set.of(Role.METHODIST), new Scope("R-PW-OTHER", null, null));
        otherSchoolAdmin = tokenFor("pw-admin-s2", Set.of(Role.SCHOOL_ADMIN), new Scope(REGION, "R-PW-M2", "R-PW-S2"));
    }

    @Test
    void fullCycleWithRejectionAndResubmission() {
        Map<String, Object> draft = new HashMap<>(Map.of("title", "  Кружок робототехники  "));
        JsonNode created = create(author, draft);
        String id = created.get("id").asText();
        assertThat(created.get("status").asText()).isEqualTo("DRAFT");
        assertThat(created.get("title").asText()).isEqualTo("Кружок робототехники");
        assertThat(created.get("authorSchool").get("id").asText()).isEqualTo("R-PW-S1"); // the author's school by default
        assertThat(created.get("version").asInt()).isEqualTo(1);

        // Incomplete: submission lists what is missing.
        var incomplete = graphql(author, SUBMIT, Map.of("id", id));
        assertThat(incomplete.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(incomplete.errorMessage()).contains("не указаны факторы риска").contains("полное описание короче 100 символов");

        Map<String, Object> complete = input("Кружок робототехники", "Дети собирают роботов из конструкторов и программируют их.",
                List.of("INFORMATICS", "TECHNOLOGY"), List.of(5, 6, 7), List.of("LOW_MOTIVATION"), null);
        // A colleague of the same school cannot edit someone else's draft, nor see it.
        assertThat(graphql(colleague, UPDATE, Map.of("id", id, "in", complete)).errorCode()).isEqualTo("NOT_FOUND");
        call(author, UPDATE, "updatePractice", Map.of("id", id, "in", complete));
        assertThat(call(author, SUBMIT, "submitPractice", Map.of("id", id)).get("status").asText()).isEqualTo("SUBMITTED");

        // Only reviewers decide; a teacher is refused by role, another region's methodist does not even see it,
        // a municipal coordinator of another municipality is outside the territory.
        assertThat(graphql(author, APPROVE, Map.of("id", id)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(otherMethodist, APPROVE, Map.of("id", id)).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(graphql(municipalCoordinator, APPROVE, Map.of("id", id)).errorCode()).isEqualTo("NOT_FOUND");

        // Rejection needs a reason, which the author then sees.
        assertThat(graphql(methodist, REJECT, Map.of("id", id, "r", " ")).errorCode()).isEqualTo("BAD_USER_INPUT");
        JsonNode rejected = call(methodist, REJECT, "rejectPractice",
                Map.of("id", id, "r", "Добавьте данные о результатах: сколько детей стало участвовать в конкурсах."));
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(graphql(author, GET, Map.of("id", id)).data().get("practice").get("rejectionReason").asText())
                .startsWith("Добавьте данные");
        assertThat(graphql(methodist, APPROVE, Map.of("id", id)).errorCode()).isEqualTo("CONFLICT");

        // Fix, resubmit, approve.
        complete.put("evidence", List.of(Map.of("metric", "Доля участников конкурсов по робототехнике", "before", 3.0, "after", 12.0,
                "unit", "%", "yearBefore", 2023, "yearAfter", 2024)));
        call(author, UPDATE, "updatePractice", Map.of("id", id, "in", complete));
        JsonNode resubmitted = call(author, SUBMIT, "submitPractice", Map.of("id", id));
        assertThat(resubmitted.get("rejectionReason").isNull()).isTrue();
        JsonNode approved = call(methodist, APPROVE, "approvePractice", Map.of("id", id));
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("publishedAt").asText()).isEqualTo(LocalDate.now().toString());
        assertThat(approved.get("evidenceLevel").asText()).isEqualTo("MEASURED");
        assertThat(graphql(methodist, APPROVE, Map.of("id", id)).errorCode()).isEqualTo("CONFLICT");

        // Approved: the author may no longer change it; a reviewer may, with optimistic locking.
        assertThat(graphql(author, UPDATE, Map.of("id", id, "in", complete)).errorCode()).isEqualTo("FORBIDDEN");
        int version = approved.get("version").asInt();
        assertThat(graphql(methodist, UPDATE, Map.of("id", id, "in", complete, "v", version - 1)).errorCode()).isEqualTo("CONFLICT");
        assertThat(call(methodist, UPDATE, "updatePractice", Map.of("id", id, "in", complete, "v", version)).get("version").asInt())
                .isEqualTo(version + 1);
        assertThat(graphql(author, "mutation($id: ID!) { deletePractice(id: $id) }", Map.of("id", id)).errorCode()).isEqualTo("FORBIDDEN");

        // Everyone signed in finds it now.
        String stranger = tokenFor("pw-stranger", Set.of(Role.TEACHER), new Scope("R-PW-ELSEWHERE", null, null));
        assertThat(ids(search(stranger, "робототехника", Map.of("regionId", REGION)))).containsExactly(id);
    }

    @Test
    void reviewersCannotApproveTheirOwnPractice() {
        String id = create(methodist, input("Методический десант в сельские школы",
                "Методисты выезжают в школы района и проводят методические дни с разбором уроков.",
                List.of("SCHOOL_MANAGEMENT"), List.of(5, 6, 7, 8, 9), List.of("LOW_TEACHER_QUALIFICATION"), "R-PW-S1"))
                .get("id").asText();
        call(methodist, SUBMIT, "submitPractice", Map.of("id", id));
        var own = graphql(methodist, APPROVE, Map.of("id", id));
        assertThat(own.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(own.errorMessage()).contains("собственную");
    }

    @Test
    void authorSchoolMustBeInTheCallersTerritoryAndInputIsValidated() {
        Map<String, Object> elsewhere = input("Чужая школа", "Описание практики для школы другого района, которое достаточно длинное.",
                List.of("MATHEMATICS"), List.of(5), List.of("LOW_MOTIVATION"), "R-PW-S2");
        assertThat(graphql(author, CREATE, Map.of("in", elsewhere)).errorCode()).isEqualTo("FORBIDDEN");
        Map<String, Object> unknownSchool = new HashMap<>(elsewhere);
        unknownSchool.put("authorSchoolId", "R-PW-NOPE");
        assertThat(graphql(methodist, CREATE, Map.of("in", unknownSchool)).errorCode()).isEqualTo("NOT_FOUND");
        Map<String, Object> badGrade = new HashMap<>(elsewhere);
        badGrade.put("authorSchoolId", "R-PW-S1");
        badGrade.put("grades", List.of(0, 12));
        assertThat(graphql(author, CREATE, Map.of("in", badGrade)).errorCode()).isEqualTo("BAD_USER_INPUT");
        Map<String, Object> badEnum = new HashMap<>(badGrade);
        badEnum.put("grades", List.of(5));
        badEnum.put("riskFactors", List.of("BAD_WEATHER"));
        assertThat(graphql(author, CREATE, Map.of("in", badEnum)).errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(graphql(author, CREATE, Map.of("in", Map.of("title", " "))).errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void ownDraftsCanBeDeletedAndDisappearFromSearch() {
        String id = create(author, input("Черновик на удаление: лыжная секция",
                "Лыжная секция для подростков группы риска: тренировки три раза в неделю.",
                List.of("PHYSICAL_EDUCATION"), List.of(7, 8), List.of("DEVIANT_BEHAVIOUR"), null)).get("id").asText();
        assertThat(ids(search(author, "лыжная секция", Map.of("regionId", REGION)))).containsExactly(id);
        assertThat(graphql(colleague, "mutation($id: ID!) { deletePractice(id: $id) }", Map.of("id", id)).errorCode())
                .isEqualTo("NOT_FOUND");
        assertThat(graphql(author, "mutation($id: ID!) { deletePractice(id: $id) }", Map.of("id", id)).data()
                .get("deletePractice").asBoolean()).isTrue();
        assertThat(ids(search(author, "лыжная секция", Map.of("regionId", REGION)))).isEmpty();
        assertThat(graphql(author, GET, Map.of("id", id)).errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void adoptionIsRecordedForApprovedPracticesByTheSchoolsOwnPeople() {
        String id = create(author, input("Читательские пятиминутки", "Каждый урок начинается с пяти минут чтения короткого текста с вопросами.",
                List.of("READING_LITERACY"), List.of(3, 4), List.of("LEARNING_DIFFICULTIES"), null)).get("id").asText();
        String adopt = "mutation($p: ID!, $s: ID!, $d: Date!) { recordPracticeAdoption(practiceId: $p, schoolId: $s, date: $d) "
                + "{ school { id name } date outcome { change improved } } }";
        assertThat(graphql(otherSchoolAdmin, adopt, Map.of("p", id, "s", "R-PW-S2", "d", "2024-09-01")).errorCode()).isEqualTo("NOT_FOUND");
        call(author, SUBMIT, "submitPractice", Map.of("id", id));
        call(methodist, APPROVE, "approvePractice", Map.of("id", id));
        // The administrator of another school cannot record for the author's school; for their own school they can.
        assertThat(graphql(otherSchoolAdmin, adopt, Map.of("p", id, "s", "R-PW-S1", "d", "2024-09-01")).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(otherSchoolAdmin, adopt, Map.of("p", id, "s", "R-PW-S2", "d", "2999-01-01")).errorCode())
                .isEqualTo("BAD_USER_INPUT");
        JsonNode adoption = call(otherSchoolAdmin, adopt, "recordPracticeAdoption", Map.of("p", id, "s", "R-PW-S2", "d", "2024-09-01"));
        assertThat(adoption.get("school").get("id").asText()).isEqualTo("R-PW-S2");
        assertThat(adoption.get("outcome").isNull()).isTrue(); // no results in this test region
        JsonNode practice = graphql(author, "query($id: ID!) { practice(id: $id) { adoptionCount adoptions { school { id } date } } }",
                Map.of("id", id)).data().get("practice");
        assertThat(practice.get("adoptionCount").asInt()).isEqualTo(1);
        assertThat(practice.get("adoptions").get(0).get("date").asText()).isEqualTo("2024-09-01");
    }

    @Test
    void aTeacherRecordsAnAdoptionForTheirOwnSchoolOnly() {
        String id = approved(author, methodist, input("Математические бои в параллели", "Команды классов решают задачи "
                + "и защищают решения перед жюри из старшеклассников раз в месяц.", List.of("MATHEMATICS"), List.of(6, 7),
                List.of("LOW_MOTIVATION"), null));
        String teacher = tokenFor("pw-adopting-teacher", Set.of(Role.TEACHER), new Scope(REGION, "R-PW-M1", "R-PW-S1"));
        String adopt = "mutation($p: ID!, $s: ID!, $n: String) { recordPracticeAdoption(practiceId: $p, schoolId: $s, "
                + "date: \"2025-02-03\", note: $n) { school { id } date note } }";
        Map<String, Object> ownSchool = Map.of("p", id, "s", "R-PW-S1", "n", "  Начали с 6-х классов  ");
        // A teacher login not linked to a teacher record speaks for no school.
        var unlinked = graphql(teacher, adopt, ownSchool);
        assertThat(unlinked.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(unlinked.errorMessage()).contains("педагог этой школы");
        assertThat(adoptingSchools(id)).isEmpty();

        String admin = adminToken();
        String record = graphql(admin, "mutation($in: TeacherInput!) { createTeacher(input: $in) { id } }",
                Map.of("in", Map.of("fullName", "Сидорова Анна Петровна", "schoolId", "R-PW-S1", "subjects", List.of("Математика"))))
                .data().get("createTeacher").get("id").asText();
        graphql(admin, "mutation($t: ID!, $u: String!) { linkTeacherLogin(teacherId: $t, username: $u) { id } }",
                Map.of("t", record, "u", "pw-adopting-teacher")).data();
        // Linked: another school stays out of reach (nothing written), the own school is recorded.
        assertThat(graphql(teacher, adopt, Map.of("p", id, "s", "R-PW-S2")).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(adoptingSchools(id)).isEmpty();
        JsonNode adoption = call(teacher, adopt, "recordPracticeAdoption", ownSchool);
        assertThat(adoption.get("school").get("id").asText()).isEqualTo("R-PW-S1");
        assertThat(adoption.get("date").asText()).isEqualTo("2025-02-03");
        assertThat(adoption.get("note").asText()).isEqualTo("Начали с 6-х классов");
        assertThat(adoptingSchools(id)).containsExactly("R-PW-S1");
    }

    private List<String> adoptingSchools(String practiceId) {
        JsonNode adoptions = graphql(author, "query($id: ID!) { practice(id: $id) { adoptions { school { id } } } }",
                Map.of("id", practiceId)).data().get("practice").get("adoptions");
        return adoptions.findValuesAsText("id");
    }

    @Test
    void vocabularyCarriesRussianLabels() {
        JsonNode vocabulary = graphql(author, "{ practiceVocabulary { riskFactors { code label } levels { code label } } }")
                .data().get("practiceVocabulary");
        assertThat(vocabulary.get("riskFactors")).hasSize(11);
        assertThat(vocabulary.toString()).contains("Дефицит педагогических кадров").contains("Муниципальный уровень");
    }
}
