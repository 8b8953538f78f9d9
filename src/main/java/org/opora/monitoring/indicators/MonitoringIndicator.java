package org.opora.monitoring.indicators;

import org.opora.monitoring.indicators.IndicatorFigure.Direction;
import org.opora.monitoring.indicators.IndicatorFigure.Unit;

import java.util.List;

/** One indicator of the catalogue (GraphQL MonitoringIndicator) and the rule it is computed by. */
public record MonitoringIndicator(String code, String name, String group, String formula, Unit unit, Direction direction,
                                  String source, List<String> documents, List<MonitoringLevel> levels, IndicatorRule rule) {

    public boolean computedFor(MonitoringLevel level) {
        return levels.contains(level);
    }
}
