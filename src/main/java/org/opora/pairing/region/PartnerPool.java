package org.opora.pairing.region;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Who may be a partner (the leader side of a pair), decided from the statuses and indices of the
 * last identification run:
 * <ol>
 *   <li>never a low-result school (status LOW_RESULTS, ШНОР);</li>
 *   <li>never a school in the risk zone (rising risks and resource deficits) or whose results are already
 *       falling (DECLINING), even a LEADER: it needs its resources for itself;</li>
 *   <li>a LEADER or RESILIENT school always is;</li>
 *   <li>otherwise a school is when its results are above the regional mean ({@code resultsIndex > 0}) and
 *       above what its context predicts ({@code residual > 0}).</li>
 * </ol>
 */
public final class PartnerPool {

    public static final String LOW_RESULTS = "LOW_RESULTS";
    public static final String UNFAVOURABLE_CONTEXT = "UNFAVOURABLE_CONTEXT";
    public static final String LEADER = "LEADER";
    public static final String RESILIENT = "RESILIENT";
    public static final String RISK_ZONE = "RISK_ZONE";
    public static final String DECLINING = "DECLINING";

    /** Why a school is or is not in the pool. */
    public enum Membership {
        LEADER(true), RESILIENT(true), ABOVE_EXPECTED(true),
        LOW_RESULTS(false), RISK_ZONE(false), NOT_STRONG_ENOUGH(false);

        private final boolean member;

        Membership(boolean member) {
            this.member = member;
        }

        public boolean member() {
            return member;
        }
    }

    private PartnerPool() {
    }

    /**
     * Whether a school is one a pair supports (the mentee side): a ШНОР school, or a ШНСУ school that is not itself
     * strong enough to be a partner (a resilient ШНСУ school is one of the best partners for the others).
     */
    public static boolean needsSupport(List<String> statuses, Membership membership) {
        return membership == Membership.LOW_RESULTS || (statuses.contains(UNFAVOURABLE_CONTEXT) && !membership.member());
    }

    public static Membership of(List<String> statuses, @Nullable Double resultsIndex, @Nullable Double residual) {
        if (statuses.contains(LOW_RESULTS)) {
            return Membership.LOW_RESULTS;
        }
        if (statuses.contains(RISK_ZONE) || statuses.contains(DECLINING)) {
            return Membership.RISK_ZONE;
        }
        if (statuses.contains(LEADER)) {
            return Membership.LEADER;
        }
        if (statuses.contains(RESILIENT)) {
            return Membership.RESILIENT;
        }
        if (resultsIndex != null && residual != null && resultsIndex > 0 && residual > 0) {
            return Membership.ABOVE_EXPECTED;
        }
        return Membership.NOT_STRONG_ENOUGH;
    }
}
