package org.opora.school;

import io.micronaut.context.ApplicationContext;
import org.opora.Application;
import org.opora.identification.IdentificationParams;
import org.opora.identification.IdentificationService;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.school.generator.SyntheticRegionGenerator;
import org.opora.school.importing.ImportReport;
import org.opora.school.importing.SchoolDataImporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Import rate and identification time, for the demo region and for a national-scale set
 * (40,000 schools, 85 regions, 3 years) made by the same generator. Prints figures; see docs/benchmarks.md.
 *
 * <pre>mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.opora.school.SchoolDataBenchmark [-Dexec.args=--demo-only]</pre>
 */
public final class SchoolDataBenchmark {

    public static void main(String[] args) throws IOException {
        List<String> options = List.of(args);
        boolean demoOnly = options.contains("--demo-only");
        // --dir DIR: import only DIR (e.g. a slice of the national set), no demo region, then identify.
        int dirAt = options.indexOf("--dir");
        Path onlyDir = dirAt >= 0 ? Path.of(options.get(dirAt + 1)) : null;
        Path dataDir = Path.of(System.getProperty("bench.data", "target/bench-data"));
        delete(dataDir);
        Map<String, Object> properties = Application.startupProperties(false);
        properties.put("micronaut.server.enabled", false);
        properties.put("opora.data-dir", dataDir.toString());
        properties.put("neo4j.embedded.bolt-port", 0);
        properties.put("neo4j.embedded.page-cache", "2g");
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            SchoolDataImporter importer = context.getBean(SchoolDataImporter.class);
            IdentificationService identification = context.getBean(IdentificationService.class);
            Neo4jSessions neo4j = context.getBean(Neo4jSessions.class);

            if (onlyDir != null) {
                System.out.println("== " + onlyDir + " ==");
                importAndReport(importer, onlyDir);
                if (!options.contains("--no-identification")) {
                    identify(identification, neo4j);
                }
                if (options.contains("--again")) {
                    System.out.println("== Re-import of the same files (idempotent) ==");
                    importAndReport(importer, onlyDir);
                }
                return;
            }
            System.out.println("== Demo region (seed-data/region) ==");
            importAndReport(importer, SyntheticRegionGenerator.DEMO_DIR);
            identify(identification, neo4j);
            System.out.println("== Re-import of the same files (idempotent) ==");
            importAndReport(importer, SyntheticRegionGenerator.DEMO_DIR);

            if (!demoOnly) {
                SyntheticRegionGenerator.Options national = SyntheticRegionGenerator.Options.national();
                long generating = System.nanoTime();
                if (!Files.exists(national.outputDir().resolve("N01").resolve("indicators.csv"))) {
                    SyntheticRegionGenerator.generate(national);
                }
                System.out.printf("== National set (%s, generated in %d ms) ==%n", national.outputDir(),
                        (System.nanoTime() - generating) / 1_000_000);
                importAndReport(importer, national.outputDir());
                identify(identification, neo4j);
            }
        }
    }

    /** CPU time of this JVM (the embedded Neo4j included), a figure that a busy shared machine distorts less than wall time. */
    private static long cpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    private static void importAndReport(SchoolDataImporter importer, Path dir) {
        long cpu = cpuMillis();
        long started = System.nanoTime();
        List<ImportReport> reports = importer.importDirectory(dir);
        long rows = 0;
        for (ImportReport report : reports) {
            rows += report.rowsRead();
            System.out.printf("  %-15s %,9d rows in %,7d ms = %,8.0f rows/s%n", report.kind().fileName(), report.rowsRead(),
                    report.millis(), report.rowsRead() * 1000.0 / Math.max(1, report.millis()));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("  all files       %,9d rows in %,7d ms = %,8.0f rows/s (validation included); CPU %,d ms%n",
                rows, millis, rows * 1000.0 / Math.max(1, millis), cpuMillis() - cpu);
    }

    /** Identification with default settings for every region, each for its latest year. */
    private static void identify(IdentificationService identification, Neo4jSessions neo4j) {
        List<String> regions = neo4j.read(tx -> tx.run("MATCH (r:Region) RETURN r.id AS id ORDER BY id").list(r -> r.get("id").asString()));
        int year = neo4j.read(tx -> tx.run("MATCH (a:AssessmentResult) RETURN max(a.year) AS y").single().get("y").asInt());
        long cpu = cpuMillis();
        long started = System.nanoTime();
        long slowest = 0;
        for (String region : regions) {
            long one = System.nanoTime();
            identification.run(IdentificationParams.defaults(region, year), "benchmark");
            slowest = Math.max(slowest, System.nanoTime() - one);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("  identification: %d region(s), %d ms in all, %d ms per region on average, slowest %d ms; CPU %,d ms%n",
                regions.size(), millis, millis / regions.size(), slowest / 1_000_000, cpuMillis() - cpu);
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
