package org.opora.mentoring.teachers;

import io.micronaut.core.annotation.Nullable;

/** A school as mentoring needs it: its name and territory. */
public record SchoolPlace(String id, @Nullable String name, String regionId, @Nullable String municipalityId) implements TerritoryPlace {

    @Override
    public String schoolId() {
        return id;
    }
}
