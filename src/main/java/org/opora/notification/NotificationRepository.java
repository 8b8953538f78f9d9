package org.opora.notification;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.Value;
import org.opora.monitoring.calendar.CalendarReminder;
import org.opora.platform.auth.Scope;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.platform.neo4j.SchemaMigration;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Cypher of stored notifications {@code (:Notification {id, username, key, kind, title, message, date, link, urgent,
 * createdAt, readAt, emailedAt})}, one per user and fact (key), and of the facts the daily job finds besides the
 * computed ones: overdue programme measures and recommendations due. Users are read from {@code (:User)} (enabled only).
 */
@Singleton
class NotificationRepository implements SchemaMigration {

    /** A fact for one user: the notification is stored under its id as the key. */
    record Fact(String username, Notification notification) {
    }

    /** New notifications of one user who has an e-mail address, not yet e-mailed. */
    record Unsent(String username, String displayName, String email, List<StoredNotification> notifications) {
    }

    private static final String PROJECTION = "n {.id, .key, .kind, .title, .message, .date, .link, .urgent, .createdAt, .readAt, .emailedAt}";

    private final Neo4jSessions neo4j;

    NotificationRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    @Override
    public String id() {
        return "701-notifications";
    }

    @Override
    public List<String> statements() {
        return List.of(
                "CREATE CONSTRAINT notification_id IF NOT EXISTS FOR (n:Notification) REQUIRE n.id IS UNIQUE",
                "CREATE CONSTRAINT notification_user_key IF NOT EXISTS FOR (n:Notification) REQUIRE (n.username, n.key) IS UNIQUE",
                "CREATE INDEX notification_user_created IF NOT EXISTS FOR (n:Notification) ON (n.username, n.createdAt)",
                "CREATE INDEX user_email IF NOT EXISTS FOR (u:User) ON (u.email)");
    }

    /** Enabled users (one when {@code username} is given), by username. */
    List<Recipient> recipients(@Nullable String username) {
        Map<String, Object> p = new HashMap<>();
        p.put("username", username);
        return neo4j.readOnce("""
                MATCH (u:User) WHERE ($username IS NULL OR u.username = $username) AND coalesce(u.enabled, true)
                RETURN u.username AS username, u.displayName AS displayName, coalesce(u.roles, []) AS roles,
                       u.regionId AS regionId, u.municipalityId AS municipalityId, u.schoolId AS schoolId, u.email AS email
                ORDER BY u.username""", p, r -> r.list(row -> Recipient.of(row.get("username").asString(),
                string(row.get("displayName")), row.get("roles").asList(Value::asString),
                new Scope(string(row.get("regionId")), string(row.get("municipalityId")), string(row.get("schoolId"))),
                string(row.get("email")))));
    }

    /** Regions that have users (the daily job asks each region's calendar for its reminders). */
    List<String> regionsWithUsers() {
        return neo4j.readOnce("MATCH (r:Region) WHERE EXISTS { MATCH (u:User {regionId: r.id}) } RETURN r.id AS id ORDER BY id",
                Map.of(), r -> r.list(row -> row.get("id").asString()));
    }

    /** For each reminder, the enabled users holding its role exactly on its territory. */
    List<Fact> calendarFacts(List<CalendarReminder> reminders, @Nullable String username) {
        if (reminders.isEmpty()) {
            return List.of();
        }
        Map<String, Notification> byKey = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CalendarReminder r : reminders) {
            byKey.put(r.key(), new Notification(r.key(), r.overdue() ? NotificationKind.CALENDAR_OVERDUE : NotificationKind.CALENDAR_REMINDER,
                    r.title(), r.message(), r.date(), r.link(), r.overdue()));
            Map<String, Object> row = new HashMap<>();
            row.put("key", r.key());
            row.put("role", r.role().name());
            row.put("regionId", r.regionId());
            row.put("municipalityId", r.municipalityId());
            row.put("schoolId", r.schoolId());
            rows.add(row);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("rows", rows);
        p.put("username", username);
        return neo4j.readOnce("""
                UNWIND $rows AS r
                MATCH (u:User {regionId: r.regionId})
                WHERE ($username IS NULL OR u.username = $username) AND coalesce(u.enabled, true) AND r.role IN u.roles
                  AND coalesce(u.municipalityId, '') = coalesce(r.municipalityId, '') AND coalesce(u.schoolId, '') = coalesce(r.schoolId, '')
                RETURN u.username AS username, r.key AS key""", p,
                res -> res.list(row -> new Fact(row.get("username").asString(), byKey.get(row.get("key").asString()))));
    }

    /** Measures of programmes in force past their deadline and not done, to the administrators of the school. */
    List<Fact> overdueMeasures(LocalDate date, @Nullable String username) {
        Map<String, Object> p = new HashMap<>();
        p.put("date", date);
        p.put("username", username);
        return neo4j.readOnce("""
                MATCH (u:User) WHERE ($username IS NULL OR u.username = $username) AND coalesce(u.enabled, true)
                  AND 'SCHOOL_ADMIN' IN u.roles AND u.schoolId IS NOT NULL
                MATCH (:School {id: u.schoolId})-[:HAS_PROGRAMME]->(p:SchoolProgramme)-[:HAS_MEASURE]->(m:ProgrammeMeasure)
                WHERE p.status IN ['AGREED', 'IN_PROGRESS'] AND m.deadline < $date AND NOT m.status IN ['DONE', 'CANCELLED']
                RETURN u.username AS username, p.id AS programmeId, p.title AS programme, m.id AS id, m.title AS title,
                       m.deadline AS deadline
                ORDER BY username, deadline, id""", p, r -> r.list(row -> new Fact(row.get("username").asString(),
                new Notification("measure-" + row.get("id").asString(), NotificationKind.PROGRAMME_MEASURE_OVERDUE,
                        "Просрочено мероприятие программы школы",
                        "«" + row.get("title").asString() + "» (" + string(row.get("programme")) + "), срок "
                                + Dates.ru(row.get("deadline").asLocalDate()),
                        row.get("deadline").asLocalDate(), "/programmes/" + row.get("programmeId").asString(), true))));
    }

    /**
     * Issued recommendations (no answer yet) due within {@code soonDays} or overdue, to who answers them: the school's
     * administrators (SCHOOL, PARENTS), the teacher's own login (TEACHER), the municipality's coordinators.
     * The key differs before and after the due date, so each recommendation reminds at most twice. {@code regionId}
     * narrows the scan for one user's refresh.
     */
    List<Fact> recommendationsDue(LocalDate date, int soonDays, @Nullable String username, @Nullable String regionId) {
        Map<String, Object> p = new HashMap<>();
        p.put("regionId", regionId);
        p.put("date", date);
        p.put("until", date.plusDays(soonDays));
        p.put("username", username);
        return neo4j.readOnce("""
                MATCH (r:Recommendation {status: 'ISSUED'}) WHERE r.dueDate <= $until AND ($regionId IS NULL OR r.regionId = $regionId)
                CALL (r) {
                  MATCH (u:User {regionId: r.regionId}) WHERE r.addresseeKind IN ['SCHOOL', 'PARENTS'] AND u.schoolId = r.schoolId AND 'SCHOOL_ADMIN' IN u.roles
                  RETURN u
                  UNION
                  MATCH (t:Teacher {id: r.teacherId}) WHERE r.addresseeKind = 'TEACHER' MATCH (u:User {username: t.username})
                  RETURN u
                  UNION
                  MATCH (u:User {regionId: r.regionId}) WHERE r.addresseeKind = 'MUNICIPALITY' AND u.municipalityId = r.municipalityId
                    AND u.schoolId IS NULL AND 'MUNICIPAL_COORDINATOR' IN u.roles
                  RETURN u
                }
                WITH r, u WHERE ($username IS NULL OR u.username = $username) AND coalesce(u.enabled, true)
                RETURN u.username AS username, r.id AS id, r.text AS text, r.dueDate AS dueDate, r.dueDate < $date AS overdue
                ORDER BY username, dueDate, id""", p, r -> r.list(row -> {
            boolean overdue = row.get("overdue").asBoolean();
            LocalDate due = row.get("dueDate").asLocalDate();
            String text = row.get("text").asString();
            return new Fact(row.get("username").asString(), new Notification(
                    "recommendation-" + row.get("id").asString() + (overdue ? "-overdue" : "-due"), NotificationKind.RECOMMENDATION_DUE,
                    overdue ? "Просрочен ответ на рекомендацию" : "Скоро срок ответа на рекомендацию",
                    "«" + (text.length() > 120 ? text.substring(0, 117) + "…" : text) + "», срок " + Dates.ru(due),
                    due, "/recommendations", overdue));
        }));
    }

    /** Stores the facts not stored yet for their user (by key) and returns the new ones. */
    List<StoredNotification> store(List<Fact> facts, ZonedDateTime now) {
        if (facts.isEmpty()) {
            return List.of();
        }
        String batch = UUID.randomUUID().toString();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Fact f : facts) {
            Notification n = f.notification();
            Map<String, Object> row = new HashMap<>();
            row.put("username", f.username());
            row.put("key", n.id());
            row.put("kind", n.kind().name());
            row.put("title", n.title());
            row.put("message", n.message());
            row.put("date", n.date());
            row.put("link", n.link());
            row.put("urgent", n.urgent());
            rows.add(row);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("rows", rows);
        p.put("batch", batch);
        p.put("now", now);
        return neo4j.write(tx -> tx.run("""
                UNWIND $rows AS row
                MERGE (n:Notification {username: row.username, key: row.key})
                ON CREATE SET n.id = 'NTF-' + randomUUID(), n.kind = row.kind, n.title = row.title, n.message = row.message,
                              n.date = row.date, n.link = row.link, n.urgent = row.urgent, n.createdAt = $now, n.batch = $batch
                WITH n WHERE n.batch = $batch
                REMOVE n.batch
                RETURN\s""" + PROJECTION + " AS n", p).list(row -> notification(row.get("n"))));
    }

    NotificationInbox inbox(String username, boolean unreadOnly, int first) {
        Map<String, Object> p = Map.of("username", username, "unreadOnly", unreadOnly, "first", first);
        return neo4j.read(tx -> {
            var counts = tx.run("""
                    MATCH (n:Notification {username: $username})
                    RETURN count(n) AS total, count(CASE WHEN n.readAt IS NULL THEN 1 END) AS unread""", p).single();
            List<StoredNotification> items = tx.run("""
                    MATCH (n:Notification {username: $username}) WHERE NOT $unreadOnly OR n.readAt IS NULL
                    RETURN\s""" + PROJECTION + """
                     AS n ORDER BY n.createdAt DESC, n.urgent DESC, n.id LIMIT $first""", p).list(row -> notification(row.get("n")));
            return new NotificationInbox(counts.get("unread").asInt(), counts.get("total").asInt(), items);
        });
    }

    /** Marks the user's own notifications among {@code ids} read (others' ids are ignored); how many changed. */
    int markRead(String username, @Nullable List<String> ids, ZonedDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("username", username);
        p.put("ids", ids);
        p.put("now", now);
        return neo4j.write(tx -> tx.run("""
                MATCH (n:Notification {username: $username}) WHERE n.readAt IS NULL AND ($ids IS NULL OR n.id IN $ids)
                SET n.readAt = $now
                RETURN count(n) AS changed""", p).single().get("changed").asInt());
    }

    /** Unread notifications created since {@code since} and not e-mailed, of enabled users with an address. */
    List<Unsent> unsent(ZonedDateTime since) {
        return neo4j.readOnce("""
                MATCH (u:User) WHERE u.email IS NOT NULL AND coalesce(u.enabled, true)
                MATCH (n:Notification {username: u.username})
                WHERE n.createdAt >= $since AND n.emailedAt IS NULL AND n.readAt IS NULL
                WITH u, n ORDER BY n.urgent DESC, n.createdAt, n.id
                RETURN u.username AS username, coalesce(u.displayName, u.username) AS displayName, u.email AS email,
                       collect(""" + PROJECTION + """
                ) AS items
                ORDER BY username""", Map.of("since", since), r -> r.list(row -> new Unsent(row.get("username").asString(),
                row.get("displayName").asString(), row.get("email").asString(), row.get("items").asList(this::notification))));
    }

    void markEmailed(List<String> ids, ZonedDateTime now) {
        neo4j.write(tx -> tx.run("MATCH (n:Notification) WHERE n.id IN $ids SET n.emailedAt = $now",
                Map.of("ids", ids, "now", now)).consume());
    }

    private StoredNotification notification(Value n) {
        return new StoredNotification(n.get("id").asString(), n.get("key").asString(), NotificationKind.valueOf(n.get("kind").asString()),
                n.get("title").asString(), n.get("message").asString(), n.get("date").isNull() ? null : n.get("date").asLocalDate(),
                string(n.get("link")), n.get("urgent").asBoolean(false), n.get("createdAt").asZonedDateTime(),
                n.get("readAt").isNull() ? null : n.get("readAt").asZonedDateTime(),
                n.get("emailedAt").isNull() ? null : n.get("emailedAt").asZonedDateTime());
    }

    private static String string(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }
}
