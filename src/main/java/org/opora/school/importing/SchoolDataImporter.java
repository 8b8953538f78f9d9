package org.opora.school.importing;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.ResultSummary;
import org.opora.platform.errors.ApiException;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.platform.errors.ErrorCode;
import org.opora.school.SchoolDataImported;
import org.opora.school.importing.SchoolDataValidator.Municipality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Imports schools.csv, results.csv and indicators.csv (docs/data-formats.md) into the graph.
 * <p>
 * Every file is first read completely to validate it; a file with any error is rejected with the
 * full list ({@link ImportRejectedException}) before a write transaction is even opened (the files of
 * one kind in a directory of regions in parallel). A valid file is then streamed a second time and
 * written in batches of {@value #BATCH_SIZE} rows, all inside ONE write transaction per file: new rows
 * are CREATEd under their owner, unchanged rows skipped, changed rows MERGEd ({@link RowStatements}).
 * <p>
 * Why one transaction and not staging: the file is all-or-nothing (a failure half-way, say a lost
 * connection, rolls everything back and nobody ever sees half a year of results), and a region's
 * files (tens of thousands of rows) are far below what a transaction comfortably holds. Staging
 * (batches committed under a temporary label, then published) would still need one final
 * transaction touching every row to publish atomically, so it would move the memory cost, not
 * remove it. The price is that the database holds the transaction state until commit, roughly
 * 1-1.5 KB per row: a national results.csv (1.4 million rows) does not fit the 1.4 GB transaction
 * limit of a 2 GB heap. Such data comes per region anyway (the generator writes a national set as
 * one directory per region, which {@link #importDirectory} takes region by region); a file over the
 * database's limit is refused with a clear message instead of being retried in vain.
 * Streaming twice, not buffering, keeps the importer's own memory flat whatever the file size.
 * <p>
 * Re-importing is idempotent: a row whose node holds its values is not written; a changed row is MERGEd on its
 * id/key and its properties SET from the row (an empty optional cell removes the property).
 */
@Singleton
public class SchoolDataImporter {

    private static final Logger LOG = LoggerFactory.getLogger(SchoolDataImporter.class);

    static final int BATCH_SIZE = 10_000;
    /** Validation is CPU-bound parsing; more threads than cores only add contention. */
    static final int VALIDATION_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    static final String MERGE_REGIONS = """
            UNWIND $rows AS row
            MERGE (r:Region {id: row.id})
            SET r.name = row.name""";

    /** Also detaches a municipality from a region it no longer belongs to. */
    static final String MERGE_MUNICIPALITIES = """
            UNWIND $rows AS row
            MATCH (r:Region {id: row.regionId})
            MERGE (m:Municipality {id: row.id})
            SET m.name = row.name, m.regionId = row.regionId
            MERGE (r)-[:HAS_MUNICIPALITY]->(m)
            WITH r, m
            OPTIONAL MATCH (other:Region)-[stale:HAS_MUNICIPALITY]->(m)
            WHERE other <> r
            DELETE stale""";

    /**
     * Also detaches a school from a municipality it moved away from. Properties are set one by one
     * (a null removes a stale value): unlike {@code SET s += map}, this tells the planner which
     * properties are written, so it need not buffer each batch (see {@link DataRecord#toParameters()}).
     */
    static final String MERGE_SCHOOLS = """
            UNWIND $rows AS row
            MATCH (m:Municipality {id: row.municipality})
            MERGE (s:School {id: row.id})
            SET s.name = row.name, s.type = row.type, s.locality = row.locality, s.enrolment = row.enrolment,
                s.smallSchool = row.smallSchool, s.latitude = row.latitude, s.longitude = row.longitude,
                s.regionId = row.region, s.municipalityId = row.municipality
            MERGE (m)-[:HAS_SCHOOL]->(s)
            WITH m, s
            OPTIONAL MATCH (other:Municipality)-[stale:HAS_SCHOOL]->(s)
            WHERE other <> m
            DELETE stale
            WITH DISTINCT s
            RETURN count(s) AS written""";

    static final String MERGE_RESULTS = """
            UNWIND $rows AS row
            MATCH (s:School {id: row.school})
            MERGE (a:AssessmentResult {key: row.key})
            SET a.schoolId = row.school, a.year = row.year, a.procedure = row.procedure, a.subject = row.subject,
                a.grade = row.grade, a.participants = row.participants, a.meanScore = row.meanScore,
                a.shareFailing = row.shareFailing, a.shareHigh = row.shareHigh
            MERGE (s)-[:HAS_RESULT]->(a)
            RETURN count(a) AS written""";

    static final String MERGE_INDICATORS = """
            UNWIND $rows AS row
            MATCH (s:School {id: row.school})
            MERGE (v:IndicatorValue {key: row.key})
            SET v.schoolId = row.school, v.year = row.year, v.indicator = row.indicator, v.value = row.value
            MERGE (s)-[:HAS_INDICATOR]->(v)
            RETURN count(v) AS written""";

    static final String SCHOOL_IDS = "MATCH (s:School) RETURN s.id AS id, s.regionId AS regionId";

    private final Neo4jSessions neo4j;
    private final ApplicationEventPublisher<SchoolDataImported> imported;

    /**
     * Sessions come from {@link Neo4jSessions}, but the import opens its own: its one long write transaction per file
     * is not bound by a request's time budget (an upload through the API may take longer than a query may).
     */
    public SchoolDataImporter(Neo4jSessions neo4j, ApplicationEventPublisher<SchoolDataImported> imported) {
        this.neo4j = neo4j;
        this.imported = imported;
    }

    /** Imports one file, recognising its kind from the header. */
    public ImportReport importFile(Path file) {
        return importFile(null, file);
    }

    /** Imports one file; results and indicators may only reference schools already in the database. */
    public ImportReport importFile(@Nullable FileKind kind, Path file) {
        return importFile(kind, file, null);
    }

    /**
     * Imports one file, touching only schools of {@code onlyRegion} when it is given (the file is rejected as a whole
     * otherwise); results and indicators may only reference schools already in the database.
     */
    public ImportReport importFile(@Nullable FileKind kind, Path file, @Nullable String onlyRegion) {
        long started = System.nanoTime();
        Map<String, String> stored = schoolRegionsInDatabase();
        SchoolDataValidator.RegionGuard guard = onlyRegion == null ? null
                : new SchoolDataValidator.RegionGuard(onlyRegion, stored::get, municipalityRegionsInDatabase()::get);
        SchoolDataValidator.Result validation = validate(kind, file, stored::containsKey, guard);
        if (!validation.valid()) {
            throw new ImportRejectedException(validation.errors(), validation.errorCount());
        }
        return write(validation, file, stored::containsKey, guard, started);
    }

    /**
     * Imports CSV text (an upload). It is spooled to a temporary file first because validation and
     * writing each need their own pass over the data.
     */
    public ImportReport importCsv(@Nullable FileKind kind, Reader csv, @Nullable String onlyRegion) {
        Path spool = null;
        try {
            spool = Files.createTempFile("opora-import-", ".csv");
            try (Writer out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
                csv.transferTo(out);
            }
            return importFile(kind, spool, onlyRegion);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}", spool, e);
                }
            }
        }
    }

    /**
     * Imports the schools.csv, results.csv and indicators.csv present in a directory, in that
     * order; a directory without them but with subdirectories that have them (a national set, one
     * directory per region) is imported from all its subdirectories (each file of each subdirectory
     * in its own transaction, all schools.csv first).
     * <p>
     * All files are validated before anything is written, results and indicators against the
     * schools of the database plus those of the schools.csv files being imported, and the errors of
     * all files are reported together. Each file is then written in its own transaction.
     */
    public List<ImportReport> importDirectory(Path dir) {
        List<Path> units = importUnits(dir);
        Map<String, String> stored = schoolRegionsInDatabase();
        Set<String> inFiles = new HashSet<>();
        Predicate<String> known = id -> stored.containsKey(id) || inFiles.contains(id);
        List<Validated> validated = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        long errorCount = 0;
        // Schools first everywhere, so that results may refer to a school of another unit. The files of one kind are
        // independent of each other, so they are validated in parallel (a national set has 85 of each).
        for (FileKind kind : FileKind.values()) {
            List<Path> files = units.stream().map(unit -> unit.resolve(kind.fileName())).filter(Files::isRegularFile).toList();
            for (Validated v : validateAll(kind, files, known)) {
                if (kind == FileKind.SCHOOLS) {
                    inFiles.addAll(v.result().schoolIds());
                }
                validated.add(v);
                errors.addAll(v.result().errors());
                errorCount += v.result().errorCount();
            }
        }
        if (errorCount > 0) {
            throw new ImportRejectedException(errors, errorCount);
        }
        // Written in the order validated: all schools first, then all results, then all indicators.
        List<ImportReport> reports = new ArrayList<>();
        for (Validated v : validated) {
            reports.add(write(v.result(), v.file(), known, null, System.nanoTime() - v.validationNanos()));
        }
        return reports;
    }

    private record Validated(Path file, SchoolDataValidator.Result result, long validationNanos) {
    }

    /** Validates files of one kind on up to {@link #VALIDATION_THREADS} threads; results in the order of the files. */
    private List<Validated> validateAll(FileKind kind, List<Path> files, Predicate<String> knownSchool) {
        if (files.size() <= 1) {
            return files.stream().map(file -> validateTimed(kind, file, knownSchool)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(files.size(), VALIDATION_THREADS));
        try {
            List<Future<Validated>> pending = files.stream().map(file -> pool.submit(() -> validateTimed(kind, file, knownSchool))).toList();
            List<Validated> done = new ArrayList<>(files.size());
            for (Future<Validated> future : pending) {
                done.add(future.get());
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Import interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Validated validateTimed(FileKind kind, Path file, Predicate<String> knownSchool) {
        long started = System.nanoTime();
        return new Validated(file, validate(kind, file, knownSchool, null), System.nanoTime() - started);
    }

    private static List<Path> importUnits(Path dir) {
        if (hasImportFiles(dir)) {
            return List.of(dir);
        }
        List<Path> units = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> children = Files.list(dir)) {
                children.filter(Files::isDirectory).filter(SchoolDataImporter::hasImportFiles).sorted().forEach(units::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (units.isEmpty()) {
            throw ApiException.badInput("В каталоге " + dir + " нет файлов schools.csv, results.csv, indicators.csv "
                    + "(ни в нём самом, ни в его подкаталогах)");
        }
        return units;
    }

    private static boolean hasImportFiles(Path dir) {
        return Arrays.stream(FileKind.values()).anyMatch(kind -> Files.isRegularFile(dir.resolve(kind.fileName())));
    }

    /** A dry run: checks a file against the database without writing anything. */
    public SchoolDataValidator.Result check(@Nullable FileKind kind, Path file) {
        return validate(kind, file, schoolRegionsInDatabase()::containsKey, null);
    }

    private SchoolDataValidator.Result validate(@Nullable FileKind kind, Path file, Predicate<String> knownSchool,
                                                @Nullable SchoolDataValidator.RegionGuard guard) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return SchoolDataValidator.validate(kind, in, knownSchool, record -> { }, true, guard);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private ImportReport write(SchoolDataValidator.Result validation, Path file, Predicate<String> knownSchool,
                               @Nullable SchoolDataValidator.RegionGuard guard, long started) {
        FileKind kind = validation.kind();
        TransactionConfig config = TransactionConfig.builder()
                .withMetadata(Map.of("app", "opora-import", "file", kind.fileName()))
                .build();
        Counts counts;
        try (Session session = neo4j.session()) {
            // A managed transaction: the driver retries transient failures by running the whole
            // callback again, which simply streams the file once more.
            counts = session.executeWrite(tx -> writeFile(tx, validation, file, knownSchool, guard), config);
        }
        ImportReport report = new ImportReport(kind, validation.rows(), counts.created, counts.existing - counts.unchanged, counts.unchanged,
                (System.nanoTime() - started) / 1_000_000);
        LOG.info("Imported {}", report);
        imported.publishEvent(new SchoolDataImported(kind.fileName()));
        return report;
    }

    private Counts writeFile(TransactionContext tx, SchoolDataValidator.Result validation, Path file, Predicate<String> knownSchool,
                             @Nullable SchoolDataValidator.RegionGuard guard) {
        FileKind kind = validation.kind();
        Counts counts = new Counts();
        if (kind == FileKind.SCHOOLS) {
            counts.created += run(tx, MERGE_REGIONS, validation.regions().entrySet().stream()
                    .map(e -> Map.<String, Object>of("id", e.getKey(), "name", e.getValue())).toList()).counters().nodesCreated();
            List<Map<String, Object>> municipalities = new ArrayList<>();
            for (Municipality m : validation.municipalities().values()) {
                municipalities.add(Map.of("id", m.id(), "name", m.name(), "regionId", m.regionId()));
            }
            for (int from = 0; from < municipalities.size(); from += BATCH_SIZE) {
                counts.created += run(tx, MERGE_MUNICIPALITIES,
                        municipalities.subList(from, Math.min(municipalities.size(), from + BATCH_SIZE))).counters().nodesCreated();
            }
        }
        RowStatements statements = RowStatements.of(kind);
        List<DataRecord> batch = new ArrayList<>(BATCH_SIZE);
        SchoolDataValidator.Result second;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            second = SchoolDataValidator.validate(kind, in, knownSchool, record -> {
                batch.add(record);
                if (batch.size() == BATCH_SIZE) {
                    writeBatch(tx, statements, batch, counts);
                }
            }, false, guard);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        if (!second.valid()) {
            // The file changed between the two passes; throwing rolls the transaction back.
            throw new ImportRejectedException(second.errors(), second.errorCount());
        }
        writeBatch(tx, statements, batch, counts);
        return counts;
    }

    /**
     * Writes a batch: rows whose node the graph already holds with the same values are skipped (this is what makes a
     * re-import cheap), new rows are CREATEd under their owner (no lookup of the new node's key, one lookup of the owner
     * per group), and changed rows go through the MERGE statement, which also moves a school between municipalities.
     */
    private static void writeBatch(TransactionContext tx, RowStatements statements, List<DataRecord> batch, Counts counts) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Map<String, Object>> stored = storedRows(tx, statements, batch);
        Map<String, List<Map<String, Object>>> newRowsByOwner = new LinkedHashMap<>();
        List<Map<String, Object>> changed = new ArrayList<>();
        long newRows = 0;
        for (DataRecord record : batch) {
            Map<String, Object> current = stored.get(record.key());
            if (current == null) {
                newRowsByOwner.computeIfAbsent(record.owner(), owner -> new ArrayList<>()).add(record.toParameters());
                newRows++;
            } else if (sameValues(record.properties(), current)) {
                counts.unchanged++;
            } else {
                changed.add(record.toParameters());
            }
        }
        counts.existing += batch.size() - newRows;
        if (newRows > 0) {
            List<Map<String, Object>> groups = new ArrayList<>(newRowsByOwner.size());
            newRowsByOwner.forEach((owner, rows) -> groups.add(Map.of("owner", owner, "rows", rows)));
            counts.created += written(tx, statements.create(), "groups", groups, newRows, counts);
        }
        if (!changed.isEmpty()) {
            counts.created += written(tx, statements.merge(), "rows", changed, changed.size(), counts);
        }
        batch.clear();
    }

    /** Runs a write statement and checks that every row was written; returns the nodes it created. */
    private static long written(TransactionContext tx, String query, String parameter, List<Map<String, Object>> rows,
                                long expected, Counts counts) {
        long written;
        ResultSummary summary;
        try {
            var result = tx.run(query, Map.of(parameter, rows));
            written = result.single().get("written").asLong();
            summary = result.consume();
        } catch (Neo4jException e) {
            throw tooLargeOr(e);
        }
        if (written != expected) {
            // Validation saw every school, so a row without its parent means a concurrent delete.
            throw new IllegalStateException("Записано " + written + " строк из " + expected
                    + ": школа или муниципалитет удалены во время импорта");
        }
        counts.mainCreated += summary.counters().nodesCreated();
        return summary.counters().nodesCreated();
    }

    /** The stored properties of the batch's nodes that already exist, by key. */
    private static Map<String, Map<String, Object>> storedRows(TransactionContext tx, RowStatements statements, List<DataRecord> batch) {
        List<String> lookup = statements.storedByOwner()
                ? batch.stream().map(DataRecord::owner).distinct().toList()
                : batch.stream().map(DataRecord::key).toList();
        Map<String, Map<String, Object>> stored = new HashMap<>();
        tx.run(statements.stored(), Map.of("ids", lookup))
                .forEachRemaining(r -> stored.put(r.get("key").asString(), r.get("stored").asMap()));
        return stored;
    }

    /** Whether the graph holds exactly the row's values (a null is an absent property; numbers compare by value). */
    static boolean sameValues(Map<String, Object> row, Map<String, Object> stored) {
        int present = 0;
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            Object wanted = entry.getValue();
            Object current = stored.get(entry.getKey());
            if (wanted == null) {
                if (current != null) {
                    return false;
                }
                continue;
            }
            present++;
            boolean same = wanted instanceof Number w && current instanceof Number c
                    ? (isIntegral(w) && isIntegral(c) ? w.longValue() == c.longValue() : w.doubleValue() == c.doubleValue())
                    : wanted.equals(current);
            if (!same) {
                return false;
            }
        }
        // A property the row does not know about (written by someone else) is left alone, as SET would leave it.
        return present <= stored.size();
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    private static ResultSummary run(TransactionContext tx, String query, List<Map<String, Object>> rows) {
        try {
            return tx.run(query, Map.of("rows", rows)).consume();
        } catch (Neo4jException e) {
            throw tooLargeOr(e);
        }
    }

    /**
     * The database's transaction memory limit is reported as a transient error, which the driver
     * would retry in vain; it becomes a plain error the user can act on (the transaction rolls back).
     */
    private static RuntimeException tooLargeOr(Neo4jException e) {
        String code = String.valueOf(e.code());
        if (code.endsWith("MemoryPoolOutOfMemoryError") || code.endsWith("TransactionMemoryLimit")
                || code.endsWith("TransactionOutOfMemoryError")) {
            return new ApiException(ErrorCode.BAD_USER_INPUT, "Файл слишком велик для одной транзакции базы данных, "
                    + "ничего не записано: разделите его (например, по регионам) или увеличьте память транзакций Neo4j",
                    Map.of("neo4jCode", code));
        }
        return e;
    }

    /** Every municipality id in the database with its region ("" when it has none). */
    private Map<String, String> municipalityRegionsInDatabase() {
        try (Session session = neo4j.session()) {
            Map<String, String> regions = new HashMap<>();
            session.executeRead(tx -> tx.run("MATCH (m:Municipality) RETURN m.id AS id, m.regionId AS regionId").list(r -> r))
                    .forEach(r -> regions.put(r.get("id").asString(), r.get("regionId").isNull() ? "" : r.get("regionId").asString()));
            return regions;
        }
    }

    /** Every school id in the database with its region (null-safe: a school without one maps to ""). */
    private Map<String, String> schoolRegionsInDatabase() {
        try (Session session = neo4j.session()) {
            Map<String, String> regions = new HashMap<>();
            session.executeRead(tx -> tx.run(SCHOOL_IDS).list(r -> r))
                    .forEach(r -> regions.put(r.get("id").asString(), r.get("regionId").isNull() ? "" : r.get("regionId").asString()));
            return regions;
        }
    }

    private static final class Counts {
        long created;
        long mainCreated;
        /** Rows whose node existed before (changed or not). */
        long existing;
        long unchanged;
    }
}
