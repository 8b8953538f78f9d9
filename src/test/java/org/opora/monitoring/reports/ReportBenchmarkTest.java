package org.opora.monitoring.reports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.OporaTestApp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/benchmarks.md «Справки»: the regional справка (PDF and XLSX) of every region of a national-size set — 86 regions,
 * 40,000 schools in all, 20 municipalities each, two yearly identifications (about a quarter of the schools ШНОР or
 * ШНСУ), programmes with three measures for half of those, pairs for a tenth, a recommendation and a help record for
 * each. Off by default (it writes 40,000 schools): {@code -Dopora.bench.reports=true}.
 */
@EnabledIfSystemProperty(named = "opora.bench.reports", matches = "true")
class ReportBenchmarkTest {

    private static final int REGIONS = 86;
    private static final int SCHOOLS = 40_000;

    @Test
    void everyRegionalReportOfTheNationalSet() {
        OporaTestApp.server();
        long load = System.nanoTime();
        Random random = new Random(16);
        for (int r = 0; r < REGIONS; r++) {
            write("B" + r, SCHOOLS / REGIONS + (r < SCHOOLS % REGIONS ? 1 : 0), random);
        }
        System.out.printf("BENCH load: %d schools in %.1f s%n", SCHOOLS, (System.nanoTime() - load) / 1e9);
        ReportService reports = OporaTestApp.bean(ReportService.class);
        CurrentUser admin = new CurrentUser("bench", Set.of(Role.ADMIN), Scope.EVERYWHERE);
        LocalDate asOf = LocalDate.of(2026, 6, 1);
        // Warm-up: the first справка loads fonts, JFreeChart and the Cypher plans.
        reports.generate(admin, new ReportRequest(ReportKind.REGIONAL, "B0", null, null, 2026), ReportFormat.PDF, asOf);
        double slowest = 0;
        long all = System.nanoTime();
        long bytes = 0;
        for (int r = 0; r < REGIONS; r++) {
            for (ReportFormat format : ReportFormat.values()) {
                long one = System.nanoTime();
                bytes += reports.generate(admin, new ReportRequest(ReportKind.REGIONAL, "B" + r, null, null, 2026), format, asOf)
                        .content().length;
                slowest = Math.max(slowest, (System.nanoTime() - one) / 1e9);
            }
        }
        double total = (System.nanoTime() - all) / 1e9;
        System.out.printf("BENCH all %d regions, PDF + XLSX: %.1f s (%.2f s per справка on average, slowest %.2f s, %d MB)%n",
                REGIONS, total, total / (2 * REGIONS), slowest, bytes >> 20);
        assertThat(slowest).isLessThan(10);
        assertThat(total).isLessThan(120);
    }

    private static void write(String region, int schools, Random random) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int s = 0; s < schools; s++) {
            double draw = random.nextDouble();
            List<String> before = draw < 0.15 ? List.of("LOW_RESULTS") : draw < 0.25 ? List.of("UNFAVOURABLE_CONTEXT") : List.of();
            double next = random.nextDouble();
            List<String> now = next < 0.85 ? before : next < 0.93 ? List.of("LOW_RESULTS") : List.of();
            rows.add(Map.of("id", region + "-S" + s, "m", region + "-M" + (s % 20), "before", before, "now", now,
                    "index", random.nextGaussian(), "programme", !now.isEmpty() && random.nextBoolean(),
                    "pair", !now.isEmpty() && random.nextDouble() < 0.4));
        }
        try (var session = OporaTestApp.driver().session()) {
            session.executeWrite(tx -> {
                tx.run("""
                        CREATE (r:Region {id: $region, name: 'Регион ' + $region})
                        WITH r UNWIND $rows AS row
                        MERGE (m:Municipality {id: row.m}) ON CREATE SET m.name = 'Округ ' + row.m, m.regionId = $region
                        MERGE (r)-[:HAS_MUNICIPALITY]->(m)
                        CREATE (m)-[:HAS_SCHOOL]->(:School {id: row.id, name: 'Школа ' + row.id, regionId: $region,
                                municipalityId: row.m, type: 'СОШ', locality: 'село', enrolment: 300, statuses: row.now})""",
                        Map.of("region", region, "rows", rows)).consume();
                for (int year : List.of(2025, 2026)) {
                    tx.run("""
                            MATCH (region:Region {id: $region})
                            CREATE (run:IdentificationRun {id: 'RUN-' + $region + '-' + $year, regionId: $region, year: $year,
                                    createdAt: datetime({year: $year, month: 10, day: 20}), createdBy: 'bench'})-[:FOR_REGION]->(region)
                            WITH run UNWIND $rows AS row
                            MATCH (s:School {id: row.id})
                            CREATE (run)-[:ASSESSED {resultsIndex: row.index, residual: row.index, contextIndex: 0.0,
                                    statuses: CASE $year WHEN 2026 THEN row.now ELSE row.before END,
                                    findingsJson: '[]', riskProfileJson: '[]', subjectIndexJson: '{}'}]->(s)""",
                            Map.of("region", region, "year", year, "rows", rows)).consume();
                }
                tx.run("""
                        UNWIND $rows AS row WITH row WHERE row.programme
                        MATCH (s:School {id: row.id})
                        CREATE (s)-[:HAS_PROGRAMME]->(p:SchoolProgramme {id: row.id + '-P', schoolId: row.id, regionId: $region,
                                municipalityId: row.m, kind: 'SCHOOL_QUALITY', title: 'ШППКО', status: 'IN_PROGRESS',
                                periodStart: date('2025-09-01'), periodEnd: date('2027-08-31')})
                        WITH p UNWIND range(1, 3) AS i
                        CREATE (p)-[:HAS_MEASURE]->(:ProgrammeMeasure {id: p.id + '-' + i, title: 'Мероприятие', status: 'PLANNED',
                                deadline: date('2026-01-01') + duration({months: 3 * i})})""",
                        Map.of("region", region, "rows", rows)).consume();
                tx.run("""
                        UNWIND $rows AS row WITH row WHERE row.pair
                        MATCH (s:School {id: row.id}), (l:School {id: $region + '-S0'})
                        CREATE (p:NetworkPair {id: row.id + '-PAIR', regionId: $region, menteeId: row.id, leaderId: l.id,
                                menteeMunicipalityId: row.m, leaderMunicipalityId: l.municipalityId, status: 'ACTIVE',
                                startDate: date('2025-09-01'), createdAt: datetime(), version: 0})
                        CREATE (p)-[:MENTEE]->(s), (p)-[:LEADER]->(l)""", Map.of("region", region, "rows", rows)).consume();
                tx.run("""
                        UNWIND $rows AS row WITH row WHERE size(row.now) > 0
                        CREATE (:Recommendation {id: row.id + '-R', regionId: $region, municipalityId: row.m, schoolId: row.id,
                                addresseeKind: 'SCHOOL', status: 'ISSUED', dueDate: date('2026-04-01'),
                                issuedAt: datetime('2026-02-01T10:00:00Z')})
                        CREATE (:HelpRecord {id: row.id + '-H', kind: 'CONSULTATION', date: date('2026-03-01'), regionId: $region,
                                municipalityId: row.m, schoolId: row.id})""", Map.of("region", region, "rows", rows)).consume();
                return null;
            });
        }
    }
}
