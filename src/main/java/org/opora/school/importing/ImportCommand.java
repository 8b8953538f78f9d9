package org.opora.school.importing;

import jakarta.inject.Singleton;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code java -jar opora.jar --import DIR}: imports a directory's CSV files and exits 0, or 1 listing every error. */
@Singleton
public class ImportCommand {

    private final SchoolDataImporter importer;

    public ImportCommand(SchoolDataImporter importer) {
        this.importer = importer;
    }

    public int run(Path directory) {
        return run(directory, System.out, System.err);
    }

    int run(Path directory, PrintStream out, PrintStream err) {
        if (!Files.isDirectory(directory)) {
            err.println("Не каталог: " + directory);
            return 2;
        }
        try {
            importer.importDirectory(directory).forEach(out::println);
            return 0;
        } catch (ImportRejectedException e) {
            err.println("Импорт отклонён, ничего не записано. Ошибок: " + e.totalErrors());
            e.errors().forEach(error -> err.println("  " + error));
            return 1;
        }
    }
}
