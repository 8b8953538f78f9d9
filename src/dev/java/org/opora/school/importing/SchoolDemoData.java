package org.opora.school.importing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.opora.platform.demo.DemoDataLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Imports the synthetic demo region (seed-data/region) through the same importer users use. */
@Singleton
@Requires(property = "opora.demo", value = "true")
class SchoolDemoData implements DemoDataLoader {

    private final SchoolDataImporter importer;
    private final Path seedDir;

    SchoolDemoData(SchoolDataImporter importer, @Value("${opora.seed-dir:seed-data}") String seedDir) {
        this.importer = importer;
        this.seedDir = Path.of(seedDir);
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<String> load() {
        List<String> lines = new ArrayList<>();
        lines.add("Демо-регион (" + seedDir.resolve("region") + "):");
        for (ImportReport report : importer.importDirectory(seedDir.resolve("region"))) {
            lines.add("  " + report);
        }
        return lines;
    }
}
