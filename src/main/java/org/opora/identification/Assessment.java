package org.opora.identification;

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

    /** One risk factor's level; {@code indicators} holds value, regional median and percentile of each. */
    public record RiskFactorLevel(RiskFactor factor, RiskFactor.Level level, List<Map<String, Object>> indicators) {
    }

    public List<String> statusNames() {
        return findings.stream().filter(Finding::decisive).map(f -> f.status().name()).distinct().sorted().toList();
    }
}
