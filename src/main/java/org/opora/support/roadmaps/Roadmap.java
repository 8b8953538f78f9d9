package org.opora.support.roadmaps;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * A roadmap (дорожная карта) of a region, a municipality or a school, with the counts of its activities as of the day
 * it was read. The territory ids locate it for the access rules: a municipality's roadmap has no school id, the
 * region's has neither.
 */
public record Roadmap(String id,
                      RoadmapLevel level,
                      String regionId,
                      @Nullable String municipalityId,
                      @Nullable String schoolId,
                      @Nullable String territoryName,
                      String title,
                      LocalDate periodStart,
                      LocalDate periodEnd,
                      int activityCount,
                      int overdueCount,
                      int doneCount,
                      @Nullable String updatedBy,
                      @Nullable ZonedDateTime updatedAt) {
}
