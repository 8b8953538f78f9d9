package org.opora.support.programmes;

import io.micronaut.core.annotation.Nullable;
import org.opora.school.Indicator;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a programme target may measure: an indicator of indicators.csv, or one of the results indices the school's
 * current identification computed from its real results. Knows which direction is better.
 */
public record TargetIndicator(String code, String label, @Nullable String unit, boolean higherIsBetter,
                              @Nullable String schoolProperty) {

    private static final List<TargetIndicator> RESULTS = List.of(
            new TargetIndicator("results_index", "Интегральный индекс результатов (отклонение от среднего по региону)",
                    "ст. откл.", true, "resultsIndex"),
            new TargetIndicator("subject_index_russian", "Индекс результатов по русскому языку", "ст. откл.", true,
                    "subjectIndexRussian"),
            new TargetIndicator("subject_index_mathematics", "Индекс результатов по математике", "ст. откл.", true,
                    "subjectIndexMathematics"));

    public static Optional<TargetIndicator> of(String code) {
        Optional<TargetIndicator> result = RESULTS.stream().filter(r -> r.code.equals(code)).findFirst();
        if (result.isPresent()) {
            return result;
        }
        return Indicator.fromCode(code).map(i -> new TargetIndicator(i.code(), i.label(), i.unit().label(),
                i.kind() == Indicator.Kind.OUTCOME || i.adverse() == Indicator.Adverse.LOWER, null));
    }

    /** Every code a target may use (for error messages and the web form). */
    public static List<String> codes() {
        return Stream.concat(RESULTS.stream().map(TargetIndicator::code), Arrays.stream(Indicator.values()).map(Indicator::code)).toList();
    }

    /** Whether the value is read from the school's current identification rather than indicators.csv. */
    public boolean fromIdentification() {
        return schoolProperty != null;
    }

    /** Improvement direction: from the baseline towards the target when both are known, else the indicator's own. */
    public boolean improvesUpwards(@Nullable Double baseline, double target) {
        if (baseline != null && baseline != target) {
            return target > baseline;
        }
        return higherIsBetter;
    }

    public boolean achieved(@Nullable Double baseline, double target, @Nullable Double actual) {
        if (actual == null) {
            return false;
        }
        return improvesUpwards(baseline, target) ? actual >= target - 1e-9 : actual <= target + 1e-9;
    }

    /** Share of the way from baseline to target covered, clamped to [0, 1]; null when it cannot be said. */
    public @Nullable Double progress(@Nullable Double baseline, double target, @Nullable Double actual) {
        if (actual == null) {
            return null;
        }
        if (baseline == null || Math.abs(target - baseline) < 1e-12) {
            return achieved(baseline, target, actual) ? 1.0 : null;
        }
        double share = (actual - baseline) / (target - baseline);
        return Math.round(1000.0 * Math.max(0, Math.min(1, share))) / 1000.0;
    }
}
