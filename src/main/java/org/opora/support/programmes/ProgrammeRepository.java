package org.opora.support.programmes;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.opora.identification.RiskFactor;
import org.opora.mentoring.teachers.Rows;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.platform.neo4j.SchemaMigration;
import org.opora.school.SchoolStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cypher of school programmes: (:School)-[:HAS_PROGRAMME]->(:SchoolProgramme)-[:HAS_GOAL]->(:ProgrammeGoal),
 * -[:HAS_MEASURE]->(:ProgrammeMeasure)-[:WITH_PARTNER]->(:Partner), -[:HAS_TARGET]->(:ProgrammeTarget). A programme
 * is read whole in one query, with the school's real values of its targets' indicators.
 */
@Singleton
public class ProgrammeRepository implements SchemaMigration {

    private static final String PROGRAMME = """
            p {.*,
               goals: COLLECT { MATCH (p)-[:HAS_GOAL]->(g:ProgrammeGoal) WITH g ORDER BY g.position RETURN g {.*} },
               measures: COLLECT { MATCH (p)-[:HAS_MEASURE]->(m:ProgrammeMeasure) WITH m ORDER BY m.deadline, m.id
                                   RETURN m {.*, partnerIds: COLLECT { MATCH (m)-[:WITH_PARTNER]->(x:Partner) WITH x ORDER BY x.id RETURN x.id }} },
               targets: COLLECT { MATCH (p)-[:HAS_TARGET]->(t:ProgrammeTarget) WITH t ORDER BY t.position RETURN t {.*} },
               values: COLLECT { MATCH (vs:School {id: p.schoolId})-[:HAS_INDICATOR]->(v:IndicatorValue)
                                 WHERE EXISTS { MATCH (p)-[:HAS_TARGET]->(:ProgrammeTarget {indicator: v.indicator}) }
                                 RETURN v {.year, .indicator, .value} },
               current: COLLECT { MATCH (cs:School {id: p.schoolId})
                                  RETURN cs {.resultsIndex, .subjectIndexRussian, .subjectIndexMathematics,
                                             year: head([(run:IdentificationRun)-[:ASSESSED]->(cs) WHERE run.id = cs.identificationRunId | run.year])} }}""";

    private final Neo4jSessions neo4j;

    ProgrammeRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    @Override
    public String id() {
        return "060-support-programmes";
    }

    @Override
    public List<String> statements() {
        return List.of(
                "CREATE CONSTRAINT school_programme_id IF NOT EXISTS FOR (p:SchoolProgramme) REQUIRE p.id IS UNIQUE",
                "CREATE CONSTRAINT programme_measure_id IF NOT EXISTS FOR (m:ProgrammeMeasure) REQUIRE m.id IS UNIQUE",
                "CREATE INDEX school_programme_school IF NOT EXISTS FOR (p:SchoolProgramme) ON (p.schoolId)",
                "CREATE INDEX school_programme_region IF NOT EXISTS FOR (p:SchoolProgramme) ON (p.regionId)");
    }

    /** The facts of a programme its rules need, read under a write lock inside the caller's transaction. */
    public record Header(String id, String schoolId, String regionId, @Nullable String municipalityId, ProgrammeStatus status,
                         ProgrammeKind kind, LocalDate periodStart, LocalDate periodEnd) {
    }

    /** A new programme as stored; its goals and targets are stored with it. */
    public record StoredProgramme(String id, String schoolId, String regionId, @Nullable String municipalityId, ProgrammeKind kind,
                                  @Nullable String riskFactor, String title, LocalDate periodStart, LocalDate periodEnd,
                                  ProgrammeStatus status, String createdBy) {
    }

    /** The programme's own fields an update writes: the title unless null, and the period. */
    public record ProgrammeFields(@Nullable String title, LocalDate periodStart, LocalDate periodEnd) {
    }

    /** A goal as stored; its position is its place in the programme's list of goals. */
    public record StoredGoal(String id, GoalBasisKind basisKind, String basis, String text) {
    }

    /** A target as stored (its real values are read with the programme). */
    public record StoredTarget(String id, String indicator, @Nullable Double baseline, double target, int targetYear) {
    }

    /** A new measure as stored. */
    public record StoredMeasure(String id, @Nullable String goalId, String title, String responsible, LocalDate deadline,
                                @Nullable String plannedResult, MeasureStatus status, @Nullable String evidence,
                                @Nullable LocalDate doneOn) {
    }

    /**
     * A measure's changed fields: a null field keeps its value. {@code plannedResult} and {@code evidence} may also be
     * cleared (an empty Optional); {@code doneOn} is written together with a new status (null clears it).
     */
    public record MeasureChange(@Nullable String title, @Nullable String responsible, @Nullable LocalDate deadline,
                                @Nullable Optional<String> plannedResult, @Nullable String goalId,
                                @Nullable Optional<String> evidence, @Nullable MeasureStatus status, @Nullable LocalDate doneOn) {
    }

    /** The school's current statuses and the JSON risk profile of its current identification run. */
    public record CurrentIdentification(List<String> statuses, @Nullable String riskProfileJson) {
    }

    public CurrentIdentification currentIdentification(String schoolId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (s:School {id: $id})
                OPTIONAL MATCH (:IdentificationRun {id: s.identificationRunId})-[a:ASSESSED]->(s)
                RETURN coalesce(s.statuses, []) AS statuses, a.riskProfileJson AS risk""", Map.of("id", schoolId))
                .stream().findFirst().map(r -> new CurrentIdentification(Rows.strings(r.get("statuses")), Rows.string(r.get("risk"))))
                .orElse(new CurrentIdentification(List.of(), null)));
    }

    public void create(StoredProgramme programme, List<StoredGoal> goals, List<StoredTarget> targets) {
        neo4j.write(tx -> {
            tx.run("""
                    MATCH (s:School {id: $p.schoolId})
                    CREATE (s)-[:HAS_PROGRAMME]->(p:SchoolProgramme)
                    SET p = $p, p.createdAt = datetime(), p.version = 0
                    """, Map.of("p", row(programme))).consume();
            replaceGoalsAndTargets(tx, programme.id(), goals, targets);
            return null;
        });
    }

    public Optional<SchoolProgramme> find(String id) {
        return neo4j.read(tx -> find(tx, id));
    }

    public Optional<SchoolProgramme> find(TransactionContext tx, String id) {
        return tx.run("MATCH (p:SchoolProgramme {id: $id}) RETURN " + PROGRAMME + " AS p", Map.of("id", id))
                .stream().findFirst().map(r -> programme(r.get("p")));
    }

    /** Programmes of a school, newest period first. */
    public List<SchoolProgramme> ofSchool(String schoolId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (:School {id: $id})-[:HAS_PROGRAMME]->(p:SchoolProgramme)
                RETURN""" + " " + PROGRAMME + " AS p ORDER BY p.periodStart DESC, p.createdAt DESC", Map.of("id", schoolId))
                .list(r -> programme(r.get("p"))));
    }

    /** Locks the programme (a version bump) and reads its header, so that the caller's checks hold until it commits. */
    public Optional<Header> lock(TransactionContext tx, String id) {
        return tx.run("""
                MATCH (p:SchoolProgramme {id: $id}) SET p.version = coalesce(p.version, 0) + 1
                RETURN p {.id, .schoolId, .regionId, .municipalityId, .status, .kind, .periodStart, .periodEnd} AS p""",
                Map.of("id", id)).stream().findFirst().map(r -> header(r.get("p")));
    }

    /** The programme a measure belongs to, locked (see {@link #lock}). */
    public Optional<Header> lockOfMeasure(TransactionContext tx, String measureId) {
        return tx.run("MATCH (p:SchoolProgramme)-[:HAS_MEASURE]->(:ProgrammeMeasure {id: $id}) RETURN p.id AS id",
                Map.of("id", measureId)).stream().findFirst().flatMap(r -> lock(tx, r.get("id").asString()));
    }

    public void update(TransactionContext tx, String id, ProgrammeFields fields, @Nullable List<StoredGoal> goals,
                       @Nullable List<StoredTarget> targets, String by) {
        tx.run("MATCH (p:SchoolProgramme {id: $id}) SET p += $fields, p.updatedAt = datetime(), p.updatedBy = $by",
                Map.of("id", id, "fields", row(fields), "by", by)).consume();
        if (goals != null) {
            // Measures keep pointing at goals by id: a goal replaced by the update is unlinked from them.
            tx.run("""
                    MATCH (p:SchoolProgramme {id: $id})-[:HAS_GOAL]->(g:ProgrammeGoal)
                    OPTIONAL MATCH (p)-[:HAS_MEASURE]->(m:ProgrammeMeasure {goalId: g.id})
                    SET m.goalId = null
                    WITH DISTINCT g DETACH DELETE g""", Map.of("id", id)).consume();
        }
        if (targets != null) {
            tx.run("MATCH (:SchoolProgramme {id: $id})-[:HAS_TARGET]->(t:ProgrammeTarget) DETACH DELETE t", Map.of("id", id)).consume();
        }
        replaceGoalsAndTargets(tx, id, goals == null ? List.of() : goals, targets == null ? List.of() : targets);
    }

    private static void replaceGoalsAndTargets(TransactionContext tx, String id, List<StoredGoal> goals,
                                               List<StoredTarget> targets) {
        List<Map<String, Object>> goalRows = new ArrayList<>();
        for (int i = 0; i < goals.size(); i++) {
            StoredGoal g = goals.get(i);
            Map<String, Object> row = new HashMap<>();
            row.put("id", g.id());
            row.put("basisKind", g.basisKind().name());
            row.put("basis", g.basis());
            row.put("text", g.text());
            row.put("position", i);
            goalRows.add(row);
        }
        List<Map<String, Object>> targetRows = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            StoredTarget t = targets.get(i);
            Map<String, Object> row = new HashMap<>();
            row.put("id", t.id());
            row.put("indicator", t.indicator());
            row.put("baseline", t.baseline());
            row.put("target", t.target());
            row.put("targetYear", t.targetYear());
            row.put("position", i);
            targetRows.add(row);
        }
        tx.run("""
                MATCH (p:SchoolProgramme {id: $id})
                FOREACH (g IN $goals | CREATE (p)-[:HAS_GOAL]->(x:ProgrammeGoal) SET x = g, x.programmeId = $id)
                FOREACH (t IN $targets | CREATE (p)-[:HAS_TARGET]->(x:ProgrammeTarget) SET x = t, x.programmeId = $id)
                """, Map.of("id", id, "goals", goalRows, "targets", targetRows)).consume();
    }

    /** Goal ids of a programme (a measure may point only at one of them). */
    public List<String> goalIds(TransactionContext tx, String programmeId) {
        return tx.run("MATCH (:SchoolProgramme {id: $id})-[:HAS_GOAL]->(g:ProgrammeGoal) RETURN g.id AS id", Map.of("id", programmeId))
                .list(r -> r.get("id").asString());
    }

    public void setStatus(TransactionContext tx, String id, ProgrammeStatus to, String by, @Nullable String comment) {
        tx.run("""
                MATCH (p:SchoolProgramme {id: $id})
                SET p.status = $to, p.updatedAt = datetime(), p.updatedBy = $by,
                    p.agreedAt = CASE $to WHEN 'AGREED' THEN datetime() WHEN 'DRAFT' THEN null ELSE p.agreedAt END,
                    p.agreedBy = CASE $to WHEN 'AGREED' THEN $by WHEN 'DRAFT' THEN null ELSE p.agreedBy END,
                    p.returnComment = CASE $to WHEN 'DRAFT' THEN $comment ELSE p.returnComment END,
                    p.summary = CASE $to WHEN 'COMPLETED' THEN $comment ELSE p.summary END
                """, params("id", id, "to", to.name(), "by", by, "comment", comment)).consume();
    }

    public void addMeasure(TransactionContext tx, String programmeId, StoredMeasure measure, List<String> partnerIds) {
        tx.run("""
                MATCH (p:SchoolProgramme {id: $programmeId})
                CREATE (p)-[:HAS_MEASURE]->(m:ProgrammeMeasure) SET m = $m, m.programmeId = $programmeId
                """, Map.of("programmeId", programmeId, "m", row(measure))).consume();
        setPartners(tx, measure.id(), partnerIds);
    }

    public void updateMeasure(TransactionContext tx, String measureId, MeasureChange change, @Nullable List<String> partnerIds) {
        tx.run("MATCH (m:ProgrammeMeasure {id: $id}) SET m += $fields", Map.of("id", measureId, "fields", row(change))).consume();
        if (partnerIds != null) {
            tx.run("MATCH (:ProgrammeMeasure {id: $id})-[w:WITH_PARTNER]->() DELETE w", Map.of("id", measureId)).consume();
            setPartners(tx, measureId, partnerIds);
        }
    }

    private static void setPartners(TransactionContext tx, String measureId, List<String> partnerIds) {
        tx.run("""
                MATCH (m:ProgrammeMeasure {id: $id}) UNWIND $partners AS partnerId
                MATCH (x:Partner {id: partnerId}) MERGE (m)-[:WITH_PARTNER]->(x)""",
                Map.of("id", measureId, "partners", partnerIds)).consume();
    }

    public Optional<ProgrammeMeasure> measure(TransactionContext tx, String measureId) {
        return tx.run("""
                MATCH (m:ProgrammeMeasure {id: $id})
                RETURN m {.*, partnerIds: COLLECT { MATCH (m)-[:WITH_PARTNER]->(x:Partner) WITH x ORDER BY x.id RETURN x.id }} AS m""",
                Map.of("id", measureId)).stream().findFirst().map(r -> measure(r.get("m")));
    }

    public void removeMeasure(TransactionContext tx, String measureId) {
        tx.run("MATCH (m:ProgrammeMeasure {id: $id}) DETACH DELETE m", Map.of("id", measureId)).consume();
    }

    /** One ШНОР/ШНСУ school of a territory with its programmes that are not completed. */
    public record GapRow(String schoolId, List<String> statuses, boolean completedBefore, List<SchoolProgramme> open) {
    }

    /** ШНОР/ШНСУ schools of a region (or one municipality) with their programmes not completed, by school id. */
    public List<GapRow> gapRows(String regionId, @Nullable String municipalityId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (s:School {regionId: $regionId})
                WHERE ($municipalityId IS NULL OR s.municipalityId = $municipalityId)
                  AND any(st IN coalesce(s.statuses, []) WHERE st IN ['LOW_RESULTS', 'UNFAVOURABLE_CONTEXT'])
                RETURN s.id AS schoolId, [st IN s.statuses WHERE st IN ['LOW_RESULTS', 'UNFAVOURABLE_CONTEXT']] AS statuses,
                       EXISTS { MATCH (s)-[:HAS_PROGRAMME]->(:SchoolProgramme {status: 'COMPLETED'}) } AS completedBefore,
                       COLLECT { MATCH (s)-[:HAS_PROGRAMME]->(p:SchoolProgramme) WHERE p.status <> 'COMPLETED'
                                 WITH p ORDER BY p.periodStart DESC RETURN""" + " " + PROGRAMME + """
                                 } AS open
                ORDER BY s.id""", params("regionId", regionId, "municipalityId", municipalityId))
                .list(r -> new GapRow(r.get("schoolId").asString(), Rows.strings(r.get("statuses")), r.get("completedBefore").asBoolean(),
                        Rows.list(r.get("open"), ProgrammeRepository::programme))));
    }

    // ------------------------------------------------------------------ mapping

    // Rows written with SET x = $row: a null value stores no property.
    private static Map<String, Object> row(StoredProgramme p) {
        return params("id", p.id(), "schoolId", p.schoolId(), "regionId", p.regionId(), "municipalityId", p.municipalityId(),
                "kind", p.kind().name(), "riskFactor", p.riskFactor(), "title", p.title(), "periodStart", p.periodStart(),
                "periodEnd", p.periodEnd(), "status", p.status().name(), "createdBy", p.createdBy());
    }

    private static Map<String, Object> row(StoredMeasure m) {
        return params("id", m.id(), "goalId", m.goalId(), "title", m.title(), "responsible", m.responsible(),
                "deadline", m.deadline(), "plannedResult", m.plannedResult(), "status", m.status().name(),
                "evidence", m.evidence(), "doneOn", m.doneOn());
    }

    // Rows written with SET x += $row: an absent key keeps the property, a null value removes it.
    private static Map<String, Object> row(ProgrammeFields fields) {
        Map<String, Object> row = params("periodStart", fields.periodStart(), "periodEnd", fields.periodEnd());
        if (fields.title() != null) {
            row.put("title", fields.title());
        }
        return row;
    }

    private static Map<String, Object> row(MeasureChange change) {
        Map<String, Object> row = new HashMap<>();
        if (change.title() != null) {
            row.put("title", change.title());
        }
        if (change.responsible() != null) {
            row.put("responsible", change.responsible());
        }
        if (change.deadline() != null) {
            row.put("deadline", change.deadline());
        }
        if (change.plannedResult() != null) {
            row.put("plannedResult", change.plannedResult().orElse(null));
        }
        if (change.goalId() != null) {
            row.put("goalId", change.goalId());
        }
        if (change.evidence() != null) {
            row.put("evidence", change.evidence().orElse(null));
        }
        if (change.status() != null) {
            row.put("status", change.status().name());
            row.put("doneOn", change.doneOn());
        }
        return row;
    }

    private static Header header(Value p) {
        return new Header(p.get("id").asString(), p.get("schoolId").asString(), p.get("regionId").asString(),
                Rows.string(p.get("municipalityId")), ProgrammeStatus.valueOf(p.get("status").asString()),
                ProgrammeKind.valueOf(p.get("kind").asString()), p.get("periodStart").asLocalDate(), p.get("periodEnd").asLocalDate());
    }

    private static SchoolProgramme programme(Value p) {
        LocalDate start = p.get("periodStart").asLocalDate();
        LocalDate end = p.get("periodEnd").asLocalDate();
        List<Value> values = p.get("values").asList(v -> v);
        Value current = p.get("current").isNull() || p.get("current").size() == 0 ? null : p.get("current").get(0);
        List<IndicatorTarget> targets = Rows.list(p.get("targets"), t -> target(t, start, values, current));
        return new SchoolProgramme(p.get("id").asString(), p.get("schoolId").asString(), p.get("regionId").asString(),
                Rows.string(p.get("municipalityId")), ProgrammeKind.valueOf(p.get("kind").asString()), Rows.string(p.get("riskFactor")),
                p.get("title").asString(), start, end, ProgrammeStatus.valueOf(p.get("status").asString()),
                Rows.list(p.get("goals"), ProgrammeRepository::goal), Rows.list(p.get("measures"), ProgrammeRepository::measure),
                targets, p.get("createdAt").asZonedDateTime(), p.get("createdBy").asString(),
                p.get("updatedAt").isNull() ? null : p.get("updatedAt").asZonedDateTime(),
                p.get("agreedAt").isNull() ? null : p.get("agreedAt").asZonedDateTime(), Rows.string(p.get("agreedBy")),
                Rows.string(p.get("returnComment")), Rows.string(p.get("summary")));
    }

    private static ProgrammeGoal goal(Value g) {
        GoalBasisKind kind = GoalBasisKind.valueOf(g.get("basisKind").asString());
        String basis = g.get("basis").asString();
        return new ProgrammeGoal(g.get("id").asString(), kind, basis, basisLabel(kind, basis), g.get("text").asString());
    }

    static String basisLabel(GoalBasisKind kind, String basis) {
        return kind == GoalBasisKind.STATUS ? SchoolStatus.valueOf(basis).label() : RiskFactor.valueOf(basis).label();
    }

    private static ProgrammeMeasure measure(Value m) {
        return new ProgrammeMeasure(m.get("id").asString(), m.get("programmeId").asString(), Rows.string(m.get("goalId")),
                m.get("title").asString(), m.get("responsible").asString(), m.get("deadline").asLocalDate(),
                Rows.string(m.get("plannedResult")), MeasureStatus.valueOf(m.get("status").asString()), Rows.string(m.get("evidence")),
                Rows.date(m.get("doneOn")), Rows.strings(m.get("partnerIds")));
    }

    /**
     * A target against the school's real values: for an indicator of indicators.csv the latest year's value (baseline,
     * unless given, the value of the programme's first year or the latest before it); for a results index the value of
     * the current identification.
     */
    private static IndicatorTarget target(Value t, LocalDate start, List<Value> values, @Nullable Value current) {
        String code = t.get("indicator").asString();
        TargetIndicator indicator = TargetIndicator.of(code).orElseThrow();
        Double baseline = t.get("baseline").isNull() ? null : t.get("baseline").asDouble();
        Integer baselineYear = null;
        Double actual = null;
        Integer actualYear = null;
        if (indicator.fromIdentification()) {
            if (current != null && !current.get(indicator.schoolProperty()).isNull()) {
                actual = current.get(indicator.schoolProperty()).asDouble();
                actualYear = Rows.integer(current.get("year"));
            }
        } else {
            List<Value> series = values.stream().filter(v -> code.equals(v.get("indicator").asString()))
                    .sorted(Comparator.comparingInt(v -> v.get("year").asInt())).toList();
            if (!series.isEmpty()) {
                Value latest = series.get(series.size() - 1);
                actual = latest.get("value").asDouble();
                actualYear = latest.get("year").asInt();
                if (baseline == null) {
                    Value base = series.stream().filter(v -> v.get("year").asInt() <= start.getYear())
                            .reduce((a, b) -> b).orElse(series.get(0));
                    baseline = base.get("value").asDouble();
                    baselineYear = base.get("year").asInt();
                }
            }
        }
        double target = t.get("target").asDouble();
        return new IndicatorTarget(t.get("id").asString(), code, indicator.label(), indicator.unit(), baseline, baselineYear,
                target, t.get("targetYear").asInt(), actual, actualYear, indicator.progress(baseline, target, actual),
                indicator.achieved(baseline, target, actual));
    }

    private static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
