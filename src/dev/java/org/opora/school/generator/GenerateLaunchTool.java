package org.opora.school.generator;

import org.opora.Launch;
import org.opora.LaunchTool;

import java.io.PrintStream;
import java.util.List;

/** {@code java -jar opora.jar --generate ...}: the synthetic-data generator, found by {@link LaunchTool#forMode}. */
public final class GenerateLaunchTool implements LaunchTool {

    @Override
    public Launch.Mode mode() {
        return Launch.Mode.GENERATE;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        return SyntheticRegionGenerator.run(arguments, out, err);
    }
}
