package org.opora.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;
import org.opora.testing.OporaTestApp;
import org.opora.testing.TestRegion;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * The security matrix: every mutation and every read by id (and by region) of the API, called by every role on its
 * own territory and on another one, with the exact outcome. A refused write must leave the graph as it was (read back
 * from Neo4j). Plus the takeover attempts of the security issue (create on an existing id, a login linked across
 * schools, another region's municipality in an upload). User management (saveUser) is covered elsewhere.
 *
 * <p>The fixture region R-AM has municipality AM-M1 with schools AM-S1 (ШНОР), AM-S2 (leader) and AM-S4, and
 * municipality AM-M2 with AM-S3; R-AMX is another region. The target records all live in AM-S1 / AM-M1 / R-AM.
 * "_X" callers hold the same role on another territory: RC_X, METHODIST_X and CURATOR_X another region, MC_X the other
 * municipality, SA_X and TEACHER_X another school of the same municipality, MENTOR_X a mentor of AM-S3 who does not
 * mentor the target teacher. MENTOR mentors the target teacher T1 from AM-S2; TEACHER is T1's own login.
 */
class AccessMatrixTest {

    enum Caller {
        ADMIN, RC, RC_X, MC, MC_X, SA, SA_X, METHODIST, METHODIST_X, CURATOR, CURATOR_X, MENTOR, MENTOR_X, TEACHER, TEACHER_X,
        ANONYMOUS
    }

    /** ALLOWED means no error at all; the others are the error's extensions.code. */
    enum Outcome { ALLOWED, FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, BAD_USER_INPUT }

    static final String R = "R-AM";
    static final String RX = "R-AMX";
    static final Scope S1 = new Scope(R, "AM-M1", "AM-S1");

    static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);
    static final AtomicInteger COUNTER = new AtomicInteger();

    static String t1;
    static String mentor;
    static String spareMentor;
    static String goal;
    static String relation;
    static String association;
    static String pair;
    static String activity;
    static String proposalM1;
    static String proposalM2;
    static String proposalRegion;
    static String run;
    static String draft;
    static String approved;

    @BeforeAll
    static void fixture() {
        TestRegion region = new TestRegion(R)
                .school("AM-S1", "AM-M1", "СОШ", "село", 300)
                .school("AM-S2", "AM-M1", "Лицей", "город", 900)
                .school("AM-S4", "AM-M1", "СОШ", "город", 500)
                .school("AM-S3", "AM-M2", "СОШ", "город", 400);
        double[] means = {3.2, 4.4, 3.9, 3.8};
        String[] ids = {"AM-S1", "AM-S2", "AM-S4", "AM-S3"};
        for (int year = 2022; year <= 2024; year++) {
            for (int i = 0; i < ids.length; i++) {
                region.result(ids[i], year, "ВПР", "Русский язык", 4, means[i]);
                region.result(ids[i], year, "ВПР", "Математика", 4, means[i] - 0.1);
                // Context indicators, so that pair scoring compares the schools.
                region.indicator(ids[i], year, "low_income_share", 0.1 + 0.05 * i);
                region.indicator(ids[i], year, "staff_shortage_share", 0.2 - 0.03 * i);
            }
        }
        region.save();
        new TestRegion(RX).school("AMX-S1", "AMX-M1", "СОШ", "город", 400).save();

        TOKENS.put(Caller.ADMIN, tokenFor("am-admin", Set.of(Role.ADMIN), Scope.EVERYWHERE));
        TOKENS.put(Caller.RC, tokenFor("am-rc", Set.of(Role.REGIONAL_COORDINATOR), new Scope(R, null, null)));
        TOKENS.put(Caller.RC_X, tokenFor("am-rc-x", Set.of(Role.REGIONAL_COORDINATOR), new Scope(RX, null, null)));
        TOKENS.put(Caller.MC, tokenFor("am-mc", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(R, "AM-M1", null)));
        TOKENS.put(Caller.MC_X, tokenFor("am-mc-x", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(R, "AM-M2", null)));
        TOKENS.put(Caller.SA, tokenFor("am-sa", Set.of(Role.SCHOOL_ADMIN), S1));
        TOKENS.put(Caller.SA_X, tokenFor("am-sa-x", Set.of(Role.SCHOOL_ADMIN), new Scope(R, "AM-M1", "AM-S4")));
        TOKENS.put(Caller.METHODIST, tokenFor("am-meth", Set.of(Role.METHODIST), new Scope(R, null, null)));
        TOKENS.put(Caller.METHODIST_X, tokenFor("am-meth-x", Set.of(Role.METHODIST), new Scope(RX, null, null)));
        TOKENS.put(Caller.CURATOR, tokenFor("am-cur", Set.of(Role.CURATOR), new Scope(R, null, null)));
        TOKENS.put(Caller.CURATOR_X, tokenFor("am-cur-x", Set.of(Role.CURATOR), new Scope(RX, null, null)));
        TOKENS.put(Caller.MENTOR, tokenFor("am-mentor", Set.of(Role.MENTOR, Role.TEACHER), new Scope(R, "AM-M1", "AM-S2")));
        TOKENS.put(Caller.MENTOR_X, tokenFor("am-mentor-x", Set.of(Role.MENTOR, Role.TEACHER), new Scope(R, "AM-M2", "AM-S3")));
        TOKENS.put(Caller.TEACHER, tokenFor("am-teacher", Set.of(Role.TEACHER), S1));
        TOKENS.put(Caller.TEACHER_X, tokenFor("am-teacher-x", Set.of(Role.TEACHER), new Scope(R, "AM-M1", "AM-S4")));

        // An identification run first (it rewrites the statuses), then the statuses the pairs need.
        run = admin("""
                mutation { runIdentification(input: {regionId: "R-AM", year: 2024, years: 3, methods: [BELOW_REGIONAL_MEAN]}) { id } }""",
                Map.of()).path("runIdentification").path("id").asText();
        cypher("MATCH (s:School {id: 'AM-S1'}) SET s.statuses = ['LOW_RESULTS']", Map.of());
        cypher("MATCH (s:School {id: 'AM-S2'}) SET s.statuses = ['LEADER']", Map.of());

        t1 = teacher("AM-S1", 0);
        mentor = teacher("AM-S2", 5);
        spareMentor = teacher("AM-S2", 20);
        String mentorX = teacher("AM-S3", 5);
        String t4 = teacher("AM-S4", 0);
        link(t1, "am-teacher");
        link(mentor, "am-mentor");
        link(mentorX, "am-mentor-x");
        link(t4, "am-teacher-x");
        admin("""
                mutation($t: ID!) { recordDiagnostic(input: {teacherId: $t, date: "2025-03-01", instrument: "Диагностика ЦНППМ",
                  deficits: [{competence: ASSESSMENT, level: CRITICAL}]}) { id } }""", Map.of("t", t1));
        goal = admin("""
                mutation($t: ID!) { createIndividualPlan(input: {teacherId: $t, title: "ИОМ", startDate: "2025-01-10",
                  goals: [{competence: ASSESSMENT, target: "Формирующее оценивание", deadline: "2025-12-01"}]}) { goals { id } } }""",
                Map.of("t", t1)).path("createIndividualPlan").path("goals").path(0).path("id").asText();
        relation = admin("""
                mutation($m: ID!, $t: ID!) { proposeMentoring(input: {kind: TEACHER_TEACHER, mentorId: $m, menteeTeacherId: $t}) { id } }""",
                Map.of("m", mentor, "t", t1)).path("proposeMentoring").path("id").asText();
        admin("mutation($id: ID!) { changeMentoringStatus(id: $id, status: ACTIVE) { id } }", Map.of("id", relation));
        association = admin("""
                mutation { createAssociation(input: {kind: METHODOLOGICAL_ASSOCIATION, name: "РМО учителей математики",
                  level: MUNICIPAL, subject: "Математика", regionId: "R-AM", municipalityId: "AM-M1"}) { id } }""", Map.of())
                .path("createAssociation").path("id").asText();

        pair = admin("mutation { createNetworkPair(input: {menteeId: \"AM-S1\", leaderId: \"AM-S2\"}) { id } }", Map.of())
                .path("createNetworkPair").path("id").asText();
        activity = addActivity();
        proposalM1 = proposal("\"AM-M1\"");
        proposalM2 = proposal("\"AM-M2\"");
        proposalRegion = proposal("null");

        draft = practice("Черновик практики");
        approved = practice("Одобренная практика");
        call(Caller.TEACHER, "mutation($id: ID!) { submitPractice(id: $id) { id } }", Map.of("id", approved));
        call(Caller.METHODIST, "mutation($id: ID!) { approvePractice(id: $id) { id } }", Map.of("id", approved));
    }

    // ------------------------------------------------------------------------------------------------ the matrix

    @TestFactory
    Stream<DynamicContainer> everyMutationAndReadByEveryRoleOnOwnAndOtherTerritory() {
        return rows().stream().map(row -> DynamicContainer.dynamicContainer(row.name,
                EnumSet.allOf(Caller.class).stream().map(caller -> DynamicTest.dynamicTest(caller.name(), () -> check(row, caller)))));
    }

    private static void check(Row row, Caller caller) {
        Map<String, Object> variables = row.setup.get();
        String before = probe(row, variables);
        GraphQlResponse response = graphql(TOKENS.get(caller), row.query, variables);
        Outcome expected = row.expected(caller);
        assertThat(outcome(response)).as("%s by %s: %s", row.name, caller, response.body()).isEqualTo(expected);
        if (expected != Outcome.ALLOWED && row.probe != null) {
            assertThat(probe(row, variables)).as("%s refused for %s must write nothing", row.name, caller).isEqualTo(before);
        }
        if (row.cleanup != null) {
            cypher(row.cleanup, variables);
        }
    }

    private static Outcome outcome(GraphQlResponse response) {
        String code = response.errorCode();
        return code == null ? Outcome.ALLOWED : Outcome.valueOf(code);
    }

    static final EnumSet<Caller> MANAGERS = EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC, Caller.SA);
    static final EnumSet<Caller> PERSONAL = EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC, Caller.SA, Caller.MENTOR, Caller.TEACHER);
    /** Methodists and curators of the territory run deficit diagnostics (issue 15): record and read diagnostics only. */
    static final EnumSet<Caller> DIAGNOSTICIANS = EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC, Caller.SA, Caller.METHODIST,
            Caller.CURATOR);
    static final EnumSet<Caller> DIAGNOSTIC_READERS = EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC, Caller.SA, Caller.MENTOR,
            Caller.TEACHER, Caller.METHODIST, Caller.CURATOR);
    static final EnumSet<Caller> COORDINATORS = EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC);
    static final EnumSet<Caller> ASSOCIATION_EDITORS = EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC, Caller.METHODIST);
    static final EnumSet<Caller> REGION_ANALYSTS = EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC, Caller.MC_X, Caller.METHODIST,
            Caller.CURATOR);
    static final EnumSet<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));
    static final EnumSet<Caller> IN_REGION = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS, Caller.RC_X, Caller.METHODIST_X,
            Caller.CURATOR_X));
    static final EnumSet<Caller> PRACTICE_OWNERS = EnumSet.of(Caller.ADMIN, Caller.TEACHER, Caller.SA);
    static final EnumSet<Caller> REVIEWERS = EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC, Caller.METHODIST);
    static final EnumSet<Caller> REVIEWER_ROLES_ELSEWHERE = EnumSet.of(Caller.RC_X, Caller.MC_X, Caller.METHODIST_X);

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // ------------------------------------------------------------------------------------ mentoring: writes
        rows.add(write("createTeacher", () -> Map.of("in", Map.of("fullName", "Новый педагог", "schoolId", "AM-S1",
                        "subjects", List.of("Математика"))),
                "mutation($in: TeacherInput!) { createTeacher(input: $in) { id } }",
                "MATCH (t:Teacher {schoolId: 'AM-S1'}) RETURN count(t)", MANAGERS));
        rows.add(write("linkTeacherLogin", () -> {
                    String login = "am-link-" + COUNTER.incrementAndGet();
                    tokenFor(login, Set.of(Role.TEACHER), S1);
                    return Map.of("t", teacher("AM-S1", 0), "u", login);
                }, "mutation($t: ID!, $u: String!) { linkTeacherLogin(teacherId: $t, username: $u) { id } }",
                "MATCH (t:Teacher {id: $t}) RETURN coalesce(t.username, '-') + '/' + COUNT { (t)-[:LOGIN_AUDIT]->() }", MANAGERS));
        rows.add(write("unlinkTeacherLogin", () -> {
                    String login = "am-unlink-" + COUNTER.incrementAndGet();
                    tokenFor(login, Set.of(Role.TEACHER), S1);
                    String teacher = teacher("AM-S1", 0);
                    link(teacher, login);
                    return Map.of("t", teacher);
                }, "mutation($t: ID!) { unlinkTeacherLogin(teacherId: $t) { id } }",
                "MATCH (t:Teacher {id: $t}) RETURN coalesce(t.username, '-') + '/' + COUNT { (t)-[:LOGIN_AUDIT]->() }", MANAGERS));
        rows.add(write("recordDiagnostic", () -> Map.of("t", t1), """
                        mutation($t: ID!) { recordDiagnostic(input: {teacherId: $t, date: "2025-04-01", instrument: "Диагностика",
                          deficits: [{competence: DIGITAL, level: MINOR}]}) { id } }""",
                "MATCH (:Teacher {id: $t})-[:HAS_DIAGNOSTIC]->(d) RETURN count(d)", DIAGNOSTICIANS));
        rows.add(write("createIndividualPlan", () -> Map.of("t", t1), """
                        mutation($t: ID!) { createIndividualPlan(input: {teacherId: $t, title: "ИОМ-2", startDate: "2025-02-01",
                          goals: []}) { id } }""",
                "MATCH (:Teacher {id: $t})-[:HAS_PLAN]->(p) RETURN count(p)", PERSONAL));
        rows.add(write("setGoalStatus", () -> {
                    cypher("MATCH (g:PlanGoal {id: $g}) SET g.status = 'PLANNED'", Map.of("g", goal));
                    return Map.of("g", goal);
                }, "mutation($g: ID!) { setGoalStatus(goalId: $g, status: DONE) { status } }",
                "MATCH (g:PlanGoal {id: $g}) RETURN g.status", PERSONAL));
        rows.add(write("recordCourseCompletion", () -> Map.of("t", t1), """
                        mutation($t: ID!) { recordCourseCompletion(input: {teacherId: $t, title: "Курс", completedOn: "2025-03-01"}) { id } }""",
                "MATCH (:Teacher {id: $t})-[:COMPLETED_COURSE]->(c) RETURN count(c)", PERSONAL));
        rows.add(write("proposeMentoring", () -> Map.of("m", spareMentor, "t", teacher("AM-S1", 0)), """
                        mutation($m: ID!, $t: ID!) { proposeMentoring(input: {kind: TEACHER_TEACHER, mentorId: $m, menteeTeacherId: $t}) { id } }""",
                "MATCH (:Teacher {id: $t})<-[:MENTEE]-(r) RETURN count(r)", MANAGERS));
        rows.add(write("changeMentoringStatus", () -> {
                    String id = "MR-AM-" + COUNTER.incrementAndGet();
                    cypher("""
                            MATCH (m:Teacher {id: $m}), (t:Teacher {id: $t})
                            CREATE (r:MentoringRelation {id: $id, kind: 'TEACHER_TEACHER', status: 'PENDING', startDate: date('2025-01-01'),
                                    regionId: 'R-AM', municipalityId: 'AM-M1', schoolId: 'AM-S1', createdBy: 'fixture'})
                            CREATE (r)-[:MENTOR]->(m), (r)-[:MENTEE]->(t)""", Map.of("id", id, "m", mentor, "t", t1));
                    return Map.of("id", id);
                }, "mutation($id: ID!) { changeMentoringStatus(id: $id, status: CANCELLED) { status } }",
                "MATCH (r:MentoringRelation {id: $id}) RETURN r.status",
                EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC, Caller.SA, Caller.MENTOR))
                .cleanup("MATCH (r:MentoringRelation {id: $id}) DETACH DELETE r"));
        rows.add(write("logMeeting", () -> Map.of("r", relation), """
                        mutation($r: ID!) { logMeeting(input: {relationId: $r, date: "2025-03-03", topic: "Разбор урока"}) { id } }""",
                "MATCH (:MentoringRelation {id: $r})-[:HAS_MEETING]->(m) RETURN count(m)", EnumSet.of(Caller.MENTOR)));
        rows.add(write("createAssociation", () -> Map.of(), """
                        mutation { createAssociation(input: {kind: METHODOLOGICAL_ASSOCIATION, name: "ШМО", level: MUNICIPAL,
                          regionId: "R-AM", municipalityId: "AM-M1"}) { id } }""",
                "MATCH (a:Association {regionId: 'R-AM'}) RETURN count(a)", ASSOCIATION_EDITORS));
        rows.add(write("addAssociationMember", () -> Map.of("a", association, "t", teacher("AM-S1", 0)),
                "mutation($a: ID!, $t: ID!) { addAssociationMember(associationId: $a, teacherId: $t) { id } }",
                "MATCH (:Teacher {id: $t})-[m:MEMBER_OF]->() RETURN count(m)", ASSOCIATION_EDITORS));
        rows.add(write("addAssociationEvent", () -> Map.of("a", association), """
                        mutation($a: ID!) { addAssociationEvent(input: {associationId: $a, date: "2025-05-05", title: "Семинар"}) { id } }""",
                "MATCH (:Association {id: $a})-[:HAS_EVENT]->(e) RETURN count(e)", ASSOCIATION_EDITORS));

        // ------------------------------------------------------------------------------------ pairing: writes
        rows.add(write("updatePairingSettings", () -> Map.of("v", 0.05 + COUNTER.incrementAndGet() % 20 / 100.0),
                "mutation($v: Float) { updatePairingSettings(regionId: \"R-AM\", input: {minScore: $v}) { minScore } }",
                "OPTIONAL MATCH (s:PairingSettings {regionId: 'R-AM'}) RETURN toString(s.minScore) + '/' + toString(s.updatedAt)",
                EnumSet.of(Caller.ADMIN, Caller.RC)));
        rows.add(write("proposeNetworkPairs", Map::of,
                "mutation { proposeNetworkPairs(regionId: \"R-AM\", municipalityId: \"AM-M1\") { id } }",
                "MATCH (p:PairingProposal {regionId: 'R-AM'}) RETURN count(p)", COORDINATORS));
        rows.add(write("createPairsFromProposal", () -> Map.of("p", proposalM1),
                "mutation($p: ID!) { createPairsFromProposal(proposalId: $p) { created { id } } }",
                "MATCH (p:NetworkPair {regionId: 'R-AM'}) RETURN count(p)", COORDINATORS));
        rows.add(write("createNetworkPair", () -> {
                    String[] schools = freshPairSchools();
                    return Map.of("m", schools[0], "l", schools[1]);
                }, "mutation($m: ID!, $l: ID!) { createNetworkPair(input: {menteeId: $m, leaderId: $l}) { id } }",
                "MATCH (p:NetworkPair {menteeId: $m}) RETURN count(p)", COORDINATORS));
        rows.add(write("agreeNetworkPair", () -> Map.of("id", freshPair(0)),
                "mutation($id: ID!) { agreeNetworkPair(id: $id, agreementDate: \"2025-02-01\", agreementRef: \"№ 5\") { status } }",
                "MATCH (p:NetworkPair {id: $id}) RETURN p.status", COORDINATORS));
        rows.add(write("activateNetworkPair", () -> Map.of("id", freshPair(1)),
                "mutation($id: ID!) { activateNetworkPair(id: $id, startDate: \"2025-02-10\") { status } }",
                "MATCH (p:NetworkPair {id: $id}) RETURN p.status", COORDINATORS));
        rows.add(write("completeNetworkPair", () -> Map.of("id", freshPair(2)),
                "mutation($id: ID!) { completeNetworkPair(id: $id, endDate: \"2025-06-01\", summary: \"Итоги\") { status } }",
                "MATCH (p:NetworkPair {id: $id}) RETURN p.status", COORDINATORS));
        rows.add(write("cancelNetworkPair", () -> Map.of("id", freshPair(0)),
                "mutation($id: ID!) { cancelNetworkPair(id: $id, reason: \"Школа закрыта\") { status } }",
                "MATCH (p:NetworkPair {id: $id}) RETURN p.status", COORDINATORS));
        EnumSet<Caller> planEditors = EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC, Caller.SA);
        rows.add(write("addPairActivity", () -> Map.of("p", pair),
                "mutation($p: ID!) { addPairActivity(pairId: $p, input: {title: \"Взаимное посещение уроков\"}) { id } }",
                "MATCH (:NetworkPair {id: $p})-[:HAS_ACTIVITY]->(a) RETURN count(a)", planEditors));
        rows.add(write("updatePairActivity", () -> Map.of("id", activity, "t", "План " + COUNTER.incrementAndGet()),
                "mutation($id: ID!, $t: String) { updatePairActivity(id: $id, input: {title: $t}) { id } }",
                "MATCH (a {id: $id}) RETURN a.title", planEditors));
        rows.add(write("removePairActivity", () -> Map.of("id", addActivity()),
                "mutation($id: ID!) { removePairActivity(id: $id) { id } }",
                "OPTIONAL MATCH (a {id: $id}) RETURN count(a)", planEditors));

        // ------------------------------------------------------------------------------------ practice: writes
        rows.add(write("createPractice", () -> Map.of(), """
                        mutation { createPractice(input: {title: "Практика чтения", authorSchoolId: "AM-S1"}) { id } }""",
                "MATCH (:School {id: 'AM-S1'})-[:AUTHORED]->(p) RETURN count(p)",
                EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC, Caller.SA, Caller.METHODIST, Caller.CURATOR, Caller.TEACHER)));
        // Unpublished practices are hidden (NOT_FOUND) from all but their owners, reviewers see submitted ones.
        EnumSet<Caller> draftHidden = EnumSet.complementOf(EnumSet.copyOf(PRACTICE_OWNERS));
        draftHidden.remove(Caller.ANONYMOUS);
        rows.add(write("updatePractice", () -> Map.of("id", practice("Черновик для правки"), "t", "Правка " + COUNTER.incrementAndGet()),
                "mutation($id: ID!, $t: String!) { updatePractice(id: $id, input: {title: $t}) { id } }",
                "MATCH (p:Practice {id: $id}) RETURN p.title", PRACTICE_OWNERS).refused(Outcome.NOT_FOUND, draftHidden));
        rows.add(write("submitPractice", () -> Map.of("id", practice("Черновик к отправке")),
                "mutation($id: ID!) { submitPractice(id: $id) { status } }",
                "MATCH (p:Practice {id: $id}) RETURN p.status", PRACTICE_OWNERS).refused(Outcome.NOT_FOUND, draftHidden));
        rows.add(write("approvePractice", () -> Map.of("id", submitted()),
                "mutation($id: ID!) { approvePractice(id: $id) { status } }",
                "MATCH (p:Practice {id: $id}) RETURN p.status", REVIEWERS).refused(Outcome.NOT_FOUND, REVIEWER_ROLES_ELSEWHERE));
        rows.add(write("rejectPractice", () -> Map.of("id", submitted()),
                "mutation($id: ID!) { rejectPractice(id: $id, reason: \"Нет данных об эффекте\") { status } }",
                "MATCH (p:Practice {id: $id}) RETURN p.status", REVIEWERS).refused(Outcome.NOT_FOUND, REVIEWER_ROLES_ELSEWHERE));
        rows.add(write("deletePractice", () -> Map.of("id", practice("Черновик к удалению")),
                "mutation($id: ID!) { deletePractice(id: $id) }",
                "OPTIONAL MATCH (p:Practice {id: $id}) RETURN count(p)", PRACTICE_OWNERS).refused(Outcome.NOT_FOUND, draftHidden));
        rows.add(write("recordPracticeAdoption", () -> {
                    cypher("MATCH (:School {id: 'AM-S1'})-[a:ADOPTED]->(:Practice {id: $p}) DELETE a", Map.of("p", approved));
                    return Map.of("p", approved);
                }, "mutation($p: ID!) { recordPracticeAdoption(practiceId: $p, schoolId: \"AM-S1\", date: \"2025-01-15\") { date } }",
                "MATCH (:School {id: 'AM-S1'})-[a:ADOPTED]->(:Practice {id: $p}) RETURN count(a)",
                // TEACHER is linked to T1 of AM-S1; TEACHER_X and MENTOR are linked to teachers of other schools.
                EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC, Caller.SA, Caller.METHODIST, Caller.CURATOR, Caller.TEACHER)));
        rows.add(write("reindexPractices", Map::of, "mutation { reindexPractices { documents } }", null, EnumSet.of(Caller.ADMIN)));

        // ------------------------------------------------------------------------------------ school data: writes
        rows.add(write("importSchoolData", () -> {
                    cypher("MATCH (s:School {id: 'AM-S9'}) DETACH DELETE s", Map.of());
                    return Map.of("c", "school_id,name,region_id,region_name,municipality_id,municipality_name,type,locality\n"
                            + "AM-S9,Школа № 9,R-AM,Тестовый регион R-AM,AM-M1,Округ AM-M1,СОШ,село\n");
                }, "mutation($c: String) { importSchoolData(input: {content: $c}) { rowsRead } }",
                "MATCH (s:School {id: 'AM-S9'}) RETURN count(s)", EnumSet.of(Caller.ADMIN, Caller.RC))
                .refused(Outcome.BAD_USER_INPUT, EnumSet.of(Caller.RC_X)));

        // ------------------------------------------------------------------------------------ reads by id
        rows.add(read("teacher", "query($id: ID!) { teacher(id: $id) { id fullName } }", Map.of("id", t1),
                EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC, Caller.SA, Caller.METHODIST, Caller.CURATOR, Caller.MENTOR, Caller.TEACHER)));
        rows.add(read("teacher.diagnostics", "query($id: ID!) { teacher(id: $id) { diagnostics { date } } }", Map.of("id", t1),
                DIAGNOSTIC_READERS));
        rows.add(read("teacher.plans", "query($id: ID!) { teacher(id: $id) { plans { title } } }", Map.of("id", t1), PERSONAL));
        rows.add(read("mentorSuggestions", "query($id: ID!) { mentorSuggestions(teacherId: $id) { score } }", Map.of("id", t1), PERSONAL));
        rows.add(read("mentoringRelation", "query($id: ID!) { mentoringRelation(id: $id) { id status } }", Map.of("id", relation), PERSONAL));
        rows.add(read("pairCandidates", "query { pairCandidates(schoolId: \"AM-S1\") { totalCount } }", Map.of(),
                EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC, Caller.SA, Caller.METHODIST, Caller.CURATOR)));
        rows.add(read("pairingProposal (municipal)", "query($id: ID!) { pairingProposal(id: $id) { id } }", Map.of("id", proposalM1),
                EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC, Caller.METHODIST, Caller.CURATOR)));
        rows.add(read("pairingProposal (region-wide)", "query($id: ID!) { pairingProposal(id: $id) { id } }", Map.of("id", proposalRegion),
                REGION_ANALYSTS));
        rows.add(read("networkPair", "query($id: ID!) { networkPair(id: $id) { id } }", Map.of("id", pair),
                EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC, Caller.SA, Caller.METHODIST, Caller.CURATOR, Caller.MENTOR, Caller.TEACHER)));
        rows.add(read("school", "query { school(id: \"AM-S1\") { id } }", Map.of(), SIGNED_IN));
        rows.add(read("region", "query { region(id: \"R-AM\") { id } }", Map.of(), SIGNED_IN));
        rows.add(read("identificationRun", "query($id: ID!) { identificationRun(id: $id) { id } }", Map.of("id", run), SIGNED_IN));
        rows.add(read("practice (approved)", "query($id: ID!) { practice(id: $id) { id } }", Map.of("id", approved), SIGNED_IN));
        rows.add(read("practice (draft)", "query($id: ID!) { practice(id: $id) { id } }", Map.of("id", draft), PRACTICE_OWNERS)
                .refused(Outcome.NOT_FOUND, draftHidden));
        rows.add(read("practiceRecommendations", "query { practiceRecommendations(schoolId: \"AM-S1\") { reasons } }", Map.of(),
                EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC, Caller.SA, Caller.METHODIST, Caller.CURATOR, Caller.TEACHER)));
        rows.add(read("practiceIndexStatus", "query { practiceIndexStatus { alias } }", Map.of(), EnumSet.of(Caller.ADMIN)));

        // ------------------------------------------------------------------------------------ reads by region
        rows.add(read("mentorMatching", "query { mentorMatching(regionId: \"R-AM\") { totalScore } }", Map.of(),
                EnumSet.of(Caller.ADMIN, Caller.RC)));
        rows.add(read("staleMentoringRelations", "query { staleMentoringRelations(regionId: \"R-AM\") { message } }", Map.of(),
                EnumSet.of(Caller.ADMIN, Caller.RC, Caller.MC, Caller.MC_X, Caller.SA, Caller.SA_X)));
        rows.add(read("mentoringIndicators", "query { mentoringIndicators(regionId: \"R-AM\") { teachers } }", Map.of(), REGION_ANALYSTS));
        rows.add(read("associations", "query { associations(regionId: \"R-AM\") { id } }", Map.of(), IN_REGION));
        rows.add(read("pairingSettings", "query { pairingSettings(regionId: \"R-AM\") { minScore } }", Map.of(), REGION_ANALYSTS));
        rows.add(read("pairingProposals", "query { pairingProposals(regionId: \"R-AM\") { totalCount } }", Map.of(), REGION_ANALYSTS));
        rows.add(read("networkPairs", "query { networkPairs(regionId: \"R-AM\") { totalCount } }", Map.of(), IN_REGION));
        rows.add(read("pairingOutcomeSummary", "query { pairingOutcomeSummary(regionId: \"R-AM\") { regionId } }", Map.of(),
                REGION_ANALYSTS));
        rows.add(read("identificationRuns", "query { identificationRuns(regionId: \"R-AM\") { totalCount } }", Map.of(), SIGNED_IN));
        rows.add(read("regionalSummary", "query { regionalSummary(regionId: \"R-AM\") { schoolCount } }", Map.of(), SIGNED_IN));

        // Last: it rewrites the region's statuses, which the pair rows above rely on.
        rows.add(write("runIdentification", Map::of, """
                        mutation { runIdentification(input: {regionId: "R-AM", year: 2024, years: 3, methods: [BELOW_REGIONAL_MEAN]}) { id } }""",
                "MATCH (r:IdentificationRun {regionId: 'R-AM'}) RETURN count(r)", EnumSet.of(Caller.ADMIN, Caller.RC)));
        return rows;
    }

    // ------------------------------------------------------------------------------------------------ takeover attempts

    @Test
    void createTeacherTakesNoIdAndNoLoginSoAnExistingTeacherCannotBeTakenOver() {
        String before = cypherValue("MATCH (t:Teacher {id: $id}) RETURN t.schoolId + '/' + t.username + '/' + t.fullName", Map.of("id", t1));
        // The example: the admin of another school re-creates the teacher with its id and their own login.
        GraphQlResponse withId = graphql(TOKENS.get(Caller.SA_X), """
                mutation($in: TeacherInput!) { createTeacher(input: $in) { id } }""", Map.of("in", Map.of("id", t1,
                "fullName", "Захваченный педагог", "schoolId", "AM-S4", "subjects", List.of("Математика"))));
        assertThat(withId.errorCode()).isNotNull();
        assertThat(withId.errorMessage()).contains("id");
        GraphQlResponse withLogin = graphql(TOKENS.get(Caller.SA), """
                mutation($in: TeacherInput!) { createTeacher(input: $in) { id } }""", Map.of("in", Map.of(
                "fullName", "Педагог с логином", "schoolId", "AM-S1", "subjects", List.of("Математика"), "username", "am-teacher")));
        assertThat(withLogin.errorCode()).isNotNull();
        assertThat(withLogin.errorMessage()).contains("username");
        assertThat(cypherValue("MATCH (t:Teacher {id: $id}) RETURN t.schoolId + '/' + t.username + '/' + t.fullName", Map.of("id", t1)))
                .isEqualTo(before).startsWith("AM-S1/am-teacher/");

        // A create always makes a new record with a fresh server id.
        JsonNode created = call(Caller.SA, """
                mutation { createTeacher(input: {fullName: "Новый педагог", schoolId: "AM-S1", subjects: ["Физика"]}) { id fullName } }""",
                Map.of()).path("createTeacher");
        assertThat(created.path("id").asText()).startsWith("T-").isNotEqualTo(t1);
        assertThat(cypherValue("MATCH (t:Teacher {id: $id}) RETURN coalesce(t.username, '-')", Map.of("id", created.path("id").asText())))
                .isEqualTo("-");
    }

    @Test
    void linkingALoginIsScopedCheckedAndAudited() {
        String link = "mutation($t: ID!, $u: String!) { linkTeacherLogin(teacherId: $t, username: $u) { id } }";
        String own = teacher("AM-S1", 0);
        String otherSchool = teacher("AM-S4", 0);
        String ownLogin = "am-own-login-" + COUNTER.incrementAndGet();
        tokenFor(ownLogin, Set.of(Role.TEACHER), S1);

        // The other school's admin may not link anything to a teacher of this school, not even their own login.
        assertThat(graphql(TOKENS.get(Caller.SA_X), link, Map.of("t", t1, "u", "am-sa-x")).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(TOKENS.get(Caller.SA_X), link, Map.of("t", own, "u", ownLogin)).errorCode()).isEqualTo("FORBIDDEN");
        // Nor link a login of this school to a teacher of theirs (the login's own scope must cover the teacher's school).
        GraphQlResponse across = graphql(TOKENS.get(Caller.SA_X), link, Map.of("t", otherSchool, "u", ownLogin));
        assertThat(across.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(across.errorMessage()).contains(ownLogin, "другой школой");
        // A coordinator covering both schools is refused the same way: the login belongs to AM-S1.
        assertThat(graphql(TOKENS.get(Caller.MC), link, Map.of("t", otherSchool, "u", ownLogin)).errorCode()).isEqualTo("FORBIDDEN");
        // A login already linked to another teacher.
        GraphQlResponse taken = graphql(TOKENS.get(Caller.SA), link, Map.of("t", own, "u", "am-teacher"));
        assertThat(taken.errorCode()).isEqualTo("CONFLICT");
        assertThat(taken.errorMessage()).contains("уже привязан к другому педагогу");
        // A login that does not exist; a login without a teacher's role.
        assertThat(graphql(TOKENS.get(Caller.SA), link, Map.of("t", own, "u", "am-nobody")).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(graphql(TOKENS.get(Caller.SA), link, Map.of("t", own, "u", "am-sa")).errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(cypherValue("MATCH (t:Teacher) WHERE t.id IN [$a, $b] RETURN count(t.username) + '/' + COUNT { (:TeacherLoginAudit {teacherId: $a}) }",
                Map.of("a", own, "b", otherSchool))).isEqualTo("0/0");

        // Allowed: the school's admin links the login; the audit names actor, time, teacher and login.
        call(Caller.SA, link, Map.of("t", own, "u", ownLogin));
        // A teacher already linked to one login is not silently re-linked to another.
        String second = "am-second-login-" + COUNTER.incrementAndGet();
        tokenFor(second, Set.of(Role.TEACHER), S1);
        assertThat(graphql(TOKENS.get(Caller.SA), link, Map.of("t", own, "u", second)).errorCode()).isEqualTo("CONFLICT");
        call(Caller.MC, "mutation($t: ID!) { unlinkTeacherLogin(teacherId: $t) { id } }", Map.of("t", own));
        assertThat(cypherValue("""
                MATCH (:Teacher {id: $t})-[:LOGIN_AUDIT]->(a:TeacherLoginAudit)
                WITH a ORDER BY a.at, a.action
                RETURN reduce(s = '', x IN collect(a.action + ':' + a.actor + ':' + a.username + ':' + a.teacherId
                                                   + ':' + toString(a.at IS NOT NULL)) | s + x + ';')""", Map.of("t", own)))
                .isEqualTo("LINK:am-sa:" + ownLogin + ":" + own + ":true;UNLINK:am-mc:" + ownLogin + ":" + own + ":true;");
        assertThat(cypherValue("MATCH (t:Teacher {id: $t}) RETURN coalesce(t.username, '-')", Map.of("t", own))).isEqualTo("-");
    }

    @Test
    void aLinkedLoginSeesItsTeachersPersonalDataAndAnUnlinkedOneDoesNot() {
        String teacher = teacher("AM-S1", 0);
        String login = "am-person-" + COUNTER.incrementAndGet();
        String token = tokenFor(login, Set.of(Role.TEACHER), S1);
        String query = "query($id: ID!) { teacher(id: $id) { diagnostics { date } } }";
        assertThat(graphql(token, query, Map.of("id", t1)).errorCode()).isEqualTo("FORBIDDEN");
        call(Caller.SA, "mutation($t: ID!, $u: String!) { linkTeacherLogin(teacherId: $t, username: $u) { id } }",
                Map.of("t", teacher, "u", login));
        assertThat(graphql(token, query, Map.of("id", teacher)).errorCode()).isNull();
        assertThat(graphql(token, "{ myMentoring { me { id } } }", Map.of()).data().path("myMentoring").path("me").path("id").asText())
                .isEqualTo(teacher);
        assertThat(graphql(token, query, Map.of("id", t1)).errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void associationsStayInTheirTerritory() {
        String otherRegionTeacher = teacherIn("AMX-S1");
        GraphQlResponse member = graphql(TOKENS.get(Caller.ADMIN),
                "mutation($a: ID!, $t: ID!) { addAssociationMember(associationId: $a, teacherId: $t) { id } }",
                Map.of("a", association, "t", otherRegionTeacher));
        assertThat(member.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(cypherValue("MATCH (:Teacher {id: $t})-[m:MEMBER_OF]->() RETURN count(m)", Map.of("t", otherRegionTeacher))).isEqualTo("0");
        // Nor may a mentor be taken from another region.
        GraphQlResponse mentorElsewhere = graphql(TOKENS.get(Caller.SA), """
                mutation($m: ID!, $t: ID!) { proposeMentoring(input: {kind: TEACHER_TEACHER, mentorId: $m, menteeTeacherId: $t}) { id } }""",
                Map.of("m", otherRegionTeacher, "t", t1));
        assertThat(mentorElsewhere.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(cypherValue("MATCH (:Teacher {id: $t})<-[:MENTOR]-(r) RETURN count(r)", Map.of("t", otherRegionTeacher))).isEqualTo("0");
        // A school admin filing an association of their school under another region.
        GraphQlResponse misfiled = graphql(TOKENS.get(Caller.SA), """
                mutation { createAssociation(input: {kind: NETWORK_COMMUNITY, name: "Чужое сообщество", level: SCHOOL,
                  regionId: "R-AMX", schoolId: "AM-S1"}) { id } }""", Map.of());
        assertThat(misfiled.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(misfiled.errorMessage()).contains("schoolId");
        assertThat(cypherValue("MATCH (a:Association {regionId: 'R-AMX'}) RETURN count(a)", Map.of())).isEqualTo("0");
    }

    @Test
    void aMunicipalCoordinatorReadsProposalsByIdExactlyAsTheListShowsThem() {
        String list = "query { pairingProposals(regionId: \"R-AM\", first: 100) { edges { node { id } } } }";
        List<String> listed = new ArrayList<>();
        call(Caller.MC, list, Map.of()).path("pairingProposals").path("edges").forEach(e -> listed.add(e.path("node").path("id").asText()));
        assertThat(listed).contains(proposalM1, proposalRegion).doesNotContain(proposalM2);
        for (String id : List.of(proposalM1, proposalM2, proposalRegion)) {
            GraphQlResponse byId = graphql(TOKENS.get(Caller.MC), "query($id: ID!) { pairingProposal(id: $id) { id } }", Map.of("id", id));
            assertThat(byId.errorCode() == null).as("proposal %s readable by id iff listed", id).isEqualTo(listed.contains(id));
        }
        GraphQlResponse other = graphql(TOKENS.get(Caller.MC), "query($id: ID!) { pairingProposal(id: $id) { id } }", Map.of("id", proposalM2));
        assertThat(other.errorCode()).isEqualTo("FORBIDDEN");
        // Nor can it act on it.
        assertThat(graphql(TOKENS.get(Caller.MC), "mutation($p: ID!) { createPairsFromProposal(proposalId: $p) { created { id } } }",
                Map.of("p", proposalM2)).errorCode()).isEqualTo("FORBIDDEN");
        // A missing id is null, not an error.
        assertThat(call(Caller.MC, "query { pairingProposal(id: \"PP-none\") { id } }", Map.of()).path("pairingProposal").isNull()).isTrue();
    }

    @Test
    void anUploadCannotMoveAnotherRegionsMunicipality() {
        GraphQlResponse response = graphql(TOKENS.get(Caller.RC_X), "mutation($c: String) { importSchoolData(input: {content: $c}) { rowsRead } }",
                Map.of("c", "school_id,name,region_id,region_name,municipality_id,municipality_name,type,locality\n"
                        + "AMX-S7,Школа № 7,R-AMX,Тестовый регион R-AMX,AM-M1,Перехваченный округ,СОШ,село\n"));
        assertThat(response.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(response.body().path("errors").path(0).path("extensions").path("problems").toString())
                .contains("municipality_id", "относится к региону R-AM");
        assertThat(cypherValue("""
                MATCH (m:Municipality {id: 'AM-M1'}) RETURN m.regionId + '/' + m.name + '/'
                       + COUNT { (:Region {id: 'R-AM'})-[:HAS_MUNICIPALITY]->(m) } + '/' + COUNT { (:Region {id: 'R-AMX'})-[:HAS_MUNICIPALITY]->(m) }""",
                Map.of())).isEqualTo("R-AM/Округ AM-M1/1/0");
        assertThat(cypherValue("MATCH (s:School {id: 'AMX-S7'}) RETURN count(s)", Map.of())).isEqualTo("0");
    }

    // ------------------------------------------------------------------------------------------------ rows

    static final class Row {
        final String name;
        final Supplier<Map<String, Object>> setup;
        final String query;
        final String probe;
        final EnumSet<Caller> allowed;
        final Map<Caller, Outcome> refusals = new EnumMap<>(Caller.class);
        String cleanup;

        Row(String name, Supplier<Map<String, Object>> setup, String query, String probe, EnumSet<Caller> allowed) {
            this.name = name;
            this.setup = setup;
            this.query = query;
            this.probe = probe;
            this.allowed = allowed;
        }

        Row refused(Outcome outcome, Set<Caller> callers) {
            callers.forEach(c -> refusals.put(c, outcome));
            return this;
        }

        Row cleanup(String cypher) {
            this.cleanup = cypher;
            return this;
        }

        Outcome expected(Caller caller) {
            if (caller == Caller.ANONYMOUS) {
                return Outcome.UNAUTHENTICATED;
            }
            if (allowed.contains(caller)) {
                return Outcome.ALLOWED;
            }
            return refusals.getOrDefault(caller, Outcome.FORBIDDEN);
        }
    }

    private static Row write(String name, Supplier<Map<String, Object>> setup, String query, String probe, EnumSet<Caller> allowed) {
        return new Row(name, setup, query, probe, allowed);
    }

    private static Row read(String name, String query, Map<String, Object> variables, EnumSet<Caller> allowed) {
        return new Row(name, () -> variables, query, null, allowed);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String probe(Row row, Map<String, Object> variables) {
        return row.probe == null ? null : cypherValue(row.probe, variables);
    }

    static JsonNode admin(String query, Map<String, Object> variables) {
        return call(Caller.ADMIN, query, variables);
    }

    static JsonNode call(Caller caller, String query, Map<String, Object> variables) {
        return graphql(TOKENS.get(caller), query, variables).data();
    }

    /** A teacher of a school of R-AM, made through the API by the admin. */
    static String teacher(String schoolId, int mentorCapacity) {
        Map<String, Object> in = new HashMap<>();
        in.put("fullName", "Педагог школы " + schoolId);
        in.put("schoolId", schoolId);
        in.put("subjects", List.of("Математика"));
        in.put("experienceYears", mentorCapacity > 0 ? 20 : 2);
        in.put("mentorCapacity", mentorCapacity);
        in.put("strengths", mentorCapacity > 0 ? List.of("ASSESSMENT") : List.of());
        return admin("mutation($in: TeacherInput!) { createTeacher(input: $in) { id } }", Map.of("in", in))
                .path("createTeacher").path("id").asText();
    }

    static String teacherIn(String schoolId) {
        return teacher(schoolId, 0);
    }

    static void link(String teacherId, String username) {
        admin("mutation($t: ID!, $u: String!) { linkTeacherLogin(teacherId: $t, username: $u) { id } }", Map.of("t", teacherId, "u", username));
    }

    static String addActivity() {
        return admin("mutation($p: ID!) { addPairActivity(pairId: $p, input: {title: \"Семинар\"}) { id } }", Map.of("p", pair))
                .path("addPairActivity").path("id").asText();
    }

    static String proposal(String municipality) {
        return admin("mutation { proposeNetworkPairs(regionId: \"R-AM\", municipalityId: " + municipality + ") { id } }", Map.of())
                .path("proposeNetworkPairs").path("id").asText();
    }

    /** A new ШНОР school and a new leader school in AM-M1, for one pair. */
    static String[] freshPairSchools() {
        int n = COUNTER.incrementAndGet();
        String mentee = "AM-P" + n + "-LOW";
        String leader = "AM-P" + n + "-LEAD";
        cypher("""
                MATCH (m:Municipality {id: 'AM-M1'})
                CREATE (m)-[:HAS_SCHOOL]->(:School {id: $mentee, name: 'Школа ' + $mentee, regionId: 'R-AM', municipalityId: 'AM-M1',
                        type: 'СОШ', locality: 'село', enrolment: 200, statuses: ['LOW_RESULTS']})
                CREATE (m)-[:HAS_SCHOOL]->(:School {id: $leader, name: 'Школа ' + $leader, regionId: 'R-AM', municipalityId: 'AM-M1',
                        type: 'Лицей', locality: 'город', enrolment: 800, statuses: ['LEADER']})
                WITH 1 AS one
                UNWIND [[$mentee, 0.3], [$leader, 0.1]] AS row
                MATCH (s:School {id: row[0]})
                UNWIND [2022, 2023, 2024] AS year
                CREATE (s)-[:HAS_INDICATOR]->(:IndicatorValue {schoolId: s.id, year: year, indicator: 'low_income_share',
                        value: row[1], key: s.id + '|' + year + '|low_income_share'})""", Map.of("mentee", mentee, "leader", leader));
        return new String[] {mentee, leader};
    }

    /** A pair of fresh schools, moved by the admin through the given number of steps (0 PROPOSED, 1 AGREED, 2 ACTIVE). */
    static String freshPair(int steps) {
        String[] schools = freshPairSchools();
        String id = admin("mutation($m: ID!, $l: ID!) { createNetworkPair(input: {menteeId: $m, leaderId: $l}) { id } }",
                Map.of("m", schools[0], "l", schools[1])).path("createNetworkPair").path("id").asText();
        if (steps >= 1) {
            admin("mutation($id: ID!) { agreeNetworkPair(id: $id, agreementDate: \"2025-01-20\", agreementRef: \"№ 1\") { id } }", Map.of("id", id));
        }
        if (steps >= 2) {
            admin("mutation($id: ID!) { activateNetworkPair(id: $id, startDate: \"2025-01-25\") { id } }", Map.of("id", id));
        }
        return id;
    }

    /** A complete DRAFT practice of AM-S1 by the TEACHER login. */
    static String practice(String title) {
        Map<String, Object> in = new HashMap<>();
        in.put("title", title);
        in.put("summary", "Кратко: " + title);
        in.put("description", "Учителя еженедельно проводят занятия по смысловому чтению с разбором текстов, ведут лист наблюдений "
                + "и раз в четверть обсуждают результаты на методическом объединении школы.");
        in.put("subjects", List.of("RUSSIAN"));
        in.put("grades", List.of(5, 6));
        in.put("riskFactors", List.of("LEARNING_DIFFICULTIES"));
        in.put("authors", List.of("Иванова А. П., учитель"));
        in.put("authorSchoolId", "AM-S1");
        return call(Caller.TEACHER, "mutation($in: PracticeInput!) { createPractice(input: $in) { id } }", Map.of("in", in))
                .path("createPractice").path("id").asText();
    }

    static String submitted() {
        String id = practice("Практика на рассмотрении");
        call(Caller.TEACHER, "mutation($id: ID!) { submitPractice(id: $id) { id } }", Map.of("id", id));
        return id;
    }

    static void cypher(String statement, Map<String, Object> params) {
        try (var session = OporaTestApp.driver().session()) {
            session.run(statement, params).consume();
        }
    }

    static String cypherValue(String statement, Map<String, Object> params) {
        try (var session = OporaTestApp.driver().session()) {
            var value = session.run(statement, params).single().get(0);
            return value.isNull() ? null : value.asObject().toString();
        }
    }
}
