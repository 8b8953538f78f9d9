package org.opora.school;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.Value;
import org.opora.platform.neo4j.Neo4jSessions;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read side of the schools graph for the API: territories, the school list, a school's results and context. */
@Singleton
public class SchoolRepository {
    /** The request DataLoader of municipalities by id (see {@code SchoolGraphQl#loaders}). */
    public static final String MUNICIPALITY_LOADER = "Municipality";

    private final Neo4jSessions neo4j;

    public SchoolRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    /** A region with the number of its schools. */
    public record Region(String id, String name, long schoolCount) {
    }

    /** A municipality with the number of its schools. */
    public record Municipality(String id, String name, String regionId, long schoolCount) {
    }

    /** One assessment result of a school: a procedure, subject and grade in a year. */
    public record AssessmentResult(int year, String procedure, String subject, int grade, @Nullable Integer participants,
                                   double meanScore, @Nullable Double shareFailing, @Nullable Double shareHigh) {
    }

    /** One indicator value of a school in a year, with the registry's label, unit and kind. */
    public record IndicatorValue(int year, String indicator, @Nullable String label, @Nullable String unit,
                                 @Nullable String kind, double value) {
    }

    /** Filter of the schools list; null fields do not filter. */
    public record SchoolFilter(String regionId, String municipalityId, String status, String type, String locality,
                               Boolean smallSchool, String nameContains) {

        Map<String, Object> parameters() {
            Map<String, Object> p = new HashMap<>();
            p.put("regionId", regionId);
            p.put("municipalityId", municipalityId);
            p.put("status", status);
            p.put("type", type);
            p.put("locality", locality);
            p.put("smallSchool", smallSchool);
            p.put("nameContains", nameContains == null ? null : nameContains.toLowerCase());
            return p;
        }
    }

    private static final String FILTER = """
            WHERE ($regionId IS NULL OR s.regionId = $regionId)
              AND ($municipalityId IS NULL OR s.municipalityId = $municipalityId)
              AND ($status IS NULL OR $status IN s.statuses)
              AND ($type IS NULL OR s.type = $type)
              AND ($locality IS NULL OR s.locality = $locality)
              AND ($smallSchool IS NULL OR s.smallSchool = $smallSchool)
              AND ($nameContains IS NULL OR toLower(s.name) CONTAINS $nameContains)
            """;

    /** Schools ordered by (name, id), strictly after the given key. */
    public List<School> schools(SchoolFilter filter, String afterName, String afterId, int limit) {
        Map<String, Object> p = filter.parameters();
        p.put("afterName", afterName);
        p.put("afterId", afterId);
        p.put("limit", limit);
        return neo4j.read(tx -> tx.run("MATCH (s:School) " + FILTER + """
                  AND ($afterName IS NULL OR s.name > $afterName OR (s.name = $afterName AND s.id > $afterId))
                WITH s ORDER BY s.name, s.id LIMIT $limit
                RETURN\s""" + SchoolDirectory.projection("s") + " AS school ORDER BY school.name, school.id", p)
                .list(r -> SchoolDirectory.read(r.get("school"))));
    }

    public long count(SchoolFilter filter) {
        return neo4j.read(tx -> tx.run("MATCH (s:School) " + FILTER + " RETURN count(s) AS n", filter.parameters())
                .single().get("n").asLong());
    }

    public List<Region> regions() {
        return neo4j.read(tx -> tx.run("""
                MATCH (r:Region)
                RETURN r.id AS id, r.name AS name, COUNT { (r)-[:HAS_MUNICIPALITY]->()-[:HAS_SCHOOL]->() } AS schoolCount
                ORDER BY r.name
                """).list(r -> new Region(r.get("id").asString(), r.get("name").asString(), r.get("schoolCount").asLong())));
    }

    public Optional<Region> region(String id) {
        return regions().stream().filter(r -> id.equals(r.id())).findFirst();
    }

    private static final String MUNICIPALITY = "m {.id, .name, .regionId, schoolCount: COUNT { (m)-[:HAS_SCHOOL]->() }} AS municipality";

    public List<Municipality> municipalities(String regionId) {
        return neo4j.read(tx -> tx.run("MATCH (m:Municipality {regionId: $regionId}) RETURN " + MUNICIPALITY + " ORDER BY m.name",
                Map.of("regionId", regionId)).list(r -> municipality(r.get("municipality"))));
    }

    /** Municipalities by id, for batch loading. */
    public Map<String, Municipality> municipalitiesByIds(Collection<String> ids) {
        Map<String, Municipality> result = new LinkedHashMap<>();
        neo4j.read(tx -> tx.run("MATCH (m:Municipality) WHERE m.id IN $ids RETURN " + MUNICIPALITY, Map.of("ids", List.copyOf(ids)))
                .list(r -> municipality(r.get("municipality")))).forEach(m -> result.putIfAbsent(m.id(), m));
        return result;
    }

    private static Municipality municipality(Value m) {
        return new Municipality(m.get("id").asString(), m.get("name").asString(), m.get("regionId").asString(null),
                m.get("schoolCount").asLong());
    }

    public List<AssessmentResult> results(String schoolId, String procedure, String subject, Integer fromYear, Integer toYear) {
        Map<String, Object> p = new HashMap<>();
        p.put("schoolId", schoolId);
        p.put("procedure", procedure);
        p.put("subject", subject);
        p.put("fromYear", fromYear);
        p.put("toYear", toYear);
        return neo4j.read(tx -> tx.run("""
                MATCH (:School {id: $schoolId})-[:HAS_RESULT]->(r:AssessmentResult)
                WHERE ($procedure IS NULL OR r.procedure = $procedure) AND ($subject IS NULL OR r.subject = $subject)
                  AND ($fromYear IS NULL OR r.year >= $fromYear) AND ($toYear IS NULL OR r.year <= $toYear)
                RETURN r ORDER BY r.year, r.procedure, r.subject, r.grade
                """, p).list(row -> {
            Value r = row.get("r");
            return new AssessmentResult(r.get("year").asInt(), r.get("procedure").asString(), r.get("subject").asString(),
                    r.get("grade").asInt(), r.get("participants").isNull() ? null : r.get("participants").asInt(),
                    r.get("meanScore").asDouble(), nullableDouble(r.get("shareFailing")), nullableDouble(r.get("shareHigh")));
        }));
    }

    /** The region's participant-weighted mean per year, procedure, subject and grade, for the keys a school has results in. */
    public record RegionalMean(int year, String procedure, String subject, int grade, double meanScore, int schools) {

        ResultKey key() {
            return new ResultKey(year, procedure, subject, grade);
        }
    }

    /** What a mean is taken over: one procedure, subject and grade in one year. */
    public record ResultKey(int year, String procedure, String subject, int grade) {
    }

    /** The region's means for every key any of its schools has a result in (one pass over the region's results). */
    List<RegionalMean> regionalMeans(String regionId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (:School {regionId: $regionId})-[:HAS_RESULT]->(r:AssessmentResult)
                WITH r, CASE WHEN coalesce(r.participants, 0) > 0 THEN toFloat(r.participants) ELSE 1.0 END AS weight
                RETURN r.year AS year, r.procedure AS procedure, r.subject AS subject, r.grade AS grade,
                       sum(r.meanScore * weight) / sum(weight) AS meanScore, count(*) AS schools
                """, Map.of("regionId", regionId)).list(r -> new RegionalMean(r.get("year").asInt(),
                r.get("procedure").asString(), r.get("subject").asString(), r.get("grade").asInt(),
                r.get("meanScore").asDouble(), r.get("schools").asInt())));
    }

    /**
     * How many results the region's schools hold: read from each school's relationship count (no result is
     * touched), so it is cheap enough to check on every request whether cached means are still about the same data.
     */
    long regionResultCount(String regionId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (s:School {regionId: $regionId})
                RETURN sum(COUNT { (s)-[:HAS_RESULT]->() }) AS results""", Map.of("regionId", regionId))
                .single().get("results").asLong());
    }

    /** The keys a school has results in, optionally of one procedure and subject. */
    List<ResultKey> resultKeys(String schoolId, @Nullable String procedure, @Nullable String subject) {
        Map<String, Object> p = new HashMap<>();
        p.put("schoolId", schoolId);
        p.put("procedure", procedure);
        p.put("subject", subject);
        return neo4j.read(tx -> tx.run("""
                MATCH (:School {id: $schoolId})-[:HAS_RESULT]->(own:AssessmentResult)
                WHERE ($procedure IS NULL OR own.procedure = $procedure) AND ($subject IS NULL OR own.subject = $subject)
                RETURN DISTINCT own.year AS year, own.procedure AS procedure, own.subject AS subject, own.grade AS grade
                """, p).list(r -> new ResultKey(r.get("year").asInt(), r.get("procedure").asString(),
                r.get("subject").asString(), r.get("grade").asInt())));
    }

    public List<IndicatorValue> indicators(String schoolId, Integer year) {
        Map<String, Object> p = new HashMap<>();
        p.put("schoolId", schoolId);
        p.put("year", year);
        return neo4j.read(tx -> tx.run("""
                MATCH (:School {id: $schoolId})-[:HAS_INDICATOR]->(v:IndicatorValue)
                WHERE $year IS NULL OR v.year = $year
                RETURN v.year AS year, v.indicator AS indicator, v.value AS value ORDER BY v.year, v.indicator
                """, p).list(r -> {
            String code = r.get("indicator").asString();
            Optional<Indicator> known = Indicator.fromCode(code);
            return new IndicatorValue(r.get("year").asInt(), code, known.map(Indicator::label).orElse(null),
                    known.map(i -> i.unit().label()).orElse(null), known.map(i -> i.kind().name()).orElse(null),
                    r.get("value").asDouble());
        }));
    }

    /** One municipality's row of the status counts: its schools and how many carry each current status. */
    record MunicipalityCounts(Municipality municipality, @Nullable String runId, List<Long> counts) {
    }

    /** Per municipality of the region: school count and counts of each current status (in {@link SchoolStatus} order). */
    List<MunicipalityCounts> statusCounts(String regionId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (m:Municipality {regionId: $regionId})
                OPTIONAL MATCH (m)-[:HAS_SCHOOL]->(s:School)
                WITH m, collect(s) AS schools
                RETURN m {.id, .name, .regionId, schoolCount: size(schools)} AS municipality,
                       [st IN $statuses | size([s IN schools WHERE st IN coalesce(s.statuses, [])])] AS counts,
                       [s IN schools | s.identificationRunId][0] AS runId
                ORDER BY m.name
                """, Map.of("regionId", regionId, "statuses", Arrays.stream(SchoolStatus.values()).map(Enum::name).toList()))
                .list(r -> new MunicipalityCounts(municipality(r.get("municipality")), r.get("runId").asString(null),
                        r.get("counts").asList(Value::asLong))));
    }

    private static Double nullableDouble(Value value) {
        return value.isNull() ? null : value.asDouble();
    }
}
