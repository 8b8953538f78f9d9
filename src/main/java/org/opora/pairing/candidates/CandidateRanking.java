package org.opora.pairing.candidates;

import io.micronaut.core.annotation.Nullable;
import org.opora.pairing.region.PairScorer;
import org.opora.pairing.region.PairingSettings;
import org.opora.pairing.region.PartnerPool;
import org.opora.pairing.region.RegionSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the hard constraints to every school of the region and ranks the rest by score.
 * Hard constraints: not the school itself, not a low-result school, in the partner pool
 * ({@link PartnerPool}), below capacity, within the optional maximum distance (schools without
 * coordinates are not excluded by distance), and not already in an open pair with this school.
 */
final class CandidateRanking {

    /** Why a school of the region is not a candidate. */
    enum Exclusion {
        LOW_RESULTS("сама является ШНОР"),
        NOT_IN_POOL("не входит в число школ-лидеров, резильентных или с результатами выше ожидаемых"),
        AT_CAPACITY("исчерпан лимит пар школы-лидера"),
        TOO_FAR("дальше допустимого расстояния"),
        ALREADY_PAIRED("уже в открытой паре с этой школой");

        private final String label;

        Exclusion(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    record Ranked(int partner, double score, @Nullable Double distanceKm, int openPairs) {
    }

    record Result(PairScorer.Mentee mentee, List<Ranked> ranked, Map<Exclusion, Integer> excluded) {
    }

    private static final Comparator<Ranked> BEST_FIRST = Comparator.comparingDouble(Ranked::score).reversed();

    private CandidateRanking() {
    }

    /**
     * @param openPairs      open pairs per school index (as leader)
     * @param pairedWithThis partner indices already in an open pair with this school
     */
    static Result rank(RegionSnapshot snapshot, PairScorer scorer, PairingSettings settings, int mentee,
                       int[] openPairs, Set<Integer> pairedWithThis, boolean enforceCapacity) {
        PairScorer.Mentee profile = scorer.mentee(mentee);
        Map<Exclusion, Integer> excluded = new EnumMap<>(Exclusion.class);
        List<Ranked> ranked = new ArrayList<>();
        Double maxKm = settings.maxDistanceKm();
        for (int c = 0; c < snapshot.size; c++) {
            if (c == mentee) {
                continue;
            }
            Exclusion exclusion = null;
            PartnerPool.Membership membership = snapshot.membership[c];
            Double km = null;
            if (membership == PartnerPool.Membership.LOW_RESULTS) {
                exclusion = Exclusion.LOW_RESULTS;
            } else if (!membership.member()) {
                exclusion = Exclusion.NOT_IN_POOL;
            } else if (pairedWithThis.contains(c)) {
                exclusion = Exclusion.ALREADY_PAIRED;
            } else if (enforceCapacity && openPairs[c] >= settings.capacity()) {
                exclusion = Exclusion.AT_CAPACITY;
            } else {
                km = scorer.distanceKm(mentee, c);
                if (maxKm != null && km != null && km > maxKm) {
                    exclusion = Exclusion.TOO_FAR;
                }
            }
            if (exclusion != null) {
                excluded.merge(exclusion, 1, Integer::sum);
                continue;
            }
            int load = Math.min(openPairs[c], settings.capacity());
            ranked.add(new Ranked(c, scorer.score(profile, c, load, km), km, load));
        }
        ranked.sort(BEST_FIRST.thenComparing(r -> snapshot.schools[r.partner()].id()));
        return new Result(profile, ranked, excluded);
    }
}
