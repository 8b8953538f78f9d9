package org.opora.monitoring.indicators;

import org.opora.mentoring.TeacherFixtures;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.OporaTestApp;
import org.opora.testing.TestRegion;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.opora.testing.OporaTestApp.adminToken;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * The constructed region R960 of the indicator tests, built once per test JVM, with every value known by hand
 * (the expected figures are worked out in {@link IndicatorCalculationTest}).
 * <pre>
 * M1: S1 СОШ 200 pupils — ШНОР in 2024 and 2025; teachers T1 (diagnostics 2024-03-10 weight 5, 2025-03-12 weight 2), T2 (none)
 *     S2 ООШ 100 pupils — ШНСУ in 2025
 * M2: S3 СОШ 300 pupils — ШНОР in 2025; teacher T3 (diagnostic 2025-03-01 weight 1)
 *     S4 Лицей 400 pupils — leader (an older 2025 run called it ШНОР: the newest run of the year wins)
 * </pre>
 */
final class IndicatorRegion {

    static final String REGION = "R960";
    static final String OTHER_REGION = "R961";
    static final String M1 = "R960-M1";
    static final String M2 = "R960-M2";
    static final String S1 = "R960-S1";
    static final String S2 = "R960-S2";
    static final String S3 = "R960-S3";
    static final String S4 = "R960-S4";
    static final String T1 = "R960-T1";
    static final String T2 = "R960-T2";
    static final String T3 = "R960-T3";

    private static boolean built;

    private IndicatorRegion() {
    }

    static synchronized void build() {
        if (built) {
            return;
        }
        new TestRegion(REGION)
                .school(S1, M1, "СОШ", "село", 200)
                .school(S2, M1, "ООШ", "село", 100)
                .school(S3, M2, "СОШ", "город", 300)
                .school(S4, M2, "Лицей", "город", 400)
                // S1: 2024→2025 ОГЭ математика up, ОГЭ русский down, ВПР математика 4 up and 6 down, ВПР русский 4 up
                .result(S1, 2023, "ОГЭ", "Математика", 9, 3.50)
                .result(S1, 2024, "ОГЭ", "Математика", 9, 3.41).result(S1, 2025, "ОГЭ", "Математика", 9, 3.62)
                .result(S1, 2024, "ОГЭ", "Русский язык", 9, 3.80).result(S1, 2025, "ОГЭ", "Русский язык", 9, 3.70)
                .result(S1, 2024, "ВПР", "Математика", 4, 3.50).result(S1, 2025, "ВПР", "Математика", 4, 3.90)
                .result(S1, 2024, "ВПР", "Математика", 6, 3.30).result(S1, 2025, "ВПР", "Математика", 6, 3.10)
                .result(S1, 2024, "ВПР", "Русский язык", 4, 3.60).result(S1, 2025, "ВПР", "Русский язык", 4, 3.80)
                // S2 (ШНСУ): ОГЭ математика up
                .result(S2, 2024, "ОГЭ", "Математика", 9, 3.20).result(S2, 2025, "ОГЭ", "Математика", 9, 3.30)
                // S3: ОГЭ математика down, русский up
                .result(S3, 2024, "ОГЭ", "Математика", 9, 3.50).result(S3, 2025, "ОГЭ", "Математика", 9, 3.40)
                .result(S3, 2024, "ОГЭ", "Русский язык", 9, 3.60).result(S3, 2025, "ОГЭ", "Русский язык", 9, 3.90)
                // S4 falls, but is no ШНОР in 2025
                .result(S4, 2024, "ОГЭ", "Математика", 9, 4.50).result(S4, 2025, "ОГЭ", "Математика", 9, 4.00)
                .indicator(S1, 2024, "olympiad_participation_share", 0.05).indicator(S4, 2024, "olympiad_participation_share", 0.20)
                .indicator(S1, 2025, "olympiad_participation_share", 0.10).indicator(S2, 2025, "olympiad_participation_share", 0.20)
                .indicator(S3, 2025, "olympiad_participation_share", 0.10).indicator(S4, 2025, "olympiad_participation_share", 0.25)
                .indicator(S1, 2025, "olympiad_winners_share", 0.25).indicator(S2, 2025, "olympiad_winners_share", 0.10)
                .indicator(S3, 2025, "olympiad_winners_share", 0.10).indicator(S4, 2025, "olympiad_winners_share", 0.30)
                .indicator(S1, 2025, "individual_route_share", 0.05).indicator(S2, 2025, "individual_route_share", 0.10)
                .indicator(S3, 2025, "individual_route_share", 0.0).indicator(S4, 2025, "individual_route_share", 0.05)
                .indicator(S1, 2025, "additional_education_share", 0.60).indicator(S2, 2025, "additional_education_share", 0.50)
                .indicator(S3, 2025, "additional_education_share", 0.70).indicator(S4, 2025, "additional_education_share", 0.80)
                .indicator(S1, 2025, "grade10_continuation_share", 0.5).indicator(S3, 2025, "grade10_continuation_share", 0.6)
                .indicator(S4, 2025, "grade10_continuation_share", 0.9)
                .indicator(S1, 2025, "modern_methods_teachers_share", 0.4).indicator(S2, 2025, "modern_methods_teachers_share", 0.6)
                .indicator(S3, 2025, "modern_methods_teachers_share", 0.5).indicator(S4, 2025, "modern_methods_teachers_share", 0.75)
                .save();
        new TestRegion(OTHER_REGION).school(OTHER_REGION + "-S1", OTHER_REGION + "-M1", "СОШ", "город", 500).save();
        cypher("""
                MATCH (region:Region {id: $region})
                MATCH (s1:School {id: $s1}), (s2:School {id: $s2}), (s3:School {id: $s3}), (s4:School {id: $s4})
                CREATE (r24:IdentificationRun {id: $region + '-RUN24', regionId: $region, year: 2024, createdAt: datetime('2024-10-01T10:00:00Z')})
                CREATE (old:IdentificationRun {id: $region + '-RUN25a', regionId: $region, year: 2025, createdAt: datetime('2025-09-01T10:00:00Z')})
                CREATE (r25:IdentificationRun {id: $region + '-RUN25', regionId: $region, year: 2025, createdAt: datetime('2025-10-01T10:00:00Z')})
                CREATE (r24)-[:FOR_REGION]->(region), (old)-[:FOR_REGION]->(region), (r25)-[:FOR_REGION]->(region)
                CREATE (r24)-[:ASSESSED {statuses: ['LOW_RESULTS']}]->(s1), (r24)-[:ASSESSED {statuses: []}]->(s2)
                CREATE (old)-[:ASSESSED {statuses: ['LOW_RESULTS']}]->(s4)
                CREATE (r25)-[:ASSESSED {statuses: ['LOW_RESULTS']}]->(s1), (r25)-[:ASSESSED {statuses: ['UNFAVOURABLE_CONTEXT']}]->(s2),
                       (r25)-[:ASSESSED {statuses: ['LOW_RESULTS', 'DECLINING']}]->(s3), (r25)-[:ASSESSED {statuses: ['LEADER']}]->(s4)
                SET s1.statuses = ['LOW_RESULTS'], s2.statuses = ['UNFAVOURABLE_CONTEXT'], s3.statuses = ['LOW_RESULTS', 'DECLINING'],
                    s4.statuses = ['LEADER'], s1.identificationRunId = r25.id, s2.identificationRunId = r25.id,
                    s3.identificationRunId = r25.id, s4.identificationRunId = r25.id
                """, Map.of("region", REGION, "s1", S1, "s2", S2, "s3", S3, "s4", S4));
        String admin = adminToken();
        TeacherFixtures.create(admin, T1, Map.of("fullName", "Смирнова Ольга Викторовна", "schoolId", S1,
                "subjects", List.of("Математика"), "experienceYears", 2), null);
        TeacherFixtures.create(admin, T2, Map.of("fullName", "Иванов Пётр Сергеевич", "schoolId", S1,
                "subjects", List.of("Русский язык"), "experienceYears", 12), null);
        TeacherFixtures.create(admin, T3, Map.of("fullName", "Козлов Андрей Николаевич", "schoolId", S3,
                "subjects", List.of("Русский язык"), "experienceYears", 7), null);
        diagnostic(admin, T1, "2024-03-10", "{competence: ASSESSMENT, level: CRITICAL}, {competence: DIGITAL, level: MODERATE}");
        diagnostic(admin, T1, "2025-03-12", "{competence: ASSESSMENT, level: MODERATE}");
        diagnostic(admin, T3, "2025-03-01", "{competence: ASSESSMENT, level: MINOR}");
        graphql(methodist(), """
                mutation($s: ID!) { logHelp(input: {kind: VISIT, date: "2025-04-01", schoolId: $s, topic: "Анализ ВПР", result: "Рекомендации даны"}) { id } }""",
                Map.of("s", S1)).data();
        // Support records dated in 2025 (the API stamps "now"), written as their repositories write them.
        cypher("""
                CREATE (:Recommendation {id: $region + '-REC1', regionId: $region, municipalityId: $m1, schoolId: $s1, addresseeKind: 'SCHOOL',
                        text: 'Разобрать задания ОГЭ', status: 'CLOSED', checkOutcome: 'DONE', issuedAt: datetime('2025-05-01T09:00:00Z')})
                CREATE (:Recommendation {id: $region + '-REC2', regionId: $region, municipalityId: $m1, schoolId: $s1, addresseeKind: 'TEACHER',
                        text: 'Курсы по оцениванию', status: 'ISSUED', issuedAt: datetime('2025-06-01T09:00:00Z')})
                CREATE (:Recommendation {id: $region + '-REC3', regionId: $region, municipalityId: $m1, schoolId: $s2, addresseeKind: 'PARENTS',
                        text: 'Собрание родителей', status: 'CLOSED', checkOutcome: 'NOT_DONE', issuedAt: datetime('2025-02-01T09:00:00Z')})
                CREATE (:Recommendation {id: $region + '-REC4', regionId: $region, municipalityId: $m2, schoolId: $s3, addresseeKind: 'SCHOOL',
                        text: 'План работы', status: 'ISSUED', issuedAt: datetime('2024-11-01T09:00:00Z')})
                CREATE (:NetworkPair {id: $region + '-PAIR1', regionId: $region, menteeId: $s3, leaderId: $s4, status: 'ACTIVE',
                        createdAt: datetime('2025-01-10T09:00:00Z'), startDate: date('2025-02-01')})
                CREATE (:NetworkPair {id: $region + '-PAIR2', regionId: $region, menteeId: $s1, leaderId: $s4, status: 'CANCELLED',
                        createdAt: datetime('2025-01-10T09:00:00Z')})
                CREATE (seminar:SupportEvent {id: $region + '-EV1', regionId: $region, kind: 'SEMINAR', startDate: date('2025-03-15')})
                CREATE (webinar:SupportEvent {id: $region + '-EV2', regionId: $region, kind: 'WEBINAR', startDate: date('2025-03-20')})
                CREATE (:EventRegistration {id: $region + '-REG1', regionId: $region, schoolId: $s2, attended: true})-[:FOR_EVENT]->(seminar)
                CREATE (:EventRegistration {id: $region + '-REG2', regionId: $region, schoolId: $s1, attended: true})-[:FOR_EVENT]->(webinar)
                CREATE (:EventRegistration {id: $region + '-REG3', regionId: $region, schoolId: $s3, attended: false})-[:FOR_EVENT]->(seminar)
                CREATE (p1:SchoolProgramme {id: $region + '-PRG1', regionId: $region, schoolId: $s1, status: 'IN_PROGRESS',
                        periodStart: date('2024-09-01'), periodEnd: date('2027-06-30')})
                CREATE (p1)-[:HAS_MEASURE]->(:ProgrammeMeasure {id: $region + '-PM1', deadline: date('2025-03-01'), status: 'PLANNED'})
                CREATE (p1)-[:HAS_MEASURE]->(:ProgrammeMeasure {id: $region + '-PM2', deadline: date('2025-05-01'), status: 'DONE'})
                CREATE (p2:SchoolProgramme {id: $region + '-PRG2', regionId: $region, schoolId: $s2, status: 'DRAFT',
                        periodStart: date('2025-01-01'), periodEnd: date('2026-12-31')})
                CREATE (p2)-[:HAS_MEASURE]->(:ProgrammeMeasure {id: $region + '-PM3', deadline: date('2025-02-01'), status: 'PLANNED'})
                """, Map.of("region", REGION, "m1", M1, "m2", M2, "s1", S1, "s2", S2, "s3", S3, "s4", S4));
        built = true;
    }

    private static void diagnostic(String token, String teacher, String date, String deficits) {
        graphql(token, "mutation($t: ID!, $d: Date!) { recordDiagnostic(input: {teacherId: $t, date: $d, instrument: \"ЦНППМ\", "
                + "deficits: [" + deficits + "]}) { id } }", Map.of("t", teacher, "d", date)).data();
    }

    static String regional() {
        return tokenFor("r960-rc", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null));
    }

    static String otherRegional() {
        return tokenFor("r961-rc", Set.of(Role.REGIONAL_COORDINATOR), new Scope(OTHER_REGION, null, null));
    }

    static String municipal1() {
        return tokenFor("r960-mc1", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(REGION, M1, null));
    }

    static String municipal2() {
        return tokenFor("r960-mc2", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(REGION, M2, null));
    }

    static String methodist() {
        return tokenFor("r960-methodist", Set.of(Role.METHODIST), new Scope(REGION, null, null));
    }

    static String curatorM2() {
        return tokenFor("r960-curator-m2", Set.of(Role.CURATOR), new Scope(REGION, M2, null));
    }

    static String schoolAdmin1() {
        return tokenFor("r960-sa1", Set.of(Role.SCHOOL_ADMIN), new Scope(REGION, M1, S1));
    }

    static String teacher() {
        return tokenFor("r960-teacher", Set.of(Role.TEACHER), new Scope(REGION, M1, S1));
    }

    static long targets() {
        try (var session = OporaTestApp.driver().session()) {
            return session.run("MATCH (t:MonitoringTarget {regionId: $r}) RETURN count(t)", Map.of("r", REGION)).single().get(0).asLong();
        }
    }

    static void cypher(String cypher, Map<String, Object> params) {
        try (var session = OporaTestApp.driver().session()) {
            session.run(cypher, params).consume();
        }
    }
}
