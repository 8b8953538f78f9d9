package org.opora.monitoring.calendar;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;

import java.util.Objects;

/**
 * Who may use the monitoring calendar (docs/security.md, "Monitoring calendar"):
 * <ul>
 *   <li>read: coordinators, methodists, curators and school administrators of the region (a municipal scope only for
 *       its municipality); each sees the submitters inside their own scope (a school's admin: their school only);</li>
 *   <li>add or delete the region's own deadlines: the regional coordinator of the region;</li>
 *   <li>mark a territory as submitted: the territory's own submitter (the school's admin, the municipality's
 *       coordinator) or a coordinator whose territory covers it.</li>
 * </ul>
 * Everyone else is FORBIDDEN and nothing is written.
 */
final class CalendarAccess {

    private CalendarAccess() {
    }

    static void requireRead(CurrentUser user, String regionId, @Nullable String municipalityId) {
        if (user.isAdmin()) {
            return;
        }
        boolean role = user.hasAny(Role.REGIONAL_COORDINATOR, Role.MUNICIPAL_COORDINATOR, Role.METHODIST, Role.CURATOR,
                Role.SCHOOL_ADMIN);
        boolean region = regionId.equals(user.scope().regionId());
        boolean municipality = municipalityId == null || user.scope().municipalityId() == null
                || municipalityId.equals(user.scope().municipalityId());
        if (!role || !region || !municipality) {
            throw ApiException.forbidden("Нет доступа к календарю мониторинга этой территории");
        }
    }

    static boolean sees(CurrentUser user, Submitter s, String regionId) {
        return user.isAdmin() || user.scope().covers(regionId, s.municipalityId(), s.schoolId());
    }

    static void requireManage(CurrentUser user, String regionId) {
        boolean regional = user.has(Role.REGIONAL_COORDINATOR) && user.scope().covers(regionId, null, null);
        if (!user.isAdmin() && !regional) {
            throw ApiException.forbidden("Сроки мониторинга региона задаёт региональный координатор этого региона");
        }
    }

    static void requireMark(CurrentUser user, CalendarRepository.Territory t) {
        boolean coordinator = user.coordinates(t.regionId(), t.municipalityId())
                && (t.level() != SubmitterLevel.REGION || user.has(Role.REGIONAL_COORDINATOR) || user.isAdmin());
        boolean ownSchool = t.level() == SubmitterLevel.SCHOOL && user.has(Role.SCHOOL_ADMIN)
                && Objects.equals(t.schoolId(), user.scope().schoolId());
        if (!coordinator && !ownSchool) {
            throw ApiException.forbidden("Отмечать сдачу может сама школа или координатор своей территории");
        }
    }
}
