package org.opora.identification;

import org.opora.platform.errors.ApiException;
import org.opora.school.Indicator;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a run depends on, stored with the run so that runs of different years or settings can
 * be compared. Thresholds in "Sd" are in standard deviations of the region's own distribution.
 *
 * @param year                  last year of the window
 * @param years                 window length (also the N of "N consecutive years")
 * @param subjects              subjects of the stably-low rule; a name also covers its variants
 *                              ("Математика" covers "Математика (профиль)")
 * @param lowResultsMarginSd    stably low: every subject-year at least this far below the regional mean
 * @param kirovConditions       stably low also needs low olympiad activity and low continuation to grade 10
 * @param lowOutcomeQuantile    "low" olympiad activity / continuation: in the region's lowest this share
 * @param lowResultsCombination how the stably-low rule and the regression make the ШНОР status
 * @param lowResultsPrimary     the primary ШНОР method of PRIMARY_WITH_CONFIRMATION
 * @param confirmationSd        confirmation threshold of the other method (residual or results index ≤ −this)
 * @param contextWeights        weight per context indicator code in the integral context index (absent = 1)
 * @param contextIndicators     the context index's indicators; empty = every context indicator that
 *                              behaves as adverse in the region's data (see the run's notes)
 * @param riskThresholds        region's MEDIUM/HIGH cut-offs per indicator, over {@link RiskThresholds#defaults()}
 */
public record IdentificationParams(
        String regionId,
        int year,
        int years,
        Set<IdentificationMethod> methods,
        List<String> subjects,
        double lowResidualSd,
        double adverseContextSd,
        double resilientContextSd,
        double resilientResidualSd,
        double leaderResultsSd,
        double riskTrendPerYear,
        double riskHighPercentile,
        double riskMediumPercentile,
        Map<String, Double> contextWeights,
        double lowResultsMarginSd,
        boolean kirovConditions,
        double lowOutcomeQuantile,
        MethodCombination lowResultsCombination,
        IdentificationMethod lowResultsPrimary,
        double confirmationSd,
        double resourceDeficitSd,
        double adverseFamiliesSd,
        double complexStudentBodySd,
        double riskRiseSd,
        int riskRisingFactors,
        RiskLevelMode riskLevels,
        Map<String, RiskThresholds.Threshold> riskThresholds,
        List<String> contextIndicators) {

    public static final List<String> DEFAULT_SUBJECTS = List.of("Русский язык", "Математика");

    public IdentificationParams {
        if (years < 1 || years > 10) {
            throw ApiException.badInput("years: от 1 до 10, получено " + years);
        }
        if (year < 2000 || year > 2100) {
            throw ApiException.badInput("year: неверный год " + year);
        }
        if (methods.isEmpty()) {
            throw ApiException.badInput("methods: нужен хотя бы один метод");
        }
        if (subjects.isEmpty()) {
            throw ApiException.badInput("subjects: нужен хотя бы один предмет");
        }
        if (!(riskMediumPercentile > 0 && riskMediumPercentile < riskHighPercentile && riskHighPercentile < 1)) {
            throw ApiException.badInput("riskMediumPercentile < riskHighPercentile, оба в (0; 1)");
        }
        contextWeights.forEach((code, weight) -> {
            if (weight < 0) {
                throw ApiException.badInput("contextWeights." + code + ": вес не может быть отрицательным");
            }
        });
        if (lowResultsMarginSd < 0) {
            throw ApiException.badInput("lowResultsMarginSd: отступ не может быть отрицательным, получено " + lowResultsMarginSd);
        }
        if (!(lowOutcomeQuantile > 0 && lowOutcomeQuantile < 1)) {
            throw ApiException.badInput("lowOutcomeQuantile: доля в (0; 1), получено " + lowOutcomeQuantile);
        }
        if (lowResultsPrimary != IdentificationMethod.BELOW_REGIONAL_MEAN && lowResultsPrimary != IdentificationMethod.REGRESSION) {
            throw ApiException.badInput("lowResultsPrimary: основным методом ШНОР может быть BELOW_REGIONAL_MEAN или REGRESSION");
        }
        if (riskRisingFactors < 1) {
            throw ApiException.badInput("riskRisingFactors: нужен хотя бы один фактор, получено " + riskRisingFactors);
        }
        riskThresholds.forEach((code, threshold) -> {
            Indicator indicator = Indicator.fromCode(code).orElseThrow(() ->
                    ApiException.badInput("riskThresholds.indicator: неизвестный показатель «" + code + "»"));
            if (!RiskThresholds.ordered(indicator, threshold)) {
                throw ApiException.badInput("riskThresholds." + code + ": порог HIGH должен быть "
                        + (RiskFactor.riskDirection(indicator) > 0 ? "не ниже" : "не выше") + " порога MEDIUM");
            }
        });
        for (String code : contextIndicators) {
            if (Indicator.fromCode(code).filter(i -> i.kind() == Indicator.Kind.CONTEXT).isEmpty()) {
                throw ApiException.badInput("contextIndicators: неизвестный контекстный показатель «" + code + "»");
            }
        }
    }

    public static IdentificationParams defaults(String regionId, int year) {
        return new IdentificationParams(regionId, year, 3, Set.of(IdentificationMethod.values()), DEFAULT_SUBJECTS,
                1.0, 1.0, 0.5, 1.0, 0.5, 0.3, 0.9, 0.75, Map.of(),
                0.5, true, 0.5, MethodCombination.PRIMARY_WITH_CONFIRMATION, IdentificationMethod.BELOW_REGIONAL_MEAN, 0.0,
                1.0, 1.0, 1.0, 0.75, 2, RiskLevelMode.THRESHOLDS, Map.of(), List.of());
    }

    public int firstYear() {
        return year - years + 1;
    }

    public boolean covers(String chosenSubject, String subject) {
        return subject.equals(chosenSubject) || subject.startsWith(chosenSubject + " (");
    }

    /** The threshold of an indicator: the region's own, else the default, else none. */
    RiskThresholds.Threshold threshold(Indicator indicator) {
        RiskThresholds.Threshold own = riskThresholds.get(indicator.code());
        return own != null ? own : RiskThresholds.defaults().get(indicator);
    }

    /** The same parameters with other ШНОР settings: for the per-combination table of docs/identification.md. */
    IdentificationParams withLowResults(double margin, boolean kirov, MethodCombination combination, IdentificationMethod primary) {
        return new IdentificationParams(regionId, year, years, methods, subjects, lowResidualSd, adverseContextSd,
                resilientContextSd, resilientResidualSd, leaderResultsSd, riskTrendPerYear, riskHighPercentile,
                riskMediumPercentile, contextWeights, margin, kirov, lowOutcomeQuantile, combination, primary, confirmationSd,
                resourceDeficitSd, adverseFamiliesSd, complexStudentBodySd, riskRiseSd, riskRisingFactors, riskLevels,
                riskThresholds, contextIndicators);
    }

}
