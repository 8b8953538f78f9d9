package org.opora.security;

/** What a user may do; the territory they may do it in is their {@link Scope}. */
public enum Role {
    ADMIN,
    REGIONAL_COORDINATOR,
    MUNICIPAL_COORDINATOR,
    CURATOR,
    SCHOOL_ADMIN,
    METHODIST,
    MENTOR,
    TEACHER
}
