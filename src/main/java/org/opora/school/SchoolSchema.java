package org.opora.school;

import jakarta.inject.Singleton;
import org.opora.platform.neo4j.SchemaMigration;

import java.util.List;

/**
 * Constraints and indexes of the schools graph. The uniqueness constraints are what the importer's
 * MERGE statements rely on (both for speed and for idempotent re-imports); the other indexes serve
 * lookups by territory and the analyses that slice results by procedure, subject, grade and year.
 */
@Singleton
public class SchoolSchema implements SchemaMigration {

    @Override
    public String id() {
        return "010-school";
    }

    @Override
    public List<String> statements() {
        return List.of(
                "CREATE CONSTRAINT region_id IF NOT EXISTS FOR (r:Region) REQUIRE r.id IS UNIQUE",
                "CREATE CONSTRAINT municipality_id IF NOT EXISTS FOR (m:Municipality) REQUIRE m.id IS UNIQUE",
                "CREATE CONSTRAINT school_id IF NOT EXISTS FOR (s:School) REQUIRE s.id IS UNIQUE",
                "CREATE CONSTRAINT assessment_result_key IF NOT EXISTS FOR (a:AssessmentResult) REQUIRE a.key IS UNIQUE",
                "CREATE CONSTRAINT indicator_value_key IF NOT EXISTS FOR (v:IndicatorValue) REQUIRE v.key IS UNIQUE",
                "CREATE INDEX municipality_region IF NOT EXISTS FOR (m:Municipality) ON (m.regionId)",
                "CREATE INDEX school_region IF NOT EXISTS FOR (s:School) ON (s.regionId)",
                "CREATE INDEX school_municipality IF NOT EXISTS FOR (s:School) ON (s.municipalityId)",
                "CREATE INDEX school_type IF NOT EXISTS FOR (s:School) ON (s.type)",
                "CREATE INDEX assessment_result_school IF NOT EXISTS FOR (a:AssessmentResult) ON (a.schoolId)",
                "CREATE INDEX assessment_result_slice IF NOT EXISTS FOR (a:AssessmentResult) ON (a.procedure, a.subject, a.grade, a.year)",
                "CREATE INDEX indicator_value_school IF NOT EXISTS FOR (v:IndicatorValue) ON (v.schoolId)",
                "CREATE INDEX indicator_value_slice IF NOT EXISTS FOR (v:IndicatorValue) ON (v.indicator, v.year)");
    }
}
