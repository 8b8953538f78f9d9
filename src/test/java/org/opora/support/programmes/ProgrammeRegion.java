package org.opora.support.programmes;

import org.neo4j.driver.Session;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.opora.testing.OporaTestApp.driver;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * A small region of the support tests written straight in Cypher: two municipalities, schools with current statuses,
 * a current identification run whose assessments carry risk profiles, and indicator values over years.
 */
final class ProgrammeRegion {

    final String region;
    final String m1;
    final String m2;
    private final List<Map<String, Object>> schools = new ArrayList<>();

    ProgrammeRegion(String region) {
        this.region = region;
        this.m1 = region + "-M1";
        this.m2 = region + "-M2";
    }

    /** A school with statuses and a risk profile ("STAFF_SHORTAGE:HIGH", ...). */
    ProgrammeRegion school(String id, String municipality, List<String> statuses, List<String> risks, Double resultsIndex) {
        Map<String, Object> s = new HashMap<>();
        s.put("id", id);
        s.put("name", "Школа " + id);
        s.put("municipalityId", municipality);
        s.put("statuses", statuses);
        s.put("resultsIndex", resultsIndex);
        StringBuilder json = new StringBuilder("[");
        for (String risk : risks) {
            String[] parts = risk.split(":");
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"factor\":\"").append(parts[0]).append("\",\"level\":\"").append(parts[1]).append("\",\"indicators\":[]}");
        }
        s.put("risk", json.append(']').toString());
        schools.add(s);
        return this;
    }

    void save() {
        try (Session session = driver().session()) {
            session.run("""
                    MERGE (r:Region {id: $region}) SET r.name = 'Регион ' + $region
                    MERGE (m1:Municipality {id: $m1}) SET m1.name = 'Первый район', m1.regionId = $region
                    MERGE (m2:Municipality {id: $m2}) SET m2.name = 'Второй район', m2.regionId = $region
                    MERGE (r)-[:HAS_MUNICIPALITY]->(m1) MERGE (r)-[:HAS_MUNICIPALITY]->(m2)
                    MERGE (run:IdentificationRun {id: $run}) SET run.regionId = $region, run.year = 2025, run.createdAt = datetime()
                    WITH run
                    UNWIND $schools AS row
                    MATCH (m:Municipality {id: row.municipalityId})
                    MERGE (s:School {id: row.id})
                    SET s.name = row.name, s.regionId = $region, s.municipalityId = row.municipalityId, s.type = 'СОШ',
                        s.locality = 'село', s.enrolment = 200, s.statuses = row.statuses, s.identificationRunId = $run,
                        s.resultsIndex = row.resultsIndex
                    MERGE (m)-[:HAS_SCHOOL]->(s)
                    MERGE (run)-[a:ASSESSED]->(s) SET a.statuses = row.statuses, a.riskProfileJson = row.risk
                    """, Map.of("region", region, "m1", m1, "m2", m2, "run", region + "-RUN", "schools", schools)).consume();
        }
    }

    void indicator(String schoolId, String indicator, int year, double value) {
        try (Session session = driver().session()) {
            session.run("""
                    MATCH (s:School {id: $id})
                    MERGE (s)-[:HAS_INDICATOR]->(v:IndicatorValue {schoolId: $id, indicator: $indicator, year: $year})
                    SET v.value = $value""", Map.of("id", schoolId, "indicator", indicator, "year", year, "value", value)).consume();
        }
    }

    String schoolAdmin(String schoolId) {
        String municipality = (String) schools.stream().filter(s -> s.get("id").equals(schoolId)).findFirst().orElseThrow()
                .get("municipalityId");
        return tokenFor("admin-" + schoolId, Set.of(Role.SCHOOL_ADMIN), new Scope(region, municipality, schoolId));
    }

    String municipal(String municipality) {
        return tokenFor("muni-" + municipality, Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(region, municipality, null));
    }

    String regional() {
        return tokenFor("regional-" + region, Set.of(Role.REGIONAL_COORDINATOR), new Scope(region, null, null));
    }

    String methodist() {
        return tokenFor("methodist-" + region, Set.of(Role.METHODIST), new Scope(region, null, null));
    }

    static String foreignRegional() {
        return tokenFor("regional-elsewhere", Set.of(Role.REGIONAL_COORDINATOR), new Scope("R-ELSEWHERE", null, null));
    }

    static long count(String cypher, Map<String, Object> parameters) {
        try (Session session = driver().session()) {
            return session.run(cypher, parameters).single().get(0).asLong();
        }
    }

    // ------------------------------------------------------------------ API calls

    static final String PROGRAMME = """
            id kind riskFactor riskFactorLabel title periodStart periodEnd status statusLabel allowedTransitions
            school { id } goals { id basisKind basis basisLabel text }
            measures { id goalId title deadline status evidence doneOn overdue partners { id } }
            targets { indicator label baseline baselineYear target targetYear actual actualYear progress achieved }
            overdueMeasures measuresDone overdue agreedAt agreedBy returnComment summary createdBy""";

    static GraphQlResponse create(String token, Map<String, Object> input) {
        return graphql(token, "mutation($in: SchoolProgrammeInput!) { createSchoolProgramme(input: $in) { " + PROGRAMME + " } }",
                Map.of("in", input));
    }

    static GraphQlResponse move(String token, String id, String status, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("s", status);
        variables.put("c", comment);
        return graphql(token, "mutation($id: ID!, $s: ProgrammeStatus!, $c: String) { changeSchoolProgrammeStatus(id: $id, status: $s, "
                + "comment: $c) { " + PROGRAMME + " } }", variables);
    }

    static GraphQlResponse addMeasure(String token, String programmeId, Map<String, Object> input) {
        return graphql(token, "mutation($p: ID!, $in: ProgrammeMeasureInput!) { addProgrammeMeasure(programmeId: $p, input: $in) { "
                + "id title deadline status evidence doneOn overdue goalId partners { id name } } }", Map.of("p", programmeId, "in", input));
    }

    static GraphQlResponse updateMeasure(String token, String id, Map<String, Object> input) {
        return graphql(token, "mutation($id: ID!, $in: ProgrammeMeasureUpdateInput!) { updateProgrammeMeasure(id: $id, input: $in) { "
                + "id title status evidence doneOn overdue } }", Map.of("id", id, "in", input));
    }

    static GraphQlResponse read(String token, String id) {
        return graphql(token, "query($id: ID!) { schoolProgramme(id: $id) { " + PROGRAMME + " } }", Map.of("id", id));
    }

    static Map<String, Object> draft(String schoolId, String kind, String riskFactor, List<Map<String, Object>> goals,
                                     List<Map<String, Object>> targets) {
        Map<String, Object> in = new HashMap<>();
        in.put("schoolId", schoolId);
        in.put("kind", kind);
        in.put("riskFactor", riskFactor);
        in.put("title", "Программа школы " + schoolId);
        in.put("periodStart", "2024-09-01");
        in.put("periodEnd", "2030-08-31");
        in.put("goals", goals);
        in.put("targets", targets);
        return in;
    }

    static Map<String, Object> goal(String kind, String basis, String text) {
        return Map.of("basisKind", kind, "basis", basis, "text", text);
    }

    static Map<String, Object> measure(String title, String deadline) {
        return Map.of("title", title, "responsible", "Заместитель директора по УВР", "deadline", deadline,
                "plannedResult", "Проведено, есть протокол");
    }
}
