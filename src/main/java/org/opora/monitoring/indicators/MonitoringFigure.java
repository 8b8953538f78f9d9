package org.opora.monitoring.indicators;

import io.micronaut.core.annotation.Nullable;
import org.opora.monitoring.indicators.IndicatorFigure.Evaluation;

/** GraphQL MonitoringFigure: one indicator of a territory in a year, against its target. Shares are 0..1. */
public record MonitoringFigure(MonitoringIndicator indicator, @Nullable Double value, @Nullable Integer numerator,
                               @Nullable Integer denominator, @Nullable Double previousValue, @Nullable Double change,
                               @Nullable MonitoringTarget target, Evaluation evaluation) {

    /** As the features that print indicators take them ({@link IndicatorTable}). */
    IndicatorFigure toIndicatorFigure() {
        return new IndicatorFigure(indicator.code(), indicator.name(), indicator.group(), indicator.unit(), indicator.direction(),
                value, numerator, denominator, previousValue, change, target == null ? null : target.plannedValue(), evaluation);
    }
}
