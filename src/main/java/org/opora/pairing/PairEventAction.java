package org.opora.pairing;

/** What a history entry of a pair records. */
public enum PairEventAction {
    CREATED,
    STATUS_CHANGED,
    ACTIVITY_ADDED,
    ACTIVITY_UPDATED,
    ACTIVITY_REMOVED
}
