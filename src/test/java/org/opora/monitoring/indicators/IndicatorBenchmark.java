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

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    private static final ObjectMapper JSON = new ObjectMapper();
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
            context.getBean(org.opora.security.UserRepository.class).provision(new org.opora.security.UserAccount("bench-admin",
                    "bench-admin", EnumSet.of(Role.ADMIN), Scope.EVERYWHERE), "bench-password-1");
            HttpClient http = HttpClient.newHttpClient();
            URI base = server.getURI();
            String token = JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bench-admin\",\"password\":\"bench-password-1\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
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
                http(http, base, token, region, schools, calls);
                report(service, region, schools, "municipality " + municipality,
                        new IndicatorService.TerritoryRequest(region, municipality, null), calls);
            }
            System.out.printf(Locale.ROOT, "Load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        }
        System.exit(0); // the HTTP client's threads would keep the JVM alive
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

    /** The region dashboard as the web page asks for it, over HTTP on loopback (GraphQL execution and JSON included). */
    private static void http(HttpClient http, URI base, String token, String region, long schools, int calls) throws Exception {
        String query = "query($t: MonitoringTerritoryInput!) { monitoringDashboard(territory: $t, year: 2025) { territory { level id name } "
                + "year years figures { indicator { code name group formula unit direction source documents levels } value numerator "
                + "denominator previousValue change target { plannedValue setAt inherited } evaluation } parts { territory { level id name } "
                + "figures { indicator { code } value numerator denominator previousValue change target { plannedValue setAt inherited } "
                + "evaluation } } } }";
        String body = JSON.writeValueAsString(Map.of("query", query, "variables", Map.of("t", Map.of("regionId", region))));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/graphql")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        double[] times = new double[calls];
        int bytes = 0;
        for (int i = 0; i < calls; i++) {
            long s = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            times[i] = (System.nanoTime() - s) / 1e6;
            if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                throw new IllegalStateException(response.body());
            }
            bytes = response.body().length();
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "| %s | %d | region over HTTP (GraphQL, %d KB) | – | %.1f | %.1f | %.1f | | |%n", region, schools,
                bytes / 1024, times[calls / 2], times[(int) (calls * 0.95)], times[calls - 1]);
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
