package org.opora.school;

import jakarta.inject.Singleton;
import org.neo4j.driver.Record;
import org.opora.platform.neo4j.Neo4jSessions;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Read side of the schools graph for the API. Items are maps shaped like the GraphQL types. */
@Singleton
public class SchoolRepository {

    /** DataLoader names (see {@code SchoolGraphQl#loaders}): a school by id, a municipality by id. */
    public static final String SCHOOL_LOADER = "School";
    public static final String MUNICIPALITY_LOADER = "Municipality";

    private static final String SCHOOL_FIELDS = """
            {.id, .name, .type, .locality, .enrolment, .smallSchool, .latitude, .longitude, .regionId,
             .municipalityId, .identificationRunId, currentStatuses: coalesce(s.statuses, [])}""";

    private final Neo4jSessions neo4j;

    public SchoolRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
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
    public List<Map<String, Object>> schools(SchoolFilter filter, String afterName, String afterId, int limit) {
        Map<String, Object> p = filter.parameters();
        p.put("afterName", afterName);
        p.put("afterId", afterId);
        p.put("limit", limit);
        return neo4j.read(tx -> tx.run("MATCH (s:School) " + FILTER + """
                  AND ($afterName IS NULL OR s.name > $afterName OR (s.name = $afterName AND s.id > $afterId))
                RETURN s""" + SCHOOL_FIELDS + " AS school ORDER BY s.name, s.id LIMIT $limit", p)
                .list(r -> r.get("school").asMap()));
    }

    public long count(SchoolFilter filter) {
        return neo4j.read(tx -> tx.run("MATCH (s:School) " + FILTER + " RETURN count(s) AS n", filter.parameters())
                .single().get("n").asLong());
    }

    public Optional<Map<String, Object>> school(String id) {
        return neo4j.read(tx -> tx.run("MATCH (s:School {id: $id}) RETURN s" + SCHOOL_FIELDS + " AS school", Map.of("id", id))
                .stream().findFirst().map(r -> r.get("school").asMap()));
    }

    /** Schools by id, for batch loading (one query for all the schools a level of a GraphQL response needs). */
    public Map<String, Map<String, Object>> schoolsByIds(Collection<String> ids) {
        return neo4j.read(tx -> tx.run("MATCH (s:School) WHERE s.id IN $ids RETURN s" + SCHOOL_FIELDS + " AS school",
                        Map.of("ids", List.copyOf(ids))).stream().map(r -> r.get("school").asMap())
                .collect(Collectors.toMap(s -> (String) s.get("id"), s -> s, (a, b) -> a)));
    }

    public List<Map<String, Object>> regions() {
        return neo4j.read(tx -> tx.run("""
                MATCH (r:Region)
                RETURN r {.id, .name, schoolCount: COUNT { (r)-[:HAS_MUNICIPALITY]->()-[:HAS_SCHOOL]->() }} AS region
                ORDER BY r.name
                """).list(r -> r.get("region").asMap()));
    }

    public Optional<Map<String, Object>> region(String id) {
        return regions().stream().filter(r -> id.equals(r.get("id"))).findFirst();
    }

    public List<Map<String, Object>> municipalities(String regionId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (m:Municipality {regionId: $regionId})
                RETURN m {.id, .name, .regionId, schoolCount: COUNT { (m)-[:HAS_SCHOOL]->() }} AS municipality
                ORDER BY m.name
                """, Map.of("regionId", regionId)).list(r -> r.get("municipality").asMap()));
    }

    public Optional<Map<String, Object>> municipality(String id) {
        return neo4j.read(tx -> tx.run("""
                MATCH (m:Municipality {id: $id})
                RETURN m {.id, .name, .regionId, schoolCount: COUNT { (m)-[:HAS_SCHOOL]->() }} AS municipality
                """, Map.of("id", id)).stream().findFirst().map(r -> r.get("municipality").asMap()));
    }

    /** Municipalities by id, for batch loading. */
    public Map<String, Map<String, Object>> municipalitiesByIds(Collection<String> ids) {
        return neo4j.read(tx -> tx.run("""
                MATCH (m:Municipality) WHERE m.id IN $ids
                RETURN m {.id, .name, .regionId, schoolCount: COUNT { (m)-[:HAS_SCHOOL]->() }} AS municipality
                """, Map.of("ids", List.copyOf(ids))).stream().map(r -> r.get("municipality").asMap())
                .collect(Collectors.toMap(m -> (String) m.get("id"), m -> m, (a, b) -> a)));
    }

    public List<Map<String, Object>> results(String schoolId, String procedure, String subject, Integer fromYear, Integer toYear) {
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
                RETURN r {.year, .procedure, .subject, .grade, .participants, .meanScore, .shareFailing, .shareHigh} AS result
                ORDER BY r.year, r.procedure, r.subject, r.grade
                """, p).list(r -> r.get("result").asMap()));
    }

    /** The region's participant-weighted mean per year, procedure, subject and grade, for the keys a school has results in. */
    public record RegionalMean(int year, String procedure, String subject, int grade, double meanScore, int schools) {
    }

    public List<RegionalMean> regionalMeans(String schoolId, String procedure, String subject) {
        Map<String, Object> p = new HashMap<>();
        p.put("schoolId", schoolId);
        p.put("procedure", procedure);
        p.put("subject", subject);
        return neo4j.read(tx -> tx.run("""
                MATCH (s:School {id: $schoolId})-[:HAS_RESULT]->(own:AssessmentResult)
                WHERE ($procedure IS NULL OR own.procedure = $procedure) AND ($subject IS NULL OR own.subject = $subject)
                WITH s.regionId AS regionId, collect(DISTINCT [own.year, own.procedure, own.subject, own.grade]) AS keys
                MATCH (:School {regionId: regionId})-[:HAS_RESULT]->(r:AssessmentResult)
                WHERE [r.year, r.procedure, r.subject, r.grade] IN keys
                WITH r, CASE WHEN coalesce(r.participants, 0) > 0 THEN toFloat(r.participants) ELSE 1.0 END AS weight
                RETURN r.year AS year, r.procedure AS procedure, r.subject AS subject, r.grade AS grade,
                       sum(r.meanScore * weight) / sum(weight) AS meanScore, count(*) AS schools
                ORDER BY year, procedure, subject, grade
                """, p).list(r -> new RegionalMean(r.get("year").asInt(), r.get("procedure").asString(),
                r.get("subject").asString(), r.get("grade").asInt(), r.get("meanScore").asDouble(), r.get("schools").asInt())));
    }

    public List<Map<String, Object>> indicators(String schoolId, Integer year) {
        Map<String, Object> p = new HashMap<>();
        p.put("schoolId", schoolId);
        p.put("year", year);
        return neo4j.read(tx -> tx.run("""
                MATCH (:School {id: $schoolId})-[:HAS_INDICATOR]->(v:IndicatorValue)
                WHERE $year IS NULL OR v.year = $year
                RETURN v {.year, .indicator, .value} AS value ORDER BY v.year, v.indicator
                """, p).list(r -> {
            Map<String, Object> value = new LinkedHashMap<>(r.get("value").asMap());
            Indicator.fromCode((String) value.get("indicator")).ifPresent(i -> {
                value.put("label", i.label());
                value.put("unit", i.unit().label());
                value.put("kind", i.kind().name());
            });
            return value;
        }));
    }

    /** Per municipality of the region: school count and counts of each current status. */
    public List<Record> statusCounts(String regionId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (m:Municipality {regionId: $regionId})
                OPTIONAL MATCH (m)-[:HAS_SCHOOL]->(s:School)
                WITH m, collect(s) AS schools
                RETURN m {.id, .name, .regionId, schoolCount: size(schools)} AS municipality,
                       [st IN $statuses | size([s IN schools WHERE st IN coalesce(s.statuses, [])])] AS counts,
                       [s IN schools | s.identificationRunId][0] AS runId
                ORDER BY m.name
                """, Map.of("regionId", regionId, "statuses",
                java.util.Arrays.stream(SchoolStatus.values()).map(Enum::name).toList())).list());
    }
}
