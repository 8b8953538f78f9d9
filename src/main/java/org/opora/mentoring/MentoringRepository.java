package org.opora.mentoring;

import jakarta.inject.Singleton;
import org.neo4j.driver.TransactionContext;
import org.opora.platform.errors.ApiException;
import org.opora.platform.neo4j.Neo4jSessions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cypher of the mentoring graph:
 * (:Teacher)-[:WORKS_AT]->(:School), (:Teacher)-[:HAS_DIAGNOSTIC]->(:Diagnostic)-[:FOUND]->(:Deficit),
 * (:Teacher)-[:HAS_PLAN]->(:IndividualPlan)-[:HAS_GOAL]->(:PlanGoal), -[:HAS_ACTIVITY]->(:DevelopmentActivity),
 * (:Teacher)-[:COMPLETED_COURSE]->(:CourseCompletion),
 * (:MentoringRelation)-[:MENTOR]->(:Teacher), -[:MENTEE]->(:Teacher) or -[:MENTEE_SCHOOL]->(:School),
 * (:MentoringRelation)-[:HAS_MEETING]->(:Meeting), (:Teacher)-[:MEMBER_OF]->(:Association)-[:HAS_EVENT]->(:AssociationEvent).
 */
@Singleton
public class MentoringRepository {

    /** DataLoader names (see {@code MentoringGraphQl#loaders}): a teacher by id, the teachers of a school by its id. */
    public static final String TEACHER_LOADER = "Teacher";
    public static final String SCHOOL_TEACHERS_LOADER = "SchoolTeachers";

    private static final String TEACHER = "t {.*}";

    private final Neo4jSessions neo4j;

    public MentoringRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    // ---------------------------------------------------------------- schools and teachers

    public Optional<Map<String, Object>> school(String schoolId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (s:School {id: $id})
                RETURN s {.id, .name, .regionId, .municipalityId, statuses: coalesce(s.statuses, [])} AS school
                """, Map.of("id", schoolId)).stream().findFirst().map(r -> r.get("school").asMap()));
    }

    public Optional<String> municipalityRegion(String municipalityId) {
        return neo4j.read(tx -> tx.run("MATCH (m:Municipality {id: $id}) RETURN m.regionId AS r", Map.of("id", municipalityId))
                .stream().findFirst().map(r -> r.get("r").asString(null)));
    }

    /** Creates a new teacher (never overwrites one: the id is the server's, and the id constraint guards it). */
    public Map<String, Object> createTeacher(Map<String, Object> teacher) {
        return neo4j.write(tx -> {
            var rows = tx.run("""
                    MATCH (s:School {id: $t.schoolId})
                    CREATE (t:Teacher)-[:WORKS_AT]->(s)
                    SET t = $t, t.regionId = s.regionId, t.municipalityId = s.municipalityId
                    RETURN t {.*} AS t
                    """, Map.of("t", teacher)).list(r -> r.get("t").asMap());
            if (rows.isEmpty()) {
                throw ApiException.notFound("Школа", ApiException.Gender.FEMININE, (String) teacher.get("schoolId"));
            }
            return rows.get(0);
        });
    }

    /** A login (a {@code (:User)}) as the linking rules need it. */
    record Login(String username, List<String> roles, String regionId, String municipalityId, String schoolId) {
    }

    /** A change of a teacher's login, audited in the same transaction. */
    record LoginChange(String teacherId, String username, String actor, String action) {
    }

    /**
     * Links a login to a teacher in one transaction: re-reads the login and the teacher, lets {@code check} refuse
     * (it throws), refuses a login already linked to another teacher or a teacher linked to another login (CONFLICT),
     * then sets {@code Teacher.username} and writes a {@code (:TeacherLoginAudit)} entry. Linking the same login again
     * changes nothing and is not audited.
     */
    public Map<String, Object> linkLogin(LoginChange change, java.util.function.Consumer<Login> check) {
        return neo4j.write(tx -> {
            Map<String, Object> p = Map.of("id", change.teacherId(), "u", change.username());
            var row = tx.run("""
                    OPTIONAL MATCH (u:User {username: $u})
                    OPTIONAL MATCH (t:Teacher {id: $id})
                    OPTIONAL MATCH (other:Teacher {username: $u}) WHERE other.id <> $id
                    RETURN u {.username, .roles, .regionId, .municipalityId, .schoolId} AS u, t.username AS current,
                           t IS NOT NULL AS teacherExists, other.id AS other
                    """, p).single();
            if (!row.get("teacherExists").asBoolean()) {
                throw ApiException.notFound("Педагог", ApiException.Gender.MASCULINE, change.teacherId());
            }
            if (row.get("u").isNull()) {
                throw ApiException.notFound("Пользователь", ApiException.Gender.MASCULINE, change.username());
            }
            Map<String, Object> u = row.get("u").asMap();
            @SuppressWarnings("unchecked") List<String> roles = (List<String>) u.getOrDefault("roles", List.of());
            check.accept(new Login(change.username(), roles == null ? List.of() : roles, (String) u.get("regionId"),
                    (String) u.get("municipalityId"), (String) u.get("schoolId")));
            if (!row.get("other").isNull()) {
                throw ApiException.conflict("Логин «" + change.username() + "» уже привязан к другому педагогу ("
                        + row.get("other").asString() + "); сначала отвяжите его");
            }
            String current = row.get("current").isNull() ? null : row.get("current").asString();
            if (current != null && !current.equals(change.username())) {
                throw ApiException.conflict("К педагогу уже привязан логин «" + current + "»; сначала отвяжите его");
            }
            if (current == null) {
                tx.run("MATCH (t:Teacher {id: $id}) SET t.username = $u", p).consume();
                audit(tx, change);
            }
            return teacher(tx, change.teacherId());
        });
    }

    /** Removes the teacher's login and audits it in the same transaction; a teacher without one is returned as is. */
    public Map<String, Object> unlinkLogin(String teacherId, String actor) {
        return neo4j.write(tx -> {
            var rows = tx.run("MATCH (t:Teacher {id: $id}) RETURN t.username AS u", Map.of("id", teacherId)).list();
            if (rows.isEmpty()) {
                throw ApiException.notFound("Педагог", ApiException.Gender.MASCULINE, teacherId);
            }
            if (!rows.get(0).get("u").isNull()) {
                tx.run("MATCH (t:Teacher {id: $id}) REMOVE t.username", Map.of("id", teacherId)).consume();
                audit(tx, new LoginChange(teacherId, rows.get(0).get("u").asString(), actor, "UNLINK"));
            }
            return teacher(tx, teacherId);
        });
    }

    private static void audit(TransactionContext tx, LoginChange change) {
        tx.run("""
                MATCH (t:Teacher {id: $teacherId})
                CREATE (t)-[:LOGIN_AUDIT]->(:TeacherLoginAudit {id: $id, at: datetime(), actor: $actor, action: $action,
                                                               teacherId: $teacherId, username: $username})
                """, Map.of("id", "TLA-" + java.util.UUID.randomUUID(), "actor", change.actor(), "action", change.action(),
                "teacherId", change.teacherId(), "username", change.username())).consume();
    }

    private static Map<String, Object> teacher(TransactionContext tx, String id) {
        return tx.run("MATCH (t:Teacher {id: $id}) RETURN " + TEACHER + " AS t", Map.of("id", id)).single().get("t").asMap();
    }

    public Optional<Map<String, Object>> teacher(String id) {
        return neo4j.read(tx -> tx.run("MATCH (t:Teacher {id: $id}) RETURN " + TEACHER + " AS t", Map.of("id", id))
                .stream().findFirst().map(r -> r.get("t").asMap()));
    }

    public Optional<Map<String, Object>> teacherByUsername(String username) {
        return neo4j.read(tx -> tx.run("MATCH (t:Teacher {username: $u}) RETURN " + TEACHER + " AS t ORDER BY t.id LIMIT 1",
                Map.of("u", username)).stream().findFirst().map(r -> r.get("t").asMap()));
    }

    public List<Map<String, Object>> teachersOfSchool(String schoolId) {
        return neo4j.read(tx -> tx.run("MATCH (t:Teacher {schoolId: $id}) RETURN " + TEACHER + " AS t ORDER BY t.fullName, t.id",
                Map.of("id", schoolId)).list(r -> r.get("t").asMap()));
    }

    /** Teachers by id, for batch loading (one query for all the teachers a level of a GraphQL response needs). */
    public Map<String, Map<String, Object>> teachersByIds(Collection<String> ids) {
        Map<String, Map<String, Object>> teachers = new HashMap<>();
        neo4j.read(tx -> tx.run("MATCH (t:Teacher) WHERE t.id IN $ids RETURN " + TEACHER + " AS t", Map.of("ids", List.copyOf(ids)))
                .list(r -> r.get("t").asMap())).forEach(t -> teachers.put((String) t.get("id"), t));
        return teachers;
    }

    /** Teachers of each of these schools (ordered as {@link #teachersOfSchool}); schools without any are absent. */
    public Map<String, List<Map<String, Object>>> teachersOfSchools(Collection<String> schoolIds) {
        Map<String, List<Map<String, Object>>> bySchool = new HashMap<>();
        neo4j.read(tx -> tx.run("MATCH (t:Teacher) WHERE t.schoolId IN $ids RETURN t.schoolId AS schoolId, " + TEACHER
                        + " AS t ORDER BY t.fullName, t.id", Map.of("ids", List.copyOf(schoolIds)))
                .list(r -> Map.entry(r.get("schoolId").asString(), r.get("t").asMap())))
                .forEach(e -> bySchool.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return bySchool;
    }

    /** True when the user (by login) mentors the teacher in a pending or active relation. */
    public boolean isMentorOf(String username, String teacherId) {
        return neo4j.read(tx -> tx.run("""
                RETURN EXISTS {
                  MATCH (:Teacher {username: $u})<-[:MENTOR]-(r:MentoringRelation)-[:MENTEE]->(:Teacher {id: $id})
                  WHERE r.status IN ['PENDING', 'ACTIVE']
                } AS yes""", Map.of("u", username, "id", teacherId)).single().get("yes").asBoolean());
    }

    // ---------------------------------------------------------------- diagnostics, plans, courses

    public Map<String, Object> addDiagnostic(String teacherId, Map<String, Object> diagnostic, List<Map<String, Object>> deficits) {
        return neo4j.write(tx -> {
            tx.run("""
                    MATCH (t:Teacher {id: $teacherId})
                    CREATE (t)-[:HAS_DIAGNOSTIC]->(d:Diagnostic)
                    SET d = $d, d.teacherId = $teacherId
                    WITH d UNWIND $deficits AS def
                    CREATE (d)-[:FOUND]->(x:Deficit)
                    SET x = def, x.teacherId = $teacherId, x.date = d.date, x.instrument = d.instrument
                    """, Map.of("teacherId", teacherId, "d", diagnostic, "deficits", deficits)).consume();
            return diagnostics(tx, teacherId).stream().filter(d -> d.get("id").equals(diagnostic.get("id"))).findFirst().orElseThrow();
        });
    }

    public List<Map<String, Object>> diagnostics(String teacherId) {
        return neo4j.read(tx -> diagnostics(tx, teacherId));
    }

    private static List<Map<String, Object>> diagnostics(TransactionContext tx, String teacherId) {
        return tx.run("""
                MATCH (:Teacher {id: $id})-[:HAS_DIAGNOSTIC]->(d:Diagnostic)
                RETURN d {.*, deficits: COLLECT { MATCH (d)-[:FOUND]->(x:Deficit)
                                                  WITH x ORDER BY x.competence RETURN x {.competence, .level, .date, .instrument, .note} }} AS d
                ORDER BY d.date DESC, d.id
                """, Map.of("id", teacherId)).list(r -> r.get("d").asMap());
    }

    public Map<String, Object> createPlan(String teacherId, Map<String, Object> plan, List<Map<String, Object>> goals,
                                          List<Map<String, Object>> activities) {
        return neo4j.write(tx -> {
            tx.run("""
                    MATCH (t:Teacher {id: $teacherId})
                    CREATE (t)-[:HAS_PLAN]->(p:IndividualPlan)
                    SET p = $p, p.teacherId = $teacherId
                    FOREACH (g IN $goals | CREATE (p)-[:HAS_GOAL]->(x:PlanGoal) SET x = g, x.teacherId = $teacherId, x.planId = p.id)
                    FOREACH (a IN $activities | CREATE (p)-[:HAS_ACTIVITY]->(x:DevelopmentActivity) SET x = a, x.planId = p.id)
                    """, Map.of("teacherId", teacherId, "p", plan, "goals", goals, "activities", activities)).consume();
            return plans(tx, teacherId).stream().filter(p -> p.get("id").equals(plan.get("id"))).findFirst().orElseThrow();
        });
    }

    public List<Map<String, Object>> plans(String teacherId) {
        return neo4j.read(tx -> plans(tx, teacherId));
    }

    private static List<Map<String, Object>> plans(TransactionContext tx, String teacherId) {
        return tx.run("""
                MATCH (:Teacher {id: $id})-[:HAS_PLAN]->(p:IndividualPlan)
                RETURN p {.*, goals: COLLECT { MATCH (p)-[:HAS_GOAL]->(g:PlanGoal) WITH g ORDER BY g.deadline, g.id RETURN g {.*} },
                              activities: COLLECT { MATCH (p)-[:HAS_ACTIVITY]->(a:DevelopmentActivity) WITH a ORDER BY a.date, a.id RETURN a {.*} }} AS p
                ORDER BY p.startDate DESC, p.id
                """, Map.of("id", teacherId)).list(r -> r.get("p").asMap());
    }

    public Optional<String> goalTeacher(String goalId) {
        return neo4j.read(tx -> tx.run("MATCH (g:PlanGoal {id: $id}) RETURN g.teacherId AS t", Map.of("id", goalId))
                .stream().findFirst().map(r -> r.get("t").asString()));
    }

    public Map<String, Object> setGoalStatus(String goalId, String status, LocalDate today) {
        return neo4j.write(tx -> tx.run("""
                MATCH (g:PlanGoal {id: $id})
                SET g.status = $status, g.doneOn = CASE WHEN $status = 'DONE' THEN $today ELSE null END
                RETURN g {.*} AS g""", Map.of("id", goalId, "status", status, "today", today)).single().get("g").asMap());
    }

    public Map<String, Object> addCourse(String teacherId, Map<String, Object> course) {
        return neo4j.write(tx -> tx.run("""
                MATCH (t:Teacher {id: $teacherId})
                CREATE (t)-[:COMPLETED_COURSE]->(c:CourseCompletion) SET c = $c, c.teacherId = $teacherId
                RETURN c {.*} AS c""", Map.of("teacherId", teacherId, "c", course)).single().get("c").asMap());
    }

    public List<Map<String, Object>> courses(String teacherId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (:Teacher {id: $id})-[:COMPLETED_COURSE]->(c:CourseCompletion)
                RETURN c {.*} AS c ORDER BY c.completedOn DESC, c.id""", Map.of("id", teacherId)).list(r -> r.get("c").asMap()));
    }

    // ---------------------------------------------------------------- mentoring relations

    private static final String RELATION = """
            r {.*, mentorId: mentor.id, mentorUsername: mentor.username,
               menteeTeacherId: mentee.id, menteeUsername: mentee.username, menteeSchoolId: ms.id,
               lastMeetingDate: COLLECT { MATCH (r)-[:HAS_MEETING]->(m:Meeting) WITH m ORDER BY m.date DESC LIMIT 1 RETURN m.date }[0]}""";
    private static final String RELATION_MATCH = """
            MATCH (r:MentoringRelation)-[:MENTOR]->(mentor:Teacher)
            OPTIONAL MATCH (r)-[:MENTEE]->(mentee:Teacher)
            OPTIONAL MATCH (r)-[:MENTEE_SCHOOL]->(ms:School)
            """;

    /**
     * Creates a PENDING relation in one transaction, refusing (CONFLICT) when the mentor is at capacity or the
     * pair already has an open relation.
     */
    public Map<String, Object> proposeRelation(Map<String, Object> relation, String mentorId, String menteeTeacherId,
                                               String menteeSchoolId) {
        return neo4j.write(tx -> {
            Map<String, Object> p = new HashMap<>();
            p.put("mentorId", mentorId);
            p.put("menteeId", menteeTeacherId);
            var load = tx.run("""
                    MATCH (m:Teacher {id: $mentorId})
                    RETURN coalesce(m.mentorCapacity, 0) AS capacity,
                           COUNT { (m)<-[:MENTOR]-(r:MentoringRelation) WHERE r.status IN ['PENDING', 'ACTIVE'] } AS load,
                           COUNT { (m)<-[:MENTOR]-(r:MentoringRelation)-[:MENTEE]->(:Teacher {id: $menteeId})
                                   WHERE r.status IN ['PENDING', 'ACTIVE'] } AS same
                    """, p).single();
            if (load.get("same").asLong() > 0) {
                throw ApiException.conflict("У этого наставника уже есть действующее наставничество с этим педагогом");
            }
            if (load.get("load").asLong() >= load.get("capacity").asLong()) {
                throw ApiException.conflict("Наставник достиг предельной нагрузки (" + load.get("capacity").asLong()
                        + " наставляемых)");
            }
            p.put("r", relation);
            p.put("schoolId", menteeSchoolId);
            tx.run("""
                    MATCH (mentor:Teacher {id: $mentorId})
                    CREATE (r:MentoringRelation)-[:MENTOR]->(mentor) SET r = $r
                    WITH r
                    OPTIONAL MATCH (mentee:Teacher {id: $menteeId})
                    OPTIONAL MATCH (school:School {id: $schoolId})
                    FOREACH (x IN CASE WHEN mentee IS NULL THEN [] ELSE [mentee] END | CREATE (r)-[:MENTEE]->(x))
                    FOREACH (x IN CASE WHEN school IS NULL THEN [] ELSE [school] END | CREATE (r)-[:MENTEE_SCHOOL]->(x))
                    """, p).consume();
            return relation(tx, (String) relation.get("id")).orElseThrow();
        });
    }

    public Optional<Map<String, Object>> relation(String id) {
        return neo4j.read(tx -> relation(tx, id));
    }

    private static Optional<Map<String, Object>> relation(TransactionContext tx, String id) {
        return tx.run(RELATION_MATCH.replace("MATCH (r:MentoringRelation)", "MATCH (r:MentoringRelation {id: $id})")
                        + " RETURN " + RELATION + " AS r", Map.of("id", id))
                .stream().findFirst().map(r -> r.get("r").asMap());
    }

    /**
     * Applies a transition validated by {@link RelationStatus} in one transaction, with the expected current status
     * as precondition; activation re-checks the mentor's capacity. Nothing changes on refusal.
     */
    public Map<String, Object> transition(String id, RelationStatus from, RelationStatus to, LocalDate today) {
        return neo4j.write(tx -> {
            Map<String, Object> p = Map.of("id", id, "from", from.name(), "to", to.name(), "today", today);
            var changed = tx.run("""
                    MATCH (r:MentoringRelation {id: $id}) WHERE r.status = $from
                    SET r.status = $to,
                        r.endDate = CASE WHEN $to IN ['COMPLETED', 'CANCELLED'] THEN $today ELSE r.endDate END,
                        r.activatedOn = CASE WHEN $to = 'ACTIVE' THEN $today ELSE r.activatedOn END
                    RETURN count(r) AS n""", p).single().get("n").asLong();
            if (changed == 0) {
                throw ApiException.conflict("Статус наставничества изменился, повторите действие");
            }
            return relation(tx, id).orElseThrow();
        });
    }

    public List<Map<String, Object>> relationsAsMentor(String teacherId) {
        return neo4j.read(tx -> tx.run(RELATION_MATCH + " WITH * WHERE mentor.id = $id RETURN " + RELATION
                + " AS r ORDER BY r.startDate, r.id", Map.of("id", teacherId)).list(r -> r.get("r").asMap()));
    }

    public List<Map<String, Object>> relationsAsMentee(String teacherId) {
        return neo4j.read(tx -> tx.run(RELATION_MATCH + " WITH * WHERE mentee.id = $id RETURN " + RELATION
                + " AS r ORDER BY r.startDate, r.id", Map.of("id", teacherId)).list(r -> r.get("r").asMap()));
    }

    /** ACTIVE relations of the region whose last meeting (or start, when none) is before the cut-off date. */
    public List<Map<String, Object>> staleRelations(String regionId, LocalDate before) {
        return neo4j.read(tx -> tx.run(RELATION_MATCH + " WITH * WHERE r.regionId = $regionId AND r.status = 'ACTIVE' RETURN "
                + RELATION + " AS r ORDER BY r.id", Map.of("regionId", regionId)).list(r -> r.get("r").asMap())
                .stream().filter(r -> lastContact(r).isBefore(before)).toList());
    }

    static LocalDate lastContact(Map<String, Object> relation) {
        Object last = relation.get("lastMeetingDate");
        return last != null ? (LocalDate) last : (LocalDate) relation.get("startDate");
    }

    public Map<String, Object> addMeeting(String relationId, Map<String, Object> meeting) {
        return neo4j.write(tx -> {
            var rows = tx.run("""
                    MATCH (r:MentoringRelation {id: $id}) WHERE r.status = 'ACTIVE'
                    CREATE (r)-[:HAS_MEETING]->(m:Meeting) SET m = $m, m.relationId = $id
                    RETURN m {.*} AS m""", Map.of("id", relationId, "m", meeting)).list(r -> r.get("m").asMap());
            if (rows.isEmpty()) {
                throw ApiException.conflict("Встречи записываются только в действующем наставничестве");
            }
            return rows.get(0);
        });
    }

    public List<Map<String, Object>> meetings(String relationId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (:MentoringRelation {id: $id})-[:HAS_MEETING]->(m:Meeting)
                RETURN m {.*} AS m ORDER BY m.date DESC, m.id""", Map.of("id", relationId)).list(r -> r.get("m").asMap()));
    }

    /**
     * Possible mentors in the region with their load and place relative to the mentee's school: paired leader
     * school (a NetworkPair of the mentee's school), same municipality, leader status.
     */
    public List<Map<String, Object>> mentorCandidates(String regionId, String menteeId, String menteeSchoolId,
                                                      String menteeMunicipalityId) {
        Map<String, Object> p = new HashMap<>();
        p.put("regionId", regionId);
        p.put("menteeId", menteeId);
        p.put("schoolId", menteeSchoolId);
        p.put("municipalityId", menteeMunicipalityId);
        return neo4j.read(tx -> tx.run("""
                MATCH (m:Teacher {regionId: $regionId}) WHERE coalesce(m.mentorCapacity, 0) > 0 AND m.id <> $menteeId
                OPTIONAL MATCH (m)-[:WORKS_AT]->(s:School)
                WITH m, s,
                     COUNT { (m)<-[:MENTOR]-(r:MentoringRelation) WHERE r.status IN ['PENDING', 'ACTIVE'] } AS load,
                     EXISTS { MATCH (np:NetworkPair)-[:MENTEE]->(:School {id: $schoolId}), (np)-[:LEADER]->(s)
                              WHERE coalesce(np.status, '') <> 'CANCELLED' } AS paired
                RETURN m {.*, load: load, pairedLeader: paired, sameSchool: s.id = $schoolId,
                          sameMunicipality: s.municipalityId = $municipalityId, schoolName: s.name,
                          leaderSchool: 'LEADER' IN coalesce(s.statuses, [])} AS m
                ORDER BY m.id""", p).list(r -> r.get("m").asMap()));
    }

    /** Teachers of the region with deficits in a diagnostic and no pending or active relation as mentee. */
    public List<Map<String, Object>> unmentoredWithDeficits(String regionId, boolean onlyLowResultSchools) {
        return neo4j.read(tx -> tx.run("""
                MATCH (t:Teacher {regionId: $regionId})-[:WORKS_AT]->(s:School)
                WHERE (NOT $onlyLow OR 'LOW_RESULTS' IN coalesce(s.statuses, []))
                  AND EXISTS { (t)-[:HAS_DIAGNOSTIC]->(:Diagnostic)-[:FOUND]->(:Deficit) }
                  AND NOT EXISTS { MATCH (t)<-[:MENTEE]-(r:MentoringRelation) WHERE r.status IN ['PENDING', 'ACTIVE'] }
                RETURN t {.*} AS t ORDER BY t.id""", Map.of("regionId", regionId, "onlyLow", onlyLowResultSchools))
                .list(r -> r.get("t").asMap()));
    }

    // ---------------------------------------------------------------- associations

    public Map<String, Object> createAssociation(Map<String, Object> association) {
        return neo4j.write(tx -> {
            tx.run("CREATE (a:Association) SET a = $a", Map.of("a", association)).consume();
            return association(tx, (String) association.get("id")).orElseThrow();
        });
    }

    public Optional<Map<String, Object>> association(String id) {
        return neo4j.read(tx -> association(tx, id));
    }

    private static final String ASSOCIATION = """
            a {.*, members: COLLECT { MATCH (t:Teacher)-[:MEMBER_OF]->(a) WITH t ORDER BY t.fullName, t.id RETURN t {.*} },
                   events: COLLECT { MATCH (a)-[:HAS_EVENT]->(e:AssociationEvent) WITH e ORDER BY e.date, e.id RETURN e {.*} }}""";

    private static Optional<Map<String, Object>> association(TransactionContext tx, String id) {
        return tx.run("MATCH (a:Association {id: $id}) RETURN " + ASSOCIATION + " AS a", Map.of("id", id))
                .stream().findFirst().map(r -> r.get("a").asMap());
    }

    public Map<String, Object> addMember(String associationId, String teacherId) {
        return neo4j.write(tx -> {
            var found = tx.run("""
                    OPTIONAL MATCH (a:Association {id: $a})
                    OPTIONAL MATCH (t:Teacher {id: $t})
                    FOREACH (_ IN CASE WHEN a IS NULL OR t IS NULL THEN [] ELSE [1] END | MERGE (t)-[:MEMBER_OF]->(a))
                    RETURN a IS NOT NULL AS association, t IS NOT NULL AS teacher""",
                    Map.of("a", associationId, "t", teacherId)).single();
            if (!found.get("association").asBoolean()) {
                throw ApiException.notFound("Объединение", ApiException.Gender.NEUTER, associationId);
            }
            if (!found.get("teacher").asBoolean()) {
                throw ApiException.notFound("Педагог", ApiException.Gender.MASCULINE, teacherId);
            }
            return association(tx, associationId).orElseThrow();
        });
    }

    public Map<String, Object> addEvent(String associationId, Map<String, Object> event) {
        return neo4j.write(tx -> {
            long n = tx.run("MATCH (a:Association {id: $a}) CREATE (a)-[:HAS_EVENT]->(e:AssociationEvent) SET e = $e RETURN count(e) AS n",
                    Map.of("a", associationId, "e", event)).single().get("n").asLong();
            if (n == 0) {
                throw ApiException.notFound("Объединение", ApiException.Gender.NEUTER, associationId);
            }
            return association(tx, associationId).orElseThrow();
        });
    }

    public List<Map<String, Object>> associations(String regionId, String kind, String subject) {
        Map<String, Object> p = new HashMap<>();
        p.put("regionId", regionId);
        p.put("kind", kind);
        p.put("subject", subject);
        return neo4j.read(tx -> tx.run("""
                MATCH (a:Association {regionId: $regionId})
                WHERE ($kind IS NULL OR a.kind = $kind) AND ($subject IS NULL OR a.subject = $subject)
                RETURN\s""" + ASSOCIATION + " AS a ORDER BY a.name, a.id", p).list(r -> r.get("a").asMap()));
    }

    // ---------------------------------------------------------------- indicators

    /**
     * Counts over the teachers of the region's ШНОР schools. Competence dynamics compare the total deficit weight
     * (sum of level weights) of a teacher's latest diagnostic with the earliest one.
     */
    public Map<String, Object> indicators(String regionId) {
        return neo4j.read(tx -> {
            var row = tx.run("""
                    MATCH (t:Teacher {regionId: $regionId})
                    OPTIONAL MATCH (t)-[:WORKS_AT]->(s:School)
                    WITH t, 'LOW_RESULTS' IN coalesce(s.statuses, []) AS low,
                         COLLECT { MATCH (t)-[:HAS_DIAGNOSTIC]->(d:Diagnostic) RETURN d ORDER BY d.date, d.id } AS diagnostics,
                         EXISTS { MATCH (t)<-[:MENTEE]-(r:MentoringRelation) WHERE r.status IN ['ACTIVE', 'COMPLETED'] } AS mentored,
                         EXISTS { MATCH (t)-[:MEMBER_OF]->(:Association) } AS member
                    WITH t, low, mentored, member,
                         [d IN diagnostics | reduce(w = 0, level IN [(d)-[:FOUND]->(x:Deficit) | x.level] |
                             w + CASE level WHEN 'CRITICAL' THEN 3 WHEN 'MODERATE' THEN 2 ELSE 1 END)] AS weights
                    RETURN count(t) AS teachers,
                           count(CASE WHEN low THEN 1 END) AS low,
                           count(CASE WHEN low AND size(weights) > 0 THEN 1 END) AS diagnosed,
                           count(CASE WHEN low AND size(weights) > 1 THEN 1 END) AS repeat,
                           count(CASE WHEN low AND size(weights) > 1 AND last(weights) < head(weights) THEN 1 END) AS positive,
                           count(CASE WHEN low AND mentored THEN 1 END) AS mentored,
                           count(CASE WHEN low AND member THEN 1 END) AS members,
                           count(CASE WHEN size(weights) > 0 THEN 1 END) AS diagnosedAll,
                           count(CASE WHEN mentored THEN 1 END) AS mentoredAll,
                           count(CASE WHEN member THEN 1 END) AS membersAll
                    """, Map.of("regionId", regionId)).single();
            Map<String, Object> result = new LinkedHashMap<>();
            for (String key : row.keys()) {
                result.put(key, row.get(key).asLong());
            }
            var other = tx.run("""
                    RETURN COUNT { (a:Association {regionId: $regionId}) } AS associations,
                           COUNT { (r:MentoringRelation {regionId: $regionId}) WHERE r.status = 'ACTIVE' } AS activeRelations
                    """, Map.of("regionId", regionId)).single();
            result.put("associations", other.get("associations").asLong());
            result.put("activeRelations", other.get("activeRelations").asLong());
            return result;
        });
    }
}
