package org.opora.identification;

/** How the two ШНОР methods (stably low results, regression) make one status. */
public enum MethodCombination {
    /** Either method flags the school. */
    UNION,
    /** Both methods flag the school at their own thresholds. */
    INTERSECTION,
    /**
     * The primary method flags the school, and the other method confirms it at the looser
     * confirmation threshold: the results are low AND not explained by the school's context.
     */
    PRIMARY_WITH_CONFIRMATION
}
