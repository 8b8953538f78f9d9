package org.opora.practice;

/** One {@code AssessmentResult} of a school, as the outcome calculation needs it. */
public record ResultPoint(int year, String procedure, String subject, Integer grade, double meanScore) {
}
