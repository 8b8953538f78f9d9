package org.opora.monitoring.indicators;

import io.micronaut.core.annotation.Nullable;

/** A territory as asked for, resolved against the region's facts: the municipality of a school is filled in. */
record Territory(MonitoringLevel level, String regionId, @Nullable String municipalityId, @Nullable String schoolId) {

    boolean contains(RegionFacts facts, String schoolId) {
        return switch (level) {
            case REGION -> true;
            case MUNICIPALITY -> {
                RegionFacts.SchoolFact school = facts.schools.get(schoolId);
                yield school != null && municipalityId.equals(school.municipalityId());
            }
            case SCHOOL -> this.schoolId.equals(schoolId);
        };
    }
}
