package org.opora.security;

/** What user management may change on an account (the password has its own operations). */
record UserState(UserAccount account, boolean enabled) {

    /** Roles, territory and the enabled flag: changing them revokes the user's tokens. */
    boolean sameRights(UserState other) {
        return account.roles().equals(other.account.roles()) && account.scope().equals(other.account.scope())
                && enabled == other.enabled;
    }
}
