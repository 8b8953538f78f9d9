package org.opora.notification;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** An enabled user as the daily job sees them: who they are and, if they gave one, where to e-mail them. */
record Recipient(String username, String displayName, Set<Role> roles, Scope scope, @Nullable String email) {

    static Recipient of(String username, @Nullable String displayName, List<String> roles, Scope scope, @Nullable String email) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (roles.contains(role.name())) {
                set.add(role);
            }
        }
        return new Recipient(username, displayName == null ? username : displayName, set, scope, email);
    }

    CurrentUser asUser() {
        return new CurrentUser(username, roles, scope);
    }
}
