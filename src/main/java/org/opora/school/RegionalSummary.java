package org.opora.school;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** Counts of schools per current status in a region and in each of its municipalities. */
public record RegionalSummary(String regionId, long schoolCount, @Nullable String identificationRunId, List<StatusCount> totals,
                              List<MunicipalitySummary> municipalities) {

    public record MunicipalitySummary(SchoolRepository.Municipality municipality, List<StatusCount> counts) {

        public long schoolCount() {
            return municipality.schoolCount();
        }
    }
}
