package org.opora.practice;

/**
 * How a school's results moved after it adopted a practice.
 *
 * @param change      mean change over the compared series, in percentage points of each procedure's scale
 *                    (a ВПР mark going 3.4 → 3.7 on the 2..5 scale is +10 points)
 * @param series      how many result series (procedure, subject, grade) had data both before and after
 * @param improved    whether {@code change} reached the configured threshold
 * @param description the change in words, e.g. «ВПР, Математика, 5 кл.: 3,41 → 3,72; в среднем +4,1 п.п. …»
 */
public record AdoptionOutcome(double change, int series, boolean improved, String headlineSeries,
                              double headlineBefore, double headlineAfter, String description) {
}
