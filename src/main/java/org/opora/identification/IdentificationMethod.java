package org.opora.identification;

/** The identification methods named in the regional documents (see docs/identification.md). */
public enum IdentificationMethod {
    /** Kamensk-Uralsky / Kirov: below the regional mean for N consecutive years in the chosen subjects. */
    BELOW_REGIONAL_MEAN,
    /** Krasnoyarsk: regression of an integral results index on an integral social-context index. */
    REGRESSION,
    /** Federal "500+": a profile of risk factors, each with a level and the numbers behind it. */
    RISK_PROFILE
}
