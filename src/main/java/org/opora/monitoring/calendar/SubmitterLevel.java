package org.opora.monitoring.calendar;

/** Who has to submit for a deadline: the region itself, each of its municipalities, or each (ШНОР/ШНСУ) school. */
public enum SubmitterLevel {
    REGION,
    MUNICIPALITY,
    SCHOOL
}
