package org.opora.identification;

import org.opora.platform.errors.ApiException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a run depends on, stored with the run so that runs of different years or settings can
 * be compared. Thresholds are in standard deviations of the region's own distribution.
 *
 * @param year              last year of the window
 * @param years             window length (also the N of "N consecutive years below the mean")
 * @param subjects          subjects for the below-the-mean method; a name also covers its variants
 *                          ("Математика" covers "Математика (профиль)")
 * @param contextWeights    weight per context indicator code in the integral context index (absent = 1)
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
        Map<String, Double> contextWeights) {

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
    }

    public static IdentificationParams defaults(String regionId, int year) {
        return new IdentificationParams(regionId, year, 3, Set.of(IdentificationMethod.values()), DEFAULT_SUBJECTS,
                1.0, 1.0, 0.5, 1.0, 0.5, 0.3, 0.9, 0.75, Map.of());
    }

    public int firstYear() {
        return year - years + 1;
    }

    public boolean covers(String chosenSubject, String subject) {
        return subject.equals(chosenSubject) || subject.startsWith(chosenSubject + " (");
    }
}
