package org.opora.practice;

import io.micronaut.core.annotation.Nullable;

/**
 * A school's adoption of a practice with how its results moved afterwards (null outcome: no data on both sides).
 * {@code contextSimilarity} is set in recommendations only: how close the adopting school's social context is to that
 * of the school the recommendation is for.
 */
public record AdoptionView(SchoolRef school, String date, String note, @Nullable AdoptionOutcome outcome,
                           @Nullable Double contextSimilarity) {
}
