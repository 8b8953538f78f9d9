package org.opora;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev source set (src/dev/java: demo data, seeds, generators, the local Neo4j and Elasticsearch nodes) is compiled
 * after src/main and apart from it, so main code naming a dev class does not compile. This test says the same from the
 * sources, with the offending file in its message: no class of src/main imports a dev class, or names one of its own
 * package (which needs no import), outside comments.
 */
class DevSourceSetTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path DEV = Path.of("src/dev/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+?)(?:\\.\\*)?;", Pattern.MULTILINE);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void mainCodeNamesNoClassOfTheDevSourceSet() {
        Map<String, String> devClasses = topLevelClasses(DEV); // qualified name -> package
        assertThat(devClasses).containsKeys("org.opora.practice.seed.PracticeGenerator",
                "org.opora.platform.neo4j.EmbeddedNeo4j", "org.opora.platform.search.LocalElasticsearch",
                "org.opora.platform.demo.DemoRunner");
        List<String> offences = new ArrayList<>();
        for (Path file : javaFiles(MAIN)) {
            String source = COMMENT.matcher(read(file)).replaceAll(" ");
            Matcher pkg = PACKAGE.matcher(source);
            String ownPackage = pkg.find() ? pkg.group(1) : "";
            List<String> visiblePackages = new ArrayList<>(List.of(ownPackage)); // own package and wildcard imports
            Matcher imported = IMPORT.matcher(source);
            while (imported.find()) {
                String name = imported.group(1);
                if (imported.group(0).endsWith(".*;")) {
                    visiblePackages.add(name);
                }
                devClasses.keySet().stream()
                        .filter(dev -> name.equals(dev) || name.startsWith(dev + "."))
                        .forEach(dev -> offences.add(file + " imports " + name));
            }
            devClasses.forEach((dev, devPackage) -> {
                String simple = dev.substring(dev.lastIndexOf('.') + 1);
                if (visiblePackages.contains(devPackage)
                        && Pattern.compile("\\b" + Pattern.quote(simple) + "\\b").matcher(source).find()) {
                    offences.add(file + " names " + dev);
                }
            });
        }
        assertThat(offences).as("main code depending on the dev source set").isEmpty();
    }

    private static Map<String, String> topLevelClasses(Path root) {
        Map<String, String> classes = new TreeMap<>();
        for (Path file : javaFiles(root)) {
            Matcher pkg = PACKAGE.matcher(read(file));
            String packageName = pkg.find() ? pkg.group(1) : "";
            String simple = file.getFileName().toString().replace(".java", "");
            classes.put(packageName.isEmpty() ? simple : packageName + "." + simple, packageName);
        }
        return classes;
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
