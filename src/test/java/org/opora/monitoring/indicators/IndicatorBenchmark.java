package org.opora.monitoring.indicators;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.neo4j.driver.Driver;
import org.opora.identification.IdentificationParams;
import org.opora.identification.IdentificationService;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.school.generator.SyntheticRegionGenerator;
import org.opora.school.importing.SchoolDataImporter;
import org.opora.testing.OporaTestApp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The dashboard benchmark (issue 16: a region's dashboard under 200 ms server-side), outside the test suite. Starts an
 * application of its own in target/bench-data with the demo region and its support cycle (opora.demo), imports the
 * largest regions of the generated national set (target/national, made if missing) and identifies them for their
 * last two years, then times {@link IndicatorService#dashboard} in process: the first call (facts read from Neo4j and
 * every indicator computed) and repeated calls (fingerprint query, targets query, sums; what a user sees), for the
 * region and for its largest municipality.
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test -Dopora.web.skip=true
 * java -Xmx3g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.opora.monitoring.indicators.IndicatorBenchmark \
 *      [--regions 2] [--calls 200]
 * </pre>
 */
public final class IndicatorBenchmark {

    private static final CurrentUser ADMIN = new CurrentUser("benchmark", EnumSet.of(Role.ADMIN), Scope.EVERYWHERE);

    private IndicatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int regions = intArg(args, "--regions", 2);
        int calls = intArg(args, "--calls", 200);
        Map<String, Object> properties = OporaTestApp.isolatedProperties(Path.of("target", "bench-data"));
        properties.put("opora.demo", true);
        long started = System.nanoTime();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            var context = server.getApplicationContext();
            System.out.printf(Locale.ROOT, "Application with the demo region up in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            SyntheticRegionGenerator.Options national = SyntheticRegionGenerator.Options.national();
            if (!Files.exists(national.outputDir().resolve("N85").resolve("indicators.csv"))) {
                SyntheticRegionGenerator.generate(national);
            }
            List<Path> largest;
            try (Stream<Path> dirs = Files.list(national.outputDir())) {
                largest = dirs.filter(Files::isDirectory).sorted(Comparator.comparingLong(IndicatorBenchmark::schools).reversed())
                        .limit(regions).toList();
            }
            List<String> measured = new ArrayList<>(List.of("R74"));
            SchoolDataImporter importer = context.getBean(SchoolDataImporter.class);
            IdentificationService identification = context.getBean(IdentificationService.class);
            for (Path dir : largest) {
                long t = System.nanoTime();
                importer.importDirectory(dir);
                String region = dir.getFileName().toString();
                identification.run(IdentificationParams.defaults(region, 2024), "benchmark");
                identification.run(IdentificationParams.defaults(region, 2025), "benchmark");
                System.out.printf(Locale.ROOT, "Region %s: %d schools imported and identified (2024, 2025) in %d ms%n", region,
                        schools(dir), (System.nanoTime() - t) / 1_000_000);
                measured.add(region);
            }
            Driver driver = context.getBean(Driver.class);
            try (var session = driver.session()) {
                System.out.printf(Locale.ROOT, "Database: %d schools, %d results, %d indicator values%n",
                        session.run("MATCH (s:School) RETURN count(s)").single().get(0).asLong(),
                        session.run("MATCH (r:AssessmentResult) RETURN count(r)").single().get(0).asLong(),
                        session.run("MATCH (v:IndicatorValue) RETURN count(v)").single().get(0).asLong());
            }
            IndicatorService service = context.getBean(IndicatorService.class);
            System.out.println("| region | schools | level | first call (ms) | p50 (ms) | p95 (ms) | max (ms) | figures | parts |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (String region : measured) {
                IndicatorService.TerritoryRequest whole = new IndicatorService.TerritoryRequest(region, null, null);
                long schools;
                String municipality;
                try (var session = driver.session()) {
                    schools = session.run("MATCH (s:School {regionId: $r}) RETURN count(s)", Map.of("r", region)).single().get(0).asLong();
                    municipality = session.run("MATCH (s:School {regionId: $r}) RETURN s.municipalityId AS m, count(*) AS n "
                            + "ORDER BY n DESC LIMIT 1", Map.of("r", region)).single().get("m").asString();
                }
                report(service, region, schools, "region", whole, calls);
                report(service, region, schools, "municipality " + municipality,
                        new IndicatorService.TerritoryRequest(region, municipality, null), calls);
            }
            System.out.printf(Locale.ROOT, "Load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        }
    }

    private static void report(IndicatorService service, String region, long schools, String level,
                               IndicatorService.TerritoryRequest request, int calls) {
        LocalDate today = LocalDate.now();
        long t = System.nanoTime();
        MonitoringDashboard first = service.dashboard(request, 2025, ADMIN, today);
        double firstMs = (System.nanoTime() - t) / 1e6;
        double[] times = new double[calls];
        for (int i = 0; i < calls; i++) {
            long s = System.nanoTime();
            service.dashboard(request, 2025, ADMIN, today);
            times[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %.0f | %.1f | %.1f | %.1f | %d | %d |%n", region, schools, level, firstMs,
                times[calls / 2], times[(int) (calls * 0.95)], times[calls - 1], first.figures().size(), first.parts().size());
    }

    private static long schools(Path regionDir) {
        try (Stream<String> lines = Files.lines(regionDir.resolve("schools.csv"))) {
            return lines.count() - 1;
        } catch (Exception e) {
            return 0;
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
