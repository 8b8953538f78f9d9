package org.opora.monitoring.indicators;

import io.micronaut.core.annotation.Nullable;

/** One indicator's figures for a territory and year, as GraphQL's MonitoringFigure. Shares are 0..1. */
public record IndicatorFigure(String code, String name, String group, Unit unit, Direction direction,
                              @Nullable Double value, @Nullable Integer numerator, @Nullable Integer denominator,
                              @Nullable Double previousValue, @Nullable Double change,
                              @Nullable Double plannedValue, Evaluation evaluation) {

    /** GraphQL MonitoringUnit. */
    public enum Unit { SHARE, COUNT }

    /** GraphQL MonitoringDirection. */
    public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }

    /** GraphQL MonitoringEvaluation. */
    public enum Evaluation { ACHIEVED, NOT_ACHIEVED, NO_DATA, NO_TARGET }
}
