package org.opora.practice.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.opora.platform.demo.DemoDataLoader;
import org.opora.practice.PracticeRepository;
import org.opora.practice.search.PracticeOutbox;
import org.opora.platform.csv.CsvReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Loads the seed practices ({@code seed-data/practices/practices.jsonl}, {@code adoptions.csv}) in demo mode.
 *
 * <p>Practices that already exist are left alone (the demo may restart on the same data, and people may have
 * edited them). Author and adopting schools must exist (the seed is generated from the demo region's
 * {@code schools.csv}); otherwise nothing is loaded and the summary line says which schools are missing.
 * Everything goes through the outbox, so search fills up right after loading.
 */
@Singleton
@Requires(property = "opora.demo", value = "true")
public class PracticeDemoLoader implements DemoDataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(PracticeDemoLoader.class);
    private static final int BATCH = 200;

    private final PracticeRepository repository;
    private final PracticeOutbox outbox;
    private final Path seedDir;

    public PracticeDemoLoader(PracticeRepository repository, PracticeOutbox outbox,
                              @Value("${opora.practice.seed-dir:seed-data/practices}") String seedDir) {
        this.repository = repository;
        this.outbox = outbox;
        this.seedDir = Path.of(seedDir);
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public List<String> load() {
        Path practicesFile = seedDir.resolve("practices.jsonl");
        if (!Files.isRegularFile(practicesFile)) {
            return List.of("Банк практик: нет файла " + practicesFile + " (сгенерируйте его: PracticeGenerator)");
        }
        try {
            return List.of(loadFrom(practicesFile, seedDir.resolve("adoptions.csv")));
        } catch (IOException e) {
            LOG.error("Loading seed practices failed", e);
            return List.of("Банк практик: не удалось загрузить " + practicesFile + ": " + e.getMessage());
        }
    }

    String loadFrom(Path practicesFile, Path adoptionsFile) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<SeedPractice> practices = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(practicesFile, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    practices.add(json.readValue(line, SeedPractice.class));
                }
            }
        }
        List<SeedPractice.Adoption> adoptions = Files.isRegularFile(adoptionsFile) ? readAdoptions(adoptionsFile) : List.of();

        // The seed names schools of the demo region; a seed generated for other schools is refused as a whole.
        Set<String> named = new TreeSet<>();
        practices.forEach(p -> named.add(p.content().authorSchoolId()));
        adoptions.forEach(a -> named.add(a.schoolId()));
        List<String> missing = repository.missingSchools(named);
        if (!missing.isEmpty()) {
            return String.format("Банк практик не загружен: в базе нет %d школ, названных в %s (например, %s); "
                    + "пересоздайте seed командой из seed-data/practices/README.md", missing.size(), seedDir,
                    String.join(", ", missing.subList(0, Math.min(5, missing.size()))));
        }

        Set<String> existing = new HashSet<>(repository.existingIds(practices.stream().map(SeedPractice::id).toList()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SeedPractice p : practices) {
            if (!existing.contains(p.id())) {
                rows.add(p.toImportRow());
            }
        }
        for (int i = 0; i < rows.size(); i += BATCH) {
            repository.importPractices(rows.subList(i, Math.min(rows.size(), i + BATCH)), true);
        }
        Set<String> loaded = new HashSet<>();
        rows.forEach(r -> loaded.add((String) r.get("id")));
        List<Map<String, Object>> adoptionRows = new ArrayList<>();
        for (SeedPractice.Adoption a : adoptions) {
            if (loaded.contains(a.practiceId())) {
                Map<String, Object> adoption = new HashMap<>();
                adoption.put("practiceId", a.practiceId());
                adoption.put("schoolId", a.schoolId());
                adoption.put("date", a.date());
                adoption.put("note", a.note() == null || a.note().isBlank() ? null : a.note());
                adoptionRows.add(adoption);
            }
        }
        int adopted = 0;
        for (int i = 0; i < adoptionRows.size(); i += BATCH) {
            adopted += repository.importAdoptions(adoptionRows.subList(i, Math.min(adoptionRows.size(), i + BATCH)), true);
        }
        if (!rows.isEmpty()) {
            try {
                outbox.requestDrain().get(2, TimeUnit.MINUTES);
            } catch (Exception e) {
                LOG.warn("Seed practices are in Neo4j but not yet searchable ({}); the outbox will index them", e.toString());
            }
        }
        long approved = practices.stream().filter(p -> "APPROVED".equals(p.status())).count();
        return String.format("Банк практик: %d практик в seed-data (%d одобрено), загружено новых %d, внедрений %d",
                practices.size(), approved, rows.size(), adopted);
    }

    /** {@code adoptions.csv}: {@code practice_id,school_id,date,note} with a header line. */
    static List<SeedPractice.Adoption> readAdoptions(Path file) throws IOException {
        List<SeedPractice.Adoption> adoptions = new ArrayList<>();
        try (CsvReader csv = new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            csv.next(); // header
            for (CsvReader.Record r = csv.next(); r != null; r = csv.next()) {
                if (r.isBlank()) {
                    continue;
                }
                if (r.problem() != null || r.fields().size() < 3) {
                    throw new IOException(file + ", строка " + r.number() + ": "
                            + (r.problem() != null ? r.problem() : "нужны practice_id, school_id и date"));
                }
                List<String> f = r.fields();
                adoptions.add(new SeedPractice.Adoption(f.get(0), f.get(1), f.get(2), f.size() > 3 ? f.get(3) : null));
            }
        }
        return adoptions;
    }
}
