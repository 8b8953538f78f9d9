package org.opora.security;

import java.time.ZonedDateTime;
import java.util.List;

/** One change of a user account: who made it, when, and the fields before and after (never a password). */
public record UserAuditEntry(String id, ZonedDateTime at, String actor, String username, UserAuditAction action,
                             List<FieldChange> changes) {

    public record FieldChange(String field, String before, String after) {
    }
}
