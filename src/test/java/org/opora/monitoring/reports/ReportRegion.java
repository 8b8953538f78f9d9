package org.opora.monitoring.reports;

import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.OporaTestApp;
import org.opora.testing.TestRegion;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * A constructed region for the справки tests, with everything the справки count written straight into the graph in
 * the model the features write, so that every figure is known by hand:
 * <pre>
 *            identification 2025          identification 2026
 * M1  S1     ШНОР                          ШНОР (risk: staff HIGH, remoteness MEDIUM)
 *     S2     —                             ШНОР            → entered ШНОР
 *     S3     ШНСУ                          —               → left ШНСУ
 * M2  S4     ШНОР                          ШНОР, ШНСУ      → entered ШНСУ
 *     S5     лидер                         лидер
 * </pre>
 * ШНОР/ШНСУ in 2026: S1, S2, S4 (3). Pair S1–S5 active since 01.09.2025. Programmes: S1 in progress (3 measures: done,
 * overdue on 01.06.2026, due in December), S2 draft. Recommendations issued in 2026: S1 closed as done, S2 overdue on
 * 01.06.2026, S4 answered (and one of 2025 for S1). Help in 2026: S1 twice, S4 once (S2 only in 2025). A seminar on
 * 10.03.2026: S1 attended, S2 registered but absent, a teacher of S4 attended.
 */
final class ReportRegion {

    static final int YEAR = 2026;
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

    final String region;
    final String m1;
    final String m2;
    final String s1;
    final String s2;
    final String s3;
    final String s4;
    final String s5;
    final String otherRegion;

    ReportRegion(String id) {
        region = id;
        m1 = id + "-M1";
        m2 = id + "-M2";
        s1 = id + "-S1";
        s2 = id + "-S2";
        s3 = id + "-S3";
        s4 = id + "-S4";
        s5 = id + "-S5";
        otherRegion = id + "-X";
        TestRegion schools = new TestRegion(region)
                .school(s1, m1, "СОШ", "село", 180)
                .school(s2, m1, "ООШ", "село", 90)
                .school(s3, m1, "СОШ", "город", 600)
                .school(s4, m2, "СОШ", "город", 400)
                .school(s5, m2, "Лицей", "город", 900);
        for (int year = 2023; year <= 2026; year++) {
            schools.result(s1, year, "ОГЭ", "Математика", 9, 3.1 + 0.1 * (year - 2023))
                    .result(s2, year, "ОГЭ", "Математика", 9, 3.3)
                    .result(s3, year, "ОГЭ", "Математика", 9, 3.6)
                    .result(s4, year, "ОГЭ", "Математика", 9, 3.2)
                    .result(s5, year, "ОГЭ", "Математика", 9, 4.4);
        }
        schools.result(s1, 2026, "ВПР", "Русский язык", 5, 3.45);
        schools.save();
        new TestRegion(otherRegion).school(otherRegion + "-S1", otherRegion + "-M1", "СОШ", "город", 500).save();
        // Rerunnable on the same database: what an earlier run of these tests wrote goes first.
        for (String label : List.of("IdentificationRun", "NetworkPair", "Recommendation", "HelpRecord", "SupportEvent",
                "EventRegistration", "SchoolProgramme")) {
            cypher("MATCH (x:" + label + " {regionId: $region}) DETACH DELETE x", Map.of("region", region));
        }
        cypher("MATCH (m:ProgrammeMeasure) WHERE m.id STARTS WITH $prefix DETACH DELETE m", Map.of("prefix", id + "-M"));
        run("RUN-" + id + "-2025", 2025, "2025-10-20T09:00:00Z", List.of(
                assessed(s1, List.of("LOW_RESULTS"), -0.9, "[]", "[]"),
                assessed(s2, List.of(), -0.2, "[]", "[]"),
                assessed(s3, List.of("UNFAVOURABLE_CONTEXT"), -0.1, finding("UNFAVOURABLE_CONTEXT",
                        "Три условия: дефицит ресурсов, неблагоприятные условия семей, сложный контингент"), "[]"),
                assessed(s4, List.of("LOW_RESULTS"), -1.1, "[]", "[]"),
                assessed(s5, List.of("LEADER"), 1.2, "[]", "[]")));
        run("RUN-" + id + "-2026", 2026, "2026-10-25T09:00:00Z", List.of(
                assessed(s1, List.of("LOW_RESULTS"), -0.8, finding("LOW_RESULTS", "Средний балл по математике ниже регионального три года подряд"),
                        "[{\"factor\":\"STAFF_SHORTAGE\",\"level\":\"HIGH\",\"indicators\":[]},"
                                + "{\"factor\":\"REMOTENESS\",\"level\":\"MEDIUM\",\"indicators\":[]},"
                                + "{\"factor\":\"LOW_FUNDING\",\"level\":\"LOW\",\"indicators\":[]}]"),
                assessed(s2, List.of("LOW_RESULTS"), -0.7, finding("LOW_RESULTS", "Средний балл ОГЭ ниже регионального на 0,6 SD"), "[]"),
                assessed(s3, List.of(), 0.1, "[]", "[]"),
                assessed(s4, List.of("LOW_RESULTS", "UNFAVOURABLE_CONTEXT"), -1.0, finding("UNFAVOURABLE_CONTEXT",
                        "Доля семей с низким доходом выше порога"), "[]"),
                assessed(s5, List.of("LEADER"), 1.3, "[]", "[]")));
        cypher("""
                MATCH (m:School {id: $s1}), (l:School {id: $s5})
                CREATE (p:NetworkPair {id: $id, regionId: $region, menteeId: $s1, leaderId: $s5, menteeMunicipalityId: $m1,
                        leaderMunicipalityId: $m2, status: 'ACTIVE', startDate: date('2025-09-01'), createdAt: datetime('2025-08-01T00:00:00Z'),
                        createdBy: 'test', updatedAt: datetime('2025-09-01T00:00:00Z'), version: 2})
                CREATE (p)-[:MENTEE]->(m), (p)-[:LEADER]->(l)""",
                Map.of("id", "PAIR-" + id, "region", region, "s1", s1, "s5", s5, "m1", m1, "m2", m2));
        cypher("""
                MATCH (s1:School {id: $s1}), (s2:School {id: $s2})
                CREATE (s1)-[:HAS_PROGRAMME]->(p:SchoolProgramme {id: $id + '-P1', schoolId: $s1, regionId: $region, municipalityId: $m1,
                        kind: 'SCHOOL_QUALITY', title: 'ШППКО', periodStart: date('2025-09-01'), periodEnd: date('2027-08-31'),
                        status: 'IN_PROGRESS'})
                CREATE (p)-[:HAS_MEASURE]->(:ProgrammeMeasure {id: $id + '-M1', title: 'Аудит', responsible: 'Директор',
                        deadline: date('2025-12-01'), status: 'DONE', evidence: 'Акт', doneOn: date('2025-11-20')})
                CREATE (p)-[:HAS_MEASURE]->(:ProgrammeMeasure {id: $id + '-M2', title: 'Семинар', responsible: 'Завуч',
                        deadline: date('2026-03-01'), status: 'PLANNED'})
                CREATE (p)-[:HAS_MEASURE]->(:ProgrammeMeasure {id: $id + '-M3', title: 'Итоги', responsible: 'Директор',
                        deadline: date('2026-12-01'), status: 'IN_PROGRESS'})
                CREATE (s2)-[:HAS_PROGRAMME]->(:SchoolProgramme {id: $id + '-P2', schoolId: $s2, regionId: $region, municipalityId: $m1,
                        kind: 'TRANSITION', title: 'Переход', periodStart: date('2026-09-01'), periodEnd: date('2028-08-31'), status: 'DRAFT'})""",
                Map.of("id", id, "region", region, "s1", s1, "s2", s2, "m1", m1));
        cypher("""
                UNWIND $rows AS row
                CREATE (:Recommendation {id: row.id, addresseeKind: 'SCHOOL', regionId: $region, municipalityId: row.m, schoolId: row.s,
                        basisKind: 'STATUS', basisStatus: 'LOW_RESULTS', text: 'Рекомендация', dueDate: date(row.due),
                        status: row.status, issuedBy: 'test', issuedAt: datetime(row.issued), checkOutcome: row.outcome})""",
                Map.of("region", region, "rows", List.of(
                        Map.of("id", id + "-R1", "m", m1, "s", s1, "due", "2026-05-01", "status", "CLOSED", "issued", "2026-02-10T10:00:00Z", "outcome", "DONE"),
                        Map.of("id", id + "-R2", "m", m1, "s", s2, "due", "2026-04-01", "status", "ISSUED", "issued", "2026-02-11T10:00:00Z"),
                        Map.of("id", id + "-R3", "m", m2, "s", s4, "due", "2026-09-01", "status", "ANSWERED", "issued", "2026-03-01T10:00:00Z"),
                        Map.of("id", id + "-R0", "m", m1, "s", s1, "due", "2025-05-01", "status", "CLOSED", "issued", "2025-02-10T10:00:00Z",
                                "outcome", "NOT_DONE"))));
        cypher("""
                UNWIND $rows AS row
                CREATE (:HelpRecord {id: row.id, kind: row.kind, date: date(row.date), topic: 'Консультация по ОГЭ', regionId: $region,
                        municipalityId: row.m, schoolId: row.s, givenBy: 'test', recordedAt: datetime()})""",
                Map.of("region", region, "rows", List.of(
                        Map.of("id", id + "-H1", "kind", "CONSULTATION", "date", "2026-02-01", "m", m1, "s", s1),
                        Map.of("id", id + "-H2", "kind", "VISIT", "date", "2026-04-01", "m", m1, "s", s1),
                        Map.of("id", id + "-H3", "kind", "CONSULTATION", "date", "2026-03-15", "m", m2, "s", s4),
                        Map.of("id", id + "-H4", "kind", "EXPERT_REVIEW", "date", "2025-11-01", "m", m1, "s", s2))));
        cypher("""
                CREATE (e:SupportEvent {id: $id + '-E1', regionId: $region, kind: 'SEMINAR', level: 'REGIONAL', format: 'IN_PERSON',
                        title: 'Семинар «Повышение качества ОГЭ»', topic: 'ОГЭ', targetGroup: 'ШНОР', audience: 'BOTH',
                        startDate: date('2026-03-10'), endDate: date('2026-03-10'), createdBy: 'test'})
                WITH e UNWIND $regs AS row
                CREATE (:EventRegistration {id: row.id, key: row.key, eventId: e.id, schoolId: row.s, regionId: $region,
                        municipalityId: row.m, teacherId: row.t, attended: row.attended})-[:FOR_EVENT]->(e)""",
                Map.of("id", id, "region", region, "regs", List.of(
                        Map.of("id", id + "-G1", "key", id + "-E1|" + s1 + "|", "s", s1, "m", m1, "attended", true),
                        Map.of("id", id + "-G2", "key", id + "-E1|" + s2 + "|", "s", s2, "m", m1, "attended", false),
                        Map.of("id", id + "-G3", "key", id + "-E1|" + s4 + "|" + id + "-T4", "s", s4, "m", m2, "t", id + "-T4", "attended", true))));
    }

    private void run(String runId, int year, String createdAt, List<Map<String, Object>> rows) {
        cypher("""
                MATCH (region:Region {id: $region})
                CREATE (run:IdentificationRun {id: $runId, regionId: $region, year: $year, years: 3, createdAt: datetime($createdAt),
                        createdBy: 'test', schoolsAssessed: size($rows)})-[:FOR_REGION]->(region)
                WITH run UNWIND $rows AS row
                MATCH (s:School {id: row.schoolId})
                CREATE (run)-[:ASSESSED {resultsIndex: row.resultsIndex, contextIndex: 0.5, residual: row.resultsIndex + 0.1,
                        statuses: row.statuses, findingsJson: row.findings, riskProfileJson: row.risks, subjectIndexJson: '{}'}]->(s)""",
                Map.of("region", region, "runId", runId, "year", year, "createdAt", createdAt, "rows", rows));
    }

    private static Map<String, Object> assessed(String schoolId, List<String> statuses, double resultsIndex, String findings, String risks) {
        return Map.of("schoolId", schoolId, "statuses", statuses, "resultsIndex", resultsIndex, "findings", findings, "risks", risks);
    }

    private static String finding(String status, String explanation) {
        return "[{\"status\":\"" + status + "\",\"method\":\"THREE_CONDITIONS\",\"explanation\":\"" + explanation
                + "\",\"evidence\":{},\"decisive\":true}]";
    }

    private static void cypher(String query, Map<String, Object> params) {
        try (var session = OporaTestApp.driver().session()) {
            session.executeWrite(tx -> tx.run(query, params).consume());
        }
    }

    String regional() {
        return tokenFor(region + "-rc", Set.of(Role.REGIONAL_COORDINATOR), new Scope(region, null, null));
    }

    String municipal1() {
        return tokenFor(region + "-mc1", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(region, m1, null));
    }

    String municipal2() {
        return tokenFor(region + "-mc2", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(region, m2, null));
    }

    String methodist() {
        return tokenFor(region + "-methodist", Set.of(Role.METHODIST), new Scope(region, null, null));
    }

    String curatorM2() {
        return tokenFor(region + "-curator-m2", Set.of(Role.CURATOR), new Scope(region, m2, null));
    }

    String schoolAdmin1() {
        return tokenFor(region + "-sa1", Set.of(Role.SCHOOL_ADMIN), new Scope(region, m1, s1));
    }

    String teacher1() {
        return tokenFor(region + "-teacher1", Set.of(Role.TEACHER), new Scope(region, m1, s1));
    }

    String otherRegional() {
        return tokenFor(region + "-rc-x", Set.of(Role.REGIONAL_COORDINATOR), new Scope(otherRegion, null, null));
    }
}
