package org.opora.platform.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.opora.platform.LocalCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local single-node Elasticsearch server, run as a child process from the distribution the build unpacks
 * (see {@code pom.xml}: {@code target/elasticsearch/elasticsearch-<version>}). Used when no external cluster
 * is configured, and by tests.
 *
 * <p>{@link #start} copies the distribution into a work directory (once; the copy is reused while the
 * version and the bundled plugin stay the same), installs Opora's Russian analysis plugin from the classpath
 * resource {@value #PLUGIN_RESOURCE}, launches {@code bin/elasticsearch} on the JDK this application runs on
 * and waits until the cluster is at least yellow. {@link #close} stops the server and every process it
 * started; a JVM shutdown hook does the same should the owner forget.
 *
 * <p>Elasticsearch refuses to run as root. When this JVM is root, the server (only the server: the plugin
 * installer runs as root and the work directory is handed over afterwards) runs as {@value #RUN_AS_USER} through
 * {@code setpriv}, with the work directory owned by that user. That user must be able to traverse every parent
 * of the work directory; if it cannot (a checkout under {@code /root}), a directory under
 * {@code java.io.tmpdir} is used instead.
 *
 * <p>Security is on, as on a production cluster (HTTP without TLS: the node listens on 127.0.0.1 only). The only
 * way in is the file-realm user given to {@link #start}, whose one role ({@value #APP_ROLE}) may check cluster health
 * ({@code monitor}) and do anything on the given index patterns, nothing else; {@code config/users},
 * {@code users_roles} and {@code roles.yml} are rewritten at every start. The built-in users ({@code elastic}, ...)
 * are switched off (the reserved realm), and so are native users and API keys, which would need the
 * {@code .security} index that this distribution cannot create (it lacks analysis-common).
 *
 * <p>Layout of the work directory (mode 0700): {@code home/} (the copy of the distribution, plugin installed),
 * {@code data/}, {@code logs/} (Elasticsearch's own logs plus {@code console.log}, the process output),
 * {@code tmp/} and {@code elasticsearch.pid}.
 */
public final class LocalElasticsearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalElasticsearch.class);

    /** The plugin zip the build places on the classpath (maven-antrun in pom.xml). */
    static final String PLUGIN_RESOURCE = "elasticsearch/opora-analysis-ru.zip";
    private static final String PLUGIN_NAME = "opora-analysis-ru";
    private static final String INSTALL_MARKER = ".opora-install.properties";
    private static final String RUN_AS_USER = "nobody";
    /** The role of the application's file-realm user. */
    static final String APP_ROLE = "opora_app";
    private static final Pattern INDEX_PATTERN = Pattern.compile("[a-z0-9._*-]+");
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    /** Elasticsearch's default PBKDF2 cost and key length for stored password hashes ({@code Hasher.PBKDF2}). */
    private static final int PBKDF2_ITERATIONS = 10_000;
    private static final int PBKDF2_KEY_BITS = 256;

    /** A healthy node is ready in 15-20 s; a machine busy with parallel builds has been seen to need over 90 s. */
    private static final long READY_TIMEOUT_SECONDS = 180;
    private static final Duration PLUGIN_INSTALL_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]?");
    /** The server jar, e.g. lib/elasticsearch-8.19.21.jar (the other jars are elasticsearch-core-..., -x-content-...). */
    private static final Pattern SERVER_JAR = Pattern.compile("elasticsearch-(\\d+\\.\\d+\\.\\d+(?:-[A-Za-z0-9]+)?)\\.jar");
    private static final Pattern HOME_DIR = Pattern.compile("elasticsearch-(\\d+(?:\\.\\d+)*).*");
    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final String url;
    private final LocalCredentials user;
    private final Path consoleLog;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalElasticsearch(Process process, String url, LocalCredentials user, Path consoleLog) {
        this.process = process;
        this.url = url;
        this.user = user;
        this.consoleLog = consoleLog;
        this.shutdownHook = new Thread(this::stop, "local-elasticsearch-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a local node and returns once it answers with cluster health yellow or green.
     *
     * @param distributionDir the folder that contains {@code elasticsearch-<version>/}, or that home itself
     * @param workDir         where the copy of the distribution, the data and the logs live
     * @param httpPort        HTTP port on 127.0.0.1; 0 picks a free one
     * @param heap            JVM heap of the server, e.g. {@code 256m}
     * @param user            the only user of the node (file realm); clients log in with HTTP basic authentication
     * @param indexPatterns   the indices (and aliases) that user may use, e.g. {@code practices}, {@code practices-v*}
     * @throws IOException when the distribution or the plugin is missing, the port is taken, or the node
     *                     does not become ready (the message then ends with the tail of its output)
     */
    public static LocalElasticsearch start(Path distributionDir, Path workDir, int httpPort, String heap,
                                           LocalCredentials user, List<String> indexPatterns) throws IOException {
        return start(distributionDir, workDir, httpPort, heap, user, indexPatterns, null);
    }

    /**
     * Membership of a node in a cluster of several local nodes on loopback (to test the application against a real
     * cluster): all nodes are master-eligible data nodes that find each other through their transport ports.
     */
    public record ClusterNode(String clusterName, String nodeName, int transportPort, List<Integer> seedTransportPorts,
                              List<String> initialMasterNodes) {
    }

    /**
     * Like {@link #start(Path, Path, int, String, LocalCredentials, List)}, as one node of a cluster when
     * {@code cluster} is given (start the nodes concurrently: each returns once the cluster has formed and is yellow).
     */
    public static LocalElasticsearch start(Path distributionDir, Path workDir, int httpPort, String heap,
                                           LocalCredentials user, List<String> indexPatterns, ClusterNode cluster)
            throws IOException {
        if (!HEAP.matcher(heap).matches()) {
            throw new IllegalArgumentException("Heap size must look like 256m or 1g, got: " + heap);
        }
        if (!USER_NAME.matcher(user.username()).matches()) {
            throw new IllegalArgumentException("File-realm user names are letters, digits, '.', '_' and '-', got: "
                    + user.username());
        }
        if (indexPatterns.isEmpty() || !indexPatterns.stream().allMatch(p -> INDEX_PATTERN.matcher(p).matches())) {
            throw new IllegalArgumentException("Index patterns must be lowercase index names with '*' wildcards, got: "
                    + indexPatterns);
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("Invalid HTTP port: " + httpPort);
        }
        long startNanos = System.nanoTime();
        Path sourceHome = findHome(distributionDir.toAbsolutePath().normalize());
        String version = versionOf(sourceHome);
        byte[] pluginZip = readPluginZip();
        RunAs runAs = RunAs.whenRoot();

        Path dir = chooseWorkDir(workDir.toAbsolutePath().normalize(), runAs);
        Path home = dir.resolve("home");
        Path data = dir.resolve("data");
        Path logs = dir.resolve("logs");
        Path tmp = dir.resolve("tmp");
        Path pidFile = dir.resolve("elasticsearch.pid");
        Path consoleLog = logs.resolve("console.log");

        // A node left over by a killed predecessor may hold the port, so stop it before checking the port.
        stopLeftover(pidFile, home);
        int port = httpPort == 0 ? freePort() : requireFreePort(httpPort);
        prepareHome(sourceHome, home, version, pluginZip, dir);
        writeFileRealm(home.resolve("config"), user, indexPatterns);
        for (Path d : List.of(data, logs, tmp)) {
            Files.createDirectories(d);
        }
        Files.deleteIfExists(pidFile);
        if (runAs != null) {
            runAs.takeOwnership(dir);
        }
        // Index files and the users file are the server's alone (and root's).
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        int transportPort = cluster == null ? freePort() : cluster.transportPort();

        List<String> command = new ArrayList<>();
        if (runAs != null) {
            command.addAll(runAs.commandPrefix());
        } else if (SETPRIV.isPresent()) {
            command.addAll(List.of(SETPRIV.get().toString(), "--pdeathsig", "TERM", "--"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        command.addAll(List.of("-p", pidFile.toString()));
        List<String> membership = cluster == null
                ? List.of("cluster.name=opora-local", "node.name=opora-local", "discovery.type=single-node")
                : List.of("cluster.name=" + cluster.clusterName(), "node.name=" + cluster.nodeName(),
                        "discovery.seed_hosts=" + String.join(",",
                                cluster.seedTransportPorts().stream().map(p -> "127.0.0.1:" + p).toList()),
                        "cluster.initial_master_nodes=" + String.join(",", cluster.initialMasterNodes()));
        for (String setting : membership) {
            command.add("-E");
            command.add(setting);
        }
        for (String setting : List.of(
                "network.host=127.0.0.1",
                "http.port=" + port,
                "transport.port=" + transportPort,
                "xpack.security.enabled=true",
                // Loopback only: no TLS (a single node has no transport peers either).
                "xpack.security.http.ssl.enabled=false",
                "xpack.security.transport.ssl.enabled=false",
                // No built-in users (elastic, kibana_system, ...) and only the file realm: the native realm and API keys
                // would need the .security index, which this distribution cannot create.
                "xpack.security.authc.reserved_realm.enabled=false",
                "xpack.security.authc.realms.file.opora.order=0",
                "xpack.security.authc.api_key.enabled=false",
                "xpack.security.authc.token.enabled=false",
                "path.data=" + data,
                "path.logs=" + logs,
                // Developer disks are often more than 90 % full; the default watermarks would then refuse to
                // allocate shards or turn indices read-only.
                "cluster.routing.allocation.disk.threshold_enabled=false")) {
            command.add("-E");
            command.add(setting);
        }

        ProcessBuilder builder = new ProcessBuilder(command)
                // jvm.options writes gc.log and hs_err files relative to the working directory.
                .directory(logs.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.to(consoleLog.toFile()))
                .redirectInput(Redirect.from(Path.of("/dev/null").toFile()));
        configureEnvironment(builder.environment(), home, tmp);
        // Without the system property, security would try to create the .security index at start to publish its
        // built-in roles, which fails on this distribution and costs start-up time.
        builder.environment().put("ES_JAVA_OPTS",
                "-Xms" + heap + " -Xmx" + heap + " -Des.queryable_built_in_roles_enabled=false");

        String url = "http://127.0.0.1:" + port;
        LocalElasticsearch node = new LocalElasticsearch(launch(builder), url, user, consoleLog);
        try {
            // Overridable for tests that boot several nodes at once on a small machine.
            node.awaitReady(Duration.ofSeconds(Long.getLong("opora.elasticsearch.ready-timeout-seconds", READY_TIMEOUT_SECONDS)));
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
        LOG.info("Local Elasticsearch {} ready at {} in {} ms (pid {}, heap {}, work dir {}{}; security on, user '{}' on {})",
                version, url, Duration.ofNanos(System.nanoTime() - startNanos).toMillis(), node.process.pid(), heap, dir,
                runAs == null ? "" : ", running as " + RUN_AS_USER, user.username(), indexPatterns);
        return node;
    }

    /**
     * Starts the node's process from one long-lived thread. The process gets SIGTERM when its parent dies
     * ({@code setpriv --pdeathsig}), so a killed application leaves no node behind; Linux sends that signal when the
     * <em>thread</em> that forked the child ends, so forking from a pool thread that may retire would stop the node.
     */
    private static Process launch(ProcessBuilder builder) throws IOException {
        try {
            return LAUNCHER.submit(builder::start).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while starting Elasticsearch");
        }
    }

    private static final java.util.concurrent.ExecutorService LAUNCHER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "local-elasticsearch-launcher");
        thread.setDaemon(true);
        return thread;
    });

    private static final Optional<Path> SETPRIV = RunAs.findOnPath("setpriv");

    /**
     * Whether the node is still running: not closed, and both the launcher (the Elasticsearch CLI) and the server JVM
     * it started are alive. A node killed from outside (OOM killer, {@code kill -9}) turns false within a moment.
     */
    public boolean isRunning() {
        if (closed.get() || !process.isAlive()) {
            return false;
        }
        return process.toHandle().children().anyMatch(ProcessHandle::isAlive);
    }

    /** The server JVM (the CLI's child), while it runs. For tests that kill the node as a crash would. */
    public Optional<ProcessHandle> serverProcess() {
        return process.toHandle().children().filter(ProcessHandle::isAlive).findFirst();
    }

    /** Base URL of the node, e.g. {@code http://127.0.0.1:9200}. */
    public String url() {
        return url;
    }

    /** The launched process (the Elasticsearch CLI; the server JVM is its child). For tests and diagnostics. */
    ProcessHandle processHandle() {
        return process.toHandle();
    }

    /** Stops the node and waits for all its processes to exit. Idempotent. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmShuttingDown) {
            // The hook is running or about to run, and stop() is idempotent.
        }
        stop();
    }

    private void stop() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long startNanos = System.nanoTime();
        ProcessHandle cli = process.toHandle();
        // Capture the tree now: once the CLI exits, its children are re-parented and no longer its descendants.
        List<ProcessHandle> tree = new ArrayList<>(cli.descendants().toList());
        tree.add(cli);
        // SIGTERM to the CLI: its shutdown hook asks the server to stop gracefully and waits for it.
        process.destroy();
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle handle : tree) {
            if (!awaitExit(handle, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                LOG.warn("Elasticsearch process {} did not stop within {} s; killing it", handle.pid(), STOP_TIMEOUT.toSeconds());
                handle.destroyForcibly();
                if (!awaitExit(handle, KILL_TIMEOUT)) {
                    LOG.error("Elasticsearch process {} survived SIGKILL", handle.pid());
                }
            }
        }
        LOG.info("Local Elasticsearch at {} stopped in {} ms", url, Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        if (!handle.isAlive()) {
            return true;
        }
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    /**
     * Polls cluster health until it is yellow or green. {@code GET /} cannot serve as a probe: this distribution
     * lacks the rest-root module and answers it with 405.
     */
    private void awaitReady(Duration timeout) throws IOException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .header("Authorization", basicAuthorization(user))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer";
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("Elasticsearch exited with code " + process.exitValue() + " before becoming ready. "
                            + logTail());
                }
                try {
                    HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return;
                    }
                    lastAnswer = "HTTP " + response.statusCode() + ": " + response.body();
                } catch (IOException notListeningYet) {
                    lastAnswer = notListeningYet.toString();
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for Elasticsearch at " + url);
        }
        throw new IOException("Elasticsearch at " + url + " was not ready within " + timeout.toSeconds() + " s (last answer: "
                + lastAnswer + "). " + logTail());
    }

    /** The value of an HTTP {@code Authorization} header that logs in as {@code user}. */
    static String basicAuthorization(LocalCredentials user) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (user.username() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
    }

    private String logTail() {
        return "Last lines of " + consoleLog + ":\n" + tail(consoleLog, LOG_TAIL_LINES);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Preparing the work directory

    /** Accepts either an Elasticsearch home or a folder holding one or more {@code elasticsearch-<version>} homes. */
    private static Path findHome(Path distributionDir) throws IOException {
        if (isHome(distributionDir)) {
            return distributionDir;
        }
        if (!Files.isDirectory(distributionDir)) {
            throw new IOException("No Elasticsearch distribution at " + distributionDir
                    + " (the Maven build unpacks one into target/elasticsearch during generate-resources)");
        }
        try (Stream<Path> children = Files.list(distributionDir)) {
            // Several versions may sit side by side after a version bump without `mvn clean`: take the newest.
            return children
                    .filter(child -> HOME_DIR.matcher(child.getFileName().toString()).matches() && isHome(child))
                    .max(Comparator.comparing(child -> versionNumbers(child.getFileName().toString()), Arrays::compare))
                    .orElseThrow(() -> new IOException("No elasticsearch-<version> home with bin/elasticsearch in " + distributionDir));
        }
    }

    private static boolean isHome(Path dir) {
        return Files.isRegularFile(dir.resolve("bin/elasticsearch")) && Files.isDirectory(dir.resolve("lib"));
    }

    private static int[] versionNumbers(String homeDirName) {
        Matcher matcher = HOME_DIR.matcher(homeDirName);
        return matcher.matches()
                ? Arrays.stream(matcher.group(1).split("\\.")).mapToInt(Integer::parseInt).toArray()
                : new int[0];
    }

    private static String versionOf(Path home) throws IOException {
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            return jars.map(jar -> SERVER_JAR.matcher(jar.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(matcher -> matcher.group(1))
                    .findFirst()
                    .orElseThrow(() -> new IOException("Cannot tell the Elasticsearch version: no lib/elasticsearch-<version>.jar in " + home));
        }
    }

    private static byte[] readPluginZip() throws IOException {
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(LocalElasticsearch.class.getClassLoader());
        try (InputStream in = loader.getResourceAsStream(PLUGIN_RESOURCE)) {
            if (in == null) {
                throw new IOException("Classpath resource " + PLUGIN_RESOURCE + " is missing: build the project with Maven"
                        + " (phase process-classes or later) so the Russian analysis plugin gets packaged");
            }
            return in.readAllBytes();
        }
    }

    /**
     * The requested directory, unless Elasticsearch must run as another user that cannot reach it; then a
     * directory under java.io.tmpdir named after the requested one (so different callers do not collide).
     */
    private static Path chooseWorkDir(Path requested, RunAs runAs) throws IOException {
        if (runAs == null) {
            return requested;
        }
        Optional<Path> blocker = firstUntraversableAncestor(requested);
        if (blocker.isEmpty()) {
            return requested;
        }
        Path fallback = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize()
                .resolve("opora-elasticsearch-" + sha256(requested.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12));
        Optional<Path> fallbackBlocker = firstUntraversableAncestor(fallback);
        if (fallbackBlocker.isPresent()) {
            throw new IOException("Elasticsearch must run as '" + RUN_AS_USER + "', who can traverse neither " + blocker.get()
                    + " nor " + fallbackBlocker.get() + "; choose another data directory");
        }
        LOG.warn("Using {} for the local Elasticsearch instead of {}: it runs as '{}' (Elasticsearch refuses root), "
                + "who cannot traverse {}", fallback, requested, RUN_AS_USER, blocker.get());
        return fallback;
    }

    /** The first existing ancestor of {@code dir} that other users cannot enter (missing ones we create 0755). */
    private static Optional<Path> firstUntraversableAncestor(Path dir) throws IOException {
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)
                    && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Writes the file realm: the one user with a PBKDF2 hash of its password (the format of
     * {@code elasticsearch-users}, computed here instead of launching that tool's JVM), its role, and the role's
     * privileges. The users files are created owner-only.
     */
    private static void writeFileRealm(Path config, LocalCredentials user, List<String> indexPatterns) throws IOException {
        writeOwnerOnly(config.resolve("users"), user.username() + ":" + pbkdf2Hash(user.password()) + "\n");
        writeOwnerOnly(config.resolve("users_roles"), APP_ROLE + ":" + user.username() + "\n");
        String names = String.join(", ", indexPatterns.stream().map(p -> "\"" + p + "\"").toList());
        Files.writeString(config.resolve("roles.yml"), "# Written by Opora at every start; edits are overwritten.\n"
                + APP_ROLE + ":\n"
                + "  cluster: [ \"monitor\" ]\n"
                + "  indices:\n"
                + "    - names: [ " + names + " ]\n"
                + "      privileges: [ \"all\" ]\n");
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file); // an existing file would keep its permissions
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }

    /** {@code {PBKDF2}<iterations>$<salt>$<key>}: PBKDF2 with HMAC-SHA512, as Elasticsearch's {@code Hasher.PBKDF2}. */
    static String pbkdf2Hash(String password) {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, PBKDF2_ITERATIONS, PBKDF2_KEY_BITS);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            return "{PBKDF2}" + PBKDF2_ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                    + Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has PBKDF2WithHmacSHA512", e);
        } finally {
            spec.clearPassword();
        }
    }

    /**
     * Makes {@code home} a copy of the distribution with the plugin installed, unless a previous run left one
     * for the same version and plugin build (recorded in a marker file written last).
     */
    private static void prepareHome(Path sourceHome, Path home, String version, byte[] pluginZip, Path dir) throws IOException {
        Properties wanted = new Properties();
        wanted.setProperty("elasticsearch.version", version);
        wanted.setProperty("plugin.sha256", contentHash(pluginZip));
        Path marker = home.resolve(INSTALL_MARKER);
        if (Files.isRegularFile(marker) && wanted.equals(load(marker))
                && Files.isDirectory(home.resolve("plugins").resolve(PLUGIN_NAME))) {
            LOG.debug("Reusing Elasticsearch {} in {}", version, home);
            return;
        }
        LOG.info("Preparing Elasticsearch {} in {} (copying {} and installing {})", version, home, sourceHome, PLUGIN_NAME);
        deleteRecursively(home);
        copyRecursively(sourceHome, home);
        Path zip = dir.resolve(PLUGIN_NAME + ".zip");
        Files.write(zip, pluginZip);
        try {
            installPlugin(home, zip, dir.resolve("plugin-install.log"));
        } finally {
            Files.deleteIfExists(zip);
        }
        try (Writer out = Files.newBufferedWriter(marker, StandardCharsets.UTF_8)) {
            wanted.store(out, "Written by " + LocalElasticsearch.class.getName() + "; delete to force a fresh copy");
        }
    }

    private static void installPlugin(Path home, Path zip, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                home.resolve("bin/elasticsearch-plugin").toString(), "install", "--batch", zip.toUri().toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.to(log.toFile()))
                .redirectInput(Redirect.from(Path.of("/dev/null").toFile()));
        configureEnvironment(builder.environment(), home, null);
        // Only needed if the zip lacked named_components.json and the installer had to scan the classes.
        builder.environment().put("CLI_JAVA_OPTS", "-Xmx512m");
        Process installer = builder.start();
        try {
            if (!installer.waitFor(PLUGIN_INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                installer.destroyForcibly();
                throw new IOException("Installing " + PLUGIN_NAME + " timed out. Output:\n" + tail(log, LOG_TAIL_LINES));
            }
        } catch (InterruptedException e) {
            installer.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while installing " + PLUGIN_NAME);
        }
        if (installer.exitValue() != 0) {
            throw new IOException("Installing " + PLUGIN_NAME + " failed with exit code " + installer.exitValue() + ". Output:\n"
                    + tail(log, LOG_TAIL_LINES));
        }
    }

    /** Environment shared by the server and the plugin CLI: our own JDK, this home's config, no inherited ES settings. */
    private static void configureEnvironment(Map<String, String> env, Path home, Path tmp) {
        env.keySet().removeIf(name -> name.startsWith("ES_") || name.equals("CLI_JAVA_OPTS"));
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", home.resolve("config").toString());
        if (tmp != null) {
            env.put("ES_TMPDIR", tmp.toString());
        }
    }

    /**
     * Kills a server left running by a previous owner of this work directory that died without closing it
     * (e.g. a JVM killed with SIGKILL); otherwise the new node would fail on the locked data directory.
     */
    private static void stopLeftover(Path pidFile, Path home) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                .filter(p -> p.info().commandLine().map(line -> line.contains(home.toString())).orElse(false));
        if (leftover.isPresent()) {
            LOG.warn("Stopping Elasticsearch left running by an earlier run (pid {})", pid);
            leftover.get().destroy();
            if (!awaitExit(leftover.get(), STOP_TIMEOUT)) {
                leftover.get().destroyForcibly();
                awaitExit(leftover.get(), KILL_TIMEOUT);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int requireFreePort(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IOException("Port " + port + " on 127.0.0.1 is already in use (another Elasticsearch?); "
                    + "use port 0 to pick a free one", e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Running as an unprivileged user

    /** How to drop root privileges for the server: {@code setpriv} to {@value #RUN_AS_USER} and its group. */
    private record RunAs(UserPrincipal user, GroupPrincipal group) {

        static RunAs whenRoot() throws IOException {
            if (!"root".equals(System.getProperty("user.name"))) {
                return null;
            }
            if (findOnPath("setpriv").isEmpty()) {
                throw new IOException("Running as root, but Elasticsearch refuses root and 'setpriv' (util-linux) is not "
                        + "on the PATH to run it as '" + RUN_AS_USER + "'");
            }
            UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
            UserPrincipal user = lookup.lookupPrincipalByName(RUN_AS_USER);
            GroupPrincipal group;
            try {
                group = lookup.lookupPrincipalByGroupName("nogroup"); // Debian, Ubuntu
            } catch (IOException noNogroup) {
                group = lookup.lookupPrincipalByGroupName("nobody"); // Fedora, RHEL, Alpine
            }
            return new RunAs(user, group);
        }

        List<String> commandPrefix() {
            // --pdeathsig after the change of user (setpriv applies it last): the node ends with this JVM.
            return List.of("setpriv", "--reuid=" + user.getName(), "--regid=" + group.getName(), "--clear-groups",
                    "--pdeathsig", "TERM", "--");
        }

        /** Gives the whole work directory (home, data, logs, tmp) to the user; cheap, so done on every start. */
        void takeOwnership(Path dir) throws IOException {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    chown(d);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    chown(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        }

        private void chown(Path path) throws IOException {
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            view.setOwner(user);
            view.setGroup(group);
        }

        private static Optional<Path> findOnPath(String program) {
            String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin:/usr/sbin:/sbin");
            return Arrays.stream(path.split(":"))
                    .filter(entry -> !entry.isEmpty())
                    .map(entry -> Path.of(entry, program))
                    .filter(Files::isExecutable)
                    .findFirst();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // File helpers

    private static void copyRecursively(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                // COPY_ATTRIBUTES keeps the executable bits of bin/*.
                Files.copy(file, target.resolve(source.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /**
     * SHA-256 over the names and contents of the files in a zip, nested jars included, but not over their
     * timestamps: the build re-zips the plugin on every run, and that alone must not force a fresh copy.
     */
    static String contentHash(byte[] zip) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digestZipContent(new ByteArrayInputStream(zip), digest);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static void digestZipContent(InputStream in, MessageDigest digest) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (!entry.isDirectory()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(8).putInt(name.length).putInt(file.getValue().length).flip());
            digest.update(name);
            if (file.getKey().endsWith(".jar")) {
                digestZipContent(new ByteArrayInputStream(file.getValue()), digest);
            } else {
                digest.update(file.getValue());
            }
        }
    }

    /** The last {@code lines} lines of a (possibly large) text file; reads at most its last 64 KiB. */
    static String tail(Path file, int lines) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(size, 64 * 1024);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            channel.position(size - length);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until the buffer is full
            }
            List<String> all = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
