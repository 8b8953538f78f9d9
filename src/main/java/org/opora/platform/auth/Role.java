package org.opora.platform.auth;

import java.util.Collection;

/**
 * What a user may do; the territory they may do it in is their {@link Scope}.
 *
 * <p>The rank orders roles for user management (docs/security.md): a coordinator may give, keep or take away
 * only roles whose rank is at or below their own highest rank, and never ADMIN.
 * ADMIN 100 &gt; REGIONAL_COORDINATOR 80 &gt; MUNICIPAL_COORDINATOR 60 &gt; CURATOR = METHODIST = SCHOOL_ADMIN 40
 * &gt; MENTOR 20 &gt; TEACHER 10.
 */
public enum Role {
    ADMIN(100),
    REGIONAL_COORDINATOR(80),
    MUNICIPAL_COORDINATOR(60),
    CURATOR(40),
    SCHOOL_ADMIN(40),
    METHODIST(40),
    MENTOR(20),
    TEACHER(10);

    private final int rank;

    Role(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** The highest rank among the roles; 0 for none. */
    public static int highestRank(Collection<Role> roles) {
        return roles.stream().mapToInt(Role::rank).max().orElse(0);
    }
}
