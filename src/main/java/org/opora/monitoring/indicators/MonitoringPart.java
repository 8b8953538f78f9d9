package org.opora.monitoring.indicators;

import java.util.List;

/** GraphQL MonitoringPart: a municipality of a region, or a school of a municipality, with its figures. */
public record MonitoringPart(MonitoringTerritory territory, List<MonitoringFigure> figures) {
}
