package org.opora.monitoring.reports;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;

/**
 * Who may download a справка (docs/security.md «Справки»): coordinators, methodists and curators whose scope covers
 * the territory (the whole region for the regional справка and the region's list of status changes, the municipality
 * for the municipal ones, the school's municipality or region for a school card), the school's own admin for its card,
 * and the administrator. Teachers and mentors get none: the справки are the territory's aggregates and school data.
 */
final class ReportAccess {

    private ReportAccess() {
    }

    static boolean mayRead(CurrentUser user, ReportKind kind, String regionId, @Nullable String municipalityId,
                           @Nullable String schoolId) {
        if (user.isAdmin()) {
            return true;
        }
        boolean staff = user.hasAny(Role.REGIONAL_COORDINATOR, Role.MUNICIPAL_COORDINATOR, Role.METHODIST, Role.CURATOR)
                && user.scope().covers(regionId, municipalityId, schoolId);
        if (kind == ReportKind.SCHOOL_CARD) {
            return staff || (user.has(Role.SCHOOL_ADMIN) && schoolId != null && schoolId.equals(user.scope().schoolId())
                    && regionId.equals(user.scope().regionId()));
        }
        return staff && schoolId == null;
    }
}
