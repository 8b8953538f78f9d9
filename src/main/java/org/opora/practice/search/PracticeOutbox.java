package org.opora.practice.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.opora.platform.search.SearchNodeRestarted;
import org.opora.practice.PracticeDocuments;
import org.opora.practice.PracticeChanged;
import org.opora.practice.PracticeRepository;
import org.opora.practice.PracticeRepository.OutboxEntry;
import org.opora.practice.PracticeView;
import org.opora.practice.PracticeViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Drains the {@code (:IndexOutbox {target: 'practice'})} entries into the search index.
 *
 * <p>A drain pass reads a batch of entries, loads the <em>current</em> state of those practices from Neo4j (so the
 * entry itself carries no document and replaying it is harmless), writes them with their Neo4j version as external
 * version, and deletes the entries that succeeded. Entries stay while Elasticsearch is unreachable, however long.
 * A document Elasticsearch rejects counts an attempt on its entries ({@code attempts}, {@code lastError}); after
 * {@code opora.practice.outbox.max-attempts} rejections an entry is skipped (a poison document must not block the
 * queue) until a full re-index clears it.
 *
 * <p>Passes run one at a time on one thread: after each write ({@link #afterWrite}, best effort, the caller waits a
 * little so that it usually reads its own write) and every {@code opora.practice.outbox.interval} (default 5 s),
 * which is what indexes the backlog once Elasticsearch is back after an outage.
 */
@Singleton
public class PracticeOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(PracticeOutbox.class);

    private final PracticeRepository repository;
    private final PracticeViews views;
    private final PracticeIndex index;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration syncWait;
    private final boolean enabled;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "practice-outbox");
        thread.setDaemon(true);
        return thread;
    });
    /** A requested pass that has not started yet: later requests join it instead of queueing another. */
    private final AtomicReference<CompletableFuture<DrainReport>> queued = new AtomicReference<>();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile boolean closing;

    public PracticeOutbox(PracticeRepository repository, PracticeViews views, PracticeIndex index,
                          @Value("${opora.practice.outbox.batch-size:500}") int batchSize,
                          @Value("${opora.practice.outbox.max-attempts:50}") int maxAttempts,
                          @Value("${opora.practice.index.sync-wait:3s}") Duration syncWait,
                          @Nullable @Property(name = "opora.practice.outbox.enabled") Boolean enabled,
                          @Value("${micronaut.server.enabled:true}") boolean serverEnabled) {
        this.repository = repository;
        this.views = views;
        this.index = index;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.syncWait = syncWait;
        // By default off in command-line modes without the HTTP server (e.g. --import): entries wait for the server.
        this.enabled = enabled != null ? enabled : serverEnabled;
    }

    /** What one drain pass did. {@code error} is set when it stopped on a failure (entries then stay queued). */
    public record DrainReport(int indexed, int deleted, int failed, String error) {
        static final DrainReport NOTHING = new DrainReport(0, 0, 0, null);
    }

    /** Asks for a pass; completes when a pass that started after this call has finished. */
    public CompletableFuture<DrainReport> requestDrain() {
        while (true) {
            CompletableFuture<DrainReport> existing = queued.get();
            if (existing != null) {
                return existing;
            }
            CompletableFuture<DrainReport> pass = new CompletableFuture<>();
            if (queued.compareAndSet(null, pass)) {
                try {
                    executor.execute(() -> {
                        queued.compareAndSet(pass, null);
                        try {
                            pass.complete(drainAll());
                        } catch (Throwable t) {
                            pass.completeExceptionally(t);
                        }
                    });
                } catch (RuntimeException rejected) { // shutting down
                    queued.compareAndSet(pass, null);
                    pass.completeExceptionally(rejected);
                }
                return pass;
            }
        }
    }

    /**
     * Called after a committed change: drains now and waits up to {@code opora.practice.index.sync-wait} so that the
     * writer usually finds the change in search at once. Never fails: the change is safe in the outbox either way.
     */
    /** A practice write committed: index it (the writer waits a little, see {@link #afterWrite}). */
    @EventListener
    void onPracticeChanged(PracticeChanged change) {
        afterWrite();
    }

    public void afterWrite() {
        if (!enabled) {
            return;
        }
        try {
            requestDrain().get(syncWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.debug("Indexing after write still running after {}; it continues in the background", syncWait);
        } catch (ExecutionException e) {
            LOG.debug("Indexing after write failed; the outbox keeps the change", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Scheduled(fixedDelay = "${opora.practice.outbox.interval:5s}", initialDelay = "${opora.practice.outbox.initial-delay:2s}")
    void scheduledDrain() {
        if (!enabled || closing) {
            return;
        }
        try {
            requestDrain().get();
        } catch (ExecutionException e) {
            LOG.debug("Scheduled outbox drain failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The local search node is back after a crash: index what was written meanwhile now, not at the next pass. */
    @EventListener
    void onSearchNodeRestarted(SearchNodeRestarted event) {
        if (enabled && !closing) {
            requestDrain();
        }
    }

    /** Drains until the outbox is empty or a pass fails. Runs on the outbox thread only. */
    DrainReport drainAll() {
        int indexed = 0;
        int deleted = 0;
        int failed = 0;
        try {
            index.ensureReady();
            while (!closing) {
                List<OutboxEntry> entries = repository.pendingOutbox(batchSize, maxAttempts);
                if (entries.isEmpty()) {
                    break;
                }
                DrainReport batch = drainBatch(entries);
                indexed += batch.indexed();
                deleted += batch.deleted();
                failed += batch.failed();
                if (batch.failed() > 0) {
                    return report(new DrainReport(indexed, deleted, failed, batch.error()));
                }
            }
        } catch (Exception e) {
            return report(new DrainReport(indexed, deleted, failed, e.toString()));
        }
        return report(new DrainReport(indexed, deleted, failed, null));
    }

    private DrainReport report(DrainReport report) {
        if (report.error() != null) {
            if (failing.compareAndSet(false, true)) {
                LOG.warn("Practice search index is not being updated ({}); changes stay in the outbox and are retried", report.error());
            }
        } else if (failing.compareAndSet(true, false)) {
            LOG.info("Practice search index updates resumed ({} indexed, {} deleted)", report.indexed(), report.deleted());
        }
        return report;
    }

    private DrainReport drainBatch(List<OutboxEntry> entries) throws Exception {
        Map<String, List<OutboxEntry>> byPractice = new LinkedHashMap<>();
        for (OutboxEntry entry : entries) {
            byPractice.computeIfAbsent(entry.entityId(), k -> new ArrayList<>()).add(entry);
        }
        Map<String, PracticeView> current = new HashMap<>();
        for (PracticeView view : views.views(byPractice.keySet())) {
            current.put(view.id(), view);
        }
        List<PracticeIndex.Operation> operations = new ArrayList<>();
        int upserts = 0;
        for (Map.Entry<String, List<OutboxEntry>> entry : byPractice.entrySet()) {
            PracticeView view = current.get(entry.getKey());
            if (view != null) {
                operations.add(new PracticeIndex.Upsert(view.id(), view.version(), PracticeDocuments.toIndexDocument(view)));
                upserts++;
            } else {
                // Gone from Neo4j: delete at the highest version we know of (a DELETE entry holds the last version + 1).
                long version = entry.getValue().stream().mapToLong(OutboxEntry::version).max().orElse(1);
                operations.add(new PracticeIndex.Delete(entry.getKey(), version));
            }
        }
        Map<String, String> failures;
        try {
            // Waiting for the refresh gives writers read-your-writes; a backlog (after an outage) drains without it.
            failures = index.write(operations, entries.size() <= 50);
        } catch (Exception e) {
            // Elasticsearch unreachable: not the entries' fault, so their attempts are not counted (an outage of any
            // length must not push them past max-attempts); the next pass retries them.
            return new DrainReport(0, 0, entries.size(), e.toString());
        }
        List<String> done = new ArrayList<>();
        List<String> undone = new ArrayList<>();
        for (Map.Entry<String, List<OutboxEntry>> entry : byPractice.entrySet()) {
            List<String> ids = entry.getValue().stream().map(OutboxEntry::id).toList();
            (failures.containsKey(entry.getKey()) ? undone : done).addAll(ids);
        }
        repository.acknowledge(done);
        String error = null;
        if (!failures.isEmpty()) {
            error = failures.entrySet().iterator().next().toString();
            repository.markFailed(undone, error);
            if (failures.values().stream().anyMatch(reason -> reason.startsWith("index_not_found"))) {
                index.invalidate(); // the alias vanished (wiped cluster): rebuild on the next pass
            }
        }
        int failedPractices = failures.size();
        return new DrainReport(upserts - (int) failures.keySet().stream().filter(current::containsKey).count(),
                operations.size() - upserts - (int) failures.keySet().stream().filter(id -> !current.containsKey(id)).count(),
                failedPractices, error);
    }

    /** Entries waiting, and those that exhausted their attempts. */
    public PracticeRepository.OutboxCounts counts() {
        return repository.outboxCounts(maxAttempts);
    }

    @PreDestroy
    void close() {
        closing = true;
        executor.shutdownNow();
    }
}
