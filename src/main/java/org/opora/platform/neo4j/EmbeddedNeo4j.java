package org.opora.platform.neo4j;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Neo4j DBMS running inside this JVM whose only job is to serve Bolt on 127.0.0.1.
 * The application never touches its embedded API: it connects with the Java driver, exactly as it
 * would to an external server or cluster, so both deployments run the same code.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService dbms;
    private final int boltPort;

    private EmbeddedNeo4j(DatabaseManagementService dbms, int boltPort) {
        this.dbms = dbms;
        this.boltPort = boltPort;
    }

    /** Starts the DBMS with its files under {@code home}; port 0 picks a free port. */
    public static EmbeddedNeo4j start(Path home, int boltPort, String pageCache) {
        long started = System.nanoTime();
        int port = boltPort == 0 ? freePort() : boltPort;
        Path conf = writeConfig(home, Map.of(
                        "server.bolt.enabled", "true",
                        "server.bolt.listen_address", "127.0.0.1:" + port,
                        "server.bolt.tls_level", "DISABLED",
                        "server.memory.pagecache.size", pageCache,
                        "db.tx_log.rotation.retention_policy", "2 files",
                        // Netty 4.2 (driver, Micronaut) cannot run Neo4j 5.26's in-JVM local channel;
                        // TCP Bolt is unaffected. A zero quiet period makes shutdown immediate.
                        "internal.dbms.bolt.local_enabled", "false",
                        "internal.dbms.bolt.netty_server_shutdown_quiet_period", "0"));
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
        LOG.info("Embedded Neo4j serving Bolt on 127.0.0.1:{} (data in {}) after {} ms",
                port, home.toAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedNeo4j(dbms, port);
    }

    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        dbms.shutdown();
        LOG.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static Path writeConfig(Path home, Map<String, String> settings) {
        StringBuilder text = new StringBuilder("# Written by Opora at every start; edits are overwritten.\n");
        settings.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        try {
            Files.createDirectories(home);
            return Files.writeString(home.resolve("neo4j.conf"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
