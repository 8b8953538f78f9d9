package org.opora.pairing.candidates;

import jakarta.inject.Singleton;
import org.opora.pairing.pairs.PairRepository;
import org.opora.pairing.region.PairScorer;
import org.opora.pairing.region.RegionSnapshot;
import org.opora.pairing.region.RegionSnapshotCache;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Schools whose social context is like a given school's, by the pairing's context similarity (the thirteen context
 * indicators, standardised over the region and weighted by its pairing settings; see docs/pairing.md). Other
 * features use it so that "a comparable school" means one thing across the platform.
 */
@Singleton
public class ComparableSchools {

    private final PairRepository pairs;
    private final RegionSnapshotCache snapshots;

    public ComparableSchools(PairRepository pairs, RegionSnapshotCache snapshots) {
        this.pairs = pairs;
        this.snapshots = snapshots;
    }

    /** A school of the same region and its context similarity in [0, 1] (1 = identical indicators). */
    public record Comparable(String schoolId, double similarity) {
    }

    /**
     * Up to {@code limit} schools of the school's region with a context similarity of at least {@code minSimilarity},
     * most similar first. Empty for an unknown school; schools sharing no indicator with it never qualify (their
     * similarity is the neutral 0.5, which says nothing).
     */
    public List<Comparable> to(String schoolId, double minSimilarity, int limit) {
        PairRepository.LiveState live = pairs.liveStateOfSchool(schoolId).orElse(null);
        if (live == null) {
            return List.of();
        }
        RegionSnapshot snapshot = snapshots.get(live.regionId(), live.fingerprint());
        Integer school = snapshot.indexOf(schoolId);
        if (school == null) {
            return List.of();
        }
        PairScorer scorer = new PairScorer(snapshot, live.settings());
        List<Comparable> comparable = new ArrayList<>();
        for (int other = 0; other < snapshot.size; other++) {
            double distance = other == school ? Double.NaN : scorer.contextDistance(school, other);
            if (Double.isNaN(distance)) {
                continue;
            }
            double similarity = Math.exp(-distance * distance / 2); // the context part of the pairing score
            if (similarity >= minSimilarity) {
                comparable.add(new Comparable(snapshot.school(other).id(), similarity));
            }
        }
        comparable.sort(Comparator.comparingDouble(Comparable::similarity).reversed().thenComparing(Comparable::schoolId));
        return comparable.size() > limit ? List.copyOf(comparable.subList(0, limit)) : comparable;
    }
}
