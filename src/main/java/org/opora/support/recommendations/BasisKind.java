package org.opora.support.recommendations;

/** What a recommendation rests on: a school's status, one of its risk factors, or a teacher's diagnostic. */
public enum BasisKind {
    STATUS,
    RISK_FACTOR,
    DIAGNOSTIC
}
