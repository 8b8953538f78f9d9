package org.opora.monitoring.calendar;

/** Where a deadline stands on a given day. */
public enum DeadlinePhase {
    /** Before its start date. */
    UPCOMING,
    /** From its start date to its due date inclusive, someone still to submit. */
    OPEN,
    /** After its due date with someone still to submit. */
    OVERDUE,
    /** Everybody has submitted. */
    COMPLETE
}
