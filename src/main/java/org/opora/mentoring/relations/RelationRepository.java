package org.opora.mentoring.relations;

import jakarta.inject.Singleton;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.opora.mentoring.teachers.Rows;
import org.opora.mentoring.teachers.Teacher;
import org.opora.mentoring.teachers.TeacherRepository;
import org.opora.platform.errors.ApiException;
import org.opora.platform.neo4j.Neo4jSessions;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cypher of mentoring relations and meetings: (:MentoringRelation)-[:MENTOR]->(:Teacher),
 * -[:MENTEE]->(:Teacher) or -[:MENTEE_SCHOOL]->(:School), (:MentoringRelation)-[:HAS_MEETING]->(:Meeting).
 */
@Singleton
public class RelationRepository {

    private static final String RELATION = """
            r {.*, mentorId: mentor.id, mentorUsername: mentor.username,
               menteeTeacherId: mentee.id, menteeUsername: mentee.username, menteeSchoolId: ms.id,
               lastMeetingDate: COLLECT { MATCH (r)-[:HAS_MEETING]->(m:Meeting) WITH m ORDER BY m.date DESC LIMIT 1 RETURN m.date }[0]}""";
    private static final String RELATION_MATCH = """
            MATCH (r:MentoringRelation)-[:MENTOR]->(mentor:Teacher)
            OPTIONAL MATCH (r)-[:MENTEE]->(mentee:Teacher)
            OPTIONAL MATCH (r)-[:MENTEE_SCHOOL]->(ms:School)
            """;

    private final Neo4jSessions neo4j;

    RelationRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Creates a PENDING relation in one transaction, refusing (CONFLICT) when the mentor is at capacity or the
     * pair already has an open relation.
     */
    public MentoringRelation propose(MentoringRelation relation) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", relation.id());
        r.put("kind", relation.kind().name());
        r.put("status", relation.status().name());
        r.put("startDate", relation.startDate());
        r.put("plannedEndDate", relation.plannedEndDate());
        r.put("goal", relation.goal());
        r.put("regionId", relation.regionId());
        r.put("municipalityId", relation.municipalityId());
        r.put("schoolId", relation.schoolId());
        r.put("createdBy", relation.createdBy());
        return neo4j.write(tx -> {
            Map<String, Object> p = new HashMap<>();
            p.put("mentorId", relation.mentorId());
            p.put("menteeId", relation.menteeTeacherId());
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
            p.put("r", r);
            p.put("schoolId", relation.menteeSchoolId());
            tx.run("""
                    MATCH (mentor:Teacher {id: $mentorId})
                    CREATE (r:MentoringRelation)-[:MENTOR]->(mentor) SET r = $r
                    WITH r
                    OPTIONAL MATCH (mentee:Teacher {id: $menteeId})
                    OPTIONAL MATCH (school:School {id: $schoolId})
                    FOREACH (x IN CASE WHEN mentee IS NULL THEN [] ELSE [mentee] END | CREATE (r)-[:MENTEE]->(x))
                    FOREACH (x IN CASE WHEN school IS NULL THEN [] ELSE [school] END | CREATE (r)-[:MENTEE_SCHOOL]->(x))
                    """, p).consume();
            return relation(tx, relation.id()).orElseThrow();
        });
    }

    public Optional<MentoringRelation> relation(String id) {
        return neo4j.read(tx -> relation(tx, id));
    }

    private static Optional<MentoringRelation> relation(TransactionContext tx, String id) {
        return tx.run(RELATION_MATCH.replace("MATCH (r:MentoringRelation)", "MATCH (r:MentoringRelation {id: $id})")
                        + " RETURN " + RELATION + " AS r", Map.of("id", id))
                .stream().findFirst().map(r -> relation(r.get("r")));
    }

    /**
     * Applies a transition validated by {@link RelationStatus} in one transaction, with the expected current status
     * as precondition. Nothing changes on refusal.
     */
    public MentoringRelation transition(String id, RelationStatus from, RelationStatus to, LocalDate today) {
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

    /** Relations of each mentor (by teacher id), oldest first (one query for many mentors); every id gets a list. */
    public Map<String, List<MentoringRelation>> relationsOfMentors(Collection<String> teacherIds) {
        return Rows.groupedBy(teacherIds, neo4j.read(tx -> tx.run(RELATION_MATCH + " WITH * WHERE mentor.id IN $ids RETURN " + RELATION
                + " AS r ORDER BY r.startDate, r.id", Map.of("ids", List.copyOf(teacherIds)))
                .list(r -> Map.entry(r.get("r").get("mentorId").asString(), relation(r.get("r"))))));
    }

    public List<MentoringRelation> relationsAsMentee(String teacherId) {
        return neo4j.read(tx -> tx.run(RELATION_MATCH + " WITH * WHERE mentee.id = $id RETURN " + RELATION
                + " AS r ORDER BY r.startDate, r.id", Map.of("id", teacherId)).list(r -> relation(r.get("r"))));
    }

    /** ACTIVE relations of the region whose last meeting (or start, when none) is before the cut-off date. */
    public List<MentoringRelation> staleRelations(String regionId, LocalDate before) {
        return neo4j.read(tx -> tx.run(RELATION_MATCH + " WITH * WHERE r.regionId = $regionId AND r.status = 'ACTIVE' RETURN "
                + RELATION + " AS r ORDER BY r.id", Map.of("regionId", regionId)).list(r -> relation(r.get("r"))))
                .stream().filter(r -> r.lastContact().isBefore(before)).toList();
    }

    /** Adds a meeting to an ACTIVE relation (CONFLICT otherwise). */
    public Meeting addMeeting(Meeting meeting) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", meeting.id());
        m.put("date", meeting.date());
        m.put("topic", meeting.topic());
        m.put("sharedNotes", meeting.sharedNotes());
        m.put("privateNotes", meeting.privateNotes());
        m.put("nextSteps", meeting.nextSteps());
        return neo4j.write(tx -> {
            var rows = tx.run("""
                    MATCH (r:MentoringRelation {id: $id}) WHERE r.status = 'ACTIVE'
                    CREATE (r)-[:HAS_MEETING]->(m:Meeting) SET m = $m, m.relationId = $id
                    RETURN m {.*} AS m""", Map.of("id", meeting.relationId(), "m", m)).list(r -> meeting(r.get("m")));
            if (rows.isEmpty()) {
                throw ApiException.conflict("Встречи записываются только в действующем наставничестве");
            }
            return rows.get(0);
        });
    }

    /** Meetings of each relation, newest first (one query for many relations); every id gets a list. */
    public Map<String, List<Meeting>> meetingsOf(Collection<String> relationIds) {
        return Rows.groupedBy(relationIds, neo4j.read(tx -> tx.run("""
                MATCH (r:MentoringRelation)-[:HAS_MEETING]->(m:Meeting) WHERE r.id IN $ids
                RETURN r.id AS relationId, m {.*} AS m ORDER BY m.date DESC, m.id""", Map.of("ids", List.copyOf(relationIds)))
                .list(r -> Map.entry(r.get("relationId").asString(), meeting(r.get("m"))))));
    }

    /** The latest meeting of each relation that has one (one query for many relations). */
    public Map<String, Meeting> lastMeetingsOf(Collection<String> relationIds) {
        Map<String, Meeting> byRelation = new HashMap<>();
        neo4j.read(tx -> tx.run("""
                MATCH (r:MentoringRelation) WHERE r.id IN $ids
                WITH r, COLLECT { MATCH (r)-[:HAS_MEETING]->(m:Meeting) WITH m ORDER BY m.date DESC, m.id LIMIT 1 RETURN m {.*} } AS last
                WHERE size(last) > 0
                RETURN r.id AS relationId, last[0] AS m""", Map.of("ids", List.copyOf(relationIds)))
                .list(r -> Map.entry(r.get("relationId").asString(), meeting(r.get("m")))))
                .forEach(e -> byRelation.put(e.getKey(), e.getValue()));
        return byRelation;
    }

    /** Possible mentors in the region with their load and place relative to the mentee's school. */
    public List<MentorCandidate> mentorCandidates(String regionId, String menteeId, String menteeSchoolId,
                                                 String menteeMunicipalityId) {
        Map<String, Object> p = new HashMap<>();
        p.put("regionId", regionId);
        p.put("menteeId", menteeId);
        p.put("schoolId", menteeSchoolId);
        p.put("municipalityId", menteeMunicipalityId);
        return neo4j.read(tx -> tx.run("""
                MATCH (t:Teacher {regionId: $regionId}) WHERE coalesce(t.mentorCapacity, 0) > 0 AND t.id <> $menteeId
                OPTIONAL MATCH (t)-[:WORKS_AT]->(s:School)
                WITH t, s,
                     COUNT { (t)<-[:MENTOR]-(r:MentoringRelation) WHERE r.status IN ['PENDING', 'ACTIVE'] } AS load,
                     EXISTS { MATCH (np:NetworkPair)-[:MENTEE]->(:School {id: $schoolId}), (np)-[:LEADER]->(s)
                              WHERE coalesce(np.status, '') <> 'CANCELLED' } AS paired
                RETURN\s""" + TeacherRepository.PROJECTION + """
                \s AS t, load, paired, s.id = $schoolId AS sameSchool, s.municipalityId = $municipalityId AS sameMunicipality,
                  s.name AS schoolName, 'LEADER' IN coalesce(s.statuses, []) AS leaderSchool
                ORDER BY t.id""", p).list(r -> new MentorCandidate(
                TeacherRepository.teacher(r.get("t")), r.get("load").asLong(),
                Rows.bool(r.get("paired")), Rows.bool(r.get("sameSchool")), Rows.bool(r.get("sameMunicipality")),
                Rows.string(r.get("schoolName")), Rows.bool(r.get("leaderSchool")))));
    }

    /** Teachers of the region with deficits in a diagnostic and no pending or active relation as mentee. */
    public List<Teacher> unmentoredWithDeficits(String regionId, boolean onlyLowResultSchools) {
        return neo4j.read(tx -> tx.run("""
                MATCH (t:Teacher {regionId: $regionId})-[:WORKS_AT]->(s:School)
                WHERE (NOT $onlyLow OR 'LOW_RESULTS' IN coalesce(s.statuses, []))
                  AND EXISTS { (t)-[:HAS_DIAGNOSTIC]->(:Diagnostic)-[:FOUND]->(:Deficit) }
                  AND NOT EXISTS { MATCH (t)<-[:MENTEE]-(r:MentoringRelation) WHERE r.status IN ['PENDING', 'ACTIVE'] }
                RETURN\s""" + TeacherRepository.PROJECTION + " AS t ORDER BY t.id",
                Map.of("regionId", regionId, "onlyLow", onlyLowResultSchools))
                .list(r -> TeacherRepository.teacher(r.get("t"))));
    }

    private static MentoringRelation relation(Value r) {
        return new MentoringRelation(r.get("id").asString(), MentoringKind.valueOf(r.get("kind").asString()),
                RelationStatus.valueOf(r.get("status").asString()), r.get("startDate").asLocalDate(),
                Rows.date(r.get("plannedEndDate")), Rows.date(r.get("endDate")), Rows.string(r.get("goal")),
                r.get("regionId").asString(), Rows.string(r.get("municipalityId")), Rows.string(r.get("schoolId")),
                Rows.string(r.get("createdBy")), r.get("mentorId").asString(), Rows.string(r.get("mentorUsername")),
                Rows.string(r.get("menteeTeacherId")), Rows.string(r.get("menteeUsername")), Rows.string(r.get("menteeSchoolId")),
                Rows.date(r.get("lastMeetingDate")));
    }

    private static Meeting meeting(Value m) {
        return new Meeting(m.get("id").asString(), m.get("relationId").asString(), m.get("date").asLocalDate(),
                m.get("topic").asString(), Rows.string(m.get("sharedNotes")), Rows.string(m.get("privateNotes")),
                Rows.strings(m.get("nextSteps")));
    }
}
