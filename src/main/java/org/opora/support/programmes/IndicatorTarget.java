package org.opora.support.programmes;

import io.micronaut.core.annotation.Nullable;

/**
 * A target value of an indicator with the school's real value against it: {@code progress} is the share of the way
 * from baseline to target covered (in [0, 1]), {@code achieved} whether the actual value reached the target in the
 * direction of improvement.
 */
public record IndicatorTarget(String id, String indicator, String label, @Nullable String unit, @Nullable Double baseline,
                              @Nullable Integer baselineYear, double target, int targetYear, @Nullable Double actual,
                              @Nullable Integer actualYear, @Nullable Double progress, boolean achieved) {
}
