package org.opora.security;

import org.opora.platform.auth.CurrentUser;

import java.time.ZonedDateTime;
import java.util.List;

/** A user as the caller sees them in the API (graphql type User). */
record UserView(String username, String displayName, List<String> roles, String regionId, String municipalityId,
                String schoolId, boolean enabled, boolean manageable, ZonedDateTime createdAt, String createdBy,
                ZonedDateTime updatedAt, String updatedBy) {

    static UserView of(StoredUser user, CurrentUser caller) {
        UserAccount a = user.account();
        return new UserView(a.username(), a.displayName(), a.roles().stream().map(Enum::name).sorted().toList(),
                a.scope().regionId(), a.scope().municipalityId(), a.scope().schoolId(), user.enabled(),
                UserAccess.manages(caller, a), user.createdAt(), user.createdBy(), user.updatedAt(), user.updatedBy());
    }
}
