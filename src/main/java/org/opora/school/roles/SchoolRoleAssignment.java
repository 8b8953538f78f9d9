package org.opora.school.roles;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/** A support role a school carries, who gave it and when; the school's territory is copied for access checks. */
public record SchoolRoleAssignment(String schoolId, String regionId, @Nullable String municipalityId, SchoolSupportRole role,
                                   String assignedBy, LocalDate assignedOn, @Nullable String note) {

    public String roleLabel() {
        return role.label();
    }
}
