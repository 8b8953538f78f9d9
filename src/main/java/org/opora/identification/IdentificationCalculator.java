package org.opora.identification;

import org.opora.identification.Assessment.Finding;
import org.opora.identification.Assessment.RiskFactorLevel;
import org.opora.identification.RegionData.IndicatorRow;
import org.opora.identification.RegionData.Result;
import org.opora.school.Indicator;
import org.opora.school.SchoolStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The identification methods as pure computation over one region's data (no I/O, so they are
 * tested on constructed regions with known answers). Every result is first standardised within its
 * procedure, subject, grade and year across the region's schools, which puts ВПР marks, ЕГЭ points
 * and КДР percentages on one scale (standard deviations from the regional mean).
 */
final class IdentificationCalculator {

    private final IdentificationParams params;

    IdentificationCalculator(IdentificationParams params) {
        this.params = params;
    }

    record Outcome(List<Assessment> assessments, Stats.Line regression, double residualSd, int regressionSchools) {
    }

    Outcome run(RegionData data) {
        Map<String, SchoolScores> scores = standardise(data.results());
        Map<String, Double> context = contextIndex(data.indicators());

        // Krasnoyarsk: regress the results index on the context index over schools having both.
        List<String> fitted = data.schoolIds().stream()
                .filter(id -> scores.containsKey(id) && context.containsKey(id)).toList();
        double[] x = fitted.stream().mapToDouble(context::get).toArray();
        double[] y = fitted.stream().mapToDouble(id -> scores.get(id).resultsIndex()).toArray();
        Stats.Line line = fitted.size() >= 3 ? Stats.ols(x, y) : new Stats.Line(0, 0, 0);
        double[] residuals = fitted.stream().mapToDouble(id -> scores.get(id).resultsIndex() - line.at(context.get(id))).toArray();
        double residualSd = fitted.size() >= 3 ? Stats.sd(residuals) : Double.NaN;

        Map<String, Map<Indicator, Double>> latestIndicators = latestValues(data.indicators());
        RiskProfiler risk = new RiskProfiler(latestIndicators);
        BelowMeanOutcomes outcomes = new BelowMeanOutcomes(latestIndicators);

        List<Assessment> assessments = new ArrayList<>();
        for (String schoolId : data.schoolIds()) {
            SchoolScores s = scores.get(schoolId);
            Double c = context.get(schoolId);
            Double expected = s != null && c != null && !Double.isNaN(residualSd) ? line.at(c) : null;
            Double residual = expected != null ? s.resultsIndex() - expected : null;
            List<Finding> findings = new ArrayList<>();
            if (params.methods().contains(IdentificationMethod.BELOW_REGIONAL_MEAN) && s != null) {
                belowMean(s, outcomes.evidence(schoolId)).ifPresent(findings::add);
            }
            if (params.methods().contains(IdentificationMethod.REGRESSION)) {
                findings.addAll(regression(s, c, expected, residual, residualSd, line));
            }
            List<RiskFactorLevel> profile = params.methods().contains(IdentificationMethod.RISK_PROFILE)
                    ? risk.profile(schoolId) : List.of();
            assessments.add(new Assessment(schoolId,
                    s == null ? null : round(s.resultsIndex()), c == null ? null : round(c),
                    expected == null ? null : round(expected), residual == null ? null : round(residual),
                    s == null || s.trend() == null ? null : round(s.trend()),
                    s == null ? Map.of() : s.subjectIndex(), findings, profile));
        }
        return new Outcome(assessments, line, residualSd, fitted.size());
    }

    // --- results ------------------------------------------------------------------------------

    /** A school's standardised results: per year overall, per chosen subject and year, and summaries. */
    private record SchoolScores(TreeMap<Integer, Double> byYear, Map<String, TreeMap<Integer, Double>> bySubjectYear,
                                double resultsIndex, Double trend, Map<String, Double> subjectIndex) {
    }

    private Map<String, SchoolScores> standardise(List<Result> results) {
        Map<String, List<Result>> groups = results.stream()
                .filter(r -> r.year() >= params.firstYear() && r.year() <= params.year())
                .collect(Collectors.groupingBy(r -> r.procedure() + '|' + r.subject() + '|' + r.grade() + '|' + r.year()));
        Map<String, Map<Integer, List<Double>>> yearZ = new HashMap<>();
        Map<String, Map<String, Map<Integer, List<Double>>>> subjectYearZ = new HashMap<>();
        for (List<Result> group : groups.values()) {
            double[] values = group.stream().mapToDouble(Result::meanScore).toArray();
            double mean = Stats.mean(values);
            double sd = Stats.sd(values);
            if (group.size() < 3 || !(sd > 0)) {
                continue; // too few schools to say where the regional mean is
            }
            for (Result r : group) {
                double z = (r.meanScore() - mean) / sd;
                yearZ.computeIfAbsent(r.schoolId(), k -> new HashMap<>())
                        .computeIfAbsent(r.year(), k -> new ArrayList<>()).add(z);
                for (String chosen : params.subjects()) {
                    if (params.covers(chosen, r.subject())) {
                        subjectYearZ.computeIfAbsent(r.schoolId(), k -> new HashMap<>())
                                .computeIfAbsent(chosen, k -> new HashMap<>())
                                .computeIfAbsent(r.year(), k -> new ArrayList<>()).add(z);
                    }
                }
            }
        }
        Map<String, SchoolScores> scores = new HashMap<>();
        yearZ.forEach((schoolId, years) -> {
            TreeMap<Integer, Double> byYear = averages(years);
            Map<String, TreeMap<Integer, Double>> bySubject = new LinkedHashMap<>();
            subjectYearZ.getOrDefault(schoolId, Map.of()).forEach((subject, ys) -> bySubject.put(subject, averages(ys)));
            double index = byYear.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            Double trend = byYear.size() >= 2 ? Stats.ols(
                    byYear.keySet().stream().mapToDouble(Integer::doubleValue).toArray(),
                    byYear.values().stream().mapToDouble(Double::doubleValue).toArray()).slope() : null;
            Map<String, Double> subjectIndex = new LinkedHashMap<>();
            bySubject.forEach((subject, ys) -> subjectIndex.put(subject,
                    round(ys.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow())));
            scores.put(schoolId, new SchoolScores(byYear, bySubject, index, trend, subjectIndex));
        });
        return scores;
    }

    private static TreeMap<Integer, Double> averages(Map<Integer, List<Double>> byYear) {
        TreeMap<Integer, Double> result = new TreeMap<>();
        byYear.forEach((year, zs) -> result.put(year, zs.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
        return result;
    }

    // --- context --------------------------------------------------------------------------------

    private Map<String, Map<Indicator, Double>> latestValues(List<IndicatorRow> rows) {
        Map<String, Map<Indicator, int[]>> years = new HashMap<>();
        Map<String, Map<Indicator, Double>> values = new HashMap<>();
        for (IndicatorRow row : rows) {
            if (row.year() > params.year() || row.year() < params.firstYear()) {
                continue;
            }
            Indicator indicator = Indicator.fromCode(row.indicator()).orElse(null);
            if (indicator == null) {
                continue;
            }
            int[] seen = years.computeIfAbsent(row.schoolId(), k -> new HashMap<>()).computeIfAbsent(indicator, k -> new int[]{0});
            if (row.year() >= seen[0]) {
                seen[0] = row.year();
                values.computeIfAbsent(row.schoolId(), k -> new HashMap<>()).put(indicator, row.value());
            }
        }
        return values;
    }

    /**
     * The integral context index: each context indicator oriented so that higher is more adverse,
     * standardised across the region, averaged with the region's weights, then standardised again
     * so that thresholds read as standard deviations.
     */
    private Map<String, Double> contextIndex(List<IndicatorRow> rows) {
        Map<String, Map<Indicator, Double>> latest = latestValues(rows);
        Map<String, double[]> sums = new HashMap<>(); // school -> {weighted sum, weight}
        for (Indicator indicator : Indicator.values()) {
            if (indicator.kind() != Indicator.Kind.CONTEXT) {
                continue;
            }
            double weight = params.contextWeights().getOrDefault(indicator.code(), 1.0);
            if (weight == 0) {
                continue;
            }
            Map<String, Double> oriented = new HashMap<>();
            latest.forEach((school, values) -> {
                Double v = values.get(indicator);
                if (v != null) {
                    oriented.put(school, RiskFactor.riskDirection(indicator) * v);
                }
            });
            double[] all = oriented.values().stream().mapToDouble(Double::doubleValue).toArray();
            double mean = Stats.mean(all);
            double sd = Stats.sd(all);
            if (oriented.size() < 3 || !(sd > 0)) {
                continue;
            }
            oriented.forEach((school, v) -> {
                double[] acc = sums.computeIfAbsent(school, k -> new double[2]);
                acc[0] += weight * (v - mean) / sd;
                acc[1] += weight;
            });
        }
        Map<String, Double> raw = new HashMap<>();
        sums.forEach((school, acc) -> raw.put(school, acc[0] / acc[1]));
        double[] all = raw.values().stream().mapToDouble(Double::doubleValue).toArray();
        double mean = Stats.mean(all);
        double sd = Stats.sd(all);
        Map<String, Double> index = new HashMap<>();
        raw.forEach((school, v) -> index.put(school, sd > 0 ? (v - mean) / sd : 0.0));
        return index;
    }

    // --- method a: below the regional mean N years running ------------------------------------

    private java.util.Optional<Finding> belowMean(SchoolScores s, Map<String, Object> outcomeEvidence) {
        Map<String, Object> bySubject = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        for (String subject : params.subjects()) {
            TreeMap<Integer, Double> years = s.bySubjectYear().get(subject);
            if (years == null) {
                return java.util.Optional.empty();
            }
            Map<String, Double> yearValues = new LinkedHashMap<>();
            for (int year = params.firstYear(); year <= params.year(); year++) {
                Double z = years.get(year);
                if (z == null || z >= 0) {
                    return java.util.Optional.empty(); // a missing or non-negative year breaks the run of years
                }
                yearValues.put(String.valueOf(year), round(z));
            }
            bySubject.put(subject, yearValues);
            parts.add(subject + ": " + yearValues.values().stream().map(IdentificationCalculator::sigma)
                    .collect(Collectors.joining(", ")));
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("years", params.firstYear() + "-" + params.year());
        evidence.put("deviationFromRegionalMeanSd", bySubject);
        evidence.putAll(outcomeEvidence);
        String explanation = String.format(Locale.ROOT, "Средний результат ниже среднего по региону %d %s подряд (%d–%d): %s",
                params.years(), params.years() == 1 ? "год" : params.years() < 5 ? "года" : "лет",
                params.firstYear(), params.year(), String.join("; ", parts));
        return java.util.Optional.of(new Finding(SchoolStatus.LOW_RESULTS, IdentificationMethod.BELOW_REGIONAL_MEAN, explanation, evidence));
    }

    /** Olympiad activity and continuation to grade 10 next to the regional median, as in the Kirov model. */
    private final class BelowMeanOutcomes {
        private final Map<String, Map<Indicator, Double>> latest;
        private final Map<Indicator, Double> medians = new HashMap<>();

        BelowMeanOutcomes(Map<String, Map<Indicator, Double>> latest) {
            this.latest = latest;
            for (Indicator outcome : List.of(Indicator.OLYMPIAD_PARTICIPATION_SHARE, Indicator.GRADE10_CONTINUATION_SHARE)) {
                double[] values = latest.values().stream().map(m -> m.get(outcome)).filter(v -> v != null)
                        .mapToDouble(Double::doubleValue).sorted().toArray();
                medians.put(outcome, Stats.median(values));
            }
        }

        Map<String, Object> evidence(String schoolId) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            medians.forEach((indicator, median) -> {
                Double value = latest.getOrDefault(schoolId, Map.of()).get(indicator);
                if (value != null && !median.isNaN()) {
                    evidence.put(indicator.code(), Map.of("value", round(value), "regionalMedian", round(median),
                            "belowMedian", value < median));
                }
            });
            return evidence;
        }
    }

    // --- method b: regression of results on context ---------------------------------------------

    private List<Finding> regression(SchoolScores s, Double c, Double expected, Double residual, double residualSd, Stats.Line line) {
        List<Finding> findings = new ArrayList<>();
        if (c != null && c >= params.adverseContextSd()) {
            findings.add(new Finding(SchoolStatus.UNFAVOURABLE_CONTEXT, IdentificationMethod.REGRESSION,
                    "Индекс социального неблагополучия " + sigma(c) + " (порог " + sigma(params.adverseContextSd()) + ")",
                    evidence("contextIndex", c, "threshold", params.adverseContextSd())));
        }
        if (s != null && s.trend() != null && s.byYear().size() >= 3 && s.trend() <= -params.riskTrendPerYear()) {
            Map<String, Object> byYear = new LinkedHashMap<>();
            s.byYear().forEach((year, z) -> byYear.put(String.valueOf(year), round(z)));
            findings.add(new Finding(SchoolStatus.RISK_ZONE, IdentificationMethod.REGRESSION,
                    "Результаты снижаются на " + sigma(-s.trend()) + " в год (порог " + sigma(params.riskTrendPerYear()) + "): "
                            + byYear.values().stream().map(v -> sigma((Double) v)).collect(Collectors.joining(" → ")),
                    evidence("trendPerYear", s.trend(), "threshold", -params.riskTrendPerYear(), "resultsIndexByYear", byYear)));
        }
        if (residual == null) {
            return findings;
        }
        double residualInSd = residual / residualSd;
        Map<String, Object> lineEvidence = evidence("resultsIndex", s.resultsIndex(), "contextIndex", c,
                "expected", expected, "residual", residual, "residualSd", residualSd, "residualInSd", residualInSd,
                "intercept", line.intercept(), "slope", line.slope());
        if (residualInSd <= -params.lowResidualSd()) {
            findings.add(new Finding(SchoolStatus.LOW_RESULTS, IdentificationMethod.REGRESSION,
                    "Результаты ниже ожидаемых для её социального контекста: индекс " + sigma(s.resultsIndex())
                            + " при ожидаемом " + sigma(expected) + ", отклонение " + String.format(Locale.ROOT, "%+.2f", residualInSd)
                            + " ст. откл. остатков (порог −" + params.lowResidualSd() + ")",
                    with(lineEvidence, "threshold", -params.lowResidualSd())));
        }
        if (c != null && c >= params.resilientContextSd() && residualInSd >= params.resilientResidualSd()) {
            findings.add(new Finding(SchoolStatus.RESILIENT, IdentificationMethod.REGRESSION,
                    "Неблагоприятный контекст (" + sigma(c) + "), но результаты выше ожидаемых на "
                            + String.format(Locale.ROOT, "%.2f", residualInSd) + " ст. откл. остатков",
                    with(lineEvidence, "threshold", params.resilientResidualSd())));
        }
        if (s.resultsIndex() >= params.leaderResultsSd() && residual >= 0) {
            findings.add(new Finding(SchoolStatus.LEADER, IdentificationMethod.REGRESSION,
                    "Высокие результаты (" + sigma(s.resultsIndex()) + ", порог " + sigma(params.leaderResultsSd())
                            + "), не ниже ожидаемых для её контекста",
                    with(lineEvidence, "threshold", params.leaderResultsSd())));
        }
        return findings;
    }

    // --- method c: "500+" risk profile --------------------------------------------------------

    private final class RiskProfiler {
        private final Map<String, Map<Indicator, Double>> latest;
        private final Map<Indicator, double[]> sortedRisk = new HashMap<>();

        RiskProfiler(Map<String, Map<Indicator, Double>> latest) {
            this.latest = latest;
            for (RiskFactor factor : RiskFactor.values()) {
                for (Indicator indicator : factor.indicators()) {
                    sortedRisk.computeIfAbsent(indicator, i -> latest.values().stream().map(m -> m.get(i))
                            .filter(v -> v != null).mapToDouble(v -> RiskFactor.riskDirection(i) * v).sorted().toArray());
                }
            }
        }

        List<RiskFactorLevel> profile(String schoolId) {
            Map<Indicator, Double> values = latest.getOrDefault(schoolId, Map.of());
            List<RiskFactorLevel> profile = new ArrayList<>();
            for (RiskFactor factor : RiskFactor.values()) {
                RiskFactor.Level level = null;
                List<Map<String, Object>> indicators = new ArrayList<>();
                for (Indicator indicator : factor.indicators()) {
                    Double value = values.get(indicator);
                    double[] sorted = sortedRisk.get(indicator);
                    if (value == null || sorted.length < 3) {
                        continue;
                    }
                    int direction = RiskFactor.riskDirection(indicator);
                    double percentile = Stats.percentileRank(sorted, direction * value);
                    RiskFactor.Level indicatorLevel = percentile >= params.riskHighPercentile() ? RiskFactor.Level.HIGH
                            : percentile >= params.riskMediumPercentile() ? RiskFactor.Level.MEDIUM : RiskFactor.Level.LOW;
                    level = level == null || indicatorLevel.compareTo(level) > 0 ? indicatorLevel : level;
                    Map<String, Object> evidence = new LinkedHashMap<>();
                    evidence.put("indicator", indicator.code());
                    evidence.put("label", indicator.label());
                    evidence.put("value", round(value));
                    evidence.put("regionalMedian", round(direction * Stats.median(sorted)));
                    evidence.put("percentile", round(percentile));
                    indicators.add(evidence);
                }
                if (level != null) {
                    profile.add(new RiskFactorLevel(factor, level, indicators));
                }
            }
            return profile;
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static Map<String, Object> evidence(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            map.put((String) keyValues[i], value instanceof Double d ? round(d) : value);
        }
        return map;
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, double value) {
        Map<String, Object> map = new LinkedHashMap<>(base);
        map.put(key, round(value));
        return map;
    }

    private static double round(double value) {
        return Stats.round(value, 3);
    }

    private static String sigma(double value) {
        return String.format(Locale.ROOT, "%+.2fσ", value).replace('-', '−');
    }

    static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
