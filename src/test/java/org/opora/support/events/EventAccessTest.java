package org.opora.support.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.mentoring.TeacherFixtures;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.driver;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * Events, registration, attendance, the course catalogue and school roles: every rule of docs/security.md («Events,
 * courses and school roles») with the role that may and the roles that may not, and that a refused call writes nothing.
 */
class EventAccessTest {

    static final String REGION = "R-EVT";
    static final String M1 = "R-EVT-M1";
    static final String M2 = "R-EVT-M2";
    static final String LEADER = "EVT-LEADER";
    static final String LOW = "EVT-LOW";
    static final String SNSU = "EVT-SNSU";
    static final String PLAIN = "EVT-PLAIN";
    static final LocalDate TODAY = LocalDate.now();

    static final String EVENT_FIELDS = "id kind level format title startDate endDate municipalityId hostSchool { id } organiserName "
            + "createdBy capacity registeredCount attendedCount canMarkAttendance";
    static final String REGISTRATION_FIELDS = "id school { id } teacher { id } registeredBy attended markedBy event { id }";

    static String regional;
    static String municipal1;
    static String municipal2;
    static String methodist;
    static String curator2;
    static String leaderAdmin;
    static String lowAdmin;
    static String plainAdmin;
    static String teacher;
    static String foreign;

    @BeforeAll
    static void region() {
        List<Map<String, Object>> schools = new ArrayList<>();
        schools.add(school(LEADER, M1, "LEADER"));
        schools.add(school(LOW, M1, "LOW_RESULTS"));
        schools.add(school(SNSU, M2, "UNFAVOURABLE_CONTEXT"));
        schools.add(school(PLAIN, M1));
        try (var session = driver().session()) {
            session.executeWrite(tx -> tx.run("""
                    MERGE (r:Region {id: $regionId}) SET r.name = 'Тестовый регион событий'
                    WITH r UNWIND $schools AS row
                    MERGE (m:Municipality {id: row.municipalityId}) ON CREATE SET m.name = 'Округ ' + row.municipalityId, m.regionId = $regionId
                    MERGE (r)-[:HAS_MUNICIPALITY]->(m)
                    MERGE (s:School {id: row.id}) SET s += row
                    MERGE (m)-[:HAS_SCHOOL]->(s)""", Map.of("regionId", REGION, "schools", schools)).consume());
        }
        regional = tokenFor("evt-regional", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null));
        municipal1 = tokenFor("evt-muni-1", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(REGION, M1, null));
        municipal2 = tokenFor("evt-muni-2", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(REGION, M2, null));
        methodist = tokenFor("evt-methodist", Set.of(Role.METHODIST), new Scope(REGION, null, null));
        curator2 = tokenFor("evt-curator-2", Set.of(Role.CURATOR), new Scope(REGION, M2, null));
        leaderAdmin = tokenFor("evt-admin-leader", Set.of(Role.SCHOOL_ADMIN), new Scope(REGION, M1, LEADER));
        lowAdmin = tokenFor("evt-admin-low", Set.of(Role.SCHOOL_ADMIN), new Scope(REGION, M1, LOW));
        plainAdmin = tokenFor("evt-admin-plain", Set.of(Role.SCHOOL_ADMIN), new Scope(REGION, M1, PLAIN));
        foreign = tokenFor("evt-foreign", Set.of(Role.REGIONAL_COORDINATOR), new Scope("R-EVT-ELSEWHERE", null, null));
        Map<String, Object> in = new HashMap<>();
        in.put("fullName", "Орлова Мария Ивановна");
        in.put("schoolId", LOW);
        in.put("subjects", List.of("Математика"));
        in.put("experienceYears", 3);
        TeacherFixtures.create(regional, "EVT-T-LOW", in, "evt-teacher-low");
        in.put("fullName", "Белов Пётр Андреевич");
        TeacherFixtures.create(regional, "EVT-T-LOW-2", in, null);
        in.put("fullName", "Соколова Ирина Павловна");
        in.put("schoolId", LEADER);
        TeacherFixtures.create(regional, "EVT-T-LEADER", in, null);
        teacher = tokenFor("evt-teacher-low", Set.of(Role.TEACHER), new Scope(REGION, M1, LOW));
    }

    static Map<String, Object> school(String id, String municipalityId, String... statuses) {
        Map<String, Object> s = new HashMap<>();
        s.put("id", id);
        s.put("name", "Школа " + id);
        s.put("regionId", REGION);
        s.put("municipalityId", municipalityId);
        s.put("statuses", List.of(statuses));
        return s;
    }

    static Map<String, Object> event(String kind, String level, String title) {
        Map<String, Object> in = new HashMap<>();
        in.put("regionId", REGION);
        in.put("kind", kind);
        in.put("level", level);
        in.put("format", "IN_PERSON");
        in.put("title", title);
        in.put("topic", "Работа с дефицитами");
        in.put("targetGroup", "учителя ШНОР и ШНСУ");
        in.put("audience", "SCHOOLS_AND_TEACHERS");
        in.put("startDate", TODAY.toString());
        in.put("organiserName", "Управление образования");
        return in;
    }

    static GraphQlResponse create(String token, Map<String, Object> in) {
        return graphql(token, "mutation($in: SupportEventInput!) { createSupportEvent(input: $in) { " + EVENT_FIELDS + " } }",
                Map.of("in", in));
    }

    static String created(String token, Map<String, Object> in) {
        return create(token, in).data().path("createSupportEvent").path("id").asText();
    }

    static GraphQlResponse registerSchool(String token, String eventId, String schoolId) {
        return graphql(token, "mutation($e: ID!, $s: ID!) { registerSchoolForEvent(eventId: $e, schoolId: $s) { " + REGISTRATION_FIELDS
                + " } }", Map.of("e", eventId, "s", schoolId));
    }

    static GraphQlResponse registerTeacher(String token, String eventId, String teacherId) {
        return graphql(token, "mutation($e: ID!, $t: ID!) { registerTeacherForEvent(eventId: $e, teacherId: $t) { " + REGISTRATION_FIELDS
                + " } }", Map.of("e", eventId, "t", teacherId));
    }

    static GraphQlResponse mark(String token, String registrationId, boolean attended) {
        return graphql(token, "mutation($r: ID!, $a: Boolean!) { markEventAttendance(registrationId: $r, attended: $a) { "
                + REGISTRATION_FIELDS + " } }", Map.of("r", registrationId, "a", attended));
    }

    static long count(String cypher) {
        try (var session = driver().session()) {
            return session.run(cypher, Map.of("regionId", REGION)).single().get(0).asLong();
        }
    }

    static long events() {
        return count("MATCH (e:SupportEvent {regionId: $regionId}) RETURN count(e)");
    }

    static long registrations() {
        return count("MATCH (r:EventRegistration {regionId: $regionId}) RETURN count(r)");
    }

    @Test
    void coordinatorsMethodistsAndCuratorsCreateEventsWithinTheirTerritory() {
        JsonNode regionalEvent = create(regional, event("ROUND_TABLE", "REGIONAL", "Круглый стол региона")).data().path("createSupportEvent");
        assertThat(regionalEvent.path("id").asText()).startsWith("EV-");
        assertThat(regionalEvent.path("createdBy").asText()).isEqualTo("evt-regional");
        assertThat(regionalEvent.path("endDate").asText()).isEqualTo(TODAY.toString());

        Map<String, Object> municipal = event("SEMINAR", "MUNICIPAL", "Семинар округа");
        municipal.put("municipalityId", M1);
        assertThat(create(municipal1, municipal).data().path("createSupportEvent").path("municipalityId").asText()).isEqualTo(M1);
        assertThat(create(methodist, event("WEBINAR", "FEDERAL", "Федеральный вебинар")).data().path("createSupportEvent")
                .path("level").asText()).isEqualTo("FEDERAL");
        Map<String, Object> atSchool = event("SEMINAR", "SCHOOL", "Открытые уроки");
        atSchool.put("hostSchoolId", SNSU);
        atSchool.remove("organiserName");
        JsonNode schoolEvent = create(curator2, atSchool).data().path("createSupportEvent");
        assertThat(schoolEvent.path("municipalityId").asText()).isEqualTo(M2);
        assertThat(schoolEvent.path("organiserName").asText()).isEqualTo("Школа " + SNSU);

        long before = events();
        assertThat(create(municipal1, event("SEMINAR", "REGIONAL", "Не свой уровень")).errorCode()).isEqualTo("FORBIDDEN");
        Map<String, Object> otherMunicipality = event("SEMINAR", "MUNICIPAL", "Чужой округ");
        otherMunicipality.put("municipalityId", M2);
        assertThat(create(municipal1, otherMunicipality).errorCode()).isEqualTo("FORBIDDEN");
        Map<String, Object> curatorElsewhere = event("SEMINAR", "SCHOOL", "Чужая школа");
        curatorElsewhere.put("hostSchoolId", LOW);
        assertThat(create(curator2, curatorElsewhere).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(create(teacher, event("SEMINAR", "REGIONAL", "Учитель")).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(create(foreign, event("SEMINAR", "REGIONAL", "Чужой регион")).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void onlyALeaderSchoolsAdminCreatesAnInternshipAtTheirOwnSchool() {
        Map<String, Object> internship = event("INTERNSHIP", "SCHOOL", "Стажировка на базе школы-лидера");
        internship.put("hostSchoolId", LEADER);
        internship.put("audience", "TEACHERS");
        JsonNode created = create(leaderAdmin, internship).data().path("createSupportEvent");
        assertThat(created.path("hostSchool").path("id").asText()).isEqualTo(LEADER);
        assertThat(created.path("canMarkAttendance").asBoolean()).isTrue();

        long before = events();
        Map<String, Object> seminar = event("SEMINAR", "SCHOOL", "Семинар школы");
        seminar.put("hostSchoolId", LEADER);
        assertThat(create(leaderAdmin, seminar).errorCode()).isEqualTo("FORBIDDEN");
        Map<String, Object> elsewhere = new HashMap<>(internship);
        elsewhere.put("hostSchoolId", PLAIN);
        assertThat(create(leaderAdmin, elsewhere).errorCode()).isEqualTo("FORBIDDEN");
        Map<String, Object> notLeader = new HashMap<>(internship);
        notLeader.put("hostSchoolId", LOW);
        GraphQlResponse refused = create(lowAdmin, notLeader);
        assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(refused.errorMessage()).contains("школа-лидер");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        long before = events();
        Map<String, Object> backwards = event("COURSE", "REGIONAL", "Курсы");
        backwards.put("endDate", TODAY.minusDays(3).toString());
        GraphQlResponse refused = create(regional, backwards);
        assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.errorMessage()).startsWith("endDate: дата окончания");
        Map<String, Object> internship = event("INTERNSHIP", "REGIONAL", "Стажировка без школы");
        GraphQlResponse noHost = create(regional, internship);
        assertThat(noHost.errorMessage()).isEqualTo("hostSchoolId: укажите школу, на базе которой проходит стажировка");
        Map<String, Object> blank = event("SEMINAR", "REGIONAL", "  ");
        assertThat(create(regional, blank).errorMessage()).isEqualTo("title: обязательное поле не заполнено");
        Map<String, Object> zero = event("SEMINAR", "REGIONAL", "Без мест");
        zero.put("capacity", 0);
        assertThat(create(regional, zero).errorMessage()).startsWith("capacity:");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void everybodySignedInInTheRegionSeesItsEventsOutsidersAreForbidden() {
        String id = created(methodist, event("SEMINAR", "REGIONAL", "Видимость"));
        JsonNode page = graphql(teacher, "query($r: ID!) { supportEvents(regionId: $r, filter: {kind: SEMINAR, level: REGIONAL}, first: 200) "
                + "{ totalCount edges { node { id canMarkAttendance } } } }", Map.of("r", REGION)).data().path("supportEvents");
        assertThat(page.path("edges").findValuesAsText("id")).contains(id);
        assertThat(page.path("edges").get(0).path("node").path("canMarkAttendance").asBoolean()).isFalse();
        assertThat(graphql(teacher, "query($id: ID!) { supportEvent(id: $id) { title } }", Map.of("id", id)).data()
                .path("supportEvent").path("title").asText()).isEqualTo("Видимость");
        assertThat(graphql(foreign, "query($r: ID!) { supportEvents(regionId: $r) { totalCount } }", Map.of("r", REGION)).errorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(graphql(foreign, "query($id: ID!) { supportEvent(id: $id) { title } }", Map.of("id", id)).errorCode())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void eventsPageByStartDateWithFiltersAndCursor() {
        Map<String, Object> later = event("WEBINAR", "REGIONAL", "Вебинар позже");
        later.put("format", "ONLINE");
        later.put("startDate", TODAY.plusDays(40).toString());
        Map<String, Object> earlier = new HashMap<>(later);
        earlier.put("title", "Вебинар раньше");
        earlier.put("startDate", TODAY.plusDays(20).toString());
        created(regional, later);
        created(regional, earlier);
        String query = "query($r: ID!, $f: SupportEventFilter, $after: String) { supportEvents(regionId: $r, filter: $f, first: 1, after: $after) "
                + "{ totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } }";
        Map<String, Object> filter = Map.of("format", "ONLINE", "from", TODAY.plusDays(10).toString(), "to", TODAY.plusDays(50).toString());
        JsonNode first = graphql(regional, query, Map.of("r", REGION, "f", filter)).data().path("supportEvents");
        assertThat(first.path("totalCount").asInt()).isEqualTo(2);
        assertThat(first.path("edges").get(0).path("node").path("title").asText()).isEqualTo("Вебинар позже");
        Map<String, Object> next = new HashMap<>(Map.of("r", REGION, "f", filter));
        next.put("after", first.path("pageInfo").path("endCursor").asText());
        JsonNode second = graphql(regional, query, next).data().path("supportEvents");
        assertThat(second.path("edges").get(0).path("node").path("title").asText()).isEqualTo("Вебинар раньше");
        assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void schoolAdminsRegisterTheirSchoolAndTeachersTeachersThemselves() {
        String id = created(regional, event("SEMINAR", "REGIONAL", "Регистрация"));
        JsonNode school = registerSchool(lowAdmin, id, LOW).data().path("registerSchoolForEvent");
        assertThat(school.path("id").asText()).startsWith("ER-");
        assertThat(school.path("registeredBy").asText()).isEqualTo("evt-admin-low");
        assertThat(school.path("teacher").isNull()).isTrue();
        assertThat(registerTeacher(teacher, id, "EVT-T-LOW").data().path("registerTeacherForEvent").path("teacher").path("id").asText())
                .isEqualTo("EVT-T-LOW");
        assertThat(registerTeacher(lowAdmin, id, "EVT-T-LOW-2").data().path("registerTeacherForEvent").path("school").path("id").asText())
                .isEqualTo(LOW);

        long before = registrations();
        assertThat(registerSchool(lowAdmin, id, PLAIN).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(registerSchool(methodist, id, LOW).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(registerSchool(teacher, id, LOW).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(registerTeacher(teacher, id, "EVT-T-LOW-2").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(registerTeacher(lowAdmin, id, "EVT-T-LEADER").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(registerTeacher(foreign, id, "EVT-T-LOW").errorCode()).isEqualTo("FORBIDDEN");
        GraphQlResponse twice = registerSchool(lowAdmin, id, LOW);
        assertThat(twice.errorCode()).isEqualTo("CONFLICT");
        assertThat(twice.errorMessage()).contains("уже зарегистрирована");
        assertThat(registrations()).isEqualTo(before);

        // Who sees which registrations of the event.
        String q = "query($id: ID!) { supportEvent(id: $id) { registeredCount registrations { id school { id } teacher { id } } } }";
        JsonNode all = graphql(regional, q, Map.of("id", id)).data().path("supportEvent");
        assertThat(all.path("registeredCount").asInt()).isEqualTo(3);
        assertThat(all.path("registrations")).hasSize(3);
        assertThat(graphql(lowAdmin, q, Map.of("id", id)).data().path("supportEvent").path("registrations")).hasSize(3);
        JsonNode ownOnly = graphql(teacher, q, Map.of("id", id)).data().path("supportEvent").path("registrations");
        assertThat(ownOnly).hasSize(2); // the school's own registration and the teacher's
        assertThat(ownOnly.get(0).path("teacher").isNull()).isTrue();
        assertThat(ownOnly.get(1).path("teacher").path("id").asText()).isEqualTo("EVT-T-LOW");
        assertThat(graphql(leaderAdmin, q, Map.of("id", id)).data().path("supportEvent").path("registrations")).hasSize(1);
    }

    @Test
    void audienceCapacityAndClosedRegistrationAreRefused() {
        Map<String, Object> small = event("ROUND_TABLE", "REGIONAL", "Малый круглый стол");
        small.put("capacity", 1);
        small.put("audience", "SCHOOLS");
        String id = created(regional, small);
        registerSchool(lowAdmin, id, LOW).data();
        GraphQlResponse full = registerSchool(plainAdmin, id, PLAIN);
        assertThat(full.errorCode()).isEqualTo("CONFLICT");
        assertThat(full.errorMessage()).contains("нет свободных мест (1)");
        assertThat(registerTeacher(teacher, id, "EVT-T-LOW").errorMessage()).startsWith("eventId:").contains("только школы");

        String past = created(regional, event("SEMINAR", "REGIONAL", "Прошедший семинар"));
        try (var session = driver().session()) {
            session.run("MATCH (e:SupportEvent {id: $id}) SET e.startDate = $d, e.endDate = $d",
                    Map.of("id", past, "d", TODAY.minusDays(10))).consume();
        }
        GraphQlResponse closed = registerSchool(plainAdmin, past, PLAIN);
        assertThat(closed.errorCode()).isEqualTo("CONFLICT");
        assertThat(closed.errorMessage()).contains("регистрация закрыта");
    }

    @Test
    void theOrganiserMarksAttendanceOthersAreForbidden() {
        Map<String, Object> municipal = event("SEMINAR", "MUNICIPAL", "Посещение");
        municipal.put("municipalityId", M1);
        String id = created(municipal1, municipal);
        String reg = registerSchool(lowAdmin, id, LOW).data().path("registerSchoolForEvent").path("id").asText();
        String teacherReg = registerTeacher(teacher, id, "EVT-T-LOW").data().path("registerTeacherForEvent").path("id").asText();

        for (String outsider : List.of(lowAdmin, teacher, municipal2, curator2, foreign)) {
            assertThat(mark(outsider, reg, true).errorCode()).as("outsider marks").isEqualTo("FORBIDDEN");
        }
        assertThat(count("MATCH (r:EventRegistration {regionId: $regionId}) WHERE r.attended IS NOT NULL AND r.eventId = '" + id
                + "' RETURN count(r)")).isZero();

        JsonNode marked = mark(municipal1, reg, true).data().path("markEventAttendance");
        assertThat(marked.path("attended").asBoolean()).isTrue();
        assertThat(marked.path("markedBy").asText()).isEqualTo("evt-muni-1");
        assertThat(mark(regional, teacherReg, false).data().path("markEventAttendance").path("attended").asBoolean()).isFalse();
        assertThat(graphql(teacher, "query($id: ID!) { supportEvent(id: $id) { attendedCount } }", Map.of("id", id)).data()
                .path("supportEvent").path("attendedCount").asInt()).isEqualTo(1);

        Map<String, Object> future = event("SEMINAR", "REGIONAL", "Будущий семинар");
        future.put("startDate", TODAY.plusDays(5).toString());
        String futureId = created(regional, future);
        String futureReg = registerSchool(lowAdmin, futureId, LOW).data().path("registerSchoolForEvent").path("id").asText();
        GraphQlResponse early = mark(regional, futureReg, true);
        assertThat(early.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(early.errorMessage()).contains("посещение отмечается с даты начала");
    }

    @Test
    void theHostOfAnInternshipMarksItsAttendance() {
        Map<String, Object> internship = event("INTERNSHIP", "SCHOOL", "Стажировка: смысловое чтение");
        internship.put("hostSchoolId", LEADER);
        internship.put("audience", "TEACHERS");
        String id = created(regional, internship);
        String reg = registerTeacher(teacher, id, "EVT-T-LOW").data().path("registerTeacherForEvent").path("id").asText();
        assertThat(mark(leaderAdmin, reg, true).data().path("markEventAttendance").path("attended").asBoolean()).isTrue();
        assertThat(mark(plainAdmin, reg, false).errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void participationShowsInHistoriesAndIndicators() {
        String id = created(regional, event("SEMINAR", "REGIONAL", "История участия"));
        String reg = registerSchool(lowAdmin, id, LOW).data().path("registerSchoolForEvent").path("id").asText();
        String teacherReg = registerTeacher(teacher, id, "EVT-T-LOW").data().path("registerTeacherForEvent").path("id").asText();
        mark(regional, reg, true).data();
        mark(regional, teacherReg, true).data();

        String teacherQuery = "query { teacher(id: \"EVT-T-LOW\") { eventHistory { id attended event { id title } } } }";
        JsonNode own = graphql(teacher, teacherQuery).data().path("teacher").path("eventHistory");
        assertThat(own.findValuesAsText("id")).contains(teacherReg);
        assertThat(graphql(plainAdmin, teacherQuery).errorCode()).isEqualTo("FORBIDDEN");

        String schoolQuery = "query { school(id: \"" + LOW + "\") { eventHistory { id teacher { id } event { title } } } }";
        JsonNode ofSchool = graphql(lowAdmin, schoolQuery).data().path("school").path("eventHistory");
        assertThat(ofSchool.findValuesAsText("id")).contains(reg, teacherReg);
        JsonNode seenByOtherSchool = graphql(plainAdmin, schoolQuery).data().path("school").path("eventHistory");
        assertThat(seenByOtherSchool.findValuesAsText("id")).contains(reg).doesNotContain(teacherReg);
        assertThat(graphql(foreign, schoolQuery).errorCode()).isEqualTo("FORBIDDEN");

        JsonNode indicators = graphql(regional, "query($r: ID!) { mentoringIndicators(regionId: $r) { eventParticipation "
                + "{ supportSchools attendingSchools shareAttendingSchools attendingTeachers } } }", Map.of("r", REGION))
                .data().path("mentoringIndicators").path("eventParticipation");
        assertThat(indicators.path("supportSchools").asInt()).isEqualTo(2); // LOW (ШНОР) and SNSU (ШНСУ)
        assertThat(indicators.path("attendingSchools").asInt()).isEqualTo(1);
        assertThat(indicators.path("shareAttendingSchools").asDouble()).isEqualTo(0.5);
        assertThat(indicators.path("attendingTeachers").asInt()).isEqualTo(1);
    }

    @Test
    void courseCatalogueAndPlanActivitiesPointingToIt() {
        String course = "mutation($in: CatalogueCourseInput!) { createCatalogueCourse(input: $in) { id title hours competences } }";
        Map<String, Object> in = new HashMap<>(Map.of("regionId", REGION, "title", "Смысловое чтение на всех предметах",
                "provider", "ИРО", "hours", 72, "competences", List.of("FUNCTIONAL_LITERACY", "METHODICAL"), "format", "ONLINE"));
        String courseId = graphql(methodist, course, Map.of("in", in)).data().path("createCatalogueCourse").path("id").asText();
        assertThat(courseId).startsWith("CC-");
        long courses = count("MATCH (c:CatalogueCourse {regionId: $regionId}) RETURN count(c)");
        assertThat(graphql(municipal1, course, Map.of("in", in)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(lowAdmin, course, Map.of("in", in)).errorCode()).isEqualTo("FORBIDDEN");
        Map<String, Object> bad = new HashMap<>(in);
        bad.put("hours", 0);
        assertThat(graphql(methodist, course, Map.of("in", bad)).errorMessage()).startsWith("hours:");
        assertThat(count("MATCH (c:CatalogueCourse {regionId: $regionId}) RETURN count(c)")).isEqualTo(courses);

        JsonNode catalogue = graphql(teacher, "query($r: ID!) { courseCatalogue(regionId: $r, competence: FUNCTIONAL_LITERACY) { id } }",
                Map.of("r", REGION)).data().path("courseCatalogue");
        assertThat(catalogue.findValuesAsText("id")).contains(courseId);
        assertThat(graphql(foreign, "query($r: ID!) { courseCatalogue(regionId: $r) { id } }", Map.of("r", REGION)).errorCode())
                .isEqualTo("FORBIDDEN");

        String activityId = graphql(lowAdmin, """
                mutation { createIndividualPlan(input: {teacherId: "EVT-T-LOW", title: "ИОМ", startDate: "%s",
                  goals: [], activities: [{kind: COURSE, title: "Курсы по смысловому чтению"}]}) { activities { id } } }"""
                .formatted(TODAY), Map.of()).data().path("createIndividualPlan").path("activities").get(0).path("id").asText();
        String link = "mutation($a: ID!, $c: ID) { linkActivityCourse(activityId: $a, courseId: $c) { id catalogueCourse { id hours } } }";
        assertThat(graphql(plainAdmin, link, Map.of("a", activityId, "c", courseId)).errorCode()).isEqualTo("FORBIDDEN");
        JsonNode linked = graphql(teacher, link, Map.of("a", activityId, "c", courseId)).data().path("linkActivityCourse");
        assertThat(linked.path("catalogueCourse").path("hours").asInt()).isEqualTo(72);
        JsonNode plan = graphql(lowAdmin, "query { teacher(id: \"EVT-T-LOW\") { plans { activities { id catalogueCourse { id } } } } }")
                .data().path("teacher").path("plans");
        assertThat(plan.findValuesAsText("id")).contains(courseId);
        Map<String, Object> unlink = new HashMap<>();
        unlink.put("a", activityId);
        unlink.put("c", null);
        assertThat(graphql(teacher, link, unlink).data().path("linkActivityCourse").path("catalogueCourse").isNull()).isTrue();
    }

    @Test
    void coordinatorsGiveSchoolRolesWithinTheirTerritory() {
        String set = "mutation($s: ID!, $r: SchoolSupportRole!, $on: Boolean!) { setSchoolSupportRole(schoolId: $s, role: $r, assigned: $on) "
                + "{ id supportRoles { role roleLabel assignedBy } } }";
        JsonNode hub = graphql(regional, set, Map.of("s", SNSU, "r", "RESOURCE_CENTRE", "on", true)).data().path("setSchoolSupportRole");
        assertThat(hub.path("supportRoles").get(0).path("roleLabel").asText()).isEqualTo("Ресурсный центр");
        assertThat(graphql(municipal1, set, Map.of("s", PLAIN, "r", "INTERNSHIP_SITE", "on", true)).data()
                .path("setSchoolSupportRole").path("supportRoles").get(0).path("assignedBy").asText()).isEqualTo("evt-muni-1");

        long before = count("MATCH (x:SchoolRole {regionId: $regionId}) RETURN count(x)");
        assertThat(graphql(municipal1, set, Map.of("s", SNSU, "r", "HUB_SCHOOL", "on", true)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(leaderAdmin, set, Map.of("s", LEADER, "r", "HUB_SCHOOL", "on", true)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(methodist, set, Map.of("s", LEADER, "r", "HUB_SCHOOL", "on", true)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(foreign, set, Map.of("s", LEADER, "r", "HUB_SCHOOL", "on", true)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(count("MATCH (x:SchoolRole {regionId: $regionId}) RETURN count(x)")).isEqualTo(before);

        // An internship site that is not a leader by status may host internships.
        Map<String, Object> internship = event("INTERNSHIP", "SCHOOL", "Стажировка на стажировочной площадке");
        internship.put("hostSchoolId", PLAIN);
        assertThat(create(plainAdmin, internship).data().path("createSupportEvent").path("hostSchool").path("id").asText()).isEqualTo(PLAIN);

        JsonNode listed = graphql(teacher, "query($r: ID!) { schoolsWithRole(regionId: $r, role: RESOURCE_CENTRE) { school { id } role } }",
                Map.of("r", REGION)).data().path("schoolsWithRole");
        assertThat(listed.findValuesAsText("id")).containsExactly(SNSU);
        assertThat(graphql(foreign, "query($r: ID!) { schoolsWithRole(regionId: $r) { role } }", Map.of("r", REGION)).errorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(graphql(regional, set, Map.of("s", SNSU, "r", "RESOURCE_CENTRE", "on", false)).data()
                .path("setSchoolSupportRole").path("supportRoles")).isEmpty();
    }
}
