package org.opora.platform.demo;

import java.util.List;

/**
 * A feature's part of the demo installation ({@code --demo}). Loaders run in {@link #order()} and
 * must be idempotent: the demo may start again on the same data directory.
 */
public interface DemoDataLoader {

    int order();

    /** Loads the data; returns lines worth showing in the start-up banner (e.g. logins). */
    List<String> load();
}
