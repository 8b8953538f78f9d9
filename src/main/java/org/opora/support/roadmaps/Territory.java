package org.opora.support.roadmaps;

import io.micronaut.core.annotation.Nullable;

/** Where a roadmap belongs, as read from the region, municipality or school node it is created for. */
public record Territory(RoadmapLevel level, String regionId, @Nullable String municipalityId, @Nullable String schoolId,
                        String name) {
}
