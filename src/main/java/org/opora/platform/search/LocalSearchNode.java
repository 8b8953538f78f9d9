package org.opora.platform.search;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.LocalCredentials;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * An Elasticsearch node this application runs (and supervises) itself when no {@code elasticsearch.url} is configured.
 * The implementation (a local node from the Maven-fetched distribution) lives in the dev source set; main code knows
 * only this interface and talks to the node over HTTP, exactly as to an external cluster.
 */
public interface LocalSearchNode extends AutoCloseable {

    /** The node's HTTP address (127.0.0.1), without credentials. */
    URI url();

    /** The application's login on the node. */
    LocalCredentials credentials();

    /** How many times the node was started again after it stopped (crashed, killed). */
    int restarts();

    /** The error of the last failed restart, null once a restart succeeded. */
    @Nullable
    String lastRestartFailure();

    /** Stops the node (and its supervision). */
    @Override
    void close();

    /** Starts the local node; a bean only when {@code elasticsearch.url} is blank. */
    interface Launcher {
        /** @param indices the index names and patterns the application's user may use */
        LocalSearchNode start(List<String> indices) throws IOException;
    }
}
