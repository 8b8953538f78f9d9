package org.opora.pairing;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds schools with exactly the properties the test needs, straight in Cypher. */
final class TestSchools {

    private final Driver driver;
    private final String regionId;
    private final String runId;

    TestSchools(Driver driver, String regionId, String runId) {
        this.driver = driver;
        this.regionId = regionId;
        this.runId = runId;
    }

    /** A fluent description of one school. */
    final class School {
        final Map<String, Object> props = new HashMap<>();
        final Map<String, Double> indicators = new LinkedHashMap<>();

        School(String id, String municipalityId) {
            props.put("id", id);
            props.put("name", "Школа " + id);
            props.put("regionId", regionId);
            props.put("municipalityId", municipalityId);
            props.put("type", "СОШ");
            props.put("locality", "село");
            props.put("enrolment", 150L);
            props.put("smallSchool", false);
            props.put("statuses", List.of());
            props.put("identificationRunId", runId);
        }

        School set(String key, Object value) {
            props.put(key, value);
            return this;
        }

        School statuses(String... statuses) {
            props.put("statuses", List.of(statuses));
            return this;
        }

        School at(double lat, double lon) {
            props.put("latitude", lat);
            props.put("longitude", lon);
            return this;
        }

        /** resultsIndex, residual, Russian and mathematics indices. */
        School results(double resultsIndex, double residual, double russian, double maths) {
            props.put("resultsIndex", resultsIndex);
            props.put("residual", residual);
            props.put("subjectIndexRussian", russian);
            props.put("subjectIndexMathematics", maths);
            return this;
        }

        School context(Map<String, Double> values) {
            indicators.putAll(values);
            return this;
        }

        String id() {
            return (String) props.get("id");
        }
    }

    School school(String id, String municipalityId) {
        return new School(id, municipalityId);
    }

    void save(List<School> schools) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (School s : schools) {
            List<Map<String, Object>> values = new ArrayList<>();
            s.indicators.forEach((code, value) -> values.add(Map.of("schoolId", s.id(), "indicator", code, "year", 2024,
                    "value", value, "key", s.id() + "|" + code + "|2024")));
            rows.add(Map.of("props", s.props, "indicators", values));
        }
        try (Session session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    MERGE (r:Region {id: $regionId}) ON CREATE SET r.name = 'Тестовый регион ' + $regionId
                    WITH r UNWIND $rows AS row
                    MERGE (m:Municipality {id: row.props.municipalityId})
                      ON CREATE SET m.name = 'Муниципалитет ' + row.props.municipalityId, m.regionId = $regionId
                    MERGE (r)-[:HAS_MUNICIPALITY]->(m)
                    CREATE (s:School) SET s = row.props
                    CREATE (m)-[:HAS_SCHOOL]->(s)
                    WITH s, row UNWIND row.indicators AS v
                    CREATE (s)-[:HAS_INDICATOR]->(i:IndicatorValue) SET i = v
                    """, Map.of("regionId", regionId, "rows", rows)).consume());
        }
    }

    /** A new identification run: every school of the region gets a new run id (and the given statuses). */
    void newRun(String newRunId, Map<String, List<String>> statuses) {
        try (Session session = driver.session()) {
            session.executeWrite(tx -> {
                tx.run("MATCH (s:School {regionId: $regionId}) SET s.identificationRunId = $run",
                        Map.of("regionId", regionId, "run", newRunId)).consume();
                statuses.forEach((id, list) -> tx.run("MATCH (s:School {id: $id}) SET s.statuses = $statuses",
                        Map.of("id", id, "statuses", list)).consume());
                return null;
            });
        }
    }

    /**
     * Deterministic context indicators of a latent adverse context c (higher = worse), the same
     * functions as {@link SyntheticRegion} without noise.
     */
    static Map<String, Double> context(double c) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("low_income_share", 0.22 + 0.09 * c);
        values.put("difficult_situation_share", 0.06 + 0.03 * c);
        values.put("special_needs_share", 0.08 + 0.02 * c);
        values.put("non_native_share", 0.05 + 0.02 * c);
        values.put("registered_share", 0.03 + 0.015 * c);
        values.put("parents_higher_ed_share", 0.35 - 0.12 * c);
        values.put("staff_shortage_share", 0.06 + 0.03 * c);
        values.put("teachers_no_category_share", 0.25 + 0.07 * c);
        values.put("teachers_no_higher_ed_share", 0.10 + 0.05 * c);
        values.put("remoteness_km", 60 * Math.exp(0.4 * c));
        values.put("material_base_index", 0.7 - 0.1 * c);
        values.put("learning_difficulties_share", 0.12 + 0.05 * c);
        values.put("parental_involvement_index", 0.6 - 0.1 * c);
        values.replaceAll((k, v) -> k.equals("remoteness_km") ? v : Math.min(1, Math.max(0, v)));
        return values;
    }
}
