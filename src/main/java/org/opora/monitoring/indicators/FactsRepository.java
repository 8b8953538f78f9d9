package org.opora.monitoring.indicators;

import jakarta.inject.Singleton;
import org.neo4j.driver.Value;
import org.opora.platform.neo4j.Neo4jSessions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The Cypher that reads a region's facts for the indicators: one read transaction, one statement per kind of record. */
@Singleton
class FactsRepository {

    /** Indicator codes of indicators.csv the catalogue reads. */
    static final List<String> INDICATOR_CODES = List.of("olympiad_participation_share", "olympiad_winners_share",
            "grade10_continuation_share", "individual_route_share", "additional_education_share", "modern_methods_teachers_share");
    private static final List<String> STATUSES = List.of(SupportStatus.SHNOR.status(), SupportStatus.SHNSU.status());

    private final Neo4jSessions neo4j;

    FactsRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * A cheap summary that changes when the region's data does in the usual ways (a new identification run, schools,
     * support records added or closed); in-place edits it misses are picked up by the cache's time limit.
     */
    String fingerprint(String regionId) {
        return neo4j.read(tx -> {
            var r = tx.run("""
                    RETURN COUNT { (s:School {regionId: $regionId}) } AS schools,
                           head(COLLECT { MATCH (run:IdentificationRun {regionId: $regionId})
                                          RETURN run.id ORDER BY run.createdAt DESC LIMIT 1 }) AS run,
                           COUNT { (h:HelpRecord {regionId: $regionId}) } AS help,
                           COUNT { (r:Recommendation {regionId: $regionId}) } AS recommendations,
                           COUNT { (r:Recommendation {regionId: $regionId}) WHERE r.status = 'CLOSED' } AS closed,
                           COUNT { (g:EventRegistration {regionId: $regionId}) WHERE g.attended = true } AS attended,
                           COUNT { (p:NetworkPair {regionId: $regionId}) WHERE p.status IN ['AGREED', 'ACTIVE', 'COMPLETED'] } AS pairs,
                           COUNT { (p:SchoolProgramme {regionId: $regionId}) WHERE p.status <> 'DRAFT' } AS programmes,
                           COUNT { (:Teacher {regionId: $regionId})-[:HAS_DIAGNOSTIC]->(:Diagnostic) } AS diagnostics
                    """, Map.of("regionId", regionId)).single();
            return String.join("|", r.get("schools").toString(), r.get("run").asString(""), r.get("help").toString(),
                    r.get("recommendations").toString(), r.get("closed").toString(), r.get("attended").toString(),
                    r.get("pairs").toString(), r.get("programmes").toString(), r.get("diagnostics").toString());
        });
    }

    Optional<RegionFacts> load(String regionId, String fingerprint) {
        return neo4j.read(tx -> {
            var region = tx.run("MATCH (r:Region {id: $regionId}) RETURN r.name AS name", Map.of("regionId", regionId)).list();
            if (region.isEmpty()) {
                return Optional.<RegionFacts>empty();
            }
            Map<String, Object> p = Map.of("regionId", regionId);
            Map<String, String> municipalities = new LinkedHashMap<>();
            tx.run("""
                    MATCH (:Region {id: $regionId})-[:HAS_MUNICIPALITY]->(m:Municipality)
                    RETURN m.id AS id, m.name AS name ORDER BY name, id
                    """, p).forEachRemaining(r -> municipalities.put(r.get("id").asString(), r.get("name").asString(r.get("id").asString())));
            Map<String, RegionFacts.SchoolFact> schools = new LinkedHashMap<>();
            Map<String, Set<SupportStatus>> stored = new HashMap<>();
            tx.run("""
                    MATCH (s:School {regionId: $regionId})
                    RETURN s.id AS id, s.name AS name, s.municipalityId AS municipalityId, s.enrolment AS enrolment,
                           [x IN coalesce(s.statuses, []) WHERE x IN $statuses] AS statuses
                    ORDER BY id
                    """, Map.of("regionId", regionId, "statuses", STATUSES)).forEachRemaining(r -> {
                String id = r.get("id").asString();
                schools.put(id, new RegionFacts.SchoolFact(id, r.get("name").asString(id), r.get("municipalityId").asString(null),
                        r.get("enrolment").isNull() ? null : r.get("enrolment").asInt()));
                Set<SupportStatus> statuses = statuses(r.get("statuses"));
                if (!statuses.isEmpty()) {
                    stored.put(id, statuses);
                }
            });
            TreeMap<Integer, Map<String, Set<SupportStatus>>> byYear = new TreeMap<>();
            tx.run("""
                    MATCH (run:IdentificationRun {regionId: $regionId})
                    WITH run ORDER BY run.createdAt DESC
                    WITH run.year AS year, collect(run)[0] AS newest
                    OPTIONAL MATCH (newest)-[a:ASSESSED]->(s:School)
                    WHERE any(x IN a.statuses WHERE x IN $statuses)
                    RETURN year, s.id AS school, [x IN a.statuses WHERE x IN $statuses] AS statuses
                    """, Map.of("regionId", regionId, "statuses", STATUSES)).forEachRemaining(r -> {
                Map<String, Set<SupportStatus>> ofYear = byYear.computeIfAbsent(r.get("year").asInt(), y -> new HashMap<>());
                if (!r.get("school").isNull()) {
                    ofYear.put(r.get("school").asString(), statuses(r.get("statuses")));
                }
            });
            Set<String> supported = new TreeSet<>(stored.keySet());
            byYear.values().forEach(m -> supported.addAll(m.keySet()));
            Map<String, Object> ids = Map.of("regionId", regionId, "ids", List.copyOf(supported));
            TreeSet<Integer> years = new TreeSet<>(byYear.keySet());

            Map<String, List<RegionFacts.ResultRow>> results = new HashMap<>();
            tx.run("""
                    MATCH (s:School) WHERE s.id IN $ids
                    MATCH (s)-[:HAS_RESULT]->(r:AssessmentResult) WHERE r.meanScore IS NOT NULL
                    RETURN s.id AS school, r.year AS year, r.procedure AS procedure, r.subject AS subject, r.grade AS grade,
                           r.meanScore AS score
                    """, ids).forEachRemaining(r -> results.computeIfAbsent(r.get("school").asString(), k -> new ArrayList<>())
                    .add(new RegionFacts.ResultRow(r.get("year").asInt(), r.get("procedure").asString(), r.get("subject").asString(),
                            r.get("grade").asInt(), r.get("score").asDouble())));
            Map<String, Map<Integer, Map<String, Double>>> values = new HashMap<>();
            tx.run("""
                    MATCH (s:School {regionId: $regionId})-[:HAS_INDICATOR]->(v:IndicatorValue) WHERE v.indicator IN $codes
                    RETURN s.id AS school, v.year AS year, v.indicator AS indicator, v.value AS value
                    """, Map.of("regionId", regionId, "codes", INDICATOR_CODES)).forEachRemaining(r -> {
                int year = r.get("year").asInt();
                years.add(year);
                values.computeIfAbsent(r.get("school").asString(), k -> new HashMap<>()).computeIfAbsent(year, k -> new HashMap<>())
                        .put(r.get("indicator").asString(), r.get("value").asDouble());
            });
            results.values().forEach(rows -> rows.forEach(r -> years.add(r.year())));
            List<RegionFacts.TeacherFact> teachers = tx.run("""
                    MATCH (t:Teacher)-[:WORKS_AT]->(s:School) WHERE s.id IN $ids
                    RETURN t.id AS id, s.id AS school,
                           COLLECT { MATCH (t)-[:HAS_DIAGNOSTIC]->(d:Diagnostic)
                                     RETURN {date: d.date, weight: reduce(w = 0, level IN [(d)-[:FOUND]->(x:Deficit) | x.level] |
                                             w + CASE level WHEN 'CRITICAL' THEN 3 WHEN 'MODERATE' THEN 2 ELSE 1 END)} } AS diagnostics
                    ORDER BY id
                    """, ids).list(r -> new RegionFacts.TeacherFact(r.get("id").asString(), r.get("school").asString(),
                    r.get("diagnostics").asList(d -> new RegionFacts.DiagnosticFact(d.get("date").asLocalDate(), d.get("weight").asInt()))));
            Map<String, Map<Integer, Integer>> help = new HashMap<>();
            tx.run("""
                    MATCH (h:HelpRecord {regionId: $regionId}) WHERE h.schoolId IN $ids
                    RETURN h.schoolId AS school, h.date.year AS year, count(*) AS n
                    """, ids).forEachRemaining(r -> {
                years.add(r.get("year").asInt());
                help.computeIfAbsent(r.get("school").asString(), k -> new HashMap<>()).put(r.get("year").asInt(), r.get("n").asInt());
            });
            List<RegionFacts.RecommendationFact> recommendations = tx.run("""
                    MATCH (r:Recommendation {regionId: $regionId})
                    WHERE r.schoolId IN $ids AND r.addresseeKind IN ['SCHOOL', 'PARENTS', 'TEACHER']
                    RETURN r.schoolId AS school, r.issuedAt.year AS year, r.status = 'CLOSED' AND r.checkOutcome = 'DONE' AS done
                    """, ids).list(r -> new RegionFacts.RecommendationFact(r.get("school").asString(), r.get("year").asInt(),
                    r.get("done").asBoolean(false)));
            recommendations.forEach(r -> years.add(r.year()));
            List<RegionFacts.PairFact> pairs = tx.run("""
                    MATCH (p:NetworkPair {regionId: $regionId})
                    WHERE p.menteeId IN $ids AND p.status IN ['AGREED', 'ACTIVE', 'COMPLETED']
                    RETURN p.menteeId AS school, coalesce(p.startDate, p.agreementDate, date(p.createdAt)) AS from, p.endDate AS to
                    """, ids).list(r -> new RegionFacts.PairFact(r.get("school").asString(), r.get("from").asLocalDate(),
                    r.get("to").isNull() ? null : r.get("to").asLocalDate()));
            Map<String, Set<Integer>> seminars = new HashMap<>();
            tx.run("""
                    MATCH (g:EventRegistration {regionId: $regionId})-[:FOR_EVENT]->(e:SupportEvent)
                    WHERE g.attended = true AND g.schoolId IN $ids AND e.kind IN ['SEMINAR', 'ROUND_TABLE']
                    RETURN DISTINCT g.schoolId AS school, e.startDate.year AS year
                    """, ids).forEachRemaining(r -> seminars.computeIfAbsent(r.get("school").asString(), k -> new TreeSet<>())
                    .add(r.get("year").asInt()));
            List<RegionFacts.ProgrammeFact> programmes = tx.run("""
                    MATCH (p:SchoolProgramme {regionId: $regionId}) WHERE p.schoolId IN $ids
                    RETURN p.schoolId AS school, p.status AS status, p.periodStart AS periodStart, p.periodEnd AS periodEnd,
                           [(p)-[:HAS_MEASURE]->(m:ProgrammeMeasure) | {deadline: m.deadline, status: m.status}] AS measures
                    """, ids).list(r -> new RegionFacts.ProgrammeFact(r.get("school").asString(), r.get("status").asString(),
                    date(r.get("periodStart")), date(r.get("periodEnd")),
                    r.get("measures").asList(m -> new RegionFacts.MeasureFact(date(m.get("deadline")), m.get("status").asString("")))));
            return Optional.of(new RegionFacts(regionId, region.get(0).get("name").asString(regionId), municipalities, schools,
                    byYear, stored, results, values, teachers, help, recommendations, pairs, seminars, programmes, years,
                    fingerprint, System.currentTimeMillis()));
        });
    }

    private static Set<SupportStatus> statuses(Value list) {
        Set<SupportStatus> result = java.util.EnumSet.noneOf(SupportStatus.class);
        for (String name : list.asList(Value::asString)) {
            for (SupportStatus s : SupportStatus.values()) {
                if (s.status().equals(name)) {
                    result.add(s);
                }
            }
        }
        return result;
    }

    private static LocalDate date(Value value) {
        return value.isNull() ? null : value.asLocalDate();
    }

}
