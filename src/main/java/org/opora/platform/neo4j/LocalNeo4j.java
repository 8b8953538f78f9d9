package org.opora.platform.neo4j;

import org.opora.platform.LocalCredentials;

/**
 * A Neo4j DBMS this application runs itself, serving Bolt on 127.0.0.1, when no {@code NEO4J_URI} is configured.
 * The implementation (the embedded DBMS) lives in the dev source set; main code knows only this interface and
 * connects with the driver, exactly as to an external server.
 */
public interface LocalNeo4j extends AutoCloseable {

    /** Where Bolt listens, e.g. {@code bolt://127.0.0.1:7687}. */
    String boltUri();

    /** The login Bolt accepts. */
    LocalCredentials credentials();

    /** Sets the DBMS's password to {@link #credentials()}, for a store that holds another one. */
    void resetPassword();

    /** Stops the DBMS. */
    @Override
    void close();

    /** Starts the local DBMS; a bean only when {@code neo4j.uri} is blank. */
    interface Launcher {
        LocalNeo4j start();
    }
}
