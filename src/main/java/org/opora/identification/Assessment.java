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

    /** One status with the method that gave it, a sentence for people and the evidence for programs. */
    public record Finding(SchoolStatus status, IdentificationMethod method, String explanation, Map<String, Object> evidence) {
    }

    /** One risk factor's level; {@code indicators} holds value, regional median and percentile of each. */
    public record RiskFactorLevel(RiskFactor factor, RiskFactor.Level level, List<Map<String, Object>> indicators) {
    }

    public List<String> statusNames() {
        return findings.stream().map(f -> f.status().name()).distinct().sorted().toList();
    }
}
