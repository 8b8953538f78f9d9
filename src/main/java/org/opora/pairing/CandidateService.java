package org.opora.pairing;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.platform.errors.ApiException;
import org.opora.security.CurrentUser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Ranked, explained partner candidates for one school, and the region's pairing settings. */
@Singleton
public class CandidateService {

    private final PairRepository pairs;
    private final RegionSnapshotCache snapshots;

    public CandidateService(PairRepository pairs, RegionSnapshotCache snapshots) {
        this.pairs = pairs;
        this.snapshots = snapshots;
    }

    PairRepository pairs() {
        return pairs;
    }

    /** One candidate with its place in the ranking and the numbers behind its score. */
    public record Candidate(int rank, SchoolRow school, double score, boolean acceptable,
                            PartnerPool.Membership partnerBasis, @Nullable Double distanceKm, int openPairs,
                            CandidateExplanation explanation) {
    }

    /** A page of candidates plus how many schools each hard constraint left out. */
    public record CandidateList(SchoolRow school, Page<Candidate> page, Map<CandidateRanking.Exclusion, Integer> excluded,
                                PairingSettings settings, String fingerprint) {
    }

    public CandidateList candidates(CurrentUser user, String schoolId, Page.Request page, @Nullable Double maxDistanceKm) {
        if (maxDistanceKm != null && maxDistanceKm <= 0) {
            throw ApiException.badInput("maxDistanceKm: должно быть больше 0");
        }
        PairRepository.LiveState live = pairs.liveStateOfSchool(schoolId)
                .orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, schoolId));
        RegionSnapshot snapshot = snapshots.get(live.regionId(), live.fingerprint());
        Integer mentee = snapshot.indexOf(schoolId);
        if (mentee == null) {
            throw ApiException.notFound("Школа", ApiException.Gender.FEMININE, schoolId);
        }
        SchoolRow school = snapshot.school(mentee);
        PairAccess.requireCandidateViewer(user, school);
        PairingSettings settings = maxDistanceKm == null ? live.settings() : live.settings().withMaxDistance(maxDistanceKm);
        return rank(snapshot, settings, live, mentee, page);
    }

    CandidateList rank(RegionSnapshot snapshot, PairingSettings settings, PairRepository.LiveState live, int mentee,
                       Page.Request request) {
        int[] openPairs = openPairs(snapshot, live);
        Set<Integer> pairedWithThis = new HashSet<>();
        String menteeId = snapshot.school(mentee).id();
        for (String[] open : live.openPairs()) {
            Integer leader = snapshot.indexOf(open[0]);
            if (leader != null && menteeId.equals(open[1])) {
                pairedWithThis.add(leader);
            }
        }
        PairScorer scorer = new PairScorer(snapshot, settings);
        CandidateRanking.Result result = CandidateRanking.rank(snapshot, scorer, settings, mentee, openPairs, pairedWithThis, true);
        Page<CandidateRanking.Ranked> ranked = Page.of(result.ranked(), request);
        List<Candidate> candidates = new ArrayList<>(ranked.items().size());
        for (int i = 0; i < ranked.items().size(); i++) {
            CandidateRanking.Ranked r = ranked.items().get(i);
            candidates.add(new Candidate(ranked.offset() + i + 1, snapshot.school(r.partner()), r.score(),
                    r.score() >= settings.minScore(), snapshot.membership[r.partner()], r.distanceKm(), r.openPairs(),
                    scorer.explain(result.mentee(), r.partner(), r.openPairs(), r.distanceKm())));
        }
        return new CandidateList(snapshot.school(mentee), new Page<>(candidates, ranked.offset(), ranked.totalCount()),
                result.excluded(), settings, snapshot.fingerprint);
    }

    /** Open pairs per school index (as leader). */
    static int[] openPairs(RegionSnapshot snapshot, PairRepository.LiveState live) {
        int[] open = new int[snapshot.size];
        for (String[] pair : live.openPairs()) {
            Integer leader = snapshot.indexOf(pair[0]);
            if (leader != null) {
                open[leader]++;
            }
        }
        return open;
    }

    // ------------------------------------------------------------------ settings

    public PairingSettings settings(CurrentUser user, String regionId) {
        PairAccess.requireRegionViewer(user, regionId);
        return pairs.settings(regionId);
    }

    public PairingSettings updateSettings(CurrentUser user, String regionId, PairingSettings settings) {
        PairAccess.requireRegionalCoordinator(user, regionId);
        return pairs.saveSettings(regionId, settings.validated(), user.username());
    }

    PairingSettings currentSettings(String regionId) {
        return pairs.settings(regionId);
    }
}
