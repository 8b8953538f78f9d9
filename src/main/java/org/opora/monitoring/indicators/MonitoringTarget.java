package org.opora.monitoring.indicators;

/** GraphQL MonitoringTarget: a planned value and where it was set (inherited: from a wider territory). */
public record MonitoringTarget(double plannedValue, MonitoringLevel setAt, boolean inherited) {
}
