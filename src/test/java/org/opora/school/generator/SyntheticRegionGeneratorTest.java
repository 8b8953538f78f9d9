package org.opora.school.generator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opora.school.Indicator;
import org.opora.school.Locality;
import org.opora.school.SchoolType;
import org.opora.school.importing.FileKind;
import org.opora.school.importing.PublicDatasetMapper;
import org.opora.school.importing.SchoolDataValidator;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticRegionGeneratorTest {

    private static final List<String> FILES = List.of("schools.csv", "results.csv", "indicators.csv", "planted.csv");

    @TempDir
    static Path temp;
    static Path demo;

    @BeforeAll
    static void generateDemo() throws IOException {
        demo = temp.resolve("demo");
        SyntheticRegionGenerator.Options defaults = SyntheticRegionGenerator.Options.demo();
        SyntheticRegionGenerator.generate(new SyntheticRegionGenerator.Options(demo, defaults.seed(), defaults.regions(),
                defaults.municipalities(), defaults.schools(), defaults.years()));
    }

    @Test
    void sameSeedGivesByteIdenticalFiles() throws IOException {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        Path c = temp.resolve("c");
        SyntheticRegionGenerator.generate(new SyntheticRegionGenerator.Options(a, 7, 1, 8, 120, List.of(2024, 2025)));
        SyntheticRegionGenerator.generate(new SyntheticRegionGenerator.Options(b, 7, 1, 8, 120, List.of(2024, 2025)));
        SyntheticRegionGenerator.generate(new SyntheticRegionGenerator.Options(c, 8, 1, 8, 120, List.of(2024, 2025)));
        for (String file : FILES) {
            assertThat(Files.readAllBytes(a.resolve(file))).as(file).isEqualTo(Files.readAllBytes(b.resolve(file)));
        }
        assertThat(Files.readAllBytes(a.resolve("results.csv"))).isNotEqualTo(Files.readAllBytes(c.resolve("results.csv")));
    }

    @Test
    void committedDemoRegionIsWhatTheGeneratorMakes() throws IOException {
        Path committed = SyntheticRegionGenerator.DEMO_DIR;
        for (String file : FILES) {
            assertThat(Files.readAllBytes(demo.resolve(file))).as("seed-data/region/" + file + " is stale: regenerate it")
                    .isEqualTo(Files.readAllBytes(committed.resolve(file)));
        }
    }

    @Test
    void demoRegionIsValidAndLooksLikeARegion() throws IOException {
        Set<String> schools = new HashSet<>();
        for (FileKind kind : FileKind.values()) {
            try (BufferedReader in = Files.newBufferedReader(demo.resolve(kind.fileName()))) {
                SchoolDataValidator.Result result = SchoolDataValidator.validate(kind, in, schools::contains);
                assertThat(result.errors()).as(kind.fileName()).isEmpty();
                schools.addAll(result.schoolIds());
                if (kind == FileKind.SCHOOLS) {
                    assertThat(result.rows()).isEqualTo(800);
                    assertThat(result.regions()).containsExactly(Map.entry("R74", "Уральская область"));
                    assertThat(result.municipalities()).hasSize(40);
                }
            }
        }
        List<Map<String, String>> rows = table(demo.resolve("schools.csv"));
        Map<String, Long> types = rows.stream().collect(Collectors.groupingBy(r -> r.get("type"), Collectors.counting()));
        assertThat(types.keySet()).containsExactlyInAnyOrder(
                java.util.Arrays.stream(SchoolType.values()).map(SchoolType::label).toArray(String[]::new));
        assertThat(types.get("СОШ")).isGreaterThan(types.get("ООШ")).isGreaterThan(types.get("Гимназия"));
        long rural = rows.stream().filter(r -> r.get("locality").equals(Locality.VILLAGE.label())).count();
        assertThat(rural).isBetween(250L, 550L);
        assertThat(rows.stream().filter(r -> r.get("small_school").equals("true")))
                .isNotEmpty().allMatch(r -> r.get("locality").equals("село") && Integer.parseInt(r.get("enrolment")) <= 100);
        assertThat(rows).allMatch(r -> {
            double lat = Double.parseDouble(r.get("latitude"));
            double lon = Double.parseDouble(r.get("longitude"));
            return lat >= 55.0 && lat <= 58.6 && lon >= 57.6 && lon <= 63.6;
        });
        assertThat(rows).anyMatch(r -> r.get("name").equals("МБОУ \"СОШ № 1\" г. Камнегорска"));
        assertThat(rows).anyMatch(r -> r.get("name").matches("М[КБ]ОУ \"[А-ЯЁ][а-яё]+ская ООШ\""));
        // Every indicator of the registry occurs, every year.
        List<Map<String, String>> indicators = table(demo.resolve("indicators.csv"));
        for (String year : List.of("2023", "2024", "2025")) {
            assertThat(indicators.stream().filter(r -> r.get("year").equals(year)).map(r -> r.get("indicator")).distinct())
                    .containsExactlyInAnyOrder(java.util.Arrays.stream(Indicator.values()).map(Indicator::code).toArray(String[]::new));
        }
        assertThat(Files.size(demo.resolve("results.csv")) + Files.size(demo.resolve("indicators.csv"))).isLessThan(5_000_000);
    }

    @Test
    void plantedSchoolsLieFarFromTheRegressionLine() throws IOException {
        Map<String, String> roles = new HashMap<>();
        table(demo.resolve("planted.csv")).forEach(r -> roles.put(r.get("school_id"), r.get("role")));
        assertThat(roles.values().stream().collect(Collectors.groupingBy(r -> r, Collectors.counting())))
                .containsEntry("low_results", 24L).containsEntry("low_results_falling", 16L).containsEntry("resilient", 40L)
                .containsEntry("rising_risk", 32L);

        Regression regression = Regression.of(table(demo.resolve("results.csv")), table(demo.resolve("indicators.csv")), null);
        assertThat(regression.slope()).as("results fall as disadvantage grows").isLessThan(-0.3);
        double medianContext = regression.context().values().stream().sorted().toList().get(regression.context().size() / 2);
        int strays = 0;
        for (Map.Entry<String, Double> school : regression.standardisedResiduals().entrySet()) {
            String role = roles.get(school.getKey());
            double residual = school.getValue();
            if (role == null || role.equals("rising_risk")) { // rising-risk schools have not fallen (yet)
                strays += Math.abs(residual) > 2 ? 1 : 0;
            } else if (role.equals("resilient")) {
                assertThat(residual).as(school.getKey() + " resilient").isGreaterThan(1.5);
                assertThat(regression.context().get(school.getKey())).as(school.getKey() + " adverse context").isGreaterThan(medianContext);
            } else {
                assertThat(residual).as(school.getKey() + " " + role).isLessThan(-1.5);
            }
        }
        assertThat(strays).as("unplanted schools beyond 2 sd").isLessThan(8);
    }

    @Test
    void fallingSchoolsFallYearAfterYear() throws IOException {
        List<Map<String, String>> results = table(demo.resolve("results.csv"));
        List<Map<String, String>> indicators = table(demo.resolve("indicators.csv"));
        Map<String, Double> first = Regression.of(results, indicators, "2023").standardisedResiduals();
        Map<String, Double> last = Regression.of(results, indicators, "2025").standardisedResiduals();
        List<String> falling = table(demo.resolve("planted.csv")).stream()
                .filter(r -> r.get("role").equals("low_results_falling")).map(r -> r.get("school_id")).toList();
        assertThat(falling).allMatch(id -> last.get(id) < first.get(id) - 0.5);
        assertThat(falling).allMatch(id -> last.get(id) < -2);
    }

    @Test
    void makesSeveralRegionsForScaleTests() throws IOException {
        Path out = temp.resolve("multi");
        SyntheticRegionGenerator.Summary summary = SyntheticRegionGenerator.generate(
                new SyntheticRegionGenerator.Options(out, 1, 3, 6, 300, List.of(2025)));
        assertThat(summary.regions()).isEqualTo(3);
        assertThat(summary.schools()).isEqualTo(300);
        Set<String> schools = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(out.resolve("schools.csv"))) {
            SchoolDataValidator.Result result = SchoolDataValidator.validate(FileKind.SCHOOLS, in, id -> false);
            assertThat(result.errors()).isEmpty();
            assertThat(result.regions().keySet()).containsExactly("N01", "N02", "N03");
            assertThat(result.regions().values()).allMatch(name -> name.endsWith("ская область"));
            schools.addAll(result.schoolIds());
        }
        try (BufferedReader in = Files.newBufferedReader(out.resolve("results.csv"))) {
            assertThat(SchoolDataValidator.validate(FileKind.RESULTS, in, schools::contains).errors()).isEmpty();
        }
        assertThat(SyntheticRegionGenerator.parse(new String[]{"--national"}))
                .isEqualTo(SyntheticRegionGenerator.Options.national());
    }

    static List<Map<String, String>> table(Path file) throws IOException {
        return PublicDatasetMapper.readTable(file);
    }

    /**
     * The Krasnoyarsk method in miniature: an integral results index (mean z-score of mean_score
     * within each procedure/subject/grade/year), a context index (mean z-score of the context
     * indicators, turned so that higher is more adverse), a least-squares line, residuals in units
     * of their standard deviation.
     */
    record Regression(Map<String, Double> context, Map<String, Double> standardisedResiduals, double slope) {

        static Regression of(List<Map<String, String>> results, List<Map<String, String>> indicators, String onlyYear) {
            Map<String, Double> resultIndex = index(results, onlyYear,
                    r -> r.get("year") + "|" + r.get("procedure") + "|" + r.get("subject") + "|" + r.get("grade"),
                    r -> Double.parseDouble(r.get("mean_score")));
            Map<String, Double> contextIndex = index(indicators.stream()
                            .filter(r -> Indicator.fromCode(r.get("indicator")).orElseThrow().kind() == Indicator.Kind.CONTEXT).toList(),
                    onlyYear, r -> r.get("year") + "|" + r.get("indicator"), r -> {
                        Indicator indicator = Indicator.fromCode(r.get("indicator")).orElseThrow();
                        double value = Double.parseDouble(r.get("value"));
                        return indicator.adverse() == Indicator.Adverse.LOWER ? -value : value;
                    });
            List<String> ids = resultIndex.keySet().stream().filter(contextIndex::containsKey).sorted().toList();
            double mx = ids.stream().mapToDouble(contextIndex::get).average().orElseThrow();
            double my = ids.stream().mapToDouble(resultIndex::get).average().orElseThrow();
            double sxy = 0;
            double sxx = 0;
            for (String id : ids) {
                sxy += (contextIndex.get(id) - mx) * (resultIndex.get(id) - my);
                sxx += Math.pow(contextIndex.get(id) - mx, 2);
            }
            double slope = sxy / sxx;
            Map<String, Double> residuals = new HashMap<>();
            for (String id : ids) {
                residuals.put(id, resultIndex.get(id) - my - slope * (contextIndex.get(id) - mx));
            }
            double sd = Math.sqrt(residuals.values().stream().mapToDouble(e -> e * e).average().orElseThrow());
            residuals.replaceAll((id, e) -> e / sd);
            return new Regression(contextIndex, residuals, slope);
        }

        /** Per school: the mean over its rows of the row value's z-score within the row's group. */
        private static Map<String, Double> index(List<Map<String, String>> rows, String onlyYear,
                                                 java.util.function.Function<Map<String, String>, String> group,
                                                 java.util.function.ToDoubleFunction<Map<String, String>> value) {
            Map<String, List<Map<String, String>>> groups = rows.stream()
                    .filter(r -> onlyYear == null || r.get("year").equals(onlyYear))
                    .collect(Collectors.groupingBy(group));
            Map<String, List<Double>> perSchool = new HashMap<>();
            for (List<Map<String, String>> members : groups.values()) {
                double mean = members.stream().mapToDouble(value).average().orElseThrow();
                double sd = Math.sqrt(members.stream().mapToDouble(r -> Math.pow(value.applyAsDouble(r) - mean, 2)).average().orElseThrow());
                for (Map<String, String> r : members) {
                    perSchool.computeIfAbsent(r.get("school_id"), k -> new ArrayList<>())
                            .add(sd == 0 ? 0 : (value.applyAsDouble(r) - mean) / sd);
                }
            }
            Map<String, Double> index = new HashMap<>();
            perSchool.forEach((id, zs) -> index.put(id, zs.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
            return index;
        }
    }
}
