package org.opora;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.opora.school.importing.ImportCommand;
import org.opora.school.importing.PublicDatasetMapper;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point; the modes are those of {@link Launch} ({@code java -jar opora.jar --help}):
 * <ul>
 *   <li>no arguments: the server;</li>
 *   <li>{@code --demo}: the server with the demo region loaded and demo logins printed once;</li>
 *   <li>{@code --import DIR}: import the CSV files of a directory (see docs/data-formats.md) and exit;</li>
 *   <li>{@code --map DATASET IN OUT}: map a public dataset into import files and exit (no database);</li>
 *   <li>{@code --generate ...}: write synthetic data (the demo region, the national set) and exit.</li>
 * </ul>
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Launch launch;
        try {
            launch = Launch.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Launch.USAGE);
            System.exit(2);
            return;
        }
        switch (launch.mode()) {
            case HELP -> System.out.println(Launch.USAGE);
            case IMPORT -> System.exit(runImport(Path.of(launch.arguments().get(0))));
            case MAP -> System.exit(PublicDatasetMapper.run(launch.arguments(), System.out, System.err));
            case GENERATE -> System.exit(runTool(launch));
            case SERVER, DEMO -> Micronaut.build(launch.arguments().toArray(String[]::new))
                    .mainClass(Application.class)
                    .properties(startupProperties(launch.mode() == Launch.Mode.DEMO))
                    .start();
        }
    }

    /** A mode implemented in the dev source set (see {@link LaunchTool}). */
    private static int runTool(Launch launch) {
        Optional<LaunchTool> tool = LaunchTool.forMode(launch.mode());
        if (tool.isEmpty()) {
            System.err.println("режим --" + launch.mode().name().toLowerCase(java.util.Locale.ROOT)
                    + " недоступен: в этой сборке нет инструментов разработки (src/dev)");
            return 2;
        }
        return tool.get().run(launch.arguments(), System.out, System.err);
    }

    /**
     * Checks what can be checked before starting the database (the directory, a server holding the data), so that a
     * mistake costs one line and no start-up; the arguments are never handed to Micronaut (they are no environments).
     */
    private static int runImport(Path directory) {
        Optional<String> problem = ImportCommand.precheck(directory, ImportCommand.embeddedDataDir());
        if (problem.isPresent()) {
            System.err.println(problem.get());
            return 2;
        }
        Map<String, Object> properties = startupProperties(false);
        properties.put("micronaut.server.enabled", false);
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            return context.getBean(ImportCommand.class).run(directory);
        } catch (RuntimeException e) {
            // Another process may have taken the data between the check and the start.
            Optional<String> locked = ImportCommand.lockProblem(e);
            if (locked.isPresent()) {
                System.err.println(locked.get());
                return 2;
            }
            throw e;
        }
    }

    /**
     * Properties decided at launch. The JWT signing secret comes from {@code JWT_SECRET}; without it
     * (the demo, a developer's machine) a random per-process secret is generated, so nothing secret
     * ever needs to live in the repository.
     */
    public static Map<String, Object> startupProperties(boolean demo) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("opora.demo", demo);
        String secret = System.getenv("JWT_SECRET");
        if (secret == null || secret.isBlank()) {
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret",
                    Base64.getEncoder().encodeToString(random));
            properties.put("opora.security.generated-secret", true);
        }
        return properties;
    }
}
