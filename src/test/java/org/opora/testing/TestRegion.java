package org.opora.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a constructed region straight in the graph (same model as the importer writes), so that
 * tests of the analyses know the right answer by construction.
 */
public final class TestRegion {

    private final String regionId;
    private final List<Map<String, Object>> schools = new ArrayList<>();
    private final List<Map<String, Object>> results = new ArrayList<>();
    private final List<Map<String, Object>> indicators = new ArrayList<>();

    public TestRegion(String regionId) {
        this.regionId = regionId;
    }

    public TestRegion school(String id, String municipalityId, String type, String locality, int enrolment) {
        Map<String, Object> school = new HashMap<>();
        school.put("id", id);
        school.put("name", "Школа " + id);
        school.put("municipalityId", municipalityId);
        school.put("type", type);
        school.put("locality", locality);
        school.put("enrolment", enrolment);
        school.put("smallSchool", enrolment < 100);
        schools.add(school);
        return this;
    }

    public TestRegion result(String schoolId, int year, String procedure, String subject, int grade, double meanScore) {
        results.add(Map.of("schoolId", schoolId, "year", year, "procedure", procedure, "subject", subject,
                "grade", grade, "meanScore", meanScore));
        return this;
    }

    public TestRegion indicator(String schoolId, int year, String indicator, double value) {
        indicators.add(Map.of("schoolId", schoolId, "year", year, "indicator", indicator, "value", value));
        return this;
    }

    public String id() {
        return regionId;
    }

    /** Writes everything, replacing an earlier version of this region. */
    public TestRegion save() {
        try (var session = OporaTestApp.driver().session()) {
            session.executeWrite(tx -> {
                tx.run("""
                        MATCH (r:Region {id: $regionId}) OPTIONAL MATCH (r)-[:HAS_MUNICIPALITY]->(m)-[:HAS_SCHOOL]->(s)
                        OPTIONAL MATCH (s)-[:HAS_RESULT|HAS_INDICATOR]->(x)
                        DETACH DELETE x, s, m, r""", Map.of("regionId", regionId)).consume();
                tx.run("""
                        CREATE (r:Region {id: $regionId, name: 'Тестовый регион ' + $regionId})
                        WITH r UNWIND $schools AS row
                        MERGE (m:Municipality {id: row.municipalityId})
                          ON CREATE SET m.name = 'Округ ' + row.municipalityId, m.regionId = $regionId
                        MERGE (r)-[:HAS_MUNICIPALITY]->(m)
                        CREATE (m)-[:HAS_SCHOOL]->(s:School)
                        SET s = row, s.regionId = $regionId""", Map.of("regionId", regionId, "schools", schools)).consume();
                tx.run("""
                        UNWIND $rows AS row MATCH (s:School {id: row.schoolId})
                        CREATE (s)-[:HAS_RESULT]->(a:AssessmentResult)
                        SET a = row, a.key = row.schoolId + '|' + row.year + '|' + row.procedure + '|' + row.subject + '|' + row.grade,
                            a.participants = 25""", Map.of("rows", results)).consume();
                tx.run("""
                        UNWIND $rows AS row MATCH (s:School {id: row.schoolId})
                        CREATE (s)-[:HAS_INDICATOR]->(v:IndicatorValue)
                        SET v = row, v.key = row.schoolId + '|' + row.year + '|' + row.indicator""", Map.of("rows", indicators)).consume();
                return null;
            });
        }
        return this;
    }
}
