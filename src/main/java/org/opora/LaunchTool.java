package org.opora;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A command-line mode of the jar that lives in the dev source set (src/dev/java), e.g. {@code --generate}. Main code
 * cannot name those classes, so {@link Application} finds them with {@link ServiceLoader}
 * ({@code META-INF/services/org.opora.LaunchTool} in src/dev/resources).
 */
public interface LaunchTool {

    /** The mode this tool runs. */
    Launch.Mode mode();

    /** Runs the mode with its own arguments; returns the process exit code. */
    int run(List<String> arguments, PrintStream out, PrintStream err);

    /** The tool for a mode, if the dev source set is on the class path. */
    static Optional<LaunchTool> forMode(Launch.Mode mode) {
        return ServiceLoader.load(LaunchTool.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(tool -> tool.mode() == mode)
                .findFirst();
    }
}
