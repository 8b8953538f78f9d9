package org.opora.pairing.pairs;

/** Progress of one activity of a pair's joint action plan. */
public enum ActivityStatus {
    PLANNED,
    IN_PROGRESS,
    DONE,
    CANCELLED
}
