package org.opora.pairing.pairs;

/** What a history entry of a pair records. */
public enum PairEventAction {
    CREATED,
    STATUS_CHANGED,
    ACTIVITY_ADDED,
    ACTIVITY_UPDATED,
    ACTIVITY_REMOVED
}
