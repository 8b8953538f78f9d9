package org.opora.monitoring.reports;

import io.micronaut.core.annotation.Nullable;

/** Which справка, for which territory (region, and municipality or school where the kind needs one) and year. */
public record ReportRequest(ReportKind kind, String regionId, @Nullable String municipalityId, @Nullable String schoolId,
                            int year) {
}
