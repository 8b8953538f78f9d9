package org.opora;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.opora.school.importing.ImportCommand;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point. Modes:
 * <ul>
 *   <li>no arguments: the server;</li>
 *   <li>{@code --demo}: the server with the demo region loaded and demo logins printed once;</li>
 *   <li>{@code --import DIR}: import the CSV files of a directory (see docs/data-formats.md) and exit.</li>
 * </ul>
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        int importAt = arguments.indexOf("--import");
        if (importAt >= 0) {
            if (importAt + 1 >= args.length) {
                System.err.println("usage: java -jar opora.jar --import DIR");
                System.exit(2);
            }
            System.exit(runImport(args, args[importAt + 1]));
        }
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(startupProperties(arguments.contains("--demo")))
                .start();
    }

    private static int runImport(String[] args, String directory) {
        Map<String, Object> properties = startupProperties(false);
        properties.put("micronaut.server.enabled", false);
        try (ApplicationContext context = ApplicationContext.builder(args).properties(properties).start()) {
            return context.getBean(ImportCommand.class).run(java.nio.file.Path.of(directory));
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
