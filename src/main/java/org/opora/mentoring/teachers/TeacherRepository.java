package org.opora.mentoring.teachers;

import jakarta.inject.Singleton;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.opora.platform.errors.ApiException;
import org.opora.platform.neo4j.Neo4jSessions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Cypher of teachers and their logins: (:Teacher)-[:WORKS_AT]->(:School), (:Teacher)-[:LOGIN_AUDIT]->(:TeacherLoginAudit).
 * A teacher is read with the logins of the mentors of its open relations, so that personal-data checks need no query.
 */
@Singleton
public class TeacherRepository {

    /** A teacher as {@link #teacher(Value)} maps it; {@code t} is the teacher node. */
    public static final String PROJECTION = """
            t {.*, mentorUsernames: COLLECT { MATCH (t)<-[:MENTEE]-(r:MentoringRelation)-[:MENTOR]->(m:Teacher)
                                              WHERE r.status IN ['PENDING', 'ACTIVE'] AND m.username IS NOT NULL
                                              RETURN m.username }}""";

    private final Neo4jSessions neo4j;

    TeacherRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    /** Maps a {@link #PROJECTION} value. */
    public static Teacher teacher(Value t) {
        return new Teacher(t.get("id").asString(), t.get("fullName").asString(), Rows.string(t.get("position")),
                Rows.strings(t.get("subjects")), Rows.string(t.get("category")), Rows.integer(t.get("experienceYears"), 0),
                Rows.bool(t.get("youngSpecialist")), Rows.list(t.get("strengths"), v -> CompetenceArea.valueOf(v.asString())),
                Rows.integer(t.get("mentorCapacity"), 0), t.get("schoolId").asString(), t.get("regionId").asString(),
                Rows.string(t.get("municipalityId")), Rows.string(t.get("username")), Rows.strings(t.get("mentorUsernames")));
    }

    /** Creates a new teacher (never overwrites one: the id is the server's, and the id constraint guards it). */
    public Teacher create(TeacherService.NewTeacher in, String id) {
        Map<String, Object> t = new HashMap<>();
        t.put("id", id);
        t.put("fullName", in.fullName());
        t.put("position", in.position());
        t.put("subjects", in.subjects());
        t.put("category", in.category());
        t.put("experienceYears", in.experienceYears());
        t.put("youngSpecialist", in.youngSpecialist());
        t.put("strengths", in.strengths().stream().map(Enum::name).toList());
        t.put("mentorCapacity", in.mentorCapacity());
        t.put("schoolId", in.schoolId());
        return neo4j.write(tx -> {
            var rows = tx.run("""
                    MATCH (s:School {id: $t.schoolId})
                    CREATE (t:Teacher)-[:WORKS_AT]->(s)
                    SET t = $t, t.regionId = s.regionId, t.municipalityId = s.municipalityId
                    RETURN\s""" + PROJECTION + " AS t", Map.of("t", t)).list(r -> teacher(r.get("t")));
            if (rows.isEmpty()) {
                throw ApiException.notFound("Школа", ApiException.Gender.FEMININE, in.schoolId());
            }
            return rows.get(0);
        });
    }

    /** A login (a {@code (:User)}) as the linking rules need it. */
    public record Login(String username, List<String> roles, String regionId, String municipalityId, String schoolId) {
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
    Teacher linkLogin(LoginChange change, Consumer<Login> check) {
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
            Value u = row.get("u");
            check.accept(new Login(change.username(), Rows.strings(u.get("roles")), Rows.string(u.get("regionId")),
                    Rows.string(u.get("municipalityId")), Rows.string(u.get("schoolId"))));
            if (!row.get("other").isNull()) {
                throw ApiException.conflict("Логин «" + change.username() + "» уже привязан к другому педагогу ("
                        + row.get("other").asString() + "); сначала отвяжите его");
            }
            String current = Rows.string(row.get("current"));
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
    Teacher unlinkLogin(String teacherId, String actor) {
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

    private static Teacher teacher(TransactionContext tx, String id) {
        return teacher(tx.run("MATCH (t:Teacher {id: $id}) RETURN " + PROJECTION + " AS t", Map.of("id", id)).single().get("t"));
    }

    public Optional<Teacher> teacher(String id) {
        return neo4j.read(tx -> tx.run("MATCH (t:Teacher {id: $id}) RETURN " + PROJECTION + " AS t", Map.of("id", id))
                .stream().findFirst().map(r -> teacher(r.get("t"))));
    }

    public Optional<Teacher> teacherByUsername(String username) {
        return neo4j.read(tx -> tx.run("MATCH (t:Teacher {username: $u}) RETURN " + PROJECTION + " AS t ORDER BY t.id LIMIT 1",
                Map.of("u", username)).stream().findFirst().map(r -> teacher(r.get("t"))));
    }

    /** Teachers by id, for batch loading (one query for all the teachers a level of a GraphQL response needs). */
    public Map<String, Teacher> teachersByIds(Collection<String> ids) {
        Map<String, Teacher> teachers = new HashMap<>();
        neo4j.read(tx -> tx.run("MATCH (t:Teacher) WHERE t.id IN $ids RETURN " + PROJECTION + " AS t", Map.of("ids", List.copyOf(ids)))
                .list(r -> teacher(r.get("t")))).forEach(t -> teachers.put(t.id(), t));
        return teachers;
    }

    /** Teachers of each of these schools, by name; schools without any are absent. */
    public Map<String, List<Teacher>> teachersOfSchools(Collection<String> schoolIds) {
        Map<String, List<Teacher>> bySchool = new HashMap<>();
        neo4j.read(tx -> tx.run("MATCH (t:Teacher) WHERE t.schoolId IN $ids RETURN " + PROJECTION
                        + " AS t ORDER BY t.fullName, t.id", Map.of("ids", List.copyOf(schoolIds)))
                .list(r -> teacher(r.get("t"))))
                .forEach(t -> bySchool.computeIfAbsent(t.schoolId(), k -> new ArrayList<>()).add(t));
        return bySchool;
    }
}
