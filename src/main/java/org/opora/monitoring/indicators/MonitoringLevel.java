package org.opora.monitoring.indicators;

/** GraphQL MonitoringLevel: the territories indicators are computed for. */
public enum MonitoringLevel { REGION, MUNICIPALITY, SCHOOL }
