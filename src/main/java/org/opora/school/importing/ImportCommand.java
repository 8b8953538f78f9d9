package org.opora.school.importing;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.platform.errors.ApiException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** {@code java -jar opora.jar --import DIR}: imports a directory's CSV files and exits 0, or 1 listing every error. */
@Singleton
public class ImportCommand {

    /** The embedded Neo4j's lock on its store, held while a server (or another import) has the data open. */
    static final String STORE_LOCK = "neo4j/data/databases/store_lock";

    private final SchoolDataImporter importer;

    public ImportCommand(SchoolDataImporter importer) {
        this.importer = importer;
    }

    public int run(Path directory) {
        return run(directory, System.out, System.err);
    }

    int run(Path directory, PrintStream out, PrintStream err) {
        if (!Files.isDirectory(directory)) {
            err.println(missingDirectory(directory));
            return 2;
        }
        try {
            importer.importDirectory(directory).forEach(out::println);
            return 0;
        } catch (ImportRejectedException e) {
            err.println("Импорт отклонён, ничего не записано. Ошибок: " + e.totalErrors());
            e.errors().forEach(error -> err.println("  " + error));
            return 1;
        } catch (ApiException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    /**
     * What stops an import before anything starts: a directory that is not there, or the embedded database's data held
     * by a running server. {@code dataDir} is null with an external Neo4j (nothing to hold locally).
     */
    public static Optional<String> precheck(Path directory, @Nullable Path dataDir) {
        if (!Files.isDirectory(directory)) {
            return Optional.of(missingDirectory(directory));
        }
        return dataDir == null ? Optional.empty() : lockedBy(dataDir.resolve(STORE_LOCK));
    }

    private static String missingDirectory(Path directory) {
        return (Files.exists(directory) ? "Это не каталог: " : "Каталог не найден: ") + directory.toAbsolutePath().normalize()
                + " (--import ждёт каталог с файлами schools.csv, results.csv, indicators.csv)";
    }

    /** The data directory of the embedded Neo4j as the application resolves it, or null when NEO4J_URI names an external one. */
    @Nullable
    public static Path embeddedDataDir() {
        String uri = System.getProperty("neo4j.uri", System.getenv("NEO4J_URI"));
        if (uri != null && !uri.isBlank()) {
            return null;
        }
        String dir = System.getProperty("opora.data-dir", System.getenv("OPORA_DATA_DIR"));
        return Path.of(dir == null || dir.isBlank() ? "data" : dir);
    }

    /** Tries the store's lock the way Neo4j takes it; a lock that is held means a server is using the data. */
    static Optional<String> lockedBy(Path storeLock) {
        if (!Files.isRegularFile(storeLock)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(storeLock, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
                return Optional.empty();
            }
        } catch (OverlappingFileLockException held) {
            // Held by this very JVM (a server started in-process, as in tests).
        } catch (IOException unreadable) {
            return Optional.empty(); // Neo4j will say what is wrong with it.
        }
        return Optional.of(serverRunning(storeLock));
    }

    private static String serverRunning(Path storeLock) {
        Path dataDir = storeLock.getParent().getParent().getParent().getParent();
        return "Данные в " + dataDir.toAbsolutePath().normalize() + " открыты работающим сервером Опоры: остановите сервер "
                + "и повторите --import или загрузите файлы в работающий сервер мутацией importSchoolData (GraphQL)";
    }

    /** The one-line message for a start-up that failed on Neo4j's store lock (taken between the check and the start). */
    public static Optional<String> lockProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("FileLockException")) {
                Path dataDir = embeddedDataDir();
                return Optional.of(serverRunning((dataDir == null ? Path.of("data") : dataDir).resolve(STORE_LOCK)));
            }
        }
        return Optional.empty();
    }
}
