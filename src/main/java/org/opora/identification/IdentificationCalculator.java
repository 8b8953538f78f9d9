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

    record Outcome(List<Assessment> assessments, Stats.Line regression, double residualSd, int regressionSchools,
                   List<MethodNote> notes, List<String> contextIndicators) {
    }

    Outcome run(RegionData data) {
        List<MethodNote> notes = new ArrayList<>();
        Map<String, SchoolScores> scores = standardise(data.results());
        Map<String, Map<Indicator, Double>> latestIndicators = latestValues(data.indicators());
        Map<Indicator, Map<String, Double>> z = zScores(latestIndicators);
        List<Indicator> contextChosen = chooseContext(latestIndicators, scores, notes);
        Map<String, Double> context = contextIndex(z, contextChosen);

        // Krasnoyarsk: regress the results index on the context index over schools having both.
        List<String> fitted = data.schoolIds().stream()
                .filter(id -> scores.containsKey(id) && context.containsKey(id)).toList();
        double[] x = fitted.stream().mapToDouble(context::get).toArray();
        double[] y = fitted.stream().mapToDouble(id -> scores.get(id).resultsIndex()).toArray();
        Stats.Line line = fitted.size() >= 3 ? Stats.ols(x, y) : new Stats.Line(0, 0, 0);
        double[] residuals = fitted.stream().mapToDouble(id -> scores.get(id).resultsIndex() - line.at(context.get(id))).toArray();
        double residualSd = fitted.size() >= 3 ? Stats.sd(residuals) : Double.NaN;

        boolean stablyLowApplies = uses(IdentificationMethod.BELOW_REGIONAL_MEAN)
                && stablyLowApplicability(data.results(), notes);
        boolean regressionApplies = uses(IdentificationMethod.REGRESSION) && regressionApplicability(fitted.size(), contextChosen, notes);
        KirovOutcomes outcomes = new KirovOutcomes(latestIndicators, stablyLowApplies, notes);
        ThreeConditions conditions = new ThreeConditions(z, notes);
        RiskMonitor monitor = new RiskMonitor(data.indicators(), latestIndicators, z, scores, notes);
        RiskProfiler risk = new RiskProfiler(latestIndicators);
        if (uses(IdentificationMethod.RISK_PROFILE)) {
            notes.add(latestIndicators.isEmpty()
                    ? new MethodNote(IdentificationMethod.RISK_PROFILE, false, "Нет ни одного показателя школ за "
                            + params.firstYear() + "–" + params.year() + ": профиль рисков не построить")
                    : new MethodNote(IdentificationMethod.RISK_PROFILE, true, params.riskLevels() == RiskLevelMode.THRESHOLDS
                            ? "Уровни факторов — по порогам региона (пороги по умолчанию, где регион их не задал)"
                            : "Уровни факторов — по процентилям школы в регионе"));
        }

        List<Assessment> assessments = new ArrayList<>();
        for (String schoolId : data.schoolIds()) {
            SchoolScores s = scores.get(schoolId);
            Double c = context.get(schoolId);
            Double expected = s != null && c != null && !Double.isNaN(residualSd) ? line.at(c) : null;
            Double residual = expected != null ? s.resultsIndex() - expected : null;
            Double residualInSd = residual != null && residualSd > 0 ? residual / residualSd : null;
            List<Finding> findings = new ArrayList<>();
            Finding stablyLow = stablyLowApplies && s != null ? stablyLow(s, outcomes, schoolId).orElse(null) : null;
            if (stablyLow != null) {
                findings.add(stablyLow);
            }
            if (regressionApplies) {
                findings.addAll(regression(s, c, expected, residual, residualSd, line));
            }
            if (uses(IdentificationMethod.THREE_CONDITIONS) && conditions.applies()) {
                conditions.finding(schoolId).ifPresent(findings::add);
            }
            if (uses(IdentificationMethod.RISK_MONITORING)) {
                monitor.declining(s).ifPresent(findings::add);
            }
            findings = combine(findings, s, residualInSd, stablyLowApplies, regressionApplies, conditions.applies());
            if (uses(IdentificationMethod.RISK_MONITORING)
                    && findings.stream().noneMatch(f -> f.decisive() && f.status() == SchoolStatus.LOW_RESULTS)) {
                // Preventive: a school whose results are already low is ШНОР, not "at risk of" low results.
                monitor.riskZone(schoolId, conditions).ifPresent(findings::add);
            }
            List<RiskFactorLevel> profile = uses(IdentificationMethod.RISK_PROFILE) ? risk.profile(schoolId) : List.of();
            assessments.add(new Assessment(schoolId,
                    s == null ? null : round(s.resultsIndex()), c == null ? null : round(c),
                    expected == null ? null : round(expected), residual == null ? null : round(residual),
                    s == null || s.trend() == null ? null : round(s.trend()),
                    s == null ? Map.of() : s.subjectIndex(), findings, profile));
        }
        return new Outcome(assessments, line, residualSd, fitted.size(), notes,
                contextChosen.stream().map(Indicator::code).toList());
    }

    private boolean uses(IdentificationMethod method) {
        return params.methods().contains(method);
    }

    /**
     * Which findings give the school its statuses. ШНОР: the two methods combine as the region set
     * (a method that could not apply to the region leaves the other to decide alone). ШНСУ: Kirov's
     * three conditions when they could apply, else the regression's context index.
     */
    private List<Finding> combine(List<Finding> findings, SchoolScores s, Double residualInSd,
                                  boolean stablyLowApplies, boolean regressionApplies, boolean threeConditionsApply) {
        Finding mean = find(findings, SchoolStatus.LOW_RESULTS, IdentificationMethod.BELOW_REGIONAL_MEAN);
        Finding regression = find(findings, SchoolStatus.LOW_RESULTS, IdentificationMethod.REGRESSION);
        List<Finding> result = new ArrayList<>();
        for (Finding f : findings) {
            boolean decisive = true;
            if (f.status() == SchoolStatus.LOW_RESULTS && stablyLowApplies && regressionApplies) {
                decisive = switch (params.lowResultsCombination()) {
                    case UNION -> true;
                    case INTERSECTION -> mean != null && regression != null;
                    case PRIMARY_WITH_CONFIRMATION -> f.method() == params.lowResultsPrimary() && confirmed(f, s, residualInSd);
                };
                if (params.lowResultsCombination() == MethodCombination.PRIMARY_WITH_CONFIRMATION && f.method() == params.lowResultsPrimary()) {
                    f = new Finding(f.status(), f.method(), f.explanation() + confirmationText(f, s, residualInSd),
                            with(f.evidence(), "confirmation", confirmationEvidence(f, s, residualInSd)), f.decisive());
                }
            }
            if (f.status() == SchoolStatus.UNFAVOURABLE_CONTEXT && f.method() == IdentificationMethod.REGRESSION
                    && uses(IdentificationMethod.THREE_CONDITIONS) && threeConditionsApply) {
                decisive = false; // Kirov's three conditions define ШНСУ when the data allow them
            }
            result.add(f.decisive(decisive));
        }
        return result;
    }

    private static Finding find(List<Finding> findings, SchoolStatus status, IdentificationMethod method) {
        return findings.stream().filter(f -> f.status() == status && f.method() == method).findFirst().orElse(null);
    }

    /** The other method's measure at the confirmation threshold; no measure (no context) leaves the primary alone. */
    private boolean confirmed(Finding primary, SchoolScores s, Double residualInSd) {
        Double measure = confirmationMeasure(primary, s, residualInSd);
        return measure == null || measure <= -params.confirmationSd();
    }

    private Double confirmationMeasure(Finding primary, SchoolScores s, Double residualInSd) {
        return primary.method() == IdentificationMethod.BELOW_REGIONAL_MEAN ? residualInSd : s == null ? null : s.resultsIndex();
    }

    private Map<String, Object> confirmationEvidence(Finding primary, SchoolScores s, Double residualInSd) {
        Double measure = confirmationMeasure(primary, s, residualInSd);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("by", primary.method() == IdentificationMethod.BELOW_REGIONAL_MEAN ? "REGRESSION" : "BELOW_REGIONAL_MEAN");
        evidence.put(primary.method() == IdentificationMethod.BELOW_REGIONAL_MEAN ? "residualInSd" : "resultsIndex",
                measure == null ? null : round(measure));
        evidence.put("threshold", round(-params.confirmationSd()));
        evidence.put("confirmed", measure == null ? null : measure <= -params.confirmationSd());
        return evidence;
    }

    private String confirmationText(Finding primary, SchoolScores s, Double residualInSd) {
        Double measure = confirmationMeasure(primary, s, residualInSd);
        if (measure == null) {
            return ". Подтверждение регрессией невозможно (нет контекстных данных школы): решает основной метод";
        }
        boolean ok = measure <= -params.confirmationSd();
        return primary.method() == IdentificationMethod.BELOW_REGIONAL_MEAN
                ? String.format(Locale.ROOT, ". Регрессия %s: отклонение от ожидаемого для контекста %+.2f ст. откл. остатков (порог −%.2f)",
                        ok ? "подтверждает" : "не подтверждает (низкие результаты объясняются контекстом)", measure, params.confirmationSd())
                : String.format(Locale.ROOT, ". Уровень результатов %s: %s (порог −%.2fσ)",
                        ok ? "подтверждает" : "не подтверждает", sigma(measure), params.confirmationSd());
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

    // --- applicability ---------------------------------------------------------------------------

    /** Stably low needs results in the chosen subjects for every year of the window. */
    private boolean stablyLowApplicability(List<Result> results, List<MethodNote> notes) {
        java.util.Set<Integer> years = new java.util.TreeSet<>();
        java.util.Set<String> subjects = new java.util.TreeSet<>();
        java.util.Set<String> present = new java.util.TreeSet<>();
        for (Result r : results) {
            if (r.year() < params.firstYear() || r.year() > params.year()) {
                continue;
            }
            present.add(r.subject());
            for (String chosen : params.subjects()) {
                if (params.covers(chosen, r.subject())) {
                    years.add(r.year());
                    subjects.add(chosen);
                }
            }
        }
        if (params.years() == 1) {
            notes.add(new MethodNote(IdentificationMethod.BELOW_REGIONAL_MEAN, false, "Не применён: стабильно низкие результаты"
                    + " определяются за несколько лет подряд, а окно — один год (years = 1)"
                    + (uses(IdentificationMethod.REGRESSION) ? "; ШНОР — по регрессии" : "")));
            return false;
        }
        List<String> missing = params.subjects().stream().filter(subject -> !subjects.contains(subject)).toList();
        if (!missing.isEmpty()) {
            notes.add(new MethodNote(IdentificationMethod.BELOW_REGIONAL_MEAN, false, "Не применён: нет результатов по предмет"
                    + (missing.size() == 1 ? "у " : "ам ") + String.join(", ", missing) + " за " + params.firstYear() + "–" + params.year()
                    + "; в данных есть: " + String.join(", ", present) + ". Выберите предметы данных (subjects)"));
            return false;
        }
        if (years.size() < params.years()) {
            notes.add(new MethodNote(IdentificationMethod.BELOW_REGIONAL_MEAN, false, "Не применён: нужны результаты за "
                    + params.years() + " " + yearsWord(params.years()) + " подряд (" + params.firstYear() + "–" + params.year()
                    + "), в данных — за " + years.size() + " (" + years.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + "). Стабильно низкие результаты за один год не определить; задайте years не больше числа лет в данных"));
            return false;
        }
        notes.add(new MethodNote(IdentificationMethod.BELOW_REGIONAL_MEAN, true, String.format(Locale.ROOT,
                "Каждый предмет (%s) в каждом году %d–%d не менее чем на %.2f ст. откл. ниже среднего по региону",
                String.join(", ", params.subjects()), params.firstYear(), params.year(), params.lowResultsMarginSd())));
        return true;
    }

    private boolean regressionApplicability(int fitted, List<Indicator> contextChosen, List<MethodNote> notes) {
        if (contextChosen.isEmpty() || fitted < 3) {
            notes.add(new MethodNote(IdentificationMethod.REGRESSION, false, contextChosen.isEmpty()
                    ? "Не применён: нет контекстных показателей, которые можно использовать в индексе контекста"
                    : "Не применён: результаты и контекст есть лишь у " + fitted + " школ (нужно не меньше 3)"));
            return false;
        }
        notes.add(new MethodNote(IdentificationMethod.REGRESSION, true, "Индекс контекста по " + contextChosen.size()
                + " показател" + (contextChosen.size() == 1 ? "ю" : "ям") + ": " + contextChosen.stream().map(Indicator::code)
                .collect(Collectors.joining(", ")) + "; линия по " + fitted + " школам"));
        return true;
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

    /** Per indicator with at least 3 schools and some spread: each school's value oriented (higher = worse) and standardised. */
    private static Map<Indicator, Map<String, Double>> zScores(Map<String, Map<Indicator, Double>> latest) {
        Map<Indicator, Map<String, Double>> z = new java.util.EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
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
            Map<String, Double> standardised = new HashMap<>();
            oriented.forEach((school, v) -> standardised.put(school, (v - mean) / sd));
            z.put(indicator, standardised);
        }
        return z;
    }

    /**
     * The context index's indicators: the run's own choice, else every context indicator with data
     * and a non-zero weight that behaves as adverse here. An indicator that goes with HIGHER results
     * in the region's data (England: pupils with English as an additional language) is left out and
     * the run says so: counting it as adverse would call good schools "resilient" and hide weak ones.
     */
    private List<Indicator> chooseContext(Map<String, Map<Indicator, Double>> latest, Map<String, SchoolScores> scores,
                                          List<MethodNote> notes) {
        List<Indicator> chosen = new ArrayList<>();
        if (!params.contextIndicators().isEmpty()) {
            for (String code : params.contextIndicators()) {
                Indicator indicator = Indicator.fromCode(code).orElseThrow();
                if (params.contextWeights().getOrDefault(code, 1.0) > 0) {
                    chosen.add(indicator);
                }
            }
            return chosen;
        }
        List<Indicator> candidates = new ArrayList<>();
        Map<Indicator, Map<String, Double>> z = zScores(latest);
        for (Indicator indicator : Indicator.values()) {
            if (indicator.kind() == Indicator.Kind.CONTEXT && params.contextWeights().getOrDefault(indicator.code(), 1.0) > 0
                    && z.containsKey(indicator)) {
                candidates.add(indicator);
            }
        }
        for (Indicator indicator : candidates) {
            // Its association with results given the other candidates (their mean z): EAL in England goes with
            // lower results only through its overlap with poverty, and with higher results once poverty is held.
            List<double[]> rows = new ArrayList<>();
            z.get(indicator).forEach((school, v) -> {
                SchoolScores sc = scores.get(school);
                if (sc == null) {
                    return;
                }
                double sum = 0;
                int n = 0;
                for (Indicator other : candidates) {
                    Double w = other == indicator ? null : z.get(other).get(school);
                    if (w != null) {
                        sum += w;
                        n++;
                    }
                }
                if (n > 0 || candidates.size() == 1) {
                    rows.add(new double[]{v, n == 0 ? Double.NaN : sum / n, sc.resultsIndex()});
                }
            });
            double partial = candidates.size() > 1 && rows.size() >= 3 ? Stats.partialSlope(rows) : Double.NaN;
            boolean withOthers = !Double.isNaN(partial);
            double coefficient = withOthers ? partial : Stats.correlation(rows.stream().mapToDouble(r -> r[0]).toArray(),
                    rows.stream().mapToDouble(r -> r[2]).toArray());
            if (rows.size() >= 3 && coefficient > ADVERSE_CORRELATION_LIMIT) {
                notes.add(new MethodNote(IdentificationMethod.REGRESSION, true, String.format(Locale.ROOT,
                        "Показатель %s исключён из индекса контекста: в данных региона он связан с более высокими, а не более низкими результатами (%s %+.2f по %d школам). Включить его можно явно (contextIndicators)",
                        indicator.code(), withOthers ? "коэффициент при учёте остальных показателей" : "r =", coefficient, rows.size())));
                continue;
            }
            chosen.add(indicator);
        }
        return chosen;
    }

    /** Above this slope (SD of results per SD of the indicator in its adverse direction, the other indicators held) an indicator does not act as adverse context here; small positive slopes are left to noise and collinearity. */
    static final double ADVERSE_CORRELATION_LIMIT = 0.1;

    /**
     * The integral context index: the chosen indicators oriented so that higher is more adverse,
     * standardised across the region, averaged with the region's weights, then standardised again
     * so that thresholds read as standard deviations.
     */
    private Map<String, Double> contextIndex(Map<Indicator, Map<String, Double>> z, List<Indicator> chosen) {
        Map<String, double[]> sums = new HashMap<>(); // school -> {weighted sum, weight}
        for (Indicator indicator : chosen) {
            double weight = params.contextWeights().getOrDefault(indicator.code(), 1.0);
            Map<String, Double> values = z.get(indicator);
            if (weight == 0 || values == null) {
                continue;
            }
            values.forEach((school, v) -> {
                double[] acc = sums.computeIfAbsent(school, k -> new double[2]);
                acc[0] += weight * v;
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

    // --- method a: stably low results N years running (Kamensk-Uralsky, Kirov) --------------------

    private java.util.Optional<Finding> stablyLow(SchoolScores s, KirovOutcomes outcomes, String schoolId) {
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
                if (z == null || z > -params.lowResultsMarginSd() || (params.lowResultsMarginSd() == 0 && z >= 0)) {
                    return java.util.Optional.empty(); // a missing year or one not low enough breaks the run of years
                }
                yearValues.put(String.valueOf(year), round(z));
            }
            bySubject.put(subject, yearValues);
            parts.add(subject + ": " + yearValues.values().stream().map(IdentificationCalculator::sigma)
                    .collect(Collectors.joining(", ")));
        }
        KirovOutcomes.Check kirov = outcomes.check(schoolId);
        if (!kirov.met()) {
            return java.util.Optional.empty();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("years", params.firstYear() + "-" + params.year());
        evidence.put("marginSd", round(-params.lowResultsMarginSd()));
        evidence.put("deviationFromRegionalMeanSd", bySubject);
        evidence.putAll(kirov.evidence());
        String explanation = String.format(Locale.ROOT, "Стабильно низкие результаты: %d %s подряд (%d–%d) каждый предмет не менее чем на %.2fσ ниже среднего по региону: %s%s",
                params.years(), yearsWord(params.years()), params.firstYear(), params.year(), params.lowResultsMarginSd(),
                String.join("; ", parts), kirov.text());
        return java.util.Optional.of(new Finding(SchoolStatus.LOW_RESULTS, IdentificationMethod.BELOW_REGIONAL_MEAN, explanation, evidence));
    }

    private static String yearsWord(int n) {
        return n % 10 == 1 && n % 100 != 11 ? "год" : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? "года" : "лет";
    }

    /**
     * Kirov's further conditions of ШНОР: low olympiad activity and low continuation to grade 10, each
     * "low" meaning in the region's lowest {@code lowOutcomeQuantile}. A condition the region has no
     * data for is not checked (the run's notes say so); a school without a value is not held to it.
     */
    private final class KirovOutcomes {
        private static final List<Indicator> OUTCOMES = List.of(Indicator.OLYMPIAD_PARTICIPATION_SHARE, Indicator.GRADE10_CONTINUATION_SHARE);
        private final Map<String, Map<Indicator, Double>> latest;
        private final Map<Indicator, Double> cutoffs = new java.util.EnumMap<>(Indicator.class);

        KirovOutcomes(Map<String, Map<Indicator, Double>> latest, boolean applies, List<MethodNote> notes) {
            this.latest = latest;
            if (!params.kirovConditions() || !applies) {
                return;
            }
            List<String> absent = new ArrayList<>();
            for (Indicator outcome : OUTCOMES) {
                double[] values = latest.values().stream().map(m -> m.get(outcome)).filter(v -> v != null)
                        .mapToDouble(Double::doubleValue).sorted().toArray();
                if (values.length < 3) {
                    absent.add(outcome.code());
                    continue;
                }
                cutoffs.put(outcome, Stats.quantile(values, params.lowOutcomeQuantile()));
            }
            if (!absent.isEmpty()) {
                notes.add(new MethodNote(IdentificationMethod.BELOW_REGIONAL_MEAN, true, "Условия Кировской модели не проверены по "
                        + String.join(", ", absent) + ": в данных региона нет этих показателей; ШНОР — по результатам"
                        + (cutoffs.isEmpty() ? "" : " и остальным условиям")));
            }
            cutoffs.forEach((indicator, cutoff) -> notes.add(new MethodNote(IdentificationMethod.BELOW_REGIONAL_MEAN, true,
                    String.format(Locale.ROOT, "Условие Кировской модели: %s не выше %.3f (нижние %.0f%% школ региона)",
                            indicator.code(), cutoff, params.lowOutcomeQuantile() * 100))));
        }

        record Check(boolean met, Map<String, Object> evidence, String text) {
        }

        Check check(String schoolId) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            List<String> parts = new ArrayList<>();
            boolean met = true;
            for (Map.Entry<Indicator, Double> cutoff : cutoffs.entrySet()) {
                Double value = latest.getOrDefault(schoolId, Map.of()).get(cutoff.getKey());
                String name = cutoff.getKey() == Indicator.OLYMPIAD_PARTICIPATION_SHARE ? "участие в олимпиадах" : "переход в 10 класс";
                if (value == null) {
                    evidence.put(cutoff.getKey().code(), Map.of("value", "нет данных", "cutoff", round(cutoff.getValue())));
                    parts.add(name + " — нет данных, условие не проверено");
                    continue;
                }
                boolean low = value <= cutoff.getValue();
                met &= low;
                evidence.put(cutoff.getKey().code(), Map.of("value", round(value), "cutoff", round(cutoff.getValue()), "low", low));
                parts.add(String.format(Locale.ROOT, "%s %.3f (порог %.3f)", name, value, cutoff.getValue()));
            }
            return new Check(met, evidence, parts.isEmpty() ? "" : "; низкие " + String.join(", ", parts));
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

    // --- method d: Kirov's three conditions of ШНСУ ------------------------------------------------

    /** The indicators of each condition; resources in Kirov's four groups. */
    static final Map<String, List<Indicator>> RESOURCE_GROUPS = new LinkedHashMap<>();
    static final List<Indicator> FAMILIES = List.of(Indicator.LOW_INCOME_SHARE, Indicator.DIFFICULT_SITUATION_SHARE,
            Indicator.PARENTS_HIGHER_ED_SHARE);
    static final List<Indicator> STUDENT_BODY = List.of(Indicator.SPECIAL_NEEDS_SHARE, Indicator.NON_NATIVE_SHARE,
            Indicator.REGISTERED_SHARE, Indicator.LEARNING_DIFFICULTIES_SHARE);

    static {
        RESOURCE_GROUPS.put("кадровые", List.of(Indicator.STAFF_SHORTAGE_SHARE, Indicator.TEACHERS_NO_CATEGORY_SHARE,
                Indicator.TEACHERS_NO_HIGHER_ED_SHARE));
        RESOURCE_GROUPS.put("методические", List.of(Indicator.METHODICAL_SUPPORT_INDEX));
        RESOURCE_GROUPS.put("материально-технические", List.of(Indicator.MATERIAL_BASE_INDEX));
        RESOURCE_GROUPS.put("финансовые", List.of(Indicator.FUNDING_PROVISION_INDEX));
    }

    /**
     * Kirov: a school lacks resources (some resource group at least {@code resourceDeficitSd} worse
     * than the regional mean) AND serves families in adverse conditions AND has a complex student
     * body (each a mean of its own standardised indicators, at least its threshold).
     */
    private final class ThreeConditions {
        private final Map<Indicator, Map<String, Double>> z;
        private final boolean applies;

        ThreeConditions(Map<Indicator, Map<String, Double>> z, List<MethodNote> notes) {
            this.z = z;
            List<String> missing = new ArrayList<>();
            if (RESOURCE_GROUPS.values().stream().flatMap(List::stream).noneMatch(z::containsKey)) {
                missing.add("недостаток ресурсов (" + codes(RESOURCE_GROUPS.values().stream().flatMap(List::stream).toList()) + ")");
            }
            if (FAMILIES.stream().noneMatch(z::containsKey)) {
                missing.add("неблагополучные семьи (" + codes(FAMILIES) + ")");
            }
            if (STUDENT_BODY.stream().noneMatch(z::containsKey)) {
                missing.add("сложный контингент (" + codes(STUDENT_BODY) + ")");
            }
            applies = missing.isEmpty();
            if (!uses(IdentificationMethod.THREE_CONDITIONS)) {
                return;
            }
            if (applies) {
                List<String> groupsWithout = RESOURCE_GROUPS.entrySet().stream()
                        .filter(e -> e.getValue().stream().noneMatch(z::containsKey)).map(Map.Entry::getKey).toList();
                notes.add(new MethodNote(IdentificationMethod.THREE_CONDITIONS, true, String.format(Locale.ROOT,
                        "ШНСУ — все три условия: дефицит ресурсов (группа ≥ %.2fσ), неблагополучные семьи (≥ %.2fσ), сложный контингент (≥ %.2fσ)%s",
                        params.resourceDeficitSd(), params.adverseFamiliesSd(), params.complexStudentBodySd(),
                        groupsWithout.isEmpty() ? "" : "; нет данных о ресурсах: " + String.join(", ", groupsWithout))));
            } else {
                notes.add(new MethodNote(IdentificationMethod.THREE_CONDITIONS, false, "Не применён: в данных нет показателей услови"
                        + (missing.size() == 1 ? "я " : "й ") + String.join("; ", missing)
                        + (uses(IdentificationMethod.REGRESSION) ? ". ШНСУ — по индексу контекста регрессии" : "")));
            }
        }

        boolean applies() {
            return applies;
        }

        private Double index(String schoolId, List<Indicator> indicators) {
            double sum = 0;
            int n = 0;
            for (Indicator indicator : indicators) {
                Double v = z.getOrDefault(indicator, Map.of()).get(schoolId);
                if (v != null) {
                    sum += v;
                    n++;
                }
            }
            return n == 0 ? null : sum / n;
        }

        /** The worst resource group: its name and index, or null without resource data. */
        Map.Entry<String, Double> worstResourceGroup(String schoolId) {
            Map.Entry<String, Double> worst = null;
            for (Map.Entry<String, List<Indicator>> group : RESOURCE_GROUPS.entrySet()) {
                Double value = index(schoolId, group.getValue());
                if (value != null && (worst == null || value > worst.getValue())) {
                    worst = Map.entry(group.getKey(), value);
                }
            }
            return worst;
        }

        java.util.Optional<Finding> finding(String schoolId) {
            Map.Entry<String, Double> resources = worstResourceGroup(schoolId);
            Double families = index(schoolId, FAMILIES);
            Double body = index(schoolId, STUDENT_BODY);
            if (resources == null || families == null || body == null || resources.getValue() < params.resourceDeficitSd()
                    || families < params.adverseFamiliesSd() || body < params.complexStudentBodySd()) {
                return java.util.Optional.empty();
            }
            Map<String, Object> groups = new LinkedHashMap<>();
            RESOURCE_GROUPS.forEach((name, indicators) -> {
                Double value = index(schoolId, indicators);
                if (value != null) {
                    groups.put(name, round(value));
                }
            });
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("resourceGroups", groups);
            evidence.put("resourceDeficitThreshold", round(params.resourceDeficitSd()));
            evidence.put("adverseFamiliesIndex", round(families));
            evidence.put("adverseFamiliesThreshold", round(params.adverseFamiliesSd()));
            evidence.put("complexStudentBodyIndex", round(body));
            evidence.put("complexStudentBodyThreshold", round(params.complexStudentBodySd()));
            return java.util.Optional.of(new Finding(SchoolStatus.UNFAVOURABLE_CONTEXT, IdentificationMethod.THREE_CONDITIONS,
                    "Три условия Кировской модели: недостаток ресурсов (" + resources.getKey() + " " + sigma(resources.getValue())
                            + "), неблагополучные семьи (" + sigma(families) + "), сложный контингент (" + sigma(body) + ")",
                    evidence));
        }
    }

    private static String codes(List<Indicator> indicators) {
        return indicators.stream().map(Indicator::code).collect(Collectors.joining(", "));
    }

    // --- method e: risk monitoring (Chelyabinsk, Perm) ----------------------------------------------

    /** Factors whose rise predicts a fall; the resource factors count as the deficit side. */
    static final List<RiskFactor> RISING_FACTORS = List.of(RiskFactor.LEARNING_DIFFICULTIES, RiskFactor.LOW_PARENTAL_INVOLVEMENT,
            RiskFactor.SPECIAL_NEEDS, RiskFactor.LANGUAGE_BARRIER, RiskFactor.DEVIANT_BEHAVIOUR, RiskFactor.SOCIAL_DISADVANTAGE,
            RiskFactor.LOW_MOTIVATION);
    static final List<RiskFactor> RESOURCE_FACTORS = List.of(RiskFactor.STAFF_SHORTAGE, RiskFactor.LOW_TEACHER_QUALIFICATION,
            RiskFactor.WEAK_MATERIAL_BASE, RiskFactor.LOW_FUNDING, RiskFactor.WEAK_METHODICAL_SUPPORT);

    /**
     * The preventive risk zone: at least {@code riskRisingFactors} risk factors worsened over the
     * window by {@code riskRiseSd} (in the region's SDs of the indicator) AND a resource deficit
     * (a resource group at least {@code riskRiseSd} below the regional mean, or a resource that
     * worsened as much). A fall that has already happened is DECLINING, a separate finding.
     */
    private final class RiskMonitor {
        private final Map<String, Map<Indicator, TreeMap<Integer, Double>>> history = new HashMap<>();
        private final Map<Indicator, Double> spread = new java.util.EnumMap<>(Indicator.class);
        private final boolean risingApplies;
        private final boolean decliningApplies;

        RiskMonitor(List<IndicatorRow> rows, Map<String, Map<Indicator, Double>> latest, Map<Indicator, Map<String, Double>> z,
                    Map<String, SchoolScores> scores, List<MethodNote> notes) {
            java.util.Set<Integer> years = new java.util.TreeSet<>();
            for (IndicatorRow row : rows) {
                if (row.year() < params.firstYear() || row.year() > params.year()) {
                    continue;
                }
                Indicator.fromCode(row.indicator()).ifPresent(i -> history.computeIfAbsent(row.schoolId(), k -> new HashMap<>())
                        .computeIfAbsent(i, k -> new TreeMap<>()).put(row.year(), row.value()));
                years.add(row.year());
            }
            for (Indicator indicator : Indicator.values()) {
                double[] values = latest.values().stream().map(m -> m.get(indicator)).filter(v -> v != null)
                        .mapToDouble(Double::doubleValue).toArray();
                double sd = Stats.sd(values);
                if (values.length >= 3 && sd > 0) {
                    spread.put(indicator, sd);
                }
            }
            risingApplies = years.size() >= 2;
            int resultYears = scores.values().stream().mapToInt(s -> s.byYear().size()).max().orElse(0);
            decliningApplies = resultYears >= 3;
            if (!uses(IdentificationMethod.RISK_MONITORING)) {
                return;
            }
            notes.add(new MethodNote(IdentificationMethod.RISK_MONITORING, risingApplies, risingApplies
                    ? String.format(Locale.ROOT, "Зона риска: не менее %d факторов риска выросли на %.2f ст. откл. за %s при дефиците ресурсов",
                            params.riskRisingFactors(), params.riskRiseSd(), years.stream().map(String::valueOf).collect(Collectors.joining("–")))
                    : "Зона риска не определена: показатели школ есть только за " + years.size() + " год, рост факторов риска не увидеть"));
            notes.add(new MethodNote(IdentificationMethod.RISK_MONITORING, decliningApplies, decliningApplies
                    ? String.format(Locale.ROOT, "Снижение результатов: падение не меньше %.2fσ в год за 3 года и более", params.riskTrendPerYear())
                    : "Снижение результатов не определено: результаты есть за " + resultYears + " " + yearsWord(resultYears)
                            + ", нужно не меньше 3"));
        }

        /** Per factor, the largest worsening of its indicators over the window, in regional SDs. */
        private Map<RiskFactor, Map.Entry<Indicator, Double>> changes(String schoolId, List<RiskFactor> factors) {
            Map<RiskFactor, Map.Entry<Indicator, Double>> result = new LinkedHashMap<>();
            Map<Indicator, TreeMap<Integer, Double>> own = history.getOrDefault(schoolId, Map.of());
            for (RiskFactor factor : factors) {
                for (Indicator indicator : factor.indicators()) {
                    TreeMap<Integer, Double> years = own.get(indicator);
                    Double sd = spread.get(indicator);
                    if (years == null || years.size() < 2 || sd == null) {
                        continue;
                    }
                    double change = RiskFactor.riskDirection(indicator) * (years.lastEntry().getValue() - years.firstEntry().getValue()) / sd;
                    Map.Entry<Indicator, Double> best = result.get(factor);
                    if (best == null || change > best.getValue()) {
                        result.put(factor, Map.entry(indicator, change));
                    }
                }
            }
            return result;
        }

        java.util.Optional<Finding> riskZone(String schoolId, ThreeConditions conditions) {
            if (!risingApplies) {
                return java.util.Optional.empty();
            }
            Map<String, Object> rising = new LinkedHashMap<>();
            changes(schoolId, RISING_FACTORS).forEach((factor, change) -> {
                if (change.getValue() >= params.riskRiseSd()) {
                    rising.put(factor.name(), Map.of("indicator", change.getKey().code(), "changeSd", round(change.getValue())));
                }
            });
            if (rising.size() < params.riskRisingFactors()) {
                return java.util.Optional.empty();
            }
            Map<String, Object> deficits = new LinkedHashMap<>();
            changes(schoolId, RESOURCE_FACTORS).forEach((factor, change) -> {
                if (change.getValue() >= params.riskRiseSd()) {
                    deficits.put(factor.name(), Map.of("indicator", change.getKey().code(), "changeSd", round(change.getValue())));
                }
            });
            Map.Entry<String, Double> worst = conditions.worstResourceGroup(schoolId);
            if (worst != null && worst.getValue() >= params.riskRiseSd()) {
                deficits.put("group:" + worst.getKey(), Map.of("indexSd", round(worst.getValue())));
            }
            if (deficits.isEmpty()) {
                return java.util.Optional.empty();
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("risingFactors", rising);
            evidence.put("resourceDeficits", deficits);
            evidence.put("riseThresholdSd", round(params.riskRiseSd()));
            evidence.put("factorsNeeded", params.riskRisingFactors());
            String factorsText = rising.keySet().stream().map(f -> RiskFactor.valueOf(f).label().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining("; "));
            return java.util.Optional.of(new Finding(SchoolStatus.RISK_ZONE, IdentificationMethod.RISK_MONITORING,
                    "Растут факторы риска (" + rising.size() + "): " + factorsText + "; дефицит ресурсов: "
                            + deficits.keySet().stream().map(k -> k.startsWith("group:") ? k.substring(6)
                                    : RiskFactor.valueOf(k).label().toLowerCase(Locale.ROOT)).collect(Collectors.joining("; ")),
                    evidence));
        }

        java.util.Optional<Finding> declining(SchoolScores s) {
            if (s == null || s.trend() == null || s.byYear().size() < 3 || s.trend() > -params.riskTrendPerYear()) {
                return java.util.Optional.empty();
            }
            Map<String, Object> byYear = new LinkedHashMap<>();
            s.byYear().forEach((year, z) -> byYear.put(String.valueOf(year), round(z)));
            return java.util.Optional.of(new Finding(SchoolStatus.DECLINING, IdentificationMethod.RISK_MONITORING,
                    "Результаты снижаются на " + sigma(-s.trend()) + " в год (порог " + sigma(params.riskTrendPerYear()) + "): "
                            + byYear.values().stream().map(v -> sigma((Double) v)).collect(Collectors.joining(" → ")),
                    evidence("trendPerYear", s.trend(), "threshold", -params.riskTrendPerYear(), "resultsIndexByYear", byYear)));
        }
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
                List<Assessment.IndicatorEvidence> indicators = new ArrayList<>();
                for (Indicator indicator : factor.indicators()) {
                    Double value = values.get(indicator);
                    double[] sorted = sortedRisk.get(indicator);
                    RiskThresholds.Threshold threshold = params.threshold(indicator);
                    boolean byThreshold = params.riskLevels() == RiskLevelMode.THRESHOLDS && threshold != null;
                    if (value == null || (sorted.length < 3 && !byThreshold)) {
                        continue;
                    }
                    int direction = RiskFactor.riskDirection(indicator);
                    double percentile = sorted.length == 0 ? 0 : Stats.percentileRank(sorted, direction * value);
                    RiskFactor.Level indicatorLevel = byThreshold ? RiskThresholds.level(indicator, threshold, value)
                            : percentile >= params.riskHighPercentile() ? RiskFactor.Level.HIGH
                            : percentile >= params.riskMediumPercentile() ? RiskFactor.Level.MEDIUM : RiskFactor.Level.LOW;
                    level = level == null || indicatorLevel.compareTo(level) > 0 ? indicatorLevel : level;
                    indicators.add(new Assessment.IndicatorEvidence(indicator.code(), indicator.label(), round(value),
                            sorted.length == 0 ? round(value) : round(direction * Stats.median(sorted)), round(percentile),
                            byThreshold ? threshold.medium() : null, byThreshold ? threshold.high() : null));
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
        return with(base, key, (Object) round(value));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>(base);
        map.put(key, value);
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
