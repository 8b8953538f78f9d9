package org.opora.pairing.candidates;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.pairing.pairs.PairRepository;
import org.opora.pairing.region.CandidateExplanation;
import org.opora.pairing.region.PairScorer;
import org.opora.pairing.region.PairingAccess;
import org.opora.pairing.region.PairingSettings;
import org.opora.pairing.region.PartnerPool;
import org.opora.pairing.region.RegionSnapshot;
import org.opora.pairing.region.RegionSnapshotCache;
import org.opora.pairing.region.SchoolRow;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Connection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    /** How many schools of the region one hard constraint left out. */
    public record ExclusionCount(CandidateRanking.Exclusion reason, String label, int count) {
    }

    /** A page of candidates (the PairCandidateConnection) plus how many schools each hard constraint left out. */
    public record CandidateList(SchoolRow school, Connection<Candidate> page, List<ExclusionCount> excluded,
                                PairingSettings.View settings, String fingerprint) {

        public List<Connection.Edge<Candidate>> edges() {
            return page.edges();
        }

        public Connection.PageInfo pageInfo() {
            return page.pageInfo();
        }

        public long totalCount() {
            return page.totalCount();
        }
    }

    public CandidateList candidates(CurrentUser user, String schoolId, Connection.Request page, @Nullable Double maxDistanceKm) {
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
        PairingAccess.requireCandidateViewer(user, school);
        PairingSettings settings = maxDistanceKm == null ? live.settings() : live.settings().withMaxDistance(maxDistanceKm);
        return rank(snapshot, settings, live, mentee, page);
    }

    public CandidateList rank(RegionSnapshot snapshot, PairingSettings settings, PairRepository.LiveState live, int mentee,
                       Connection.Request request) {
        int[] openPairs = live.openPairsByLeader(snapshot);
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
        List<RankedAt> ranked = new ArrayList<>(result.ranked().size());
        for (int i = 0; i < result.ranked().size(); i++) {
            ranked.add(new RankedAt(i + 1, result.ranked().get(i)));
        }
        // Only the page's candidates are explained: an explanation costs more than the ranking itself.
        Connection<Candidate> page = Connection.slice(ranked, request, at -> snapshot.school(at.ranked().partner()).id())
                .map(at -> {
                    CandidateRanking.Ranked r = at.ranked();
                    return new Candidate(at.rank(), snapshot.school(r.partner()), r.score(), r.score() >= settings.minScore(),
                            snapshot.membership[r.partner()], r.distanceKm(), r.openPairs(),
                            scorer.explain(result.mentee(), r.partner(), r.openPairs(), r.distanceKm()));
                });
        List<ExclusionCount> excluded = new ArrayList<>();
        result.excluded().forEach((reason, count) -> excluded.add(new ExclusionCount(reason, reason.label(), count)));
        SchoolRow school = snapshot.school(mentee);
        return new CandidateList(school, page, List.copyOf(excluded), settings.view(school.regionId()), snapshot.fingerprint);
    }

    private record RankedAt(int rank, CandidateRanking.Ranked ranked) {
    }

    // ------------------------------------------------------------------ settings

    public PairingSettings.View settings(CurrentUser user, String regionId) {
        PairingAccess.requireRegionViewer(user, regionId);
        return pairs.settings(regionId).view(regionId);
    }

    public PairingSettings.View updateSettings(CurrentUser user, String regionId, PairingSettings.Change change) {
        PairingAccess.requireRegionalCoordinator(user, regionId);
        PairingSettings updated = pairs.settings(regionId).with(change).validated();
        return pairs.saveSettings(regionId, updated, user.username()).view(regionId);
    }
}
