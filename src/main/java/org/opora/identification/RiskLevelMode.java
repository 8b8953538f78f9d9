package org.opora.identification;

/** Where risk factor levels come from. */
public enum RiskLevelMode {
    /** Thresholds the region sets per indicator (defaults in {@link RiskThresholds}). */
    THRESHOLDS,
    /** The school's percentile in the region (a quarter of schools MEDIUM or worse on every factor by construction). */
    PERCENTILES
}
