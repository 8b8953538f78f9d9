package org.opora.practice.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opora.practice.EvidenceItem;
import org.opora.practice.PracticeLevel;
import org.opora.practice.PracticeRiskFactor;
import org.opora.practice.PracticeSubject;

/** The seed generator: deterministic, enough practices, valid codes, Russian text, sensible evidence. */
class PracticeGeneratorTest {

    private static List<SeedSchool> demoRegion() throws IOException {
        return SeedSchool.read(PracticeGenerator.REGION_SCHOOLS);
    }

    @Test
    void sameInputGivesIdenticalFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        List<SeedSchool> schools = demoRegion();
        PracticeGenerator.write(PracticeGenerator.generate(schools, 320, 74, "PR-"), a);
        PracticeGenerator.write(PracticeGenerator.generate(schools, 320, 74, "PR-"), b);
        assertThat(Files.readAllBytes(a.resolve("practices.jsonl"))).isEqualTo(Files.readAllBytes(b.resolve("practices.jsonl")));
        assertThat(Files.readAllBytes(a.resolve("adoptions.csv"))).isEqualTo(Files.readAllBytes(b.resolve("adoptions.csv")));
    }

    @Test
    void committedSeedIsWhatTheGeneratorProducesFromTheDemoRegion(@TempDir Path dir) throws IOException {
        // Fails when someone edits the templates or the region's schools without regenerating the seed.
        PracticeGenerator.write(PracticeGenerator.generate(demoRegion(), PracticeGenerator.DEFAULT_COUNT,
                PracticeGenerator.DEFAULT_SEED, "PR-"), dir);
        for (String file : List.of("practices.jsonl", "adoptions.csv")) {
            assertThat(Files.readString(dir.resolve(file))).as("seed-data/practices/" + file + " is stale: regenerate it")
                    .isEqualTo(Files.readString(PracticeGenerator.OUTPUT.resolve(file)));
        }
    }

    @Test
    void practicesAreValidVariedAndInRussian() throws IOException {
        List<SeedSchool> schools = demoRegion();
        Set<String> schoolIds = schools.stream().map(SeedSchool::id).collect(Collectors.toSet());
        PracticeGenerator.Output output = PracticeGenerator.generate(schools, 320, 74, "PR-");
        List<SeedPractice> practices = output.practices();
        assertThat(practices).hasSize(320);
        assertThat(practices.stream().map(p -> p.content().title()).distinct().count()).isEqualTo(320);
        Set<String> factors = new HashSet<>();
        Set<String> subjects = new HashSet<>();
        for (SeedPractice p : practices) {
            assertThat(p.content().title()).matches(".*[А-Яа-яЁё].*");
            assertThat(p.content().description().length()).as(p.id()).isGreaterThan(300);
            assertThat(p.content().description()).doesNotContain("{").doesNotContain("}");
            assertThat(p.content().summary()).doesNotContain("{");
            assertThat(schoolIds).contains(p.content().authorSchoolId());
            p.content().riskFactors().forEach(f -> PracticeRiskFactor.valueOf(f));
            p.content().subjects().forEach(s -> PracticeSubject.valueOf(s));
            PracticeLevel.valueOf(p.content().level());
            assertThat(p.content().grades()).isNotEmpty().allMatch(g -> g >= 1 && g <= 11);
            assertThat(p.content().authors()).isNotEmpty();
            for (EvidenceItem e : p.content().evidence()) {
                assertThat(e.yearBefore()).isLessThan(e.yearAfter());
                assertThat(e.metric()).doesNotContain("{");
            }
            if ("APPROVED".equals(p.status())) {
                assertThat(p.publishedAt()).isNotNull();
            }
            if ("REJECTED".equals(p.status())) {
                assertThat(p.rejectionReason()).isNotBlank();
            }
            factors.addAll(p.content().riskFactors());
            subjects.addAll(p.content().subjects());
        }
        assertThat(factors).hasSize(PracticeRiskFactor.values().length);
        assertThat(subjects.size()).isGreaterThan(15);
        long approved = practices.stream().filter(p -> "APPROVED".equals(p.status())).count();
        assertThat(approved).isBetween(240L, 300L);
        assertThat(practices.stream().filter(p -> !p.content().evidence().isEmpty()).count()).isGreaterThan(150);
        // Adoptions: of approved practices, by other schools, after publication.
        assertThat(output.adoptions()).hasSizeGreaterThan(200);
        for (SeedPractice.Adoption a : output.adoptions()) {
            SeedPractice p = practices.stream().filter(x -> x.id().equals(a.practiceId())).findFirst().orElseThrow();
            assertThat(p.status()).isEqualTo("APPROVED");
            assertThat(a.schoolId()).isNotEqualTo(p.content().authorSchoolId());
            assertThat(a.date()).isGreaterThan(p.publishedAt());
        }
    }

    @Test
    void scalesToBenchmarkSizes() throws IOException {
        PracticeGenerator.Output output = PracticeGenerator.generate(demoRegion(), 5_000, 7, "PB-");
        assertThat(output.practices()).hasSize(5_000);
        assertThat(output.practices().get(4_999).id()).isEqualTo("PB-5000");
        assertThat(output.practices().stream().map(SeedPractice::id).distinct().count()).isEqualTo(5_000);
    }
}
