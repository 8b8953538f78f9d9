package org.opora.identification;

import org.opora.school.Indicator;

import java.util.EnumMap;
import java.util.Map;

/**
 * Default risk factor thresholds per indicator, MEDIUM and HIGH, in the indicator's own unit. The
 * documents leave the numbers to the region (the federal "500+" profile names the factors, not
 * cut-offs), so these are starting values a region overrides with {@code riskThresholds}; they are
 * chosen so that HIGH reads as "clearly a problem" to a coordinator (a fifth of pupils from
 * low-income families is common, almost half is not). For indicators where lower is adverse the
 * level is reached at or below the threshold.
 */
public final class RiskThresholds {

    /** MEDIUM and HIGH cut-offs of one indicator. */
    public record Threshold(double medium, double high) {
    }

    private static final Map<Indicator, Threshold> DEFAULTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Indicator.LOW_INCOME_SHARE, new Threshold(0.30, 0.45)),
            Map.entry(Indicator.DIFFICULT_SITUATION_SHARE, new Threshold(0.10, 0.15)),
            Map.entry(Indicator.SPECIAL_NEEDS_SHARE, new Threshold(0.10, 0.15)),
            Map.entry(Indicator.NON_NATIVE_SHARE, new Threshold(0.10, 0.20)),
            Map.entry(Indicator.REGISTERED_SHARE, new Threshold(0.04, 0.07)),
            Map.entry(Indicator.PARENTS_HIGHER_ED_SHARE, new Threshold(0.25, 0.15)),
            Map.entry(Indicator.STAFF_SHORTAGE_SHARE, new Threshold(0.10, 0.20)),
            Map.entry(Indicator.TEACHERS_NO_CATEGORY_SHARE, new Threshold(0.35, 0.50)),
            Map.entry(Indicator.TEACHERS_NO_HIGHER_ED_SHARE, new Threshold(0.15, 0.25)),
            Map.entry(Indicator.REMOTENESS_KM, new Threshold(200, 300)),
            Map.entry(Indicator.MATERIAL_BASE_INDEX, new Threshold(0.60, 0.45)),
            Map.entry(Indicator.LEARNING_DIFFICULTIES_SHARE, new Threshold(0.20, 0.30)),
            Map.entry(Indicator.PARENTAL_INVOLVEMENT_INDEX, new Threshold(0.45, 0.30)),
            Map.entry(Indicator.OLYMPIAD_PARTICIPATION_SHARE, new Threshold(0.03, 0.015)),
            Map.entry(Indicator.GRADE10_CONTINUATION_SHARE, new Threshold(0.35, 0.20)),
            Map.entry(Indicator.FUNDING_PROVISION_INDEX, new Threshold(0.80, 0.65)),
            Map.entry(Indicator.METHODICAL_SUPPORT_INDEX, new Threshold(0.50, 0.35))));

    private RiskThresholds() {
    }

    public static Map<Indicator, Threshold> defaults() {
        return DEFAULTS;
    }

    /** True when the threshold is ordered the way the indicator's adverse direction needs. */
    static boolean ordered(Indicator indicator, Threshold t) {
        return RiskFactor.riskDirection(indicator) > 0 ? t.medium() <= t.high() : t.medium() >= t.high();
    }

    static RiskFactor.Level level(Indicator indicator, Threshold t, double value) {
        int direction = RiskFactor.riskDirection(indicator);
        if (direction * value >= direction * t.high()) {
            return RiskFactor.Level.HIGH;
        }
        return direction * value >= direction * t.medium() ? RiskFactor.Level.MEDIUM : RiskFactor.Level.LOW;
    }
}
