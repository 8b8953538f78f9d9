package org.opora.monitoring.indicators;

import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;

/**
 * Who reads and plans the monitoring indicators (docs/security.md «Monitoring indicators»): coordinators, methodists
 * and curators whose scope covers the territory read its dashboard and drill-downs (aggregates; a teacher's row names
 * the teacher only to those who may read that teacher's diagnostics); a school's admin reads their own school's; a
 * region's targets are set by its regional coordinator, a municipality's by its municipal coordinator or the regional one.
 */
final class IndicatorAccess {

    static final String NO_ACCESS = "Нет доступа к показателям мониторинга этой территории";

    private IndicatorAccess() {
    }

    /** Refuses early, before anything is read, a caller whose scope is another region. */
    static void requireSameRegion(CurrentUser user, String regionId) {
        String mine = user.scope().regionId();
        if (!user.isAdmin() && mine != null && !mine.equals(regionId)) {
            throw ApiException.forbidden(NO_ACCESS);
        }
    }

    static void requireRead(CurrentUser user, Territory territory) {
        boolean staff = user.hasAny(Role.REGIONAL_COORDINATOR, Role.MUNICIPAL_COORDINATOR, Role.METHODIST, Role.CURATOR)
                && user.scope().covers(territory.regionId(), territory.municipalityId(), territory.schoolId());
        boolean ownSchool = user.has(Role.SCHOOL_ADMIN) && territory.schoolId() != null
                && territory.schoolId().equals(user.scope().schoolId()) && territory.regionId().equals(user.scope().regionId());
        if (!user.isAdmin() && !staff && !ownSchool) {
            throw ApiException.forbidden(NO_ACCESS);
        }
    }

    static void requireSetTarget(CurrentUser user, Territory territory) {
        boolean allowed = territory.level() == MonitoringLevel.REGION
                ? user.hasAny(Role.REGIONAL_COORDINATOR) && user.scope().covers(territory.regionId(), null, null)
                : user.coordinates(territory.regionId(), territory.municipalityId());
        if (!user.isAdmin() && !allowed) {
            throw ApiException.forbidden(territory.level() == MonitoringLevel.REGION
                    ? "Недостаточно прав: целевые значения региона задаёт региональный координатор"
                    : "Недостаточно прав: целевые значения муниципалитета задаёт его муниципальный или региональный координатор");
        }
    }
}
