package org.opora.platform.search;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import org.opora.platform.LocalCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local node under supervision: a thread checks every {@value #CHECK_MILLIS} ms that its processes are alive and,
 * when they are not (killed, crashed, out of memory), starts it again on the same port and data with a backoff of
 * 1, 2, 4 ... {@value #MAX_BACKOFF_SECONDS} s between failed attempts. The data survives, so the index is back as it
 * was; the writes made meanwhile wait in the practice outbox, which drains them on {@link SearchNodeRestarted}.
 */
public final class SupervisedLocalElasticsearch implements LocalSearchNode {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisedLocalElasticsearch.class);
    static final long CHECK_MILLIS = 1000;
    static final long MAX_BACKOFF_SECONDS = 60;

    private final URI url;
    private final LocalCredentials credentials;
    private final Starter restarter;
    private final ApplicationEventPublisher<SearchNodeRestarted> restartEvents;
    private final Thread supervisor;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile LocalElasticsearch node;
    private volatile boolean closing;
    @Nullable
    private volatile String lastFailure;

    /** Starts the node again with the same settings, port and data. */
    interface Starter {
        LocalElasticsearch start() throws IOException;
    }

    SupervisedLocalElasticsearch(LocalElasticsearch node, LocalCredentials credentials, Starter restarter,
                                 ApplicationEventPublisher<SearchNodeRestarted> restartEvents) {
        this.node = node;
        this.url = URI.create(node.url());
        this.credentials = credentials;
        this.restarter = restarter;
        this.restartEvents = restartEvents;
        supervisor = new Thread(this::supervise, "local-elasticsearch-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    private void supervise() {
        long backoffSeconds = 1;
        while (!closing) {
            try {
                Thread.sleep(CHECK_MILLIS);
                LocalElasticsearch current = node;
                if (closing || current.isRunning()) {
                    continue;
                }
                LOG.warn("The local Elasticsearch node at {} is not running (crashed or killed): starting it again", url);
                long started = System.nanoTime();
                try {
                    restart(current);
                    backoffSeconds = 1;
                    restartEvents.publishEvent(new SearchNodeRestarted(url.toString(), restarts.get()));
                    LOG.info("Local Elasticsearch node restarted in {} ms (restart #{}); the practice outbox indexes the "
                            + "changes made meanwhile", (System.nanoTime() - started) / 1_000_000, restarts.get());
                } catch (IOException | RuntimeException e) {
                    lastFailure = e.toString();
                    LOG.warn("Restarting the local Elasticsearch node failed; next attempt in {} s: {}", backoffSeconds,
                            e.toString());
                    Thread.sleep(backoffSeconds * 1000);
                    backoffSeconds = Math.min(MAX_BACKOFF_SECONDS, backoffSeconds * 2);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void restart(LocalElasticsearch dead) throws IOException {
        if (closing || node != dead) {
            return;
        }
        dead.close(); // stops what is left of its process tree
        node = restarter.start();
        restarts.incrementAndGet();
        lastFailure = null;
    }

    /** The node process now running (another object after each restart); for tests that kill it as a crash would. */
    public LocalElasticsearch node() {
        return node;
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public LocalCredentials credentials() {
        return credentials;
    }

    @Override
    public int restarts() {
        return restarts.get();
    }

    @Override
    @Nullable
    public String lastRestartFailure() {
        return lastFailure;
    }

    @Override
    public synchronized void close() {
        closing = true;
        supervisor.interrupt();
        node.close();
    }
}
