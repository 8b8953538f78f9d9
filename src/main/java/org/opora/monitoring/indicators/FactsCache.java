package org.opora.monitoring.indicators;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A region's facts kept in memory, one copy per region, as pairing keeps its region snapshots: reloaded when the
 * region's fingerprint changes (a new identification run, schools, support records added or closed) or when the copy
 * is older than the time limit (in-place edits the fingerprint does not see, e.g. a re-imported indicators.csv). A
 * dashboard then costs the fingerprint query and arithmetic on the cached rows.
 */
@Singleton
class FactsCache {

    private static final Logger LOG = LoggerFactory.getLogger(FactsCache.class);

    private final FactsRepository repository;
    private final long maxAgeMillis;
    private final Map<String, RegionFacts> facts = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    FactsCache(FactsRepository repository, @Value("${opora.monitoring.facts-max-age-seconds:60}") long maxAgeSeconds) {
        this.repository = repository;
        this.maxAgeMillis = maxAgeSeconds * 1000;
    }

    /** The region's facts, or empty when there is no such region. */
    Optional<RegionFacts> get(String regionId) {
        String fingerprint = repository.fingerprint(regionId);
        RegionFacts current = facts.get(regionId);
        if (fresh(current, fingerprint)) {
            return Optional.of(current);
        }
        synchronized (locks.computeIfAbsent(regionId, k -> new Object())) {
            current = facts.get(regionId);
            if (fresh(current, fingerprint)) {
                return Optional.of(current);
            }
            long started = System.nanoTime();
            Optional<RegionFacts> loaded = repository.load(regionId, fingerprint);
            loaded.ifPresentOrElse(f -> facts.put(regionId, f), () -> facts.remove(regionId));
            LOG.debug("Monitoring facts of region {} loaded in {} ms", regionId, (System.nanoTime() - started) / 1_000_000);
            return loaded;
        }
    }

    void invalidate(String regionId) {
        facts.remove(regionId);
    }

    private boolean fresh(RegionFacts current, String fingerprint) {
        return current != null && current.fingerprint.equals(fingerprint)
                && System.currentTimeMillis() - current.loadedAtMillis < maxAgeMillis;
    }
}
