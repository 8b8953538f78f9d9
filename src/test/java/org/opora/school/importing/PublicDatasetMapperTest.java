package org.opora.school.importing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The mappings on a few real rows kept as test resources, and on the full datasets when present. */
class PublicDatasetMapperTest {

    static final Path SHARED = Path.of("/work/shared/datasets");

    @TempDir
    Path out;

    static Path fixture(String dataset) throws URISyntaxException {
        return Path.of(PublicDatasetMapperTest.class.getResource(dataset).toURI());
    }

    @Test
    void mapsNycSchoolExplorerRows() throws Exception {
        PublicDatasetMapper.Summary summary = PublicDatasetMapper.mapNyc(fixture("nyc"), out, Integer.MAX_VALUE);
        assertThat(summary).isEqualTo(new PublicDatasetMapper.Summary(4, 20, 10, 0));
        assertValid(out);

        Map<String, String> ps15 = row(out.resolve("schools.csv"), "school_id", "NYC-01M015");
        assertThat(ps15).containsEntry("name", "P.S. 015 ROBERTO CLEMENTE").containsEntry("region_id", "US-NYC")
                .containsEntry("municipality_id", "NYC-D01").containsEntry("municipality_name", "Community School District 1 (Manhattan)")
                .containsEntry("type", "НОШ").containsEntry("locality", "город").containsEntry("enrolment", "")
                .containsEntry("latitude", "40.721834").containsEntry("longitude", "-73.978766");
        assertThat(row(out.resolve("schools.csv"), "school_id", "NYC-14K586")).containsEntry("type", "СОШ")
                .containsEntry("municipality_name", "Community School District 14 (Brooklyn)");
        assertThat(row(out.resolve("schools.csv"), "school_id", "NYC-02M276")).containsEntry("type", "ООШ");

        List<Map<String, String>> results = PublicDatasetMapper.readTable(out.resolve("results.csv"));
        // P.S. 15: average ELA proficiency 2.14 → (2.14 - 1) / 3.5 = 32.6 %; grade 4 maths: 2 of 15 at level 4.
        assertThat(results).filteredOn(r -> r.get("school_id").equals("NYC-01M015")).extracting(r -> r.get("subject") + " " + r.get("grade")
                + ": " + r.get("participants") + " " + r.get("mean_score") + " " + r.get("share_failing") + "/" + r.get("share_high"))
                .containsExactly("Читательская грамотность 4: 15 32.6 /0.000", "Читательская грамотность 5: 16 32.6 /0.000",
                        "Математика 4: 15 33.4 /0.133", "Математика 5: 16 33.4 /0.000");
        assertThat(results).allMatch(r -> r.get("procedure").equals("КДР") && r.get("year").equals("2016"));

        List<Map<String, String>> indicators = PublicDatasetMapper.readTable(out.resolve("indicators.csv"));
        assertThat(indicators).filteredOn(r -> r.get("school_id").equals("NYC-01M015"))
                .extracting(r -> r.get("indicator") + "=" + r.get("value"))
                .containsExactly("low_income_share=0.919", "non_native_share=0.090", "parental_involvement_index=0.85");
        // The Peck Slip School has no Economic Need Index and no test results yet.
        assertThat(indicators).filteredOn(r -> r.get("school_id").equals("NYC-02M343")).extracting(r -> r.get("indicator"))
                .containsExactly("non_native_share");
    }

    @Test
    void mapsEnglandKs4Rows() throws Exception {
        PublicDatasetMapper.Summary summary = PublicDatasetMapper.mapEnglandKs4(fixture("england-ks4"), out, Integer.MAX_VALUE);
        // Skipped: an independent school, a special school, a school with suppressed results.
        assertThat(summary).isEqualTo(new PublicDatasetMapper.Summary(4, 4, 12, 3));
        assertValid(out);

        assertThat(row(out.resolve("schools.csv"), "school_id", "ENG-136290"))
                .containsEntry("name", "Queen Elizabeth's School, Barnet").containsEntry("type", "Гимназия")
                .containsEntry("region_id", "ENG-LONDON").containsEntry("region_name", "London (England)")
                .containsEntry("municipality_id", "ENG-LA302").containsEntry("municipality_name", "Barnet")
                .containsEntry("enrolment", "1245").containsEntry("locality", "");
        assertThat(row(out.resolve("schools.csv"), "school_id", "ENG-139629"))
                .containsEntry("region_id", "ENG-YORKSHIRE-AND-THE-HUMBER").containsEntry("municipality_name", "Kingston Upon Hull, City of")
                .containsEntry("type", "СОШ");
        // Haverstock: Attainment 8 42.4 of 90 = 47.1 %; 58.8 % standard pass, 43.2 % strong pass, 199 pupils.
        assertThat(row(out.resolve("results.csv"), "school_id", "ENG-100049"))
                .containsEntry("procedure", "КДР").containsEntry("subject", "Интегральный балл по предметам").containsEntry("grade", "9")
                .containsEntry("year", "2019").containsEntry("participants", "199").containsEntry("mean_score", "47.1")
                .containsEntry("share_failing", "0.412").containsEntry("share_high", "0.432");
        assertThat(PublicDatasetMapper.readTable(out.resolve("indicators.csv"))).filteredOn(r -> r.get("school_id").equals("ENG-100049"))
                .extracting(r -> r.get("indicator") + "=" + r.get("value"))
                .containsExactly("low_income_share=0.645", "special_needs_share=0.150", "non_native_share=0.731");
    }

    @Test
    void mapsTheFullPublicDatasetsIntoValidFiles() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHARED), "public datasets not on this machine");
        PublicDatasetMapper.Summary nyc = PublicDatasetMapper.mapNyc(SHARED.resolve("nyc-school-explorer-2016"), out.resolve("nyc"), Integer.MAX_VALUE);
        assertThat(nyc.schools()).isEqualTo(1272);
        assertValid(out.resolve("nyc"));
        PublicDatasetMapper.Summary england = PublicDatasetMapper.mapEnglandKs4(SHARED.resolve("england-ks4-2019-national"), out.resolve("england"), Integer.MAX_VALUE);
        assertThat(england.schools()).isBetween(3000, 3500);
        assertThat(england.results()).isEqualTo(england.schools());
        assertValid(out.resolve("england"));
    }

    @Test
    void mapsEnglandKs2YearsIntoOneSchoolEach() throws Exception {
        PublicDatasetMapper.Summary summary = PublicDatasetMapper.mapEnglandKs2(fixture("england-ks2"), out, Integer.MAX_VALUE);
        // Two schools over two years (2017/18 and 2018/19); the national-average rows (RECTYPE 4) are left out.
        assertThat(summary).isEqualTo(new PublicDatasetMapper.Summary(2, 8, 8, 2));
        assertValid(out);
        // Name and roll from the latest year.
        assertThat(row(out.resolve("schools.csv"), "school_id", "ENG-115922")).containsEntry("name", "Kings Worthy Primary School")
                .containsEntry("region_id", "ENG-SOUTH-EAST").containsEntry("municipality_id", "ENG-LA850")
                .containsEntry("municipality_name", "Hampshire").containsEntry("type", "НОШ").containsEntry("enrolment", "416");
        // Reading 2019: scaled score 105 → (105 - 80) / 40 = 62.5 %; 75 % at the expected standard, 32 % high.
        assertThat(PublicDatasetMapper.readTable(out.resolve("results.csv"))).filteredOn(r -> r.get("school_id").equals("ENG-115922"))
                .extracting(r -> r.get("year") + " " + r.get("procedure") + " " + r.get("subject") + " " + r.get("grade") + ": "
                        + r.get("participants") + " " + r.get("mean_score") + " " + r.get("share_failing") + "/" + r.get("share_high"))
                .containsExactly("2018 КДР Читательская грамотность 4: 64 65.0 0.120/0.220", "2018 КДР Математика 4: 64 62.5 0.230/0.230",
                        "2019 КДР Читательская грамотность 4: 63 62.5 0.250/0.320", "2019 КДР Математика 4: 63 65.0 0.160/0.380");
        assertThat(PublicDatasetMapper.readTable(out.resolve("indicators.csv"))).filteredOn(r -> r.get("school_id").equals("ENG-116295"))
                .extracting(r -> r.get("year") + " " + r.get("indicator") + "=" + r.get("value"))
                .containsExactly("2018 low_income_share=0.170", "2018 non_native_share=0.000",
                        "2019 low_income_share=0.270", "2019 non_native_share=0.000");
    }

    @Test
    void mapsTheWholeEnglandKs2DatasetWhenPresent() throws Exception {
        Path source = SHARED.resolve("england-ks2-hants-surrey-3yr");
        Assumptions.assumeTrue(Files.isDirectory(source), "dataset not on this machine");
        PublicDatasetMapper.Summary summary = PublicDatasetMapper.mapEnglandKs2(source, out, Integer.MAX_VALUE);
        assertThat(summary.schools()).isEqualTo(569);
        assertValid(out);
    }

    static void assertValid(Path dir) throws IOException {
        Set<String> schools = new HashSet<>();
        for (FileKind kind : FileKind.values()) {
            try (BufferedReader in = Files.newBufferedReader(dir.resolve(kind.fileName()))) {
                SchoolDataValidator.Result result = SchoolDataValidator.validate(kind, in, schools::contains);
                assertThat(result.errors()).as(dir + "/" + kind.fileName()).isEmpty();
                schools.addAll(result.schoolIds());
            }
        }
    }

    static Map<String, String> row(Path file, String column, String value) throws IOException {
        return PublicDatasetMapper.readTable(file).stream().filter(r -> value.equals(r.get(column))).findFirst().orElseThrow();
    }
}
