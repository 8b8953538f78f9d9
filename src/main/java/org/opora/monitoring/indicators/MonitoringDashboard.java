package org.opora.monitoring.indicators;

import java.util.List;

/** GraphQL MonitoringDashboard. */
public record MonitoringDashboard(MonitoringTerritory territory, int year, List<Integer> years, List<MonitoringFigure> figures,
                                  List<MonitoringPart> parts) {
}
