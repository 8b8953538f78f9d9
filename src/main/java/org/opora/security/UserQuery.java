package org.opora.security;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;

/**
 * A page of users: {@code visibleTo} is the caller's territory (EVERYWHERE for ADMIN), the other fields are the
 * caller's optional filter.
 */
record UserQuery(Scope visibleTo, @Nullable String search, @Nullable Role role, @Nullable String regionId,
                 @Nullable String municipalityId, @Nullable String schoolId, @Nullable Boolean enabled) {
}
