package org.opora.monitoring.indicators;

/** GraphQL MonitoringTerritory: a region, municipality or school by id and name. */
public record MonitoringTerritory(MonitoringLevel level, String id, String name) {
}
