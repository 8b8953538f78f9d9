package org.opora.practice;

/** A school's adoption of a practice with how its results moved afterwards (null outcome: no data on both sides). */
public record AdoptionView(SchoolRef school, String date, String note, AdoptionOutcome outcome) {
}
