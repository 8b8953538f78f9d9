package org.opora.support.help;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.Value;
import org.opora.mentoring.teachers.Rows;
import org.opora.platform.graphql.Connection;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.platform.neo4j.SchemaMigration;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cypher of the methodological help log: {@code (:HelpRecord)-[:HELPED]->(:School)} and, for help to a teacher, also
 * {@code -[:HELPED]->(:Teacher)}; the school's territory is copied onto the record for the list filters.
 */
@Singleton
public class HelpRepository implements SchemaMigration {

    /** Statuses whose schools «methodological support coverage» is counted over (ШНОР, ШНСУ). */
    static final List<String> SUPPORTED_STATUSES = List.of("LOW_RESULTS", "UNFAVOURABLE_CONTEXT");

    private static final String PROJECTION = """
            h {.*, giverName: head(COLLECT { MATCH (u:User {username: h.givenBy}) RETURN u.displayName })}""";

    private final Neo4jSessions neo4j;

    HelpRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    @Override
    public String id() {
        return "621-support-help";
    }

    @Override
    public List<String> statements() {
        return List.of(
                "CREATE CONSTRAINT help_record_id IF NOT EXISTS FOR (h:HelpRecord) REQUIRE h.id IS UNIQUE",
                "CREATE INDEX help_record_region_date IF NOT EXISTS FOR (h:HelpRecord) ON (h.regionId, h.date)",
                "CREATE INDEX help_record_school IF NOT EXISTS FOR (h:HelpRecord) ON (h.schoolId)",
                "CREATE INDEX help_record_teacher IF NOT EXISTS FOR (h:HelpRecord) ON (h.teacherId)");
    }

    /** A new record; the caller has checked the school and teacher exist. */
    HelpRecord create(String id, HelpKind kind, LocalDate date, String topic, String result, String regionId,
                      @Nullable String municipalityId, String schoolId, @Nullable String teacherId, String givenBy) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("kind", kind.name());
        p.put("date", date);
        p.put("topic", topic);
        p.put("result", result);
        p.put("regionId", regionId);
        p.put("municipalityId", municipalityId);
        p.put("schoolId", schoolId);
        p.put("teacherId", teacherId);
        p.put("givenBy", givenBy);
        return neo4j.write(tx -> {
            tx.run("""
                    MATCH (s:School {id: $schoolId})
                    CREATE (h:HelpRecord {id: $id, kind: $kind, date: $date, topic: $topic, result: $result, regionId: $regionId,
                            municipalityId: $municipalityId, schoolId: $schoolId, teacherId: $teacherId, givenBy: $givenBy,
                            recordedAt: datetime()})-[:HELPED]->(s)
                    WITH h
                    OPTIONAL MATCH (t:Teacher {id: $teacherId})
                    FOREACH (x IN CASE WHEN t IS NULL THEN [] ELSE [t] END | CREATE (h)-[:HELPED]->(x))
                    """, p).consume();
            return read(tx.run("MATCH (h:HelpRecord {id: $id}) RETURN " + PROJECTION + " AS h", Map.of("id", id)).single().get("h"));
        });
    }

    /** What a log page holds; null fields do not narrow it. */
    record Filter(String regionId, @Nullable String municipalityId, @Nullable String schoolId, @Nullable String teacherId,
                  @Nullable HelpKind kind, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String givenBy) {
    }

    /** A page, newest first; the cursor is (date, id) of the last record seen. */
    Connection<HelpRecord> list(Filter f, Connection.Request page) {
        Map<String, Object> p = new HashMap<>();
        p.put("regionId", f.regionId());
        p.put("municipalityId", f.municipalityId());
        p.put("schoolId", f.schoolId());
        p.put("teacherId", f.teacherId());
        p.put("kind", f.kind() == null ? null : f.kind().name());
        p.put("from", f.from());
        p.put("to", f.to());
        p.put("givenBy", f.givenBy());
        p.put("afterDate", page.after(0));
        p.put("afterId", page.after(1));
        p.put("limit", page.fetchSize());
        String where = """
                WHERE h.regionId = $regionId
                  AND ($municipalityId IS NULL OR h.municipalityId = $municipalityId)
                  AND ($schoolId IS NULL OR h.schoolId = $schoolId)
                  AND ($teacherId IS NULL OR h.teacherId = $teacherId)
                  AND ($kind IS NULL OR h.kind = $kind)
                  AND ($from IS NULL OR h.date >= $from)
                  AND ($to IS NULL OR h.date <= $to)
                  AND ($givenBy IS NULL OR h.givenBy = $givenBy)
                """;
        return neo4j.read(tx -> {
            long total = tx.run("MATCH (h:HelpRecord) " + where + " RETURN count(h) AS n", p).single().get("n").asLong();
            List<HelpRecord> rows = tx.run("MATCH (h:HelpRecord) " + where + """
                      AND ($afterDate IS NULL OR h.date < date($afterDate) OR (h.date = date($afterDate) AND h.id > $afterId))
                    WITH h ORDER BY h.date DESC, h.id LIMIT $limit
                    """ + "RETURN " + PROJECTION + " AS h", p).list(r -> read(r.get("h")));
            return Connection.of(rows, page, total, h -> Connection.cursor(h.date().toString(), h.id()));
        });
    }

    /** Coverage of the territory's ШНОР/ШНСУ schools by help in the year. */
    SupportCoverage coverage(String regionId, @Nullable String municipalityId, int year) {
        Map<String, Object> p = new HashMap<>();
        p.put("regionId", regionId);
        p.put("municipalityId", municipalityId);
        p.put("statuses", SUPPORTED_STATUSES);
        p.put("from", LocalDate.of(year, 1, 1));
        p.put("to", LocalDate.of(year, 12, 31));
        return neo4j.read(tx -> {
            var row = tx.run("""
                    MATCH (s:School {regionId: $regionId})
                    WHERE ($municipalityId IS NULL OR s.municipalityId = $municipalityId)
                      AND any(x IN coalesce(s.statuses, []) WHERE x IN $statuses)
                    WITH s, EXISTS { MATCH (h:HelpRecord {schoolId: s.id}) WHERE h.date >= $from AND h.date <= $to } AS covered
                    ORDER BY s.name, s.id
                    RETURN count(s) AS schools, sum(CASE WHEN covered THEN 1 ELSE 0 END) AS covered,
                           [x IN collect(CASE WHEN covered THEN null ELSE s.id END) WHERE x IS NOT NULL] AS uncovered
                    """, p).single();
            int schools = row.get("schools").asInt();
            int covered = row.get("covered").asInt();
            return new SupportCoverage(regionId, municipalityId, year, schools, covered,
                    schools == 0 ? null : (double) covered / schools, Rows.strings(row.get("uncovered")));
        });
    }

    /** The teacher's school, if the teacher exists. */
    Optional<String> teacherSchool(String teacherId) {
        return neo4j.read(tx -> tx.run("MATCH (t:Teacher {id: $id}) RETURN t.schoolId AS s", Map.of("id", teacherId))
                .stream().findFirst().map(r -> r.get("s").asString()));
    }

    private static HelpRecord read(Value h) {
        String givenBy = h.get("givenBy").asString();
        String name = Rows.string(h.get("giverName"));
        return new HelpRecord(h.get("id").asString(), HelpKind.valueOf(h.get("kind").asString()), h.get("date").asLocalDate(),
                h.get("topic").asString(), h.get("result").asString(), h.get("regionId").asString(),
                Rows.string(h.get("municipalityId")), h.get("schoolId").asString(), Rows.string(h.get("teacherId")), givenBy,
                name == null || name.isBlank() ? givenBy : name, h.get("recordedAt").asZonedDateTime());
    }
}
