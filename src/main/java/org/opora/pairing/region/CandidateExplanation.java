package org.opora.pairing.region;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The numbers behind one candidate's score. Every part has its value in [0, 1], its share of the
 * total weight and its contribution (share × value); the contributions add up to the score.
 */
public record CandidateExplanation(ContextPart context,
                                   ResultGapPart resultGap,
                                   TypeSizePart typeSize,
                                   ProximityPart proximity,
                                   CapacityPart capacity,
                                   String summary) {

    /**
     * (a) Similarity of social context: exp(-d²/2) of the weighted RMS difference d of standardised indicators, over
     * the indicators both schools have and whose weight is above 0 ({@code usedIndicators}; their weights renormalised
     * to sum 1); {@code featuresWeighted} is how many indicators the settings weigh at all. Real data lacks most
     * indicators: the NYC and England mappings give three of the thirteen, and not every school has all three.
     */
    public record ContextPart(double value, double weight, double contribution,
                              @Nullable Double distance, int featuresCompared, List<String> usedIndicators,
                              int featuresWeighted,
                              @Nullable Double schoolContextIndex, @Nullable Double partnerContextIndex,
                              List<FeatureComparison> features) {
    }

    /** One indicator of the two schools; {@code share} is its part of the squared distance. */
    public record FeatureComparison(String indicator, String label,
                                    @Nullable Double schoolValue, @Nullable Double partnerValue,
                                    @Nullable Integer schoolYear, @Nullable Integer partnerYear,
                                    @Nullable Double schoolZ, @Nullable Double partnerZ,
                                    double featureWeight, @Nullable Double share) {
    }

    /** (b) The partner's strength exactly where the school is weak. */
    public record ResultGapPart(double value, double weight, double contribution, String basis,
                                @Nullable Double schoolResultsIndex, @Nullable Double partnerResultsIndex,
                                List<SubjectGap> subjects) {
    }

    /**
     * One subject: {@code subjectWeight} is the school's deficit there (0 when it is not weak);
     * {@code value} = min(1, gap / gapSaturation) when the partner is above the regional mean, else 0.
     */
    public record SubjectGap(String subject, boolean weak, @Nullable Double schoolZ, @Nullable Double partnerZ,
                             @Nullable Double gap, double subjectWeight, double value) {
    }

    /** (c) Same locality, similar type (grade span) and size. */
    public record TypeSizePart(double value, double weight, double contribution,
                               @Nullable String schoolType, @Nullable String partnerType, double typeSimilarity,
                               @Nullable String schoolLocality, @Nullable String partnerLocality, double localitySimilarity,
                               @Nullable Double schoolEnrolment, @Nullable Double partnerEnrolment, double sizeSimilarity,
                               @Nullable Boolean schoolSmall, @Nullable Boolean partnerSmall) {
    }

    /** (d) 0.5 × same municipality + 0.5 × exp(-km / distanceScaleKm). */
    public record ProximityPart(double value, double weight, double contribution,
                                @Nullable Double distanceKm, boolean sameMunicipality, double closeness) {
    }

    /** (e) Remaining capacity of the partner: (K − open pairs) / K. */
    public record CapacityPart(double value, double weight, double contribution,
                               int capacity, int openPairs, int remaining) {
    }
}
