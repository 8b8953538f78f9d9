package org.opora.practice.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.opora.platform.errors.ApiException;
import org.opora.practice.PracticeDocuments;
import org.opora.practice.PracticeRepository;
import org.opora.practice.PracticeView;
import org.opora.practice.PracticeViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import co.elastic.clients.json.JsonData;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * The practice search index: an alias ({@code opora.practice.index.alias}, default {@code practices}) over one
 * concrete index {@code <alias>-v<yyyyMMddHHmmssSSS>}.
 *
 * <ul>
 *   <li>Documents are written with {@code version_type=external} and the practice's Neo4j version, so a stale write
 *       (a slow drain, a re-index that read an older version) can never overwrite a newer document; 409 answers are
 *       therefore successes. Index operations set {@code require_alias}, so a missing alias never makes
 *       Elasticsearch auto-create an index with a guessed mapping.</li>
 *   <li>{@link #reindex()} builds a fresh index from Neo4j while the old one keeps serving, writes every change
 *       made meanwhile to both, swaps the alias atomically and drops the old index after a grace period (searches
 *       that resolved the alias just before the swap finish on it): zero downtime.</li>
 *   <li>{@link #ensureReady()} creates the index on first use (a rebuild from Neo4j) and schedules a rebuild when
 *       the mapping in {@code elasticsearch/practice-index.json} changed (its hash is kept in {@code _meta}).</li>
 * </ul>
 */
@Singleton
public class PracticeIndex {

    private static final Logger LOG = LoggerFactory.getLogger(PracticeIndex.class);
    private static final String MAPPING_RESOURCE = "elasticsearch/practice-index.json";
    private static final DateTimeFormatter VERSION_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BeanProvider<ElasticsearchClient> clientProvider;
    private final PracticeRepository repository;
    private final PracticeViews views;
    private final String alias;
    private final int replicas;
    private final int batchSize;
    /** Bulk requests in flight during a re-index: Elasticsearch indexes one bulk request of a one-shard index on one
     * write thread, so a single request in flight leaves every other core idle. */
    private final int bulkConcurrency;
    private final String mappingJson;
    private final String mappingVersion;

    /** Indexes being built by a re-index: every write goes there too until the alias points at them. */
    private final Set<String> extraTargets = new CopyOnWriteArraySet<>();
    private final ReentrantLock rebuildLock = new ReentrantLock();
    private final Duration oldIndexGrace;
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "practice-index-cleaner");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean ready;
    /** Bumped after every change of the searchable content (writes, alias swaps): cached search results of an older
     * generation are stale ({@link PracticeSearchCache}). */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    public PracticeIndex(BeanProvider<ElasticsearchClient> clientProvider, PracticeRepository repository, PracticeViews views,
                         @Value("${opora.practice.index.alias:practices}") String alias,
                         @Value("${opora.practice.index.replicas:0}") int replicas,
                         @Value("${opora.practice.index.batch-size:2000}") int batchSize,
                         @Value("${opora.practice.index.bulk-concurrency:2}") int bulkConcurrency,
                         @Value("${opora.practice.index.old-index-grace:30s}") Duration oldIndexGrace) {
        this.clientProvider = clientProvider;
        this.repository = repository;
        this.views = views;
        this.alias = alias;
        this.replicas = replicas;
        this.batchSize = batchSize;
        this.bulkConcurrency = Math.max(1, bulkConcurrency);
        this.oldIndexGrace = oldIndexGrace;
        this.mappingJson = readMapping();
        this.mappingVersion = sha256(mappingJson).substring(0, 16);
    }

    public String alias() {
        return alias;
    }

    ElasticsearchClient client() {
        return clientProvider.get();
    }

    /** The content generation: changes whenever a write or a re-index may have changed what a search finds. */
    public long generation() {
        return generation.get();
    }

    // -------------------------------------------------------------------------------------------------------------
    // Lifecycle

    /**
     * Makes sure the alias exists: builds the index from Neo4j when it does not (first start, or a wiped cluster),
     * and starts a background rebuild when its mapping is outdated (the old index keeps serving meanwhile).
     *
     * @throws IOException (or a client exception) when Elasticsearch cannot be reached
     */
    public void ensureReady() throws IOException {
        if (ready) {
            return;
        }
        rebuildLock.lock();
        try {
            if (ready) {
                return;
            }
            List<String> current = indexesBehindAlias();
            if (current.isEmpty()) {
                LOG.info("Search index alias '{}' does not exist: building it from Neo4j", alias);
                rebuild();
            } else {
                Map<String, String> meta = metaOf(current.get(0));
                String storeId = repository.indexStoreId();
                if (!storeId.equals(meta.get("storeId"))) {
                    // Built from another database (or one since wiped): its documents are not ours, rebuild now.
                    LOG.warn("Search index {} was built from another Neo4j database (store {} instead of {}): rebuilding it",
                            current.get(0), meta.get("storeId"), storeId);
                    rebuild();
                } else if (!mappingVersion.equals(meta.get("mappingVersion"))) {
                    String version = meta.get("mappingVersion");
                    LOG.info("Search index {} has mapping {} but the application has {}: rebuilding in the background",
                            current.get(0), version, mappingVersion);
                    Thread rebuild = new Thread(() -> {
                        rebuildLock.lock();
                        try {
                            rebuild();
                        } catch (Exception e) {
                            LOG.warn("Background re-index of practices failed; the previous index keeps serving", e);
                        } finally {
                            rebuildLock.unlock();
                        }
                    }, "practice-reindex");
                    rebuild.setDaemon(true);
                    rebuild.start();
                }
            }
            ready = true;
        } finally {
            rebuildLock.unlock();
        }
    }

    /** Makes the next {@link #ensureReady()} look again, e.g. after a write found the alias missing. */
    public void invalidate() {
        ready = false;
    }

    /**
     * What a full re-index did. {@code neo4jMillis} and {@code elasticsearchMillis} overlap (reading the next batch
     * runs while the previous one is being indexed), so their sum may exceed {@code millis}.
     */
    public record ReindexReport(String index, List<String> replaced, long documents, long millis, double documentsPerSecond,
                                long outboxEntriesCleared, long neo4jMillis, long elasticsearchMillis) {
    }

    /**
     * Rebuilds the whole index from Neo4j with zero downtime (see the class comment). One re-index at a time.
     *
     * @throws ApiException CONFLICT when a re-index is already running
     */
    public ReindexReport reindex() throws IOException {
        if (!rebuildLock.tryLock()) {
            throw ApiException.conflict("Переиндексация практик уже выполняется");
        }
        try {
            ReindexReport report = rebuild();
            ready = true;
            return report;
        } finally {
            rebuildLock.unlock();
        }
    }

    private ReindexReport rebuild() throws IOException {
        deleteLeftovers();
        long started = System.nanoTime();
        ZonedDateTime startedAt = ZonedDateTime.now(ZoneOffset.UTC);
        String index = alias + "-v" + VERSION_SUFFIX.format(startedAt);
        createIndex(index);
        extraTargets.add(index);
        long documents = 0;
        long readNanos = 0;
        long writeNanos = 0;
        List<String> previous;
        // Reading the next batch from Neo4j overlaps the bulk requests of the previous ones (bulkConcurrency in flight).
        ExecutorService writer = Executors.newFixedThreadPool(bulkConcurrency, r -> {
            Thread thread = new Thread(r, "practice-reindex-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            String after = null;
            java.util.ArrayDeque<Future<Long>> inFlight = new java.util.ArrayDeque<>();
            while (true) {
                long readStart = System.nanoTime();
                List<String> ids = repository.idsAfter(after, batchSize);
                if (ids.isEmpty()) {
                    break;
                }
                List<PracticeView> batch = views.views(ids);
                BulkRequest.Builder bulk = new BulkRequest.Builder();
                for (PracticeView view : batch) {
                    bulk.operations(op -> op.index(i -> i.index(index).id(view.id()).version(view.version())
                            .versionType(VersionType.External).document(PracticeDocuments.toIndexDocument(view))));
                }
                readNanos += System.nanoTime() - readStart;
                while (inFlight.size() >= bulkConcurrency) {
                    writeNanos += await(inFlight.poll());
                }
                if (!batch.isEmpty()) {
                    inFlight.add(writer.submit(() -> bulkInto(index, bulk.build())));
                }
                documents += batch.size();
                after = ids.get(ids.size() - 1);
            }
            while (!inFlight.isEmpty()) {
                writeNanos += await(inFlight.poll());
            }
            // Built without replicas (each document indexed once, not twice); the replicas copy the finished segments.
            client().indices().putSettings(s -> s.index(index).settings(st -> st.refreshInterval(t -> t.time("1s"))
                    .numberOfReplicas(String.valueOf(replicas))
                    .translog(t -> t.durability(co.elastic.clients.elasticsearch.indices.TranslogDurability.Request))));
            client().indices().refresh(r -> r.index(index));
            if (replicas > 0) {
                // Let the replicas copy the new index before it serves, so losing a node right after the swap loses
                // nothing; a cluster with too few nodes for them stays yellow, and the swap goes ahead after the timeout.
                try {
                    client().cluster().health(h -> h.index(index).waitForStatus(co.elastic.clients.elasticsearch._types.HealthStatus.Green)
                            .timeout(t -> t.time("30s")));
                } catch (ElasticsearchException | IOException e) { // 408 when the wait timed out
                    LOG.warn("Replicas of {} not ready: {}", index, e.getMessage());
                }
            }
            previous = swapAlias(index);
        } catch (IOException | RuntimeException e) {
            try {
                client().indices().delete(d -> d.index(index));
            } catch (Exception cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        } finally {
            extraTargets.remove(index);
            writer.shutdownNow();
        }
        deleteLater(previous);
        // Everything enqueued before the rebuild started is in the new index (it read Neo4j later).
        long cleared = repository.clearOutboxBefore(startedAt);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        ReindexReport report = new ReindexReport(index, previous, documents, millis,
                millis == 0 ? documents : documents * 1000.0 / millis, cleared, readNanos / 1_000_000, writeNanos / 1_000_000);
        LOG.info("Re-indexed {} practices into {} in {} ms ({} docs/s; reading Neo4j {} ms, bulk indexing {} ms); alias '{}' "
                        + "swapped from {}", documents, index, millis, Math.round(report.documentsPerSecond()), report.neo4jMillis(),
                report.elasticsearchMillis(), alias, previous);
        return report;
    }

    /** Sends one bulk request of a rebuild; returns the nanoseconds it took. */
    private long bulkInto(String index, BulkRequest request) throws IOException {
        long start = System.nanoTime();
        BulkResponse response = client().bulk(request);
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && item.status() != 409) {
                throw new IOException("Indexing practice " + item.id() + " into " + index + " failed: "
                        + item.error().type() + ": " + item.error().reason());
            }
        }
        return System.nanoTime() - start;
    }

    private static long await(Future<Long> bulk) throws IOException {
        if (bulk == null) {
            return 0;
        }
        try {
            return bulk.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while re-indexing practices");
        }
    }

    /**
     * Deletes replaced indexes after {@code opora.practice.index.old-index-grace}: a search that resolved the alias just
     * before the swap may still be running on them. Leftovers of an earlier process (stopped within the grace period)
     * are removed by the next rebuild ({@link #deleteLeftovers}).
     */
    private void deleteLater(List<String> indexes) {
        if (indexes.isEmpty()) {
            return;
        }
        cleaner.schedule(() -> {
            for (String old : indexes) {
                try {
                    client().indices().delete(d -> d.index(old).ignoreUnavailable(true));
                    LOG.info("Deleted replaced practice index {}", old);
                } catch (Exception e) {
                    LOG.warn("Could not delete the replaced practice index {}; the next rebuild retries", old, e);
                }
            }
        }, oldIndexGrace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Deletes {@code <alias>-v*} indexes that the alias does not point at and that are older than an hour. */
    private void deleteLeftovers() {
        try {
            List<String> current = indexesBehindAlias();
            long cutoff = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
            var indexes = client().indices().get(g -> g.index(alias + "-v*").ignoreUnavailable(true).allowNoIndices(true)).result();
            for (var entry : indexes.entrySet()) {
                Long created = entry.getValue().settings() == null || entry.getValue().settings().index() == null
                        ? null : entry.getValue().settings().index().creationDate();
                if (!current.contains(entry.getKey()) && created != null && created < cutoff) {
                    client().indices().delete(d -> d.index(entry.getKey()));
                    LOG.info("Deleted leftover practice index {}", entry.getKey());
                }
            }
        } catch (Exception e) {
            LOG.debug("Looking for leftover practice indexes failed", e);
        }
    }

    private void createIndex(String index) throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(mappingJson);
        ObjectNode settings = (ObjectNode) body.get("settings");
        settings.put("number_of_replicas", 0);
        // Restored to 1s, per-request durability and the configured replicas before the swap: a crash meanwhile only
        // loses an unused index.
        settings.put("refresh_interval", "-1");
        settings.put("translog.durability", "async");
        ((ObjectNode) body.get("mappings")).putObject("_meta").put("mappingVersion", mappingVersion)
                .put("storeId", repository.indexStoreId());
        client().indices().create(c -> c.index(index).withJson(new StringReader(body.toString())));
    }

    /** Points the alias at {@code index} alone, atomically; returns the indexes it pointed at before. */
    private List<String> swapAlias(String index) throws IOException {
        List<String> previous = indexesBehindAlias();
        if (previous.isEmpty() && client().indices().exists(e -> e.index(alias)).value()) {
            // A concrete index under the alias' name can only be a leftover auto-created by a write without the alias.
            LOG.warn("Deleting index '{}' that occupies the alias name of the practice index", alias);
            client().indices().delete(d -> d.index(alias));
        }
        client().indices().updateAliases(u -> {
            for (String old : previous) {
                u.actions(a -> a.remove(r -> r.index(old).alias(alias)));
            }
            return u.actions(a -> a.add(ad -> ad.index(index).alias(alias).isWriteIndex(true)));
        });
        generation.incrementAndGet();
        return previous;
    }

    /** Concrete indexes the alias points at (empty when it does not exist). */
    public List<String> indexesBehindAlias() throws IOException {
        try {
            GetAliasResponse response = client().indices().getAlias(g -> g.name(alias));
            return new ArrayList<>(response.result().keySet());
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    /** The {@code _meta} strings of an index's mapping ({@code mappingVersion}, {@code storeId}). */
    private Map<String, String> metaOf(String index) throws IOException {
        var mapping = client().indices().getMapping(m -> m.index(index)).result().get(index);
        Map<String, JsonData> meta = mapping == null ? null : mapping.mappings().meta();
        Map<String, String> values = new java.util.HashMap<>();
        if (meta != null) {
            meta.forEach((key, value) -> values.put(key, value.to(String.class)));
        }
        return values;
    }

    // -------------------------------------------------------------------------------------------------------------
    // Writes

    /** One write for the index: the current document of a practice, or the removal of a deleted one. */
    public sealed interface Operation permits Upsert, Delete {
        String id();

        long version();
    }

    public record Upsert(String id, long version, Map<String, Object> document) implements Operation {
    }

    public record Delete(String id, long version) implements Operation {
    }

    /**
     * Applies the operations to the alias (and to an index being built). Returns the ids that failed, with the
     * reason; version conflicts (a newer document is already there) and deleting a missing document count as done.
     *
     * @throws IOException when Elasticsearch cannot be reached at all
     */
    public Map<String, String> write(List<Operation> operations, boolean waitForRefresh) throws IOException {
        if (operations.isEmpty()) {
            return Map.of();
        }
        List<String> targets = new ArrayList<>();
        targets.add(alias);
        targets.addAll(extraTargets);
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        List<String> order = new ArrayList<>();
        for (String target : targets) {
            boolean isAlias = target.equals(alias);
            for (Operation operation : operations) {
                if (operation instanceof Upsert upsert) {
                    bulk.operations(op -> op.index(i -> i.index(target).id(upsert.id()).version(upsert.version())
                            .versionType(VersionType.External).requireAlias(isAlias).document(upsert.document())));
                } else {
                    bulk.operations(op -> op.delete(d -> d.index(target).id(operation.id()).version(operation.version())
                            .versionType(VersionType.External)));
                }
                order.add(operation.id());
            }
        }
        // Not while an index is being built: it has refresh disabled, so wait_for would hang until the rebuild ends.
        if (waitForRefresh && extraTargets.isEmpty()) {
            bulk.refresh(Refresh.WaitFor);
        }
        BulkResponse response;
        try {
            response = client().bulk(bulk.build());
        } finally {
            generation.incrementAndGet(); // even a failed request may have changed some documents
        }
        Map<String, String> failed = new java.util.LinkedHashMap<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() != null && item.status() != 409 && item.status() != 404) {
                failed.putIfAbsent(order.get(i), item.error().type() + ": " + item.error().reason());
            }
        }
        return failed;
    }

    /** Alias, concrete index, document count and mapping version, for the admin status. */
    public record Status(String alias, List<String> indexes, long documents, String mappingVersion, boolean rebuilding) {
    }

    public Status status() throws IOException {
        List<String> indexes = indexesBehindAlias();
        long documents = indexes.isEmpty() ? 0 : client().count(c -> c.index(alias)).count();
        return new Status(alias, indexes, documents, mappingVersion, rebuildLock.isLocked());
    }

    @jakarta.annotation.PreDestroy
    void close() {
        cleaner.shutdownNow();
    }

    private static String readMapping() {
        try (InputStream in = PracticeIndex.class.getClassLoader().getResourceAsStream(MAPPING_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + MAPPING_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
