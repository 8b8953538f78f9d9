package org.opora.identification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import org.opora.school.SchoolStatus;

import java.util.List;
import java.util.Map;

/** What one run concluded about one school, with the numbers behind every conclusion. */
public record Assessment(
        String schoolId,
        @Nullable Double resultsIndex,
        @Nullable Double contextIndex,
        @Nullable Double expected,
        @Nullable Double residual,
        @Nullable Double trend,
        Map<String, Double> subjectIndex,
        List<Finding> findings,
        List<RiskFactorLevel> riskProfile) {

    /**
     * One status with the method that gave it, a sentence for people and the evidence for programs.
     * {@code decisive} is false when the method found the status but the region's combination of
     * methods did not give it to the school (e.g. the regression alone, under INTERSECTION).
     */
    public record Finding(SchoolStatus status, IdentificationMethod method, String explanation, Map<String, Object> evidence,
                          boolean decisive) {

        public Finding(SchoolStatus status, IdentificationMethod method, String explanation, Map<String, Object> evidence) {
            this(status, method, explanation, evidence, true);
        }

        Finding decisive(boolean value) {
            return new Finding(status, method, explanation, evidence, value);
        }
    }

    /** One risk factor's level, with the evidence of each indicator it was read from (stored as JSON with the run). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RiskFactorLevel(RiskFactor factor, RiskFactor.Level level, List<IndicatorEvidence> indicators) {

        public String label() {
            return factor.label();
        }
    }

    /**
     * One indicator behind a risk factor's level: the school's value, the region's median, the share of the region's
     * schools at or below this school's risk (0..1), and the thresholds the level came from (null with percentiles).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IndicatorEvidence(String indicator, String label, double value, double regionalMedian, double percentile,
                                    @Nullable Double mediumThreshold, @Nullable Double highThreshold) {
    }

    public List<String> statusNames() {
        return findings.stream().filter(Finding::decisive).map(f -> f.status().name()).distinct().sorted().toList();
    }
}
