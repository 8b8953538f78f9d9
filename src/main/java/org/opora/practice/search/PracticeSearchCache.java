package org.opora.practice.search;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Recent search results, keyed by the exact Elasticsearch request (which holds the caller's visibility filter, so a
 * result is only ever reused for a request that would see the same documents).
 *
 * <p>A result is reused while it is younger than {@code opora.practice.search.cache.ttl} (default 10 s, 0 turns the
 * cache off) and no write or re-index of this application changed the index since it was computed
 * ({@link PracticeIndex#generation()}): a writer always finds its own change. Changes made by another instance of the
 * application sharing the cluster show up after the TTL at the latest. Concurrent identical requests share one
 * computation, so a burst of the same query costs one search.
 *
 * <p>Why: a search page costs Elasticsearch 10-20 ms of CPU (cross-field and fuzzy clauses, dictionary expansions,
 * seven facets, highlighting); the same popular queries arrive many times a second under load, and on a 2-core
 * machine shared with the application that cost alone caps the throughput at ~100-150 searches/s.
 */
@Singleton
public class PracticeSearchCache {

    /** A result being computed or computed; concurrent identical requests wait for the one computation. */
    private record Entry(long generation, long expiresAtNanos, CompletableFuture<PracticeSearchResult> result) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    public PracticeSearchCache(@Value("${opora.practice.search.cache.ttl:10s}") Duration ttl,
                               @Value("${opora.practice.search.cache.max-entries:2000}") int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    boolean enabled() {
        return ttlNanos > 0 && maxEntries > 0;
    }

    /**
     * The cached result for the request, or the computed one (then cached). {@code generation} must be read before
     * the search runs, so that a write finishing during the search makes its result stale.
     */
    PracticeSearchResult get(String requestKey, long generation, Supplier<PracticeSearchResult> compute) {
        if (!enabled()) {
            return compute.get();
        }
        long now = System.nanoTime();
        if (entries.size() >= maxEntries) {
            // Crude but bounded: the entries live seconds, so dropping them all costs at most a few searches.
            entries.clear();
        }
        CompletableFuture<PracticeSearchResult> mine = new CompletableFuture<>();
        Entry fresh = new Entry(generation, now + ttlNanos, mine);
        Entry entry = entries.compute(requestKey, (key, current) ->
                current != null && current.generation() == generation && now - current.expiresAtNanos() < 0
                        && !current.result().isCompletedExceptionally() ? current : fresh);
        if (entry != fresh) {
            try {
                return entry.result().join(); // computed, or being computed by a concurrent identical request
            } catch (CompletionException e) {
                // That computation failed (e.g. Elasticsearch unavailable): compute this request's own answer.
                return compute.get();
            }
        }
        try {
            PracticeSearchResult result = compute.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            entries.remove(requestKey, fresh);
            throw e;
        }
    }
}
