package org.opora.monitoring.indicators;

import io.micronaut.core.annotation.Nullable;

/** GraphQL MonitoringDrillDownRow: a school (or teacher) of an indicator's base; school and teacher load by id. */
public record DrillDownRow(String schoolId, @Nullable String teacherId, boolean counted, @Nullable Double value,
                           @Nullable Double previousValue, @Nullable String detail) {
}
