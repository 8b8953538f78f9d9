package org.opora.support.events;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.opora.mentoring.plans.ActivityKind;
import org.opora.mentoring.plans.DevelopmentActivity;
import org.opora.mentoring.teachers.CompetenceArea;
import org.opora.mentoring.teachers.Rows;
import org.opora.platform.graphql.Connection;
import org.opora.platform.neo4j.Neo4jSessions;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cypher of events, registrations and the course catalogue: {@code (:SupportEvent {id, regionId, ...})},
 * {@code (:EventRegistration {id, key, eventId, schoolId, teacherId, ...})-[:FOR_EVENT]->(:SupportEvent)},
 * {@code (:CatalogueCourse {id, regionId, ...})}, and {@code (:DevelopmentActivity {catalogueCourseId})} for an
 * activity of a teacher's plan that follows a catalogue course. A registration's key ({@code eventId|schoolId|teacherId})
 * is unique, so a school or a teacher registers for an event once.
 */
@Singleton
public class EventRepository {

    private static final String EVENT = """
            e {.*, registeredCount: COUNT { (e)<-[:FOR_EVENT]-(:EventRegistration) },
                   attendedCount: COUNT { (e)<-[:FOR_EVENT]-(x:EventRegistration) WHERE x.attended = true }}""";
    private static final String REGISTRATION = """
            r {.*, teacherUsername: head(COLLECT { MATCH (t:Teacher) WHERE t.id = r.teacherId RETURN t.username })}""";

    private final Neo4jSessions neo4j;

    EventRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    /** The new event's row; its id and counts are the server's. */
    record NewEvent(String id, String regionId, EventKind kind, EventLevel level, EventFormat format, String title, String topic,
                    String targetGroup, EventAudience audience, LocalDate startDate, LocalDate endDate,
                    @Nullable String municipalityId, @Nullable String hostSchoolId, @Nullable String organiserName,
                    @Nullable String place, @Nullable Integer capacity, @Nullable String courseId, String createdBy) {
    }

    SupportEvent create(TransactionContext tx, NewEvent in) {
        Map<String, Object> e = new HashMap<>();
        e.put("id", in.id());
        e.put("regionId", in.regionId());
        e.put("kind", in.kind().name());
        e.put("level", in.level().name());
        e.put("format", in.format().name());
        e.put("title", in.title());
        e.put("topic", in.topic());
        e.put("targetGroup", in.targetGroup());
        e.put("audience", in.audience().name());
        e.put("startDate", in.startDate());
        e.put("endDate", in.endDate());
        e.put("municipalityId", in.municipalityId());
        e.put("hostSchoolId", in.hostSchoolId());
        e.put("organiserName", in.organiserName());
        e.put("place", in.place());
        e.put("capacity", in.capacity());
        e.put("courseId", in.courseId());
        e.put("createdBy", in.createdBy());
        return event(tx.run("CREATE (e:SupportEvent) SET e = $e, e.createdAt = datetime() RETURN " + EVENT + " AS e",
                Map.of("e", e)).single().get("e"));
    }

    Optional<SupportEvent> event(TransactionContext tx, String id) {
        return tx.run("MATCH (e:SupportEvent {id: $id}) RETURN " + EVENT + " AS e", Map.of("id", id))
                .stream().findFirst().map(r -> event(r.get("e")));
    }

    /** Events by id (one query for many). */
    Map<String, SupportEvent> eventsByIds(Collection<String> ids) {
        Map<String, SupportEvent> result = new HashMap<>();
        neo4j.read(tx -> tx.run("MATCH (e:SupportEvent) WHERE e.id IN $ids RETURN " + EVENT + " AS e", Map.of("ids", List.copyOf(ids)))
                .list(r -> event(r.get("e")))).forEach(e -> result.put(e.id(), e));
        return result;
    }

    /** The filter of the events list (null fields do not filter). */
    record Filter(@Nullable EventLevel level, @Nullable EventFormat format, @Nullable EventKind kind, @Nullable LocalDate from,
                  @Nullable LocalDate to) {
    }

    /** A page of a region's events, latest start first; the cursor is (startDate, id) of the last event seen. */
    Connection<SupportEvent> page(String regionId, Filter filter, Connection.Request request) {
        Map<String, Object> params = new HashMap<>();
        params.put("regionId", regionId);
        params.put("level", filter.level() == null ? null : filter.level().name());
        params.put("format", filter.format() == null ? null : filter.format().name());
        params.put("kind", filter.kind() == null ? null : filter.kind().name());
        params.put("from", filter.from());
        params.put("to", filter.to());
        params.put("afterDate", request.after(0));
        params.put("afterId", request.after(1));
        params.put("limit", request.fetchSize());
        String where = """
                WHERE ($level IS NULL OR e.level = $level) AND ($format IS NULL OR e.format = $format)
                  AND ($kind IS NULL OR e.kind = $kind) AND ($from IS NULL OR e.endDate >= $from) AND ($to IS NULL OR e.startDate <= $to)""";
        return neo4j.read(tx -> {
            long total = tx.run("MATCH (e:SupportEvent {regionId: $regionId}) " + where + " RETURN count(e) AS n", params)
                    .single().get("n").asLong();
            List<SupportEvent> rows = tx.run("MATCH (e:SupportEvent {regionId: $regionId}) " + where + """
                      AND ($afterDate IS NULL OR e.startDate < date($afterDate) OR (e.startDate = date($afterDate) AND e.id > $afterId))
                    WITH e ORDER BY e.startDate DESC, e.id LIMIT $limit
                    RETURN""" + " " + EVENT + " AS e", params).list(r -> event(r.get("e")));
            return Connection.of(rows, request, total, e -> Connection.cursor(e.startDate().toString(), e.id()));
        });
    }

    // ------------------------------------------------------------------ registrations

    record NewRegistration(String id, String eventId, String schoolId, String regionId, @Nullable String municipalityId,
                           @Nullable String teacherId, String registeredBy) {
    }

    /** True when this school (teacherId null) or teacher is already registered for the event. */
    boolean registered(TransactionContext tx, String eventId, String schoolId, @Nullable String teacherId) {
        return tx.run("MATCH (r:EventRegistration {key: $key}) RETURN r.id", Map.of("key", key(eventId, schoolId, teacherId)))
                .hasNext();
    }

    /** Locks the event (a write on it), so that two registrations cannot both pass the capacity check. */
    void lockEvent(TransactionContext tx, String eventId) {
        tx.run("MATCH (e:SupportEvent {id: $id}) SET e._lock = true REMOVE e._lock", Map.of("id", eventId)).consume();
    }

    EventRegistration register(TransactionContext tx, NewRegistration in) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", in.id());
        r.put("key", key(in.eventId(), in.schoolId(), in.teacherId()));
        r.put("eventId", in.eventId());
        r.put("schoolId", in.schoolId());
        r.put("regionId", in.regionId());
        r.put("municipalityId", in.municipalityId());
        r.put("teacherId", in.teacherId());
        r.put("registeredBy", in.registeredBy());
        return registration(tx.run("""
                MATCH (e:SupportEvent {id: $r.eventId})
                CREATE (r:EventRegistration)-[:FOR_EVENT]->(e) SET r = $r, r.registeredAt = datetime()
                RETURN""" + " " + REGISTRATION + " AS r", Map.of("r", r)).single().get("r"));
    }

    Optional<EventRegistration> registration(TransactionContext tx, String id) {
        return tx.run("MATCH (r:EventRegistration {id: $id}) RETURN " + REGISTRATION + " AS r", Map.of("id", id))
                .stream().findFirst().map(x -> registration(x.get("r")));
    }

    EventRegistration markAttendance(TransactionContext tx, String id, boolean attended, String by) {
        return registration(tx.run("MATCH (r:EventRegistration {id: $id}) SET r.attended = $attended, r.markedBy = $by RETURN "
                + REGISTRATION + " AS r", Map.of("id", id, "attended", attended, "by", by)).single().get("r"));
    }

    /** Registrations of each event, schools first then teachers, by registration time (one query for many events). */
    Map<String, List<EventRegistration>> registrationsOfEvents(Collection<String> eventIds) {
        return Rows.groupedBy(eventIds, neo4j.read(tx -> tx.run("""
                MATCH (r:EventRegistration) WHERE r.eventId IN $ids
                RETURN""" + " " + REGISTRATION + """
                 AS r ORDER BY r.teacherId IS NOT NULL, r.registeredAt, r.id""", Map.of("ids", List.copyOf(eventIds)))
                .list(x -> {
                    EventRegistration r = registration(x.get("r"));
                    return Map.entry(r.eventId(), r);
                })));
    }

    /** Registrations of each school (its own and its teachers'), latest event first. */
    Map<String, List<EventRegistration>> registrationsOfSchools(Collection<String> schoolIds) {
        return Rows.groupedBy(schoolIds, neo4j.read(tx -> tx.run("""
                MATCH (r:EventRegistration)-[:FOR_EVENT]->(e:SupportEvent) WHERE r.schoolId IN $ids
                RETURN""" + " " + REGISTRATION + """
                 AS r ORDER BY e.startDate DESC, e.id, r.teacherId IS NOT NULL, r.id""", Map.of("ids", List.copyOf(schoolIds)))
                .list(x -> {
                    EventRegistration r = registration(x.get("r"));
                    return Map.entry(r.schoolId(), r);
                })));
    }

    /** Registrations of each teacher, latest event first. */
    Map<String, List<EventRegistration>> registrationsOfTeachers(Collection<String> teacherIds) {
        return Rows.groupedBy(teacherIds, neo4j.read(tx -> tx.run("""
                MATCH (r:EventRegistration)-[:FOR_EVENT]->(e:SupportEvent) WHERE r.teacherId IN $ids
                RETURN""" + " " + REGISTRATION + """
                 AS r ORDER BY e.startDate DESC, e.id""", Map.of("ids", List.copyOf(teacherIds)))
                .list(x -> {
                    EventRegistration r = registration(x.get("r"));
                    return Map.entry(r.teacherId(), r);
                })));
    }

    // ------------------------------------------------------------------ course catalogue

    CatalogueCourse createCourse(CatalogueCourse course) {
        Map<String, Object> c = new HashMap<>();
        c.put("id", course.id());
        c.put("regionId", course.regionId());
        c.put("title", course.title());
        c.put("provider", course.provider());
        c.put("hours", course.hours());
        c.put("competences", course.competences().stream().map(Enum::name).toList());
        c.put("format", course.format().name());
        c.put("description", course.description());
        return neo4j.write(tx -> course(tx.run("CREATE (c:CatalogueCourse) SET c = $c RETURN c {.*} AS c", Map.of("c", c))
                .single().get("c")));
    }

    Optional<CatalogueCourse> course(TransactionContext tx, String id) {
        return tx.run("MATCH (c:CatalogueCourse {id: $id}) RETURN c {.*} AS c", Map.of("id", id))
                .stream().findFirst().map(r -> course(r.get("c")));
    }

    Map<String, CatalogueCourse> coursesByIds(Collection<String> ids) {
        Map<String, CatalogueCourse> result = new HashMap<>();
        neo4j.read(tx -> tx.run("MATCH (c:CatalogueCourse) WHERE c.id IN $ids RETURN c {.*} AS c", Map.of("ids", List.copyOf(ids)))
                .list(r -> course(r.get("c")))).forEach(c -> result.put(c.id(), c));
        return result;
    }

    List<CatalogueCourse> catalogue(String regionId, @Nullable CompetenceArea competence) {
        Map<String, Object> params = new HashMap<>();
        params.put("regionId", regionId);
        params.put("competence", competence == null ? null : competence.name());
        return neo4j.read(tx -> tx.run("""
                MATCH (c:CatalogueCourse {regionId: $regionId}) WHERE $competence IS NULL OR $competence IN c.competences
                RETURN c {.*} AS c ORDER BY c.title, c.id""", params).list(r -> course(r.get("c"))));
    }

    /** The activity's teacher and the linked course id, when the activity exists. */
    record ActivityRef(String teacherId, @Nullable String courseId) {
    }

    Optional<ActivityRef> activity(TransactionContext tx, String activityId) {
        return tx.run("""
                MATCH (t:Teacher)-[:HAS_PLAN]->(:IndividualPlan)-[:HAS_ACTIVITY]->(a:DevelopmentActivity {id: $id})
                RETURN t.id AS teacherId, a.catalogueCourseId AS courseId""", Map.of("id", activityId))
                .stream().findFirst().map(r -> new ActivityRef(r.get("teacherId").asString(), Rows.string(r.get("courseId"))));
    }

    /** Sets or clears the activity's course; returns the activity as the plans read it. */
    DevelopmentActivity linkActivity(TransactionContext tx, String activityId, @Nullable String courseId) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", activityId);
        params.put("courseId", courseId);
        Value a = tx.run("MATCH (a:DevelopmentActivity {id: $id}) SET a.catalogueCourseId = $courseId RETURN a {.*} AS a", params)
                .single().get("a");
        return new DevelopmentActivity(a.get("id").asString(), ActivityKind.valueOf(a.get("kind").asString()),
                a.get("title").asString(), Rows.date(a.get("date")), Rows.string(a.get("hostSchoolId")), Rows.bool(a.get("done")));
    }

    /** The catalogue course of each activity that has one (one query for many activities). */
    Map<String, CatalogueCourse> activityCourses(Collection<String> activityIds) {
        Map<String, CatalogueCourse> result = new HashMap<>();
        neo4j.read(tx -> tx.run("""
                MATCH (a:DevelopmentActivity) WHERE a.id IN $ids
                MATCH (c:CatalogueCourse {id: a.catalogueCourseId})
                RETURN a.id AS id, c {.*} AS c""", Map.of("ids", List.copyOf(activityIds)))
                .list(r -> Map.entry(r.get("id").asString(), course(r.get("c"))))).forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    // ------------------------------------------------------------------ indicators

    /**
     * The region's ШНОР and ШНСУ schools, those that (or whose teachers) attended a seminar or a round table, and their
     * teachers who attended any event.
     */
    ParticipationIndicators indicators(String regionId) {
        return neo4j.read(tx -> {
            var row = tx.run("""
                    MATCH (s:School {regionId: $regionId})
                    WHERE any(x IN coalesce(s.statuses, []) WHERE x IN ['LOW_RESULTS', 'UNFAVOURABLE_CONTEXT'])
                    WITH s, EXISTS { MATCH (r:EventRegistration {schoolId: s.id})-[:FOR_EVENT]->(e:SupportEvent)
                                     WHERE r.attended = true AND e.kind IN ['SEMINAR', 'ROUND_TABLE'] } AS attending,
                         COUNT { MATCH (r:EventRegistration {schoolId: s.id}) WHERE r.attended = true AND r.teacherId IS NOT NULL
                                 RETURN DISTINCT r.teacherId } AS teachers
                    RETURN count(s) AS schools, count(CASE WHEN attending THEN 1 END) AS attending, sum(teachers) AS teachers
                    """, Map.of("regionId", regionId)).single();
            return new ParticipationIndicators(row.get("schools").asLong(), row.get("attending").asLong(), row.get("teachers").asLong());
        });
    }

    // ------------------------------------------------------------------ rows

    private static String key(String eventId, String schoolId, @Nullable String teacherId) {
        return eventId + "|" + schoolId + "|" + (teacherId == null ? "" : teacherId);
    }

    private static SupportEvent event(Value e) {
        return new SupportEvent(e.get("id").asString(), e.get("regionId").asString(), EventKind.valueOf(e.get("kind").asString()),
                EventLevel.valueOf(e.get("level").asString()), EventFormat.valueOf(e.get("format").asString()),
                e.get("title").asString(), e.get("topic").asString(), e.get("targetGroup").asString(),
                EventAudience.valueOf(e.get("audience").asString()), e.get("startDate").asLocalDate(), e.get("endDate").asLocalDate(),
                Rows.string(e.get("municipalityId")), Rows.string(e.get("hostSchoolId")), Rows.string(e.get("organiserName")),
                Rows.string(e.get("place")), Rows.integer(e.get("capacity")), Rows.string(e.get("courseId")),
                e.get("createdBy").asString(), e.get("registeredCount").asInt(), e.get("attendedCount").asInt());
    }

    private static EventRegistration registration(Value r) {
        return new EventRegistration(r.get("id").asString(), r.get("eventId").asString(), r.get("schoolId").asString(),
                r.get("regionId").asString(), Rows.string(r.get("municipalityId")), Rows.string(r.get("teacherId")),
                Rows.string(r.get("teacherUsername")), r.get("registeredBy").asString(), r.get("registeredAt").asZonedDateTime(),
                r.get("attended").isNull() ? null : r.get("attended").asBoolean(), Rows.string(r.get("markedBy")));
    }

    private static CatalogueCourse course(Value c) {
        return new CatalogueCourse(c.get("id").asString(), c.get("regionId").asString(), c.get("title").asString(),
                c.get("provider").asString(), c.get("hours").asInt(),
                c.get("competences").asList(v -> CompetenceArea.valueOf(v.asString())), EventFormat.valueOf(c.get("format").asString()),
                Rows.string(c.get("description")));
    }
}
