package org.opora.support.programmes;

/** What a programme goal answers: one of the school's current statuses, or one of its risk factors. */
public enum GoalBasisKind {
    STATUS, RISK_FACTOR
}
