package org.opora.pairing.region;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.neo4j.driver.Value;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.school.SchoolDirectory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads what pairing scores a region by: its schools (from the school read model) and, in bulk, their context
 * indicators and results. The bulk reads match the region's schools only as a join (one query for the whole region
 * instead of one per school). Read-only.
 */
@Singleton
public class SchoolDataRepository {

    private static final List<String> FEATURE_CODES = Arrays.stream(ContextFeature.all()).map(ContextFeature::code).toList();

    private final Neo4jSessions neo4j;
    private final SchoolDirectory directory;

    @Inject
    public SchoolDataRepository(Neo4jSessions neo4j, SchoolDirectory directory) {
        this.neo4j = neo4j;
        this.directory = directory;
    }

    /** For benchmarks that build the engine without the application context. */
    public SchoolDataRepository(Neo4jSessions neo4j) {
        this(neo4j, new SchoolDirectory(neo4j));
    }

    /** The region's schools, from the school read model. */
    List<SchoolRow> schools(String regionId) {
        return directory.inRegion(regionId).stream().map(SchoolRow::of).toList();
    }

    /** Context indicator values of every year; the snapshot keeps the latest per school and indicator. */
    List<SchoolRow.Indicator> indicators(String regionId) {
        return neo4j.read(tx -> tx.run("""
                        MATCH (s:School {regionId: $regionId})-[:HAS_INDICATOR]->(v:IndicatorValue)
                        WHERE v.indicator IN $codes AND v.value IS NOT NULL
                        RETURN s.id AS id, v.indicator AS code, v.year AS year, v.value AS value
                        """, Map.of("regionId", regionId, "codes", FEATURE_CODES))
                .list(r -> new SchoolRow.Indicator(r.get("id").asString(), r.get("code").asString(),
                        r.get("year").isNull() ? 0 : r.get("year").asInt(), r.get("value").asNumber().doubleValue())));
    }

    /** One result row of a school: a slice (procedure, subject, grade, year) with its mean score. */
    public record ResultRow(String schoolId, int year, String slice, double participants, double meanScore) {
    }

    public List<ResultRow> results(String regionId) {
        return neo4j.read(tx -> tx.run("""
                        MATCH (s:School {regionId: $regionId})-[:HAS_RESULT]->(a:AssessmentResult)
                        WHERE a.meanScore IS NOT NULL AND a.year IS NOT NULL
                        RETURN s.id AS id, a.year AS year,
                               coalesce(a.procedure, '') + '|' + coalesce(a.subject, '') + '|' + coalesce(toString(a.grade), '') AS slice,
                               coalesce(a.participants, 1) AS participants, a.meanScore AS meanScore
                        """, Map.of("regionId", regionId))
                .list(r -> new ResultRow(r.get("id").asString(), r.get("year").asInt(), r.get("slice").asString(),
                        r.get("participants").asNumber().doubleValue(), r.get("meanScore").asNumber().doubleValue())));
    }

    /** The latest year with results in the region, if any. */
    public Integer latestResultYear(String regionId) {
        return neo4j.read(tx -> {
            Value year = tx.run("MATCH (s:School {regionId: $regionId})-[:HAS_RESULT]->(a:AssessmentResult) RETURN max(a.year) AS y",
                    Map.of("regionId", regionId)).single().get("y");
            return year.isNull() ? null : year.asInt();
        });
    }

    public static String string(Value value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    public static Double number(Value value) {
        return value == null || value.isNull() ? null : value.asNumber().doubleValue();
    }
}
