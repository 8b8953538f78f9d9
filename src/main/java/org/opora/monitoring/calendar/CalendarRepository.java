package org.opora.monitoring.calendar;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.Value;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.platform.neo4j.SchemaMigration;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cypher of the monitoring calendar: the region's own deadlines {@code (:MonitoringDeadline)-[:FOR_REGION]->(:Region)},
 * the submission marks {@code (:MonitoringSubmission {deadlineId, territoryId})} (document deadlines are not stored,
 * their marks carry the computed id), and the territories that have to submit with what the data shows.
 */
@Singleton
class CalendarRepository implements SchemaMigration {

    /** Current statuses whose schools the documents' school-level monitoring covers (ШНОР, ШНСУ). */
    static final List<String> SUPPORT_STATUSES = List.of("LOW_RESULTS", "UNFAVOURABLE_CONTEXT");

    private final Neo4jSessions neo4j;

    CalendarRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    @Override
    public String id() {
        return "700-monitoring-calendar";
    }

    @Override
    public List<String> statements() {
        return List.of(
                "CREATE CONSTRAINT monitoring_deadline_id IF NOT EXISTS FOR (d:MonitoringDeadline) REQUIRE d.id IS UNIQUE",
                "CREATE INDEX monitoring_deadline_region_year IF NOT EXISTS FOR (d:MonitoringDeadline) ON (d.regionId, d.year)",
                "CREATE INDEX monitoring_submission_deadline IF NOT EXISTS FOR (x:MonitoringSubmission) ON (x.deadlineId, x.territoryId)");
    }

    boolean regionExists(String regionId) {
        return neo4j.readOnce("MATCH (r:Region {id: $id}) RETURN count(r) > 0 AS found", Map.of("id", regionId),
                r -> r.single().get("found").asBoolean());
    }

    List<MonitoringDeadline> regionalDeadlines(String regionId, int year) {
        return neo4j.readOnce("MATCH (d:MonitoringDeadline {regionId: $regionId, year: $year}) RETURN d ORDER BY d.dueDate, d.id",
                Map.of("regionId", regionId, "year", year), r -> r.list(row -> deadline(row.get("d"))));
    }

    Optional<MonitoringDeadline> regionalDeadline(String id) {
        return neo4j.readOnce("MATCH (d:MonitoringDeadline {id: $id}) RETURN d", Map.of("id", id),
                r -> r.list(row -> deadline(row.get("d"))).stream().findFirst());
    }

    MonitoringDeadline create(MonitoringDeadline d) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", d.id());
        p.put("regionId", d.regionId());
        p.put("year", d.year());
        p.put("title", d.title());
        p.put("description", d.description());
        p.put("startDate", d.startDate());
        p.put("dueDate", d.dueDate());
        p.put("submitterLevel", d.submitterLevel().name());
        p.put("supportSchoolsOnly", d.supportSchoolsOnly());
        p.put("createdBy", d.createdBy());
        return neo4j.write(tx -> deadline(tx.run("""
                MATCH (r:Region {id: $regionId})
                CREATE (d:MonitoringDeadline {id: $id, regionId: $regionId, year: $year, title: $title, description: $description,
                        startDate: $startDate, dueDate: $dueDate, submitterLevel: $submitterLevel,
                        supportSchoolsOnly: $supportSchoolsOnly, createdBy: $createdBy, createdAt: datetime()})-[:FOR_REGION]->(r)
                RETURN d""", p).single().get("d")));
    }

    /** Deletes a regional deadline with its marks; false when there was none. */
    boolean delete(String id) {
        return neo4j.write(tx -> {
            tx.run("MATCH (x:MonitoringSubmission {deadlineId: $id}) DELETE x", Map.of("id", id)).consume();
            return tx.run("MATCH (d:MonitoringDeadline {id: $id}) DETACH DELETE d RETURN count(*) AS n", Map.of("id", id))
                    .single().get("n").asLong() > 0;
        });
    }

    void mark(String deadlineId, String regionId, String territoryId, LocalDate on, String markedBy) {
        neo4j.write(tx -> tx.run("""
                MERGE (x:MonitoringSubmission {deadlineId: $deadlineId, territoryId: $territoryId})
                ON CREATE SET x.submittedOn = $on, x.regionId = $regionId, x.markedBy = $markedBy, x.markedAt = datetime()
                """, Map.of("deadlineId", deadlineId, "territoryId", territoryId, "regionId", regionId, "on", on,
                "markedBy", markedBy)).consume());
    }

    void unmark(String deadlineId, String territoryId) {
        neo4j.write(tx -> tx.run("MATCH (x:MonitoringSubmission {deadlineId: $deadlineId, territoryId: $territoryId}) DELETE x",
                Map.of("deadlineId", deadlineId, "territoryId", territoryId)).consume());
    }

    /**
     * The territories that have to submit for the deadline, in territory order, each with the first day it submitted
     * (a mark, or for the documents' deadlines what the data shows within the year); days after {@code asOf} do not count.
     */
    List<Submitter> submitters(MonitoringDeadline d, LocalDate asOf) {
        Map<String, Object> p = new HashMap<>();
        p.put("regionId", d.regionId());
        p.put("deadlineId", d.id());
        p.put("kind", d.kind().name());
        p.put("yearStart", LocalDate.of(d.year(), 1, 1));
        p.put("yearEnd", LocalDate.of(d.year(), 12, 31));
        p.put("supportOnly", d.supportSchoolsOnly());
        p.put("supportStatuses", SUPPORT_STATUSES);
        p.put("asOf", asOf);
        String territories = switch (d.submitterLevel()) {
            case REGION -> """
                    MATCH (r:Region {id: $regionId})
                    WITH r.id AS territoryId, coalesce(r.name, r.id) AS name, null AS municipalityId, null AS schoolId,
                         CASE WHEN $kind = 'IDENTIFICATION' THEN COLLECT {
                              MATCH (run:IdentificationRun {regionId: r.id})
                              WHERE date(run.createdAt) >= $yearStart AND date(run.createdAt) <= $yearEnd
                              RETURN date(run.createdAt) } END AS fromData
                    """;
            case MUNICIPALITY -> """
                    MATCH (:Region {id: $regionId})-[:HAS_MUNICIPALITY]->(m:Municipality)
                    WITH m.id AS territoryId, coalesce(m.name, m.id) AS name, m.id AS municipalityId, null AS schoolId,
                         null AS fromData
                    """;
            case SCHOOL -> """
                    MATCH (:Region {id: $regionId})-[:HAS_MUNICIPALITY]->(m:Municipality)-[:HAS_SCHOOL]->(s:School)
                    WHERE NOT $supportOnly OR any(st IN coalesce(s.statuses, []) WHERE st IN $supportStatuses)
                    WITH s.id AS territoryId, coalesce(s.name, s.id) AS name, m.id AS municipalityId, s.id AS schoolId,
                         CASE WHEN $kind = 'TEACHER_DIAGNOSTICS' THEN COLLECT {
                              MATCH (t:Teacher)-[:WORKS_AT]->(s) MATCH (t)-[:HAS_DIAGNOSTIC]->(dg:Diagnostic)
                              WHERE dg.date >= $yearStart AND dg.date <= $yearEnd
                              RETURN dg.date } END AS fromData
                    """;
        };
        String query = territories + """
                OPTIONAL MATCH (x:MonitoringSubmission {deadlineId: $deadlineId, territoryId: territoryId})
                WITH territoryId, name, municipalityId, schoolId, reduce(first = null, x IN coalesce(fromData, []) | CASE WHEN first IS NULL OR x < first THEN x ELSE first END) AS dataOn, x.submittedOn AS markOn
                WITH territoryId, name, municipalityId, schoolId,
                     CASE WHEN dataOn <= $asOf THEN dataOn END AS dataOn, CASE WHEN markOn <= $asOf THEN markOn END AS markOn
                WITH territoryId, name, municipalityId, schoolId, dataOn, markOn,
                     dataOn IS NOT NULL AND (markOn IS NULL OR dataOn <= markOn) AS byData
                RETURN territoryId, name, municipalityId, schoolId,
                       CASE WHEN byData THEN dataOn ELSE markOn END AS submittedOn,
                       CASE WHEN byData THEN 'DATA' WHEN markOn IS NOT NULL THEN 'MARK' END AS source
                ORDER BY municipalityId, name, territoryId""";
        return neo4j.readOnce(query, p, r -> r.list(row -> new Submitter(row.get("territoryId").asString(),
                row.get("name").asString(), d.submitterLevel(), string(row.get("municipalityId")), string(row.get("schoolId")),
                row.get("submittedOn").isNull() ? null : row.get("submittedOn").asLocalDate(),
                row.get("source").isNull() ? null : SubmissionSource.valueOf(row.get("source").asString()))));
    }

    /** The region and municipality of a territory of the region (school, municipality or the region), if it is one. */
    Optional<Territory> territory(String regionId, String territoryId) {
        return neo4j.readOnce("""
                OPTIONAL MATCH (r:Region {id: $regionId}) WHERE r.id = $id
                OPTIONAL MATCH (:Region {id: $regionId})-[:HAS_MUNICIPALITY]->(m:Municipality {id: $id})
                OPTIONAL MATCH (:Region {id: $regionId})-[:HAS_MUNICIPALITY]->(sm:Municipality)-[:HAS_SCHOOL]->(s:School {id: $id})
                RETURN r IS NOT NULL AS region, m.id AS municipalityId, s.id AS schoolId, sm.id AS schoolMunicipalityId
                """, Map.of("regionId", regionId, "id", territoryId), r -> {
            var row = r.single();
            if (row.get("region").asBoolean()) {
                return Optional.of(new Territory(SubmitterLevel.REGION, regionId, null, null));
            }
            if (!row.get("municipalityId").isNull()) {
                return Optional.of(new Territory(SubmitterLevel.MUNICIPALITY, regionId, territoryId, null));
            }
            if (!row.get("schoolId").isNull()) {
                return Optional.of(new Territory(SubmitterLevel.SCHOOL, regionId, row.get("schoolMunicipalityId").asString(), territoryId));
            }
            return Optional.empty();
        });
    }

    record Territory(SubmitterLevel level, String regionId, @Nullable String municipalityId, @Nullable String schoolId) {
    }

    private static MonitoringDeadline deadline(Value d) {
        return new MonitoringDeadline(d.get("id").asString(), d.get("regionId").asString(), d.get("year").asInt(),
                DeadlineKind.REGIONAL, d.get("title").asString(), string(d.get("description")), d.get("startDate").asLocalDate(),
                d.get("dueDate").asLocalDate(), SubmitterLevel.valueOf(d.get("submitterLevel").asString()),
                d.get("supportSchoolsOnly").asBoolean(false), string(d.get("createdBy")));
    }

    private static String string(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }
}
