package org.opora.pairing.region;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Region snapshots kept in memory, one per region, rebuilt when the region's fingerprint changes:
 * the identification run id stored on its schools plus their number (a new identification run or
 * newly imported schools). Building a region of ~500 schools takes a few tens of milliseconds and
 * happens once per run; every candidate query after that is arithmetic on arrays.
 */
@Singleton
public class RegionSnapshotCache {

    private static final Logger LOG = LoggerFactory.getLogger(RegionSnapshotCache.class);

    private final SchoolDataRepository schools;
    private final Map<String, RegionSnapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public RegionSnapshotCache(SchoolDataRepository schools) {
        this.schools = schools;
    }

    public RegionSnapshot get(String regionId, String fingerprint) {
        RegionSnapshot current = snapshots.get(regionId);
        if (current != null && current.fingerprint.equals(fingerprint)) {
            return current;
        }
        synchronized (locks.computeIfAbsent(regionId, k -> new Object())) {
            current = snapshots.get(regionId);
            if (current != null && current.fingerprint.equals(fingerprint)) {
                return current;
            }
            long started = System.nanoTime();
            RegionSnapshot built = RegionSnapshot.build(regionId, fingerprint, schools.schools(regionId), schools.indicators(regionId));
            snapshots.put(regionId, built);
            LOG.debug("Pairing snapshot of region {} ({} schools, {}) built in {} ms", regionId, built.size, fingerprint,
                    (System.nanoTime() - started) / 1_000_000);
            return built;
        }
    }

    /** Forgets a region, e.g. after its indicators were re-imported without a new identification run. */
    public void invalidate(String regionId) {
        snapshots.remove(regionId);
    }

    public void invalidateAll() {
        snapshots.clear();
    }
}
