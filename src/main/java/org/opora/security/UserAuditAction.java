package org.opora.security;

/** What happened to a user account (graphql/security.graphqls). */
public enum UserAuditAction {
    CREATED,
    UPDATED,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    /** Created or replaced at start-up or by tests, outside the API (demo logins, admin bootstrap). */
    PROVISIONED,
    /** The notification e-mail address was set, changed or removed (the address is not kept in the audit). */
    EMAIL_CHANGED
}
