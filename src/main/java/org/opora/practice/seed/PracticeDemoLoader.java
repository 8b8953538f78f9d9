package org.opora.practice.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.opora.platform.demo.DemoDataLoader;
import org.opora.practice.PracticeRepository;
import org.opora.practice.SchoolRef;
import org.opora.practice.search.PracticeOutbox;
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
 * edited them). Author and adopting schools are the seed's school ids; an id the demo region does not have (the
 * seed was generated against the stand-in schools) is mapped deterministically onto one of the region's schools.
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
        Set<String> existing = new HashSet<>(repository.existingIds(practices.stream().map(SeedPractice::id).toList()));
        Map<String, SchoolMapper> mappers = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SeedPractice p : practices) {
            if (existing.contains(p.id())) {
                continue;
            }
            SchoolMapper mapper = mappers.computeIfAbsent(p.regionId(), r -> new SchoolMapper(repository.schoolsOfRegion(r)));
            SchoolRef school = mapper.map(p.authorSchoolId());
            rows.add(p.toImportRow(school == null ? p.authorSchoolId() : school.id(),
                    school == null ? p.regionId() : school.regionId(),
                    school == null ? p.municipalityId() : school.municipalityId(),
                    json.writeValueAsString(p.evidence())));
        }
        for (int i = 0; i < rows.size(); i += BATCH) {
            repository.importPractices(rows.subList(i, Math.min(rows.size(), i + BATCH)), true);
        }
        int adoptions = 0;
        if (Files.isRegularFile(adoptionsFile) && !rows.isEmpty()) {
            Set<String> loaded = new LinkedHashSet<>();
            rows.forEach(r -> loaded.add((String) r.get("id")));
            Map<String, String> regionOf = new HashMap<>();
            practices.forEach(p -> regionOf.put(p.id(), p.regionId()));
            List<Map<String, Object>> adoptionRows = new ArrayList<>();
            List<List<String>> csv = SeedSchool.Csv.parse(Files.readString(adoptionsFile, StandardCharsets.UTF_8));
            for (List<String> row : csv.subList(Math.min(1, csv.size()), csv.size())) {
                if (row.size() < 3 || !loaded.contains(row.get(0))) {
                    continue;
                }
                SchoolMapper mapper = mappers.get(regionOf.get(row.get(0)));
                SchoolRef school = mapper == null ? null : mapper.map(row.get(1));
                Map<String, Object> adoption = new HashMap<>();
                adoption.put("practiceId", row.get(0));
                adoption.put("schoolId", school == null ? row.get(1) : school.id());
                adoption.put("date", row.get(2));
                adoption.put("note", row.size() > 3 && !row.get(3).isBlank() ? row.get(3) : null);
                adoptionRows.add(adoption);
            }
            for (int i = 0; i < adoptionRows.size(); i += BATCH) {
                adoptions += repository.importAdoptions(adoptionRows.subList(i, Math.min(adoptionRows.size(), i + BATCH)), true);
            }
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
                practices.size(), approved, rows.size(), adoptions);
    }

    /** Keeps a seed school id that the region has; maps any other onto one of its schools, by a stable hash. */
    private static final class SchoolMapper {
        private final List<SchoolRef> schools;
        private final Map<String, SchoolRef> byId = new HashMap<>();

        SchoolMapper(List<SchoolRef> schools) {
            this.schools = schools;
            schools.forEach(s -> byId.put(s.id(), s));
        }

        SchoolRef map(String seedId) {
            if (schools.isEmpty()) {
                return null;
            }
            SchoolRef own = byId.get(seedId);
            return own != null ? own : schools.get(Math.floorMod(seedId.hashCode(), schools.size()));
        }
    }
}
