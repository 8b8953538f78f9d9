package org.opora.platform.neo4j;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.opora.platform.LocalCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A Neo4j DBMS running inside this JVM whose only job is to serve Bolt on 127.0.0.1.
 * The application never touches its embedded API: it connects with the Java driver, exactly as it
 * would to an external server or cluster, so both deployments run the same code.
 *
 * <p>Bolt requires authentication, as on a production server: the {@code neo4j} user's password is the generated one in
 * {@code <data-dir>/credentials/neo4j} ({@link LocalCredentials}). A new store gets it as its initial password before
 * the first start; an existing store whose password differs (the file was deleted to rotate it, or the store predates
 * authentication) gets it through {@link #resetPassword()}, which the embedded API may do without logging in. The
 * DBMS folder is readable by the owner only (it holds the data and the password hashes).
 */
public final class EmbeddedNeo4j implements LocalNeo4j {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    /** The user Neo4j creates with the system database. */
    public static final String INITIAL_USER = "neo4j";

    private final DatabaseManagementService dbms;
    private final int boltPort;
    private final LocalCredentials credentials;

    private EmbeddedNeo4j(DatabaseManagementService dbms, int boltPort, LocalCredentials credentials) {
        this.dbms = dbms;
        this.boltPort = boltPort;
        this.credentials = credentials;
    }

    /**
     * Starts the DBMS with its files under {@code home}; port 0 picks a free port. Bolt accepts only
     * {@code credentials} (user {@code neo4j}).
     */
    public static EmbeddedNeo4j start(Path home, int boltPort, String pageCache, LocalCredentials credentials) {
        if (!INITIAL_USER.equals(credentials.username())) {
            throw new IllegalArgumentException("The embedded Neo4j's user is '" + INITIAL_USER + "'");
        }
        long started = System.nanoTime();
        int port = boltPort == 0 ? freePort() : boltPort;
        Path conf = writeConfig(home, Map.of(
                        "dbms.security.auth_enabled", "true",
                        "server.bolt.enabled", "true",
                        "server.bolt.listen_address", "127.0.0.1:" + port,
                        "server.bolt.tls_level", "DISABLED",
                        "server.memory.pagecache.size", pageCache,
                        "db.tx_log.rotation.retention_policy", "2 files",
                        // Netty 4.2 (driver, Micronaut) cannot run Neo4j 5.26's in-JVM local channel;
                        // TCP Bolt is unaffected. A zero quiet period makes shutdown immediate.
                        "internal.dbms.bolt.local_enabled", "false",
                        "internal.dbms.bolt.netty_server_shutdown_quiet_period", "0"));
        boolean newStore = !Files.isDirectory(home.resolve("data/databases/system"));
        if (newStore) {
            setInitialPassword(home, credentials);
        }
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
        deleteInitialPasswordFile(home);
        LOG.info("Embedded Neo4j serving Bolt with authentication on 127.0.0.1:{} (data in {}{}) after {} ms",
                port, home.toAbsolutePath(), newStore ? ", new store" : "", (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedNeo4j(dbms, port, credentials);
    }

    @Override
    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    /** The login Bolt accepts. */
    @Override
    public LocalCredentials credentials() {
        return credentials;
    }

    /**
     * Sets the {@code neo4j} user's password to {@link #credentials()} through the embedded API, which needs no login
     * (whoever runs this JVM owns the store files anyway), for a store that holds another password.
     */
    @Override
    public void resetPassword() {
        dbms.database("system").executeTransactionally(
                "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", credentials.password()));
        LOG.warn("Set the password of the embedded Neo4j's user '{}' from the credentials file", INITIAL_USER);
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
            if (home.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
            }
            return Files.writeString(home.resolve("neo4j.conf"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What {@code neo4j-admin dbms set-initial-password} does: writes {@code data/dbms/auth.ini}, which Neo4j reads once,
     * when it creates the system database. Cheaper than changing the password after the start.
     */
    private static void setInitialPassword(Path home, LocalCredentials credentials) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        ExecutionContext context = new ExecutionContext(home, home, discard, discard, new DefaultFileSystemAbstraction());
        SetInitialPasswordCommand command = new SetInitialPasswordCommand(context);
        CommandLine.populateCommand(command, credentials.password());
        try {
            command.execute();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot set the initial password of the embedded Neo4j in " + home, e);
        }
    }

    /** The initial-password file holds a hash of the password and serves no purpose once the system database exists. */
    private static void deleteInitialPasswordFile(Path home) {
        try {
            Files.deleteIfExists(home.resolve("data/dbms/auth.ini"));
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", home.resolve("data/dbms/auth.ini"), e.toString());
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
