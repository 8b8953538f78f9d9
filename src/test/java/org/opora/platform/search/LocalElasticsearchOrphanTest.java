package org.opora.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opora.platform.LocalCredentials;

/**
 * A local node must not outlive the application that started it: a JVM that starts a node is killed with SIGKILL
 * (no shutdown hook runs), and the node's processes end by themselves (parent-death signal), instead of holding the
 * port, the data directory and half a gigabyte of memory until someone notices.
 */
class LocalElasticsearchOrphanTest {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theNodeDiesWithTheJvmThatStartedIt() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process owner = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                "-Delasticsearch.local.distribution=" + System.getProperty("elasticsearch.local.distribution", "target/elasticsearch"),
                NodeOwner.class.getName(), Path.of("target", "orphan-test").toString())
                .redirectErrorStream(true).start();
        long serverPid = -1;
        long cliPid = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("NODE ")) {
                    String[] pids = line.substring(5).split(" ");
                    cliPid = Long.parseLong(pids[0]);
                    serverPid = Long.parseLong(pids[1]);
                    break;
                }
            }
            assertThat(serverPid).as("the owner JVM reported its node").isPositive();
            ProcessHandle server = ProcessHandle.of(serverPid).orElseThrow();
            ProcessHandle cli = ProcessHandle.of(cliPid).orElseThrow();

            owner.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
            assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();

            server.onExit().get(60, TimeUnit.SECONDS);
            cli.onExit().get(30, TimeUnit.SECONDS);
            assertThat(server.isAlive()).isFalse();
            assertThat(cli.isAlive()).isFalse();
        } finally {
            owner.destroyForcibly();
            Optional.ofNullable(serverPid > 0 ? ProcessHandle.of(serverPid).orElse(null) : null).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Runs in the child JVM: starts a node and waits to be killed. */
    public static final class NodeOwner {
        public static void main(String[] args) throws Exception {
            LocalElasticsearch node = LocalElasticsearch.start(Path.of(System.getProperty("elasticsearch.local.distribution")),
                    Path.of(args[0]), 0, "256m", new LocalCredentials("opora", "orphan-test-password"), List.of("practices"));
            ProcessHandle cli = node.processHandle();
            System.out.println("NODE " + cli.pid() + " " + node.serverProcess().orElseThrow().pid());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
