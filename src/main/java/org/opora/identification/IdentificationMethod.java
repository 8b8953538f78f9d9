package org.opora.identification;

/** The identification methods named in the regional documents (see docs/identification.md). */
public enum IdentificationMethod {
    /**
     * Kamensk-Uralsky / Kirov: stably low results (below the regional mean by a margin the region sets)
     * for N consecutive years in the chosen subjects, with Kirov's low olympiad activity and low
     * continuation to grade 10 as further conditions.
     */
    BELOW_REGIONAL_MEAN,
    /** Krasnoyarsk: regression of an integral results index on an integral social-context index. */
    REGRESSION,
    /** Federal "500+": a profile of risk factors, each with a level and the numbers behind it. */
    RISK_PROFILE,
    /** Kirov ШНСУ: lacks resources AND adverse families AND a complex student body, each from its own indicators. */
    THREE_CONDITIONS,
    /**
     * Chelyabinsk / Perm: monitoring of risks of falling results. Rising risk factors with a resource
     * deficit put a school in the (preventive) risk zone; a fall that has already happened is DECLINING.
     */
    RISK_MONITORING
}
