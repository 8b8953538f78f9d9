package org.opora.pairing.proposals;

import io.micronaut.core.annotation.Nullable;
import org.opora.pairing.region.SchoolRow;

import java.time.ZonedDateTime;

/**
 * A stored region-wide proposal: the optimal assignment of the unpaired low-result schools to
 * leaders under capacities, with the greedy baseline's figures on the same scores for comparison.
 */
public record PairingProposal(String id,
                              String regionId,
                              @Nullable String municipalityId,
                              ZonedDateTime createdAt,
                              String createdBy,
                              String method,
                              int capacity,
                              double minScore,
                              @Nullable Double maxDistanceKm,
                              int menteeCount,
                              int alreadyPairedCount,
                              int leaderCount,
                              int slotCount,
                              int pairedCount,
                              int unmatchedCount,
                              double totalScore,
                              double scoringMillis,
                              double solveMillis,
                              Baseline greedy) {

    @Nullable
    public Double meanScore() {
        return pairedCount == 0 ? null : totalScore / pairedCount;
    }

    /** The greedy baseline (best remaining couple first) on the same scores. */
    public record Baseline(String method, int pairedCount, double totalScore, double solveMillis) {
        @Nullable
        public Double meanScore() {
            return pairedCount == 0 ? null : totalScore / pairedCount;
        }
    }

    /** Why a school was left without a partner. */
    public enum UnmatchedReason {
        NO_PARTNERS,
        NO_PARTNER_WITHIN_DISTANCE,
        ALL_PARTNERS_FULL,
        BELOW_MIN_SCORE,
        CAPACITY_TAKEN
    }

    /** One school of the proposal: its proposed leader, or why there is none. */
    public record Item(String proposalId,
                       int position,
                       SchoolRow mentee,
                       @Nullable SchoolRow leader,
                       @Nullable Double score,
                       @Nullable String summary,
                       @Nullable Components components,
                       @Nullable UnmatchedReason reason,
                       @Nullable String message,
                       @Nullable String greedyLeaderId,
                       @Nullable Double greedyScore,
                       @Nullable String pairId) {
    }

    /** The values (0..1) of the five parts of a proposed couple's score. */
    public record Components(double context, double resultGap, double typeSize, double proximity, double capacity) {
    }
}
