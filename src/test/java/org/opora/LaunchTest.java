package org.opora;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opora.testing.OporaTestApp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The jar's command line: parsing, and the one-line refusals of {@code --import} and {@code --map}, run as the user runs
 * them, in a JVM of their own ({@code java -cp <test class path> org.opora.Application ...}).
 */
class LaunchTest {

    @TempDir
    Path dir;

    @Test
    void parsesEachModeAndHandsOnlyServerOptionsToMicronaut() {
        assertThat(Launch.parse()).isEqualTo(new Launch(Launch.Mode.SERVER, List.of()));
        assertThat(Launch.parse("--demo", "--micronaut.server.port=9000"))
                .isEqualTo(new Launch(Launch.Mode.DEMO, List.of("--micronaut.server.port=9000")));
        assertThat(Launch.parse("--import", "/data/x")).isEqualTo(new Launch(Launch.Mode.IMPORT, List.of("/data/x")));
        assertThat(Launch.parse("--map", "nyc", "in", "out", "--limit", "10"))
                .isEqualTo(new Launch(Launch.Mode.MAP, List.of("nyc", "in", "out", "--limit", "10")));
        assertThat(Launch.parse("--generate", "--national")).isEqualTo(new Launch(Launch.Mode.GENERATE, List.of("--national")));
        assertThatThrownBy(() -> Launch.parse("--import")).hasMessage("--import ждёт ровно один аргумент: каталог с файлами CSV");
        assertThatThrownBy(() -> Launch.parse("--import", "a", "b")).hasMessageStartingWith("--import ждёт ровно один аргумент");
        assertThatThrownBy(() -> Launch.parse("--map", "nyc", "in")).hasMessage("--map ждёт аргументы: DATASET IN OUT [--limit N]");
        assertThatThrownBy(() -> Launch.parse("--demo", "--import", "x")).hasMessage("неизвестный параметр: --import (он должен стоять первым)");
        assertThatThrownBy(() -> Launch.parse("--imprt", "x")).hasMessage("неизвестный параметр: --imprt");
    }

    @Test
    void importOfAMissingFolderSaysSoInOneLine() throws Exception {
        Path missing = dir.resolve("nope");
        Run run = jar(Map.of("OPORA_DATA_DIR", dir.resolve("data").toString()), "--import", missing.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo(List.of("Каталог не найден: " + missing
                + " (--import ждёт каталог с файлами schools.csv, results.csv, indicators.csv)"));
        assertThat(dir.resolve("data")).doesNotExist(); // refused before anything started
    }

    @Test
    void importIntoTheDataOfARunningServerSaysWhatToDoInOneLine() throws Exception {
        OporaTestApp.server(); // holds target/test-data/neo4j
        Path data = Path.of("target", "test-data");
        Files.writeString(dir.resolve("schools.csv"), "school_id,name,region_id,region_name,municipality_id,municipality_name,type\n");
        Run run = jar(Map.of("OPORA_DATA_DIR", data.toString()), "--import", dir.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo(List.of("Данные в " + data.toAbsolutePath() + " открыты работающим сервером Опоры: "
                + "остановите сервер и повторите --import или загрузите файлы в работающий сервер мутацией importSchoolData (GraphQL)"));
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void importsADirectoryWithoutTakingItsArgumentsForEnvironments() throws Exception {
        Path files = dir.resolve("in");
        Files.createDirectories(files);
        Files.writeString(files.resolve("schools.csv"), "school_id,name,region_id,region_name,municipality_id,municipality_name,type\n"
                + "T-CLI-1,Школа 1,T-CLI,Тестовая область,T-CLI-M1,Первый округ,СОШ\n");
        Files.writeString(files.resolve("results.csv"), "school_id,year,procedure,subject,grade,participants,mean_score\n"
                + "T-CLI-1,2024,ВПР,Математика,4,20,3.5\n");
        Run run = jar(Map.of("OPORA_DATA_DIR", dir.resolve("data").toString(), "NEO4J_EMBEDDED_BOLT_PORT", "0"), "--import", files.toString());
        assertThat(run.exit()).as(String.join("\n", run.stderr())).isZero();
        assertThat(run.stdout()).anyMatch(line -> line.startsWith("schools.csv: строк 1, создано узлов 3"))
                .anyMatch(line -> line.startsWith("results.csv: строк 1, создано узлов 1"));
        // Micronaut used to log "Established active environments: [--import, DIR]": the arguments are no environments now.
        assertThat(run.log()).anyMatch(line -> line.contains("Imported results.csv"))
                .noneMatch(line -> line.contains("environments") || line.contains("--import") || line.contains(files.toString()))
                // A scheduled task due during shutdown used to build a second database ("Unable to obtain lock").
                .noneMatch(line -> line.contains(" ERROR "));
    }

    @Test
    void mapsAPublicDatasetAndRefusesAMissingOneInOneLine() throws Exception {
        Run mapped = jar(Map.of(), "--map", "nyc", Path.of(LaunchTest.class.getResource("/org/opora/school/importing/nyc").toURI()).toString(), dir.resolve("nyc").toString());
        assertThat(mapped.exit()).as(String.join("\n", mapped.stderr())).isZero();
        assertThat(mapped.stdout()).containsExactly("nyc -> " + dir.resolve("nyc") + ": 4 schools, 20 result rows, 10 indicator rows, 0 source rows skipped");
        assertThat(dir.resolve("nyc/schools.csv")).exists();

        Run missing = jar(Map.of(), "--map", "england-ks4", dir.resolve("nope").toString(), dir.resolve("out").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.stderr()).containsExactly("Каталог набора данных не найден: " + dir.resolve("nope"));

        Run unknown = jar(Map.of(), "--map", "paris", dir.toString(), dir.resolve("out").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.stderr()).hasSize(1).allMatch(line -> line.startsWith("Неизвестный набор данных \"paris\""));
    }

    record Run(int exit, List<String> stdout, List<String> stderr, List<String> log) {
    }

    /** The application's main entry in a JVM of its own, with this test's class path; log lines are left out of stdout. */
    static Run jar(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Application.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("launch-out", ".txt");
        Path err = Files.createTempFile("launch-err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 180 s: " + command);
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        String logLine = "^\\d\\d:\\d\\d:\\d\\d\\.\\d+ .*";
        List<String> stdout = lines.stream().filter(line -> !line.matches(logLine)).toList();
        List<String> log = lines.stream().filter(line -> line.matches(logLine)).toList();
        List<String> stderr = Files.readAllLines(err, StandardCharsets.UTF_8);
        Files.delete(out);
        Files.delete(err);
        return new Run(process.exitValue(), stdout, stderr, log);
    }
}
