package org.opora.mentoring.teachers;

import io.micronaut.core.annotation.Nullable;
import org.opora.school.School;

/** A school as mentoring needs it: its name and territory. */
public record SchoolPlace(String id, @Nullable String name, String regionId, @Nullable String municipalityId) implements TerritoryPlace {

    /** Mentoring's view of the school read model's record. */
    public static SchoolPlace of(School school) {
        return new SchoolPlace(school.id(), school.name(), school.regionId(), school.municipalityId());
    }

    @Override
    public String schoolId() {
        return id;
    }
}
