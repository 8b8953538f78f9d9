package org.opora.security;

import java.time.ZonedDateTime;

/** A user as stored, with its state and who last changed it; never the password hash. */
public record StoredUser(UserAccount account, boolean enabled, ZonedDateTime createdAt, String createdBy,
                         ZonedDateTime updatedAt, String updatedBy) {

    public String username() {
        return account.username();
    }

    UserState state() {
        return new UserState(account, enabled);
    }
}
