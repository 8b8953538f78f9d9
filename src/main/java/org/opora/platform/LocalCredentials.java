package org.opora.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login of a service this application runs itself (the embedded Neo4j, the local Elasticsearch node): generated on
 * first start and kept in {@code <data-dir>/credentials/<service>}, a properties file ({@code username}, {@code password})
 * that only the owner may read (0600, in a 0700 folder). Deleting the file makes the next start generate a new password
 * and set it on the service. The password never goes into a log line or a {@link #toString()}.
 */
public record LocalCredentials(String username, String password) {

    /** Folder under the data directory that holds one file per local service. */
    public static final String FOLDER = "credentials";

    private static final Logger LOG = LoggerFactory.getLogger(LocalCredentials.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    public LocalCredentials {
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            throw new IllegalArgumentException("Local service credentials need a user name and a password");
        }
    }

    /** {@code <dataDir>/credentials/<service>}. */
    public static Path file(Path dataDir, String service) {
        return dataDir.resolve(FOLDER).resolve(service);
    }

    /**
     * New credentials with 256 random bits of password (43 URL-safe Base64 characters, nothing to escape). Never
     * starting with '-': Neo4j's set-initial-password command line would take such a password for an option and fail
     * (one start in 64).
     */
    public static LocalCredentials generate(String username) {
        byte[] secret = new byte[32];
        String password;
        do {
            RANDOM.nextBytes(secret);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        } while (password.startsWith("-"));
        return new LocalCredentials(username, password);
    }

    /**
     * Reads the credentials in {@code file}, or, when there is none, generates them for {@code username} and writes the
     * file (owner only). Tightens the permissions of an existing file or folder that others could read.
     */
    public static synchronized LocalCredentials loadOrGenerate(Path file, String username) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder.getParent()); // the data directory keeps the default permissions
            try {
                if (posix(folder.getParent())) {
                    Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
                } else {
                    Files.createDirectory(folder);
                }
            } catch (FileAlreadyExistsException createdMeanwhile) {
                // Neo4j's and Elasticsearch's credentials are loaded on different threads at start.
            }
        }
        restrict(folder, OWNER_ONLY_FOLDER);
        if (Files.isRegularFile(file)) {
            restrict(file, OWNER_ONLY_FILE);
            return read(file);
        }
        LocalCredentials generated = generate(username);
        generated.write(file);
        LOG.info("Generated the password of '{}' and stored it in {} (readable by its owner only)", username, file);
        return generated;
    }

    /** Reads a credentials file written by {@link #loadOrGenerate}. */
    public static LocalCredentials read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        try {
            return new LocalCredentials(properties.getProperty("username"), properties.getProperty("password"));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " must hold 'username' and 'password'; delete it to generate new credentials", e);
        }
    }

    /** Writes the file with mode 0600 from the start (a temporary file moved into place, never world-readable). */
    private void write(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path temp = posix(folder)
                ? Files.createTempFile(folder, ".credentials", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                : Files.createTempFile(folder, ".credentials", ".tmp");
        try {
            Properties properties = new Properties();
            properties.setProperty("username", username);
            properties.setProperty("password", password);
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(out, "Generated by Opora; delete this file and restart to get a new password");
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (!posix(path)) {
            return;
        }
        Set<PosixFilePermission> actual = Files.getPosixFilePermissions(path);
        if (!actual.equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
            LOG.warn("{} was {}; set it to {} (owner only)", path, PosixFilePermissions.toString(actual),
                    PosixFilePermissions.toString(wanted));
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Hides the password: records print their components. */
    @Override
    public String toString() {
        return "LocalCredentials[username=" + username + ", password=***]";
    }
}
