package org.opora.identification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.platform.neo4j.SchemaMigration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs in the graph: {@code (:IdentificationRun)-[:FOR_REGION]->(:Region)} and one
 * {@code (:IdentificationRun)-[:ASSESSED {...}]->(:School)} per school, holding indices, statuses and
 * the evidence as JSON. The newest run of a region is also copied onto its schools
 * ({@code statuses}, {@code resultsIndex}, ...) so that lists, filters and pairing read one node.
 */
@Singleton
public class IdentificationRepository implements SchemaMigration {

    private static final int BATCH = 5_000;

    private final Neo4jSessions neo4j;
    private final ObjectMapper json;

    public IdentificationRepository(Neo4jSessions neo4j, ObjectMapper json) {
        this.neo4j = neo4j;
        this.json = json;
    }

    @Override
    public String id() {
        return "020-identification";
    }

    @Override
    public List<String> statements() {
        return List.of(
                "CREATE CONSTRAINT identification_run_id IF NOT EXISTS FOR (r:IdentificationRun) REQUIRE r.id IS UNIQUE",
                "CREATE INDEX identification_run_region IF NOT EXISTS FOR (r:IdentificationRun) ON (r.regionId, r.createdAt)",
                "CREATE INDEX school_identification_run IF NOT EXISTS FOR (s:School) ON (s.identificationRunId)");
    }

    RegionData load(IdentificationParams params) {
        return neo4j.read(tx -> {
            List<String> schools = tx.run("MATCH (s:School {regionId: $regionId}) RETURN s.id AS id ORDER BY id",
                    Map.of("regionId", params.regionId())).list(r -> r.get("id").asString());
            Map<String, Object> window = Map.of("regionId", params.regionId(), "from", params.firstYear(), "to", params.year());
            List<RegionData.Result> results = tx.run("""
                    MATCH (s:School {regionId: $regionId})-[:HAS_RESULT]->(r:AssessmentResult)
                    WHERE r.year >= $from AND r.year <= $to AND r.meanScore IS NOT NULL
                    RETURN s.id AS school, r.year AS year, r.procedure AS procedure, r.subject AS subject,
                           r.grade AS grade, r.meanScore AS score
                    """, window).list(r -> new RegionData.Result(r.get("school").asString(), r.get("year").asInt(),
                    r.get("procedure").asString(), r.get("subject").asString(), r.get("grade").asInt(), r.get("score").asDouble()));
            List<RegionData.IndicatorRow> indicators = tx.run("""
                    MATCH (s:School {regionId: $regionId})-[:HAS_INDICATOR]->(v:IndicatorValue)
                    WHERE v.year >= $from AND v.year <= $to
                    RETURN s.id AS school, v.year AS year, v.indicator AS indicator, v.value AS value
                    """, window).list(r -> new RegionData.IndicatorRow(r.get("school").asString(), r.get("year").asInt(),
                    r.get("indicator").asString(), r.get("value").asDouble()));
            return new RegionData(schools, results, indicators);
        });
    }

    boolean regionExists(String regionId) {
        return neo4j.read(tx -> tx.run("MATCH (r:Region {id: $id}) RETURN count(r) > 0 AS found", Map.of("id", regionId))
                .single().get("found").asBoolean());
    }

    /** Stores the run and makes it the region's current one, all in one transaction. */
    void save(IdentificationRun run, List<Assessment> assessments) {
        List<Map<String, Object>> rows = new ArrayList<>(assessments.size());
        for (Assessment a : assessments) {
            Map<String, Object> row = new HashMap<>();
            row.put("schoolId", a.schoolId());
            row.put("resultsIndex", a.resultsIndex());
            row.put("contextIndex", a.contextIndex());
            row.put("expected", a.expected());
            row.put("residual", a.residual());
            row.put("trend", a.trend());
            row.put("statuses", a.statusNames());
            row.put("subjectIndexRussian", a.subjectIndex().get("Русский язык"));
            row.put("subjectIndexMathematics", a.subjectIndex().get("Математика"));
            row.put("subjectIndexJson", write(a.subjectIndex()));
            row.put("findingsJson", write(a.findings()));
            row.put("riskProfileJson", write(a.riskProfile()));
            rows.add(row);
        }
        neo4j.write(tx -> {
            tx.run("""
                    MATCH (region:Region {id: $regionId})
                    CREATE (run:IdentificationRun {id: $id, regionId: $regionId, year: $year, years: $years,
                            methods: $methods, parametersJson: $parametersJson, createdAt: datetime($createdAt),
                            createdBy: $createdBy, schoolsAssessed: $schoolsAssessed, statusCountsJson: $countsJson,
                            intercept: $intercept, slope: $slope, r2: $r2, residualSd: $residualSd,
                            regressionSchools: $regressionSchools, notesJson: $notesJson,
                            methodCountsJson: $methodCountsJson, contextIndicators: $contextIndicators})
                    CREATE (run)-[:FOR_REGION]->(region)
                    """, run.toParameters()).consume();
            for (int from = 0; from < rows.size(); from += BATCH) {
                writeBatch(tx, run.id(), rows.subList(from, Math.min(rows.size(), from + BATCH)));
            }
            return null;
        });
    }

    private static void writeBatch(TransactionContext tx, String runId, List<Map<String, Object>> rows) {
        tx.run("""
                MATCH (run:IdentificationRun {id: $runId})
                UNWIND $rows AS row
                MATCH (s:School {id: row.schoolId})
                CREATE (run)-[:ASSESSED {resultsIndex: row.resultsIndex, contextIndex: row.contextIndex,
                        expected: row.expected, residual: row.residual, trend: row.trend, statuses: row.statuses,
                        subjectIndexJson: row.subjectIndexJson, findingsJson: row.findingsJson,
                        riskProfileJson: row.riskProfileJson}]->(s)
                SET s.identificationRunId = $runId, s.statuses = row.statuses, s.resultsIndex = row.resultsIndex,
                    s.contextIndex = row.contextIndex, s.residual = row.residual,
                    s.subjectIndexRussian = row.subjectIndexRussian, s.subjectIndexMathematics = row.subjectIndexMathematics
                """, Map.of("runId", runId, "rows", rows)).consume();
    }

    Optional<IdentificationRun> find(String runId) {
        return neo4j.read(tx -> tx.run("MATCH (run:IdentificationRun {id: $id}) RETURN run", Map.of("id", runId))
                .stream().findFirst().map(r -> IdentificationRun.from(r.get("run"))));
    }

    /** Runs of a region, newest first, after the cursor's creation time. */
    List<IdentificationRun> runs(String regionId, String afterCreatedAt, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("regionId", regionId);
        params.put("after", afterCreatedAt);
        params.put("limit", limit);
        return neo4j.read(tx -> tx.run("""
                MATCH (run:IdentificationRun {regionId: $regionId})
                WHERE $after IS NULL OR run.createdAt < datetime($after)
                RETURN run ORDER BY run.createdAt DESC LIMIT $limit
                """, params).list(r -> IdentificationRun.from(r.get("run"))));
    }

    long countRuns(String regionId) {
        return neo4j.read(tx -> tx.run("MATCH (run:IdentificationRun {regionId: $regionId}) RETURN count(run) AS n",
                Map.of("regionId", regionId)).single().get("n").asLong());
    }

    /** A run's assessments, optionally only those with a status, ordered by school id after the cursor. */
    List<StoredAssessment> assessments(String runId, String status, String afterSchoolId, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("runId", runId);
        params.put("status", status);
        params.put("after", afterSchoolId);
        params.put("limit", limit);
        return neo4j.read(tx -> tx.run("""
                MATCH (:IdentificationRun {id: $runId})-[a:ASSESSED]->(s:School)
                WHERE ($status IS NULL OR $status IN a.statuses) AND ($after IS NULL OR s.id > $after)
                RETURN $runId AS runId, s.id AS schoolId, a ORDER BY s.id LIMIT $limit
                """, params).list(IdentificationRepository::toStored));
    }

    long countAssessments(String runId, String status) {
        Map<String, Object> params = new HashMap<>();
        params.put("runId", runId);
        params.put("status", status);
        return neo4j.read(tx -> tx.run("""
                MATCH (:IdentificationRun {id: $runId})-[a:ASSESSED]->()
                WHERE $status IS NULL OR $status IN a.statuses
                RETURN count(a) AS n
                """, params).single().get("n").asLong());
    }

    /** Which assessment: a school's in a run. */
    record AssessmentKey(String schoolId, String runId) {
    }

    /** The assessments that exist among these keys, in one query (the request loader of {@code School.assessment}). */
    Map<AssessmentKey, StoredAssessment> assessments(Collection<AssessmentKey> keys) {
        List<Map<String, Object>> pairs = keys.stream().map(k -> Map.<String, Object>of("schoolId", k.schoolId(), "runId", k.runId())).toList();
        Map<AssessmentKey, StoredAssessment> result = new HashMap<>();
        neo4j.readOnce("""
                UNWIND $keys AS key
                MATCH (:IdentificationRun {id: key.runId})-[a:ASSESSED]->(s:School {id: key.schoolId})
                RETURN key.runId AS runId, s.id AS schoolId, a
                """, Map.of("keys", pairs), r -> r.list(IdentificationRepository::toStored))
                .forEach(a -> result.put(new AssessmentKey(a.schoolId(), a.runId()), a));
        return result;
    }

    /** Every school's assessment in a run, keyed by school id (for comparing two runs). */
    Map<String, StoredAssessment> allAssessments(String runId) {
        Map<String, StoredAssessment> result = new java.util.LinkedHashMap<>();
        neo4j.read(tx -> tx.run("""
                MATCH (:IdentificationRun {id: $runId})-[a:ASSESSED]->(s:School)
                RETURN $runId AS runId, s.id AS schoolId, a ORDER BY s.id
                """, Map.of("runId", runId)).list(IdentificationRepository::toStored)).forEach(a -> result.put(a.schoolId(), a));
        return result;
    }

    /** One row of a school's status history: its assessment in the newest run of each year. */
    record HistoryRow(int year, String runId, java.time.OffsetDateTime createdAt, List<String> statuses, Double resultsIndex,
                      Double residual) {
    }

    /** The status histories of several schools in one query (the schools of a list page), by school id. */
    Map<String, List<HistoryRow>> statusHistories(Collection<String> schoolIds) {
        Map<String, List<HistoryRow>> bySchool = new HashMap<>();
        neo4j.read(tx -> tx.run("""
                UNWIND $schoolIds AS schoolId
                MATCH (run:IdentificationRun)-[a:ASSESSED]->(:School {id: schoolId})
                WITH schoolId, run.year AS year, run, a ORDER BY run.createdAt DESC
                WITH schoolId, year, collect({run: run, a: a})[0] AS newest
                RETURN schoolId, year, newest.run.id AS runId, newest.run.createdAt AS createdAt,
                       newest.a.statuses AS statuses, newest.a.resultsIndex AS resultsIndex, newest.a.residual AS residual
                ORDER BY schoolId, year
                """, Map.of("schoolIds", List.copyOf(schoolIds))).list()).forEach(r -> bySchool
                .computeIfAbsent(r.get("schoolId").asString(), id -> new ArrayList<>())
                .add(new HistoryRow(r.get("year").asInt(), r.get("runId").asString(),
                        r.get("createdAt").asZonedDateTime().toOffsetDateTime(), r.get("statuses").asList(v -> v.asString()),
                        nullableDouble(r.get("resultsIndex")), nullableDouble(r.get("residual")))));
        return bySchool;
    }

    /** The newest run of a region for a year (the yearly identification), if any. */
    Optional<IdentificationRun> newestRunOfYear(String regionId, int year) {
        return neo4j.read(tx -> tx.run("""
                MATCH (run:IdentificationRun {regionId: $regionId}) WHERE run.year = $year
                RETURN run ORDER BY run.createdAt DESC LIMIT 1
                """, Map.of("regionId", regionId, "year", year)).stream().findFirst().map(r -> IdentificationRun.from(r.get("run"))));
    }

    private static StoredAssessment toStored(Record r) {
        var a = r.get("a");
        return new StoredAssessment(r.get("runId").asString(), r.get("schoolId").asString(), nullableDouble(a.get("resultsIndex")),
                nullableDouble(a.get("contextIndex")), nullableDouble(a.get("expected")), nullableDouble(a.get("residual")),
                nullableDouble(a.get("trend")), a.get("statuses").asList(v -> v.asString()),
                a.get("subjectIndexJson").asString("{}"), a.get("findingsJson").asString("[]"), a.get("riskProfileJson").asString("[]"));
    }

    private static Double nullableDouble(org.neo4j.driver.Value value) {
        return value.isNull() ? null : value.asDouble();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An assessment as stored (GraphQL {@code SchoolAssessment}): the evidence stays JSON until a client asks for it
     * (see {@link IdentificationJson}).
     */
    record StoredAssessment(String runId, String schoolId, Double resultsIndex, Double contextIndex, Double expected, Double residual,
                            Double trend, List<String> statuses, String subjectIndexJson, String findingsJson,
                            String riskProfileJson) {
    }
}
