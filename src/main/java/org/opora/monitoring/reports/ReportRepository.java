package org.opora.monitoring.reports;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.Value;
import org.opora.monitoring.reports.ReportFacts.Assessed;
import org.opora.platform.neo4j.Neo4jSessions;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Cypher of the справки. Read-only: it reads what identification, pairing and the support cycle wrote, for one
 * territory (a region, narrowed to a municipality or a school where the parameters say so) and one year.
 */
@Singleton
class ReportRepository {

    private final Neo4jSessions neo4j;

    ReportRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    Optional<ReportFacts.TerritoryNames> names(String regionId, @Nullable String municipalityId, @Nullable String schoolId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (r:Region {id: $regionId})
                OPTIONAL MATCH (r)-[:HAS_MUNICIPALITY]->(m:Municipality {id: $municipalityId})
                OPTIONAL MATCH (s:School {id: $schoolId}) WHERE s.regionId = $regionId
                OPTIONAL MATCH (sm:Municipality {id: s.municipalityId})
                RETURN r.name AS regionName, m.name AS municipalityName, s.id AS schoolId, s.name AS schoolName,
                       s.municipalityId AS schoolMunicipalityId, sm.name AS schoolMunicipalityName, s.type AS type,
                       s.locality AS locality, s.enrolment AS enrolment
                """, params("regionId", regionId, "municipalityId", municipalityId, "schoolId", schoolId))
                .stream().findFirst().map(r -> new ReportFacts.TerritoryNames(r.get("regionName").asString(regionId),
                        r.get("municipalityName").asString(null),
                        r.get("schoolId").isNull() ? null : new ReportFacts.SchoolInfo(r.get("schoolId").asString(),
                                r.get("schoolName").asString(r.get("schoolId").asString()), r.get("schoolMunicipalityId").asString(null),
                                r.get("schoolMunicipalityName").asString(null), r.get("type").asString(null),
                                r.get("locality").asString(null), integer(r.get("enrolment"))))));
    }

    List<ReportFacts.Municipality> municipalities(String regionId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (:Region {id: $regionId})-[:HAS_MUNICIPALITY]->(m:Municipality)
                RETURN m.id AS id, coalesce(m.name, m.id) AS name ORDER BY name, id
                """, Map.of("regionId", regionId)).list(r -> new ReportFacts.Municipality(r.get("id").asString(), r.get("name").asString())));
    }

    /** The newest run of each of the given years (the yearly identification), by year. */
    Map<Integer, ReportFacts.Run> yearlyRuns(String regionId, List<Integer> years) {
        Map<Integer, ReportFacts.Run> runs = new HashMap<>();
        neo4j.read(tx -> tx.run("""
                MATCH (run:IdentificationRun {regionId: $regionId}) WHERE run.year IN $years
                WITH run ORDER BY run.createdAt DESC
                WITH run.year AS year, collect(run)[0] AS newest
                RETURN year, newest.id AS id, newest.createdAt AS createdAt
                """, Map.of("regionId", regionId, "years", years)).list(r -> new ReportFacts.Run(r.get("id").asString(),
                r.get("year").asInt(), r.get("createdAt").asZonedDateTime()))).forEach(run -> runs.put(run.year(), run));
        return runs;
    }

    /** A run's assessments of the territory's schools, by municipality name and school name. */
    List<Assessed> assessments(String runId, @Nullable String municipalityId, @Nullable String schoolId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (:IdentificationRun {id: $runId})-[a:ASSESSED]->(s:School)
                WHERE ($municipalityId IS NULL OR s.municipalityId = $municipalityId) AND ($schoolId IS NULL OR s.id = $schoolId)
                OPTIONAL MATCH (m:Municipality {id: s.municipalityId})
                RETURN s.id AS schoolId, coalesce(s.name, s.id) AS schoolName, s.municipalityId AS municipalityId,
                       m.name AS municipalityName, a.statuses AS statuses, a.resultsIndex AS resultsIndex,
                       a.residual AS residual, a.contextIndex AS contextIndex, a.findingsJson AS findingsJson,
                       a.riskProfileJson AS riskProfileJson
                ORDER BY municipalityName, schoolName, schoolId
                """, params("runId", runId, "municipalityId", municipalityId, "schoolId", schoolId))
                .list(r -> new Assessed(r.get("schoolId").asString(), r.get("schoolName").asString(),
                        r.get("municipalityId").asString(null), r.get("municipalityName").asString(null),
                        r.get("statuses").isNull() ? List.of() : r.get("statuses").asList(Value::asString),
                        decimal(r.get("resultsIndex")), decimal(r.get("residual")), decimal(r.get("contextIndex")),
                        r.get("findingsJson").asString("[]"), r.get("riskProfileJson").asString("[]"))));
    }

    /** Network pairs whose mentee (or, for a school, either side) is in the territory; cancelled ones left out. */
    List<ReportFacts.Pair> pairs(String regionId, @Nullable String municipalityId, @Nullable String schoolId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (p:NetworkPair {regionId: $regionId})
                WHERE p.status <> 'CANCELLED' AND ($municipalityId IS NULL OR p.menteeMunicipalityId = $municipalityId)
                  AND ($schoolId IS NULL OR p.menteeId = $schoolId OR p.leaderId = $schoolId)
                MATCH (p)-[:MENTEE]->(mentee:School), (p)-[:LEADER]->(leader:School)
                OPTIONAL MATCH (m:Municipality {id: mentee.municipalityId})
                RETURN p.id AS id, p.status AS status, p.startDate AS startDate, mentee.id AS menteeId,
                       coalesce(mentee.name, mentee.id) AS menteeName, m.name AS municipalityName, leader.id AS leaderId,
                       coalesce(leader.name, leader.id) AS leaderName
                ORDER BY municipalityName, menteeName, id
                """, params("regionId", regionId, "municipalityId", municipalityId, "schoolId", schoolId))
                .list(r -> new ReportFacts.Pair(r.get("id").asString(), r.get("status").asString(), date(r.get("startDate")),
                        r.get("menteeId").asString(), r.get("menteeName").asString(), r.get("municipalityName").asString(null),
                        r.get("leaderId").asString(), r.get("leaderName").asString())));
    }

    /** Programmes of the territory's schools whose period overlaps the year, with their measures counted on asOf. */
    List<ReportFacts.Programme> programmes(String regionId, @Nullable String municipalityId, @Nullable String schoolId,
                                           int year, LocalDate asOf) {
        return neo4j.read(tx -> tx.run("""
                MATCH (s:School {regionId: $regionId})-[:HAS_PROGRAMME]->(p:SchoolProgramme)
                WHERE ($municipalityId IS NULL OR s.municipalityId = $municipalityId) AND ($schoolId IS NULL OR s.id = $schoolId)
                  AND (p.periodStart IS NULL OR p.periodStart <= $yearEnd) AND (p.periodEnd IS NULL OR p.periodEnd >= $yearStart)
                OPTIONAL MATCH (p)-[:HAS_MEASURE]->(x:ProgrammeMeasure)
                WITH s, p, count(x) AS measures, count(CASE WHEN x.status = 'DONE' THEN 1 END) AS done,
                     count(CASE WHEN x.status IN ['PLANNED', 'IN_PROGRESS'] AND x.deadline < $asOf THEN 1 END) AS overdue
                OPTIONAL MATCH (m:Municipality {id: s.municipalityId})
                RETURN s.id AS schoolId, coalesce(s.name, s.id) AS schoolName, m.name AS municipalityName, p.kind AS kind,
                       p.title AS title, p.status AS status, p.periodStart AS periodStart, p.periodEnd AS periodEnd,
                       measures, done, overdue
                ORDER BY municipalityName, schoolName, p.periodStart, p.id
                """, params("regionId", regionId, "municipalityId", municipalityId, "schoolId", schoolId,
                        "yearStart", LocalDate.of(year, 1, 1), "yearEnd", LocalDate.of(year, 12, 31), "asOf", asOf))
                .list(r -> new ReportFacts.Programme(r.get("schoolId").asString(), r.get("schoolName").asString(),
                        r.get("municipalityName").asString(null), r.get("kind").asString(), r.get("title").asString(""),
                        r.get("status").asString(), date(r.get("periodStart")), date(r.get("periodEnd")),
                        r.get("measures").asInt(), r.get("done").asInt(), r.get("overdue").asInt())));
    }

    /** Recommendations issued in the year, per municipality of the addressee; overdue judged on asOf. */
    List<ReportFacts.Recommendations> recommendations(String regionId, @Nullable String municipalityId, @Nullable String schoolId,
                                                      int year, LocalDate asOf) {
        return neo4j.read(tx -> tx.run("""
                MATCH (r:Recommendation {regionId: $regionId})
                WHERE r.issuedAt.year = $year AND ($municipalityId IS NULL OR r.municipalityId = $municipalityId)
                  AND ($schoolId IS NULL OR r.schoolId = $schoolId)
                RETURN r.municipalityId AS municipalityId, count(r) AS issued,
                       count(CASE WHEN r.status = 'ANSWERED' THEN 1 END) AS answered,
                       count(CASE WHEN r.status = 'CLOSED' THEN 1 END) AS closed,
                       count(CASE WHEN r.status <> 'CLOSED' AND r.dueDate < $asOf THEN 1 END) AS overdue,
                       count(CASE WHEN r.checkOutcome = 'DONE' THEN 1 END) AS done,
                       count(CASE WHEN r.checkOutcome = 'PARTLY_DONE' THEN 1 END) AS partlyDone,
                       count(CASE WHEN r.checkOutcome = 'NOT_DONE' THEN 1 END) AS notDone
                """, params("regionId", regionId, "municipalityId", municipalityId, "schoolId", schoolId, "year", year,
                        "asOf", asOf))
                .list(r -> new ReportFacts.Recommendations(r.get("municipalityId").asString(null), r.get("issued").asInt(),
                        r.get("answered").asInt(), r.get("closed").asInt(), r.get("overdue").asInt(), r.get("done").asInt(),
                        r.get("partlyDone").asInt(), r.get("notDone").asInt())));
    }

    /** The help log of the year, per municipality and kind, with the schools helped (help to a teacher counts for the school). */
    List<ReportFacts.Help> help(String regionId, @Nullable String municipalityId, @Nullable String schoolId, int year) {
        return neo4j.read(tx -> tx.run("""
                MATCH (h:HelpRecord {regionId: $regionId})
                WHERE h.date.year = $year AND ($municipalityId IS NULL OR h.municipalityId = $municipalityId)
                  AND ($schoolId IS NULL OR h.schoolId = $schoolId)
                RETURN h.municipalityId AS municipalityId, h.kind AS kind, count(h) AS records, collect(DISTINCT h.schoolId) AS schools
                ORDER BY municipalityId, kind
                """, params("regionId", regionId, "municipalityId", municipalityId, "schoolId", schoolId, "year", year))
                .list(r -> new ReportFacts.Help(r.get("municipalityId").asString(null), r.get("kind").asString(),
                        r.get("records").asInt(), new HashSet<>(r.get("schools").asList(Value::asString)))));
    }

    /**
     * The region's events that started in the year, with the territory's registrations: for a municipality, the
     * events held there or attended from there; only marked attendance counts as taking part.
     */
    List<ReportFacts.Event> events(String regionId, @Nullable String municipalityId, @Nullable String schoolId, int year) {
        return neo4j.read(tx -> tx.run("""
                MATCH (e:SupportEvent {regionId: $regionId}) WHERE e.startDate.year = $year
                OPTIONAL MATCH (g:EventRegistration)-[:FOR_EVENT]->(e)
                WHERE ($municipalityId IS NULL OR g.municipalityId = $municipalityId) AND ($schoolId IS NULL OR g.schoolId = $schoolId)
                WITH e, collect(g) AS regs
                WHERE ($municipalityId IS NULL AND $schoolId IS NULL) OR size(regs) > 0
                   OR ($schoolId IS NULL AND e.municipalityId = $municipalityId)
                RETURN e.title AS title, e.kind AS kind, e.level AS level, e.startDate AS startDate,
                       size([g IN regs WHERE g.teacherId IS NULL]) AS schoolsRegistered,
                       [g IN regs WHERE g.attended = true | g.schoolId] AS attendingSchools,
                       size([g IN regs WHERE g.teacherId IS NOT NULL AND g.attended = true]) AS teachersAttended
                ORDER BY startDate, title
                """, params("regionId", regionId, "municipalityId", municipalityId, "schoolId", schoolId, "year", year))
                .list(r -> new ReportFacts.Event(r.get("title").asString(""), r.get("kind").asString(), r.get("level").asString(),
                        date(r.get("startDate")), r.get("schoolsRegistered").asInt(),
                        new HashSet<>(r.get("attendingSchools").asList(Value::asString)), r.get("teachersAttended").asInt())));
    }

    /** A school's results of the three years up to the year. */
    List<ReportFacts.Result> results(String schoolId, int year) {
        return neo4j.read(tx -> tx.run("""
                MATCH (:School {id: $schoolId})-[:HAS_RESULT]->(a:AssessmentResult)
                WHERE a.year >= $year - 2 AND a.year <= $year
                RETURN a.procedure AS procedure, a.subject AS subject, a.grade AS grade, a.year AS year, a.meanScore AS meanScore
                ORDER BY procedure, subject, grade, year
                """, Map.of("schoolId", schoolId, "year", year))
                .list(r -> new ReportFacts.Result(r.get("procedure").asString(), r.get("subject").asString(),
                        r.get("grade").asInt(), r.get("year").asInt(), r.get("meanScore").asDouble())));
    }

    private static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        return params;
    }

    private static Double decimal(Value v) {
        return v.isNull() ? null : v.asDouble();
    }

    private static Integer integer(Value v) {
        return v.isNull() ? null : (int) v.asLong();
    }

    private static LocalDate date(Value v) {
        return v.isNull() ? null : v.asLocalDate();
    }

}
