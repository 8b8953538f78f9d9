package org.opora.mentoring.teachers;

import io.micronaut.core.annotation.Nullable;

/** Where a mentoring record belongs: the territory access rules are decided on. */
public interface TerritoryPlace {

    String regionId();

    @Nullable
    String municipalityId();

    @Nullable
    String schoolId();
}
