package org.opora.platform.auth;

import io.micronaut.security.authentication.Authentication;
import org.opora.platform.errors.ApiException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** The authenticated caller as the features see it: who, with which roles, over which territory. */
public record CurrentUser(String username, Set<Role> roles, Scope scope) {

    public static final String REGION_CLAIM = "regionId";
    public static final String MUNICIPALITY_CLAIM = "municipalityId";
    public static final String SCHOOL_CLAIM = "schoolId";
    /** The security stamp of the user when the token was issued (see {@link CurrentRightsFilter}). */
    public static final String STAMP_CLAIM = "stamp";

    public static CurrentUser of(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : authentication.getRoles()) {
            Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).forEach(roles::add);
        }
        var claims = authentication.getAttributes();
        return new CurrentUser(authentication.getName(), roles, new Scope(
                (String) claims.get(REGION_CLAIM),
                (String) claims.get(MUNICIPALITY_CLAIM),
                (String) claims.get(SCHOOL_CLAIM)));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        return roles.contains(Role.ADMIN) || Arrays.stream(wanted).anyMatch(roles::contains);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** Coordinators act on a territory; the admin acts everywhere. */
    public boolean coordinates(String regionId, String municipalityId) {
        return isAdmin() || (hasAny(Role.MUNICIPAL_COORDINATOR, Role.REGIONAL_COORDINATOR)
                && scope.covers(regionId, municipalityId, null));
    }

    public void requireAny(Role... wanted) {
        if (!hasAny(wanted)) {
            throw ApiException.forbidden("Недостаточно прав для этой операции");
        }
    }
}
