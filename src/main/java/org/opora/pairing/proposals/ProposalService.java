package org.opora.pairing.proposals;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.pairing.pairs.NetworkPair;
import org.opora.pairing.pairs.PairRepository;
import org.opora.pairing.pairs.PairService;
import org.opora.pairing.region.CandidateExplanation;
import org.opora.pairing.region.PairScorer;
import org.opora.pairing.region.PairingAccess;
import org.opora.pairing.region.PairingSettings;
import org.opora.pairing.region.RegionSnapshot;
import org.opora.pairing.region.RegionSnapshotCache;
import org.opora.pairing.region.SchoolRow;
import org.opora.platform.assignment.AssignmentSolver;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.platform.errors.ErrorCode;
import org.opora.platform.graphql.Connection;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The region-wide proposal: every low-result school without an open pair is assigned to a partner
 * (leader side) by {@link AssignmentSolver#optimal} under the leaders' remaining capacities, maximising
 * the total score; couples below the region's minimum score are not allowed. The greedy baseline is
 * computed on the same scores and stored next to it.
 */
@Singleton
public class ProposalService {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private final PairRepository pairs;
    private final ProposalRepository proposals;
    private final RegionSnapshotCache snapshots;
    private final PairService pairService;

    public ProposalService(PairRepository pairs, ProposalRepository proposals, RegionSnapshotCache snapshots, PairService pairService) {
        this.pairs = pairs;
        this.proposals = proposals;
        this.snapshots = snapshots;
        this.pairService = pairService;
    }

    /** The computed assignment before it is stored (the benchmark and tests use it directly). */
    public record Computed(PairingProposal proposal, List<PairingProposal.Item> items) {
    }

    public PairingProposal propose(CurrentUser user, String regionId, @Nullable String municipalityId, @Nullable Double maxDistanceKm) {
        ProposalAccess.requireProposer(user, regionId, municipalityId);
        if (maxDistanceKm != null && maxDistanceKm <= 0) {
            throw ApiException.badInput("maxDistanceKm: должно быть больше 0");
        }
        Computed computed = compute(regionId, municipalityId, maxDistanceKm, user.username());
        proposals.save(computed.proposal(), computed.items());
        return computed.proposal();
    }

    public Computed compute(String regionId, @Nullable String municipalityId, @Nullable Double maxDistanceKm, String by) {
        return compute(regionId, municipalityId, maxDistanceKm, null, by);
    }

    /** As above, optionally with another capacity than the region's (what-if comparisons; nothing is stored). */
    public Computed compute(String regionId, @Nullable String municipalityId, @Nullable Double maxDistanceKm,
                     @Nullable Integer capacity, String by) {
        PairRepository.LiveState live = pairs.liveState(regionId);
        RegionSnapshot snapshot = snapshots.get(regionId, live.fingerprint());
        if (snapshot.size == 0) {
            throw new ApiException(ErrorCode.NOT_FOUND, "В регионе нет ни одной школы: " + regionId, Map.of("id", regionId));
        }
        PairingSettings settings = maxDistanceKm == null ? live.settings() : live.settings().withMaxDistance(maxDistanceKm);
        if (capacity != null) {
            settings = settings.withCapacity(capacity);
        }
        int[] open = live.openPairsByLeader(snapshot);
        Set<String> menteesInPairs = new HashSet<>();
        live.openPairs().forEach(p -> menteesInPairs.add(p[1]));

        List<Integer> mentees = new ArrayList<>();
        int alreadyPaired = 0;
        List<Integer> leaders = new ArrayList<>();
        List<Integer> poolFull = new ArrayList<>();
        for (int i = 0; i < snapshot.size; i++) {
            SchoolRow school = snapshot.school(i);
            if (municipalityId != null && !municipalityId.equals(school.municipalityId())) {
                continue;
            }
            if (snapshot.needsSupport(i)) {
                if (menteesInPairs.contains(school.id())) {
                    alreadyPaired++;
                } else {
                    mentees.add(i);
                }
            } else if (snapshot.membership[i].member()) {
                if (open[i] < settings.capacity()) {
                    leaders.add(i);
                } else {
                    poolFull.add(i);
                }
            }
        }

        long started = System.nanoTime();
        PairScorer scorer = new PairScorer(snapshot, settings);
        int[] remaining = new int[leaders.size()];
        for (int l = 0; l < leaders.size(); l++) {
            remaining[l] = settings.capacity() - open[leaders.get(l)];
        }
        double[][] scores = new double[mentees.size()][leaders.size()];
        PairScorer.Mentee[] profiles = new PairScorer.Mentee[mentees.size()];
        Double[][] distances = new Double[mentees.size()][leaders.size()];
        int[] withinDistance = new int[mentees.size()];
        int[] bestColumn = new int[mentees.size()];
        double[] bestScore = new double[mentees.size()];
        for (int r = 0; r < mentees.size(); r++) {
            int m = mentees.get(r);
            profiles[r] = scorer.mentee(m);
            bestColumn[r] = -1;
            double best = -1;
            for (int l = 0; l < leaders.size(); l++) {
                int c = leaders.get(l);
                Double km = scorer.distanceKm(m, c);
                distances[r][l] = km;
                if (settings.maxDistanceKm() != null && km != null && km > settings.maxDistanceKm()) {
                    scores[r][l] = Double.NaN;
                    continue;
                }
                withinDistance[r]++;
                double score = scorer.score(profiles[r], c, open[c], km);
                if (score > best) {
                    best = score;
                    bestColumn[r] = l;
                    bestScore[r] = score;
                }
                scores[r][l] = score >= settings.minScore() ? score : Double.NaN;
            }
        }
        long scored = System.nanoTime();
        AssignmentSolver.Assignment optimal = AssignmentSolver.optimal(scores, remaining);
        long solved = System.nanoTime();
        AssignmentSolver.Assignment greedy = AssignmentSolver.greedy(scores, remaining);
        long greedySolved = System.nanoTime();

        String proposalId = "PP-" + UUID.randomUUID();
        List<PairingProposal.Item> items = new ArrayList<>();
        for (int r = 0; r < mentees.size(); r++) {
            int m = mentees.get(r);
            int l = optimal.leaderOf()[r];
            int g = greedy.leaderOf()[r];
            String greedyLeader = g < 0 ? null : snapshot.school(leaders.get(g)).id();
            Double greedyScore = g < 0 ? null : scores[r][g];
            if (l >= 0) {
                int c = leaders.get(l);
                CandidateExplanation explanation = scorer.explain(profiles[r], c, open[c], distances[r][l]);
                items.add(new PairingProposal.Item(proposalId, r, snapshot.school(m), snapshot.school(c), scores[r][l],
                        explanation.summary(), new PairingProposal.Components(explanation.context().value(),
                        explanation.resultGap().value(), explanation.typeSize().value(), explanation.proximity().value(),
                        explanation.capacity().value()), null, null, greedyLeader, greedyScore, null));
            } else {
                Unmatched why = unmatched(snapshot, settings, leaders, poolFull, scores, r, withinDistance[r], bestColumn[r],
                        bestScore[r], optimal, mentees);
                items.add(new PairingProposal.Item(proposalId, r, snapshot.school(m), null, null, null, null,
                        why.reason, why.message, greedyLeader, greedyScore, null));
            }
        }
        int slots = 0;
        for (int s : remaining) {
            slots += s;
        }
        PairingProposal proposal = new PairingProposal(proposalId, regionId, municipalityId,
                ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS), by, "MIN_COST_FLOW",
                settings.capacity(), settings.minScore(), settings.maxDistanceKm(), mentees.size(), alreadyPaired,
                leaders.size(), slots, optimal.paired(), mentees.size() - optimal.paired(), optimal.totalScore(),
                (scored - started) / 1e6, (solved - scored) / 1e6,
                new PairingProposal.Baseline("GREEDY", greedy.paired(), greedy.totalScore(), (greedySolved - solved) / 1e6));
        return new Computed(proposal, items);
    }

    private record Unmatched(PairingProposal.UnmatchedReason reason, String message) {
    }

    private static Unmatched unmatched(RegionSnapshot snapshot, PairingSettings settings, List<Integer> leaders,
                                       List<Integer> poolFull, double[][] scores, int r, int withinDistance, int bestColumn,
                                       double bestScore, AssignmentSolver.Assignment optimal, List<Integer> mentees) {
        if (leaders.isEmpty() && poolFull.isEmpty()) {
            return new Unmatched(PairingProposal.UnmatchedReason.NO_PARTNERS,
                    "В территории нет школ-лидеров, резильентных школ или школ с результатами выше ожидаемых");
        }
        if (leaders.isEmpty()) {
            return new Unmatched(PairingProposal.UnmatchedReason.ALL_PARTNERS_FULL,
                    "Все возможные школы-партнёры уже поддерживают предельное число школ (" + settings.capacity() + ")");
        }
        if (withinDistance == 0) {
            return new Unmatched(PairingProposal.UnmatchedReason.NO_PARTNER_WITHIN_DISTANCE,
                    String.format(RU, "Ни одной школы-партнёра со свободными местами ближе %.0f км", settings.maxDistanceKm()));
        }
        int acceptable = 0;
        int bestAcceptable = -1;
        for (int l = 0; l < leaders.size(); l++) {
            if (!Double.isNaN(scores[r][l])) {
                acceptable++;
                if (bestAcceptable < 0 || scores[r][l] > scores[r][bestAcceptable]) {
                    bestAcceptable = l;
                }
            }
        }
        if (acceptable == 0) {
            SchoolRow best = snapshot.school(leaders.get(bestColumn));
            return new Unmatched(PairingProposal.UnmatchedReason.BELOW_MIN_SCORE,
                    String.format(RU, "Лучший возможный партнёр «%s» набирает %.2f — ниже порога региона %.2f",
                            best.name(), bestScore, settings.minScore()));
        }
        SchoolRow best = snapshot.school(leaders.get(bestAcceptable));
        List<String> takenBy = new ArrayList<>();
        for (int other = 0; other < optimal.leaderOf().length; other++) {
            if (optimal.leaderOf()[other] == bestAcceptable) {
                takenBy.add("«" + snapshot.school(mentees.get(other)).name() + "»");
            }
        }
        return new Unmatched(PairingProposal.UnmatchedReason.CAPACITY_TAKEN, String.format(RU,
                "Подходящие партнёры (%d) заняты школами, для которых они подходят лучше; лучший из них — «%s» (%.2f) — предложен для %s",
                acceptable, best.name(), scores[r][bestAcceptable],
                takenBy.isEmpty() ? "других школ" : String.join(", ", takenBy)));
    }

    // ------------------------------------------------------------------ reading and acting on proposals

    public PairingProposal proposal(CurrentUser user, String id) {
        PairingProposal proposal = proposals.find(id).orElseThrow(() -> ApiException.notFound("Предложение пар", ApiException.Gender.NEUTER, id));
        ProposalAccess.requireProposalViewer(user, proposal);
        return proposal;
    }

    public Connection<PairingProposal> list(CurrentUser user, String regionId, Connection.Request page) {
        PairingAccess.requireRegionViewer(user, regionId);
        return proposals.list(regionId, ProposalAccess.proposalMunicipality(user), page);
    }

    public Connection<PairingProposal.Item> items(PairingProposal proposal, @Nullable Boolean matched, Connection.Request page) {
        return proposals.items(proposal.id(), matched, page);
    }

    /** The outcome of turning proposal items into pairs: created pairs and the items that were skipped, with why. */
    public record CreatedFromProposal(List<NetworkPair> created, List<Skipped> skipped) {
    }

    public record Skipped(String schoolId, String message) {
    }

    /** Creates PROPOSED pairs for the chosen matched items (all when none are named); each in its own transaction. */
    public CreatedFromProposal createPairs(CurrentUser user, String proposalId, @Nullable List<String> schoolIds) {
        PairingProposal proposal = proposal(user, proposalId);
        List<PairingProposal.Item> items = proposals.allItems(proposal.id());
        Set<String> wanted = schoolIds == null || schoolIds.isEmpty() ? null : new HashSet<>(schoolIds);
        List<NetworkPair> created = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (wanted != null) {
            Set<String> known = new HashSet<>();
            items.forEach(i -> known.add(i.mentee().id()));
            wanted.stream().filter(id -> !known.contains(id)).sorted()
                    .forEach(id -> skipped.add(new Skipped(id, "Школы нет в этом предложении")));
        }
        for (PairingProposal.Item item : items) {
            if (wanted != null && !wanted.contains(item.mentee().id())) {
                continue;
            }
            if (item.leader() == null) {
                if (wanted != null) {
                    skipped.add(new Skipped(item.mentee().id(), "Для школы не предложено партнёра: " + item.message()));
                }
                continue;
            }
            if (item.pairId() != null) {
                skipped.add(new Skipped(item.mentee().id(), "Пара по этому предложению уже создана: " + item.pairId()));
                continue;
            }
            try {
                NetworkPair pair = pairService.create(user, item.mentee().id(), item.leader().id(),
                        null, proposal.id());
                proposals.linkPair(proposal.id(), item.mentee().id(), pair.id());
                created.add(pair);
            } catch (ApiException e) {
                skipped.add(new Skipped(item.mentee().id(), e.getMessage()));
            }
        }
        return new CreatedFromProposal(created, skipped.stream().filter(Objects::nonNull).toList());
    }
}
