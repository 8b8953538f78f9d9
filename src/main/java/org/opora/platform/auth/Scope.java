package org.opora.platform.auth;

import io.micronaut.core.annotation.Nullable;

/**
 * The territory a user acts in: a whole region, one municipality or one school.
 * The narrower ids are set only for narrower scopes.
 */
public record Scope(@Nullable String regionId, @Nullable String municipalityId, @Nullable String schoolId) {

    public static final Scope EVERYWHERE = new Scope(null, null, null);

    /** True when a place (any of whose ids may be null when unknown) lies inside this scope. */
    public boolean covers(@Nullable String placeRegionId, @Nullable String placeMunicipalityId, @Nullable String placeSchoolId) {
        return matches(regionId, placeRegionId)
                && matches(municipalityId, placeMunicipalityId)
                && matches(schoolId, placeSchoolId);
    }

    private static boolean matches(@Nullable String mine, @Nullable String theirs) {
        return mine == null || mine.equals(theirs);
    }
}
