package org.opora.monitoring.calendar;

/** How a territory's submission is known: found in the data it had to produce, or marked by a person. */
public enum SubmissionSource {
    /** The identification run of the region, or a diagnostic of a teacher of the school, within the year. */
    DATA,
    /** markMonitoringSubmitted. */
    MARK
}
