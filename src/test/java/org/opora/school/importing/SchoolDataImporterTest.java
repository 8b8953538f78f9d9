package org.opora.school.importing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.opora.school.generator.SyntheticRegionGenerator;
import org.opora.testing.OporaTestApp;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The importer against the real application: embedded Neo4j over Bolt, schema migrations applied. */
class SchoolDataImporterTest {

    private static final String SCHOOLS_HEADER = "school_id,name,region_id,region_name,municipality_id,municipality_name,type,locality,enrolment,small_school,latitude,longitude\n";

    static SchoolDataImporter importer;
    static Driver driver;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        importer = OporaTestApp.bean(SchoolDataImporter.class);
        driver = OporaTestApp.driver();
    }

    static long count(String cypher, Map<String, Object> params) {
        try (Session session = driver.session()) {
            return session.run(cypher, params).single().get(0).asLong();
        }
    }

    static long count(String cypher) {
        return count(cypher, Map.of());
    }

    @Test
    void schemaMigrationCreatedTheConstraints() {
        try (Session session = driver.session()) {
            List<String> names = session.run("SHOW CONSTRAINTS YIELD name RETURN name").list(r -> r.get("name").asString());
            assertThat(names).contains("region_id", "municipality_id", "school_id", "assessment_result_key", "indicator_value_key");
        }
    }

    @Test
    void importsTheDemoRegionAndReimportChangesNothing() {
        List<ImportReport> first = importer.importDirectory(SyntheticRegionGenerator.DEMO_DIR);
        assertThat(first).extracting(ImportReport::kind).containsExactly(FileKind.SCHOOLS, FileKind.RESULTS, FileKind.INDICATORS);
        assertThat(first).extracting(ImportReport::rowsRead).containsExactly(800L, 27_533L, 49_235L);
        assertDemoRegionInGraph();
        String school = "MATCH (s:School {id: 'R74-S0001'}) RETURN s.name + '|' + s.type + '|' + s.locality + '|' + s.municipalityId";
        try (Session session = driver.session()) {
            assertThat(session.run(school).single().get(0).asString())
                    .isEqualTo("МБОУ \"СОШ № 1\" г. Камнегорска|СОШ|город|R74-M01");
            assertThat(session.run("MATCH (:School {id: 'R74-S0001'})-[:HAS_RESULT]->(a {year: 2023, procedure: 'ВПР', subject: 'Русский язык', grade: 4}) "
                    + "RETURN a.key + '|' + a.participants + '|' + a.meanScore").single().get(0).asString())
                    .isEqualTo("R74-S0001|2023|ВПР|Русский язык|4|35|3.63");
        }

        List<ImportReport> second = importer.importDirectory(SyntheticRegionGenerator.DEMO_DIR);
        // Every row is already in the graph with the same values: nothing is written.
        assertThat(second).allMatch(r -> r.nodesCreated() == 0 && r.nodesUpdated() == 0 && r.rowsUnchanged() == r.rowsRead());
        assertDemoRegionInGraph();
    }

    private static void assertDemoRegionInGraph() {
        Map<String, Object> region = Map.of("region", "R74");
        assertThat(count("MATCH (:Region {id: $region})-[:HAS_MUNICIPALITY]->(m:Municipality) RETURN count(m)", region)).isEqualTo(40);
        assertThat(count("MATCH (:Region {id: $region})-[:HAS_MUNICIPALITY]->()-[r:HAS_SCHOOL]->(s:School) RETURN count(r)", region)).isEqualTo(800);
        assertThat(count("MATCH (s:School {regionId: $region}) RETURN count(s)", region)).isEqualTo(800);
        assertThat(count("MATCH (s:School {regionId: $region})-[r:HAS_RESULT]->(:AssessmentResult) RETURN count(r)", region)).isEqualTo(27_533);
        assertThat(count("MATCH (s:School {regionId: $region})-[r:HAS_INDICATOR]->(:IndicatorValue) RETURN count(r)", region)).isEqualTo(49_235);
        assertThat(count("MATCH (a:AssessmentResult) WHERE a.schoolId STARTS WITH 'R74-' RETURN count(a)")).isEqualTo(27_533);
    }

    @Test
    void aFileWithErrorsIsRejectedWholeAndNothingIsWritten() throws IOException {
        Files.writeString(dir.resolve("schools.csv"), SCHOOLS_HEADER
                + "T-BAD-1,Школа 1,T-BAD,Тестовая область,T-BAD-M1,Первый округ,СОШ,город,500,false,,\n"
                + "T-BAD-2,Школа 2,T-BAD,Тестовая область,T-BAD-M1,Первый округ,ООШ,село,40,true,,\n");
        Files.writeString(dir.resolve("results.csv"), "school_id,year,procedure,subject,grade,participants,mean_score\n"
                + "T-BAD-1,2024,ВПР,Математика,4,20,3.5\n"
                + "T-NOPE,2024,ВПР,Математика,4,20,3.5\n"
                + "T-BAD-2,2024,ОГЭ,Математика,9,20,abc\n");
        Files.writeString(dir.resolve("indicators.csv"), "school_id,year,indicator,value\nT-BAD-1,2024,low_income_share,0.2\n");

        assertThatThrownBy(() -> importer.importDirectory(dir))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors()).extracting(RowError::toString).containsExactly(
                        "results.csv, строка 3, столбец school_id: школа \"T-NOPE\" не найдена ни в файле школ, ни в базе",
                        "results.csv, строка 4, столбец mean_score: не число: \"abc\""));
        assertThat(count("MATCH (n) WHERE n:Region AND n.id = 'T-BAD' OR n:School AND n.regionId = 'T-BAD' RETURN count(n)")).isZero();

        // The same results alone: now the schools are in neither the database nor an accompanying file.
        assertThatThrownBy(() -> importer.importFile(dir.resolve("results.csv")))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors()).hasSize(4));
        assertThat(count("MATCH (a:AssessmentResult) WHERE a.schoolId STARTS WITH 'T-BAD' RETURN count(a)")).isZero();
    }

    @Test
    void reimportMovesASchoolAndClearsEmptiedValues() {
        String before = SCHOOLS_HEADER + "T-MV-1,Школа,T-MV,Тестовая область,T-MV-A,Округ А,СОШ,город,500,false,56.1,60.2\n";
        String after = SCHOOLS_HEADER + "T-MV-1,Школа,T-MV,Тестовая область,T-MV-B,Округ Б,СОШ,город,,,,\n";
        ImportReport created = importer.importCsv(null, new StringReader(before), null);
        assertThat(created.kind()).isEqualTo(FileKind.SCHOOLS);
        assertThat(created.nodesCreated()).isEqualTo(3);
        ImportReport moved = importer.importCsv(FileKind.SCHOOLS, new StringReader(after), null);
        assertThat(moved.nodesCreated()).isEqualTo(1);
        assertThat(moved.nodesUpdated()).isEqualTo(1);

        assertThat(count("MATCH (m:Municipality)-[:HAS_SCHOOL]->(:School {id: 'T-MV-1'}) RETURN count(m)")).isEqualTo(1);
        assertThat(count("MATCH (:Municipality {id: 'T-MV-B'})-[:HAS_SCHOOL]->(:School {id: 'T-MV-1'}) RETURN count(*)")).isEqualTo(1);
        assertThat(count("MATCH (s:School {id: 'T-MV-1'}) WHERE s.enrolment IS NULL AND s.latitude IS NULL AND s.municipalityId = 'T-MV-B' RETURN count(s)"))
                .isEqualTo(1);
    }

    @Test
    void reimportWritesOnlyTheRowsThatChanged() throws IOException {
        Files.writeString(dir.resolve("schools.csv"), SCHOOLS_HEADER
                + "T-CH-1,Школа 1,T-CH,Тестовая область,T-CH-M1,Первый округ,СОШ,город,500,false,,\n"
                + "T-CH-2,Школа 2,T-CH,Тестовая область,T-CH-M1,Первый округ,ООШ,село,40,true,,\n");
        String header = "school_id,year,procedure,subject,grade,participants,mean_score,share_failing,share_high\n";
        Files.writeString(dir.resolve("results.csv"), header
                + "T-CH-1,2024,ВПР,Математика,4,20,3.5,0.1,0.2\n"
                + "T-CH-1,2024,ВПР,Русский язык,4,20,3.6,,\n"
                + "T-CH-2,2024,ВПР,Математика,4,8,3.1,0.25,\n");
        assertThat(importer.importDirectory(dir)).extracting(ImportReport::nodesCreated).containsExactly(4L, 3L);

        // One value changed, one optional value emptied, one row the same, one row new.
        Files.writeString(dir.resolve("results.csv"), header
                + "T-CH-1,2024,ВПР,Математика,4,21,3.5,0.1,0.2\n"
                + "T-CH-1,2024,ВПР,Русский язык,4,20,3.6,,\n"
                + "T-CH-2,2024,ВПР,Математика,4,8,3.1,,\n"
                + "T-CH-2,2024,ВПР,Русский язык,4,8,3.2,,\n");
        ImportReport results = importer.importFile(dir.resolve("results.csv"));
        assertThat(List.of(results.rowsRead(), results.nodesCreated(), results.nodesUpdated(), results.rowsUnchanged()))
                .containsExactly(4L, 1L, 2L, 1L);
        assertThat(count("MATCH (:School {id: 'T-CH-1'})-[:HAS_RESULT]->(a {subject: 'Математика'}) WHERE a.participants = 21 RETURN count(a)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:School {id: 'T-CH-2'})-[:HAS_RESULT]->(a {subject: 'Математика'}) WHERE a.shareFailing IS NULL RETURN count(a)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:School {id: 'T-CH-2'})-[:HAS_RESULT]->(a) RETURN count(a)")).isEqualTo(2);
    }

    @Test
    void importsADirectoryOfRegionsValidatingTheirFilesTogether() throws IOException {
        String results = "school_id,year,procedure,subject,grade,participants,mean_score\n";
        for (String region : List.of("T-DA", "T-DB", "T-DC")) {
            Path unit = Files.createDirectories(dir.resolve(region));
            Files.writeString(unit.resolve("schools.csv"), SCHOOLS_HEADER
                    + region + "-1,Школа 1," + region + ",Область " + region + "," + region + "-M1,Округ,СОШ,город,500,false,,\n");
            // Each region's results also name the school of the next region (validated against all schools files).
            String next = region.equals("T-DA") ? "T-DB" : region.equals("T-DB") ? "T-DC" : "T-DA";
            Files.writeString(unit.resolve("results.csv"), results + region + "-1,2024,ВПР,Математика,4,20,3.5\n"
                    + next + "-1,2023,ВПР,Математика,4,20,3.4\n");
        }
        Files.writeString(dir.resolve("T-DB/results.csv"), "T-DB-1,2022,ВПР,Математика,4,20,x\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("T-DC/results.csv"), "T-DC-1,2022,ВПР,Математика,4,0,3.5\n", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> importer.importDirectory(dir))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors()).extracting(RowError::toString).containsExactly(
                        "results.csv, строка 4, столбец mean_score: не число: \"x\"",
                        "results.csv, строка 4, столбец participants: значение вне диапазона 1..10000: 0"));
        assertThat(count("MATCH (s:School) WHERE s.id STARTS WITH 'T-D' RETURN count(s)")).isZero();

        for (String region : List.of("T-DB", "T-DC")) {
            List<String> lines = Files.readAllLines(dir.resolve(region).resolve("results.csv"));
            Files.write(dir.resolve(region).resolve("results.csv"), lines.subList(0, 3));
        }
        List<ImportReport> reports = importer.importDirectory(dir);
        assertThat(reports).extracting(r -> r.kind() + " " + r.rowsRead()).containsExactly(
                "SCHOOLS 1", "SCHOOLS 1", "SCHOOLS 1", "RESULTS 2", "RESULTS 2", "RESULTS 2");
        assertThat(count("MATCH (s:School)-[:HAS_RESULT]->(a) WHERE s.id STARTS WITH 'T-D' RETURN count(a)")).isEqualTo(6);
    }

    @Test
    void comparesStoredValuesByValue() {
        Map<String, Object> row = new java.util.HashMap<>(Map.of("participants", 20, "meanScore", 3.5, "key", "k"));
        row.put("shareHigh", null);
        assertThat(SchoolDataImporter.sameValues(row, Map.of("participants", 20L, "meanScore", 3.5, "key", "k"))).isTrue();
        assertThat(SchoolDataImporter.sameValues(row, Map.of("participants", 21L, "meanScore", 3.5, "key", "k"))).isFalse();
        assertThat(SchoolDataImporter.sameValues(row, Map.of("participants", 20L, "meanScore", 3.5, "key", "k", "shareHigh", 0.1)))
                .isFalse();
    }

    @Test
    void importsAMappedPublicDataset() throws Exception {
        Path source = Files.isDirectory(PublicDatasetMapperTest.SHARED)
                ? PublicDatasetMapperTest.SHARED.resolve("nyc-school-explorer-2016") : PublicDatasetMapperTest.fixture("nyc");
        PublicDatasetMapper.Summary mapped = PublicDatasetMapper.mapNyc(source, dir, 150);
        List<ImportReport> reports = importer.importDirectory(dir);
        assertThat(reports).extracting(ImportReport::rowsRead)
                .containsExactly((long) mapped.schools(), mapped.results(), mapped.indicators());
        // Only the schools of this file: other tests of the JVM import more of the same region (RealDataPairingTest).
        List<String> ids = PublicDatasetMapper.readTable(dir.resolve("schools.csv")).stream().map(r -> r.get("school_id")).toList();
        Map<String, Object> region = Map.of("region", "US-NYC", "ids", ids);
        assertThat(count("MATCH (s:School {regionId: $region}) WHERE s.id IN $ids RETURN count(s)", region)).isEqualTo(mapped.schools());
        assertThat(count("MATCH (s:School {regionId: $region})-[:HAS_RESULT]->(a) WHERE s.id IN $ids RETURN count(a)", region))
                .isEqualTo(mapped.results());
        assertThat(count("MATCH (s:School {regionId: $region})-[:HAS_INDICATOR]->(v) WHERE s.id IN $ids RETURN count(v)", region))
                .isEqualTo(mapped.indicators());
        assertThat(count("MATCH (s:School {id: 'NYC-01M015'}) WHERE s.enrolment IS NULL AND s.locality = 'город' RETURN count(s)")).isEqualTo(1);
    }
}
