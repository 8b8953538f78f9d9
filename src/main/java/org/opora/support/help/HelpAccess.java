package org.opora.support.help;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;

/**
 * Who may log and read methodological help (docs/security.md): METHODIST, CURATOR and coordinators log help to schools
 * and teachers of their territory and read the log and the coverage there; a school's admin reads the help their
 * school got; a teacher reads the help given to them. Everyone else is FORBIDDEN.
 */
public final class HelpAccess {

    private HelpAccess() {
    }

    static boolean supports(CurrentUser user, String regionId, @Nullable String municipalityId, @Nullable String schoolId) {
        return user.isAdmin() || (user.hasAny(Role.METHODIST, Role.CURATOR, Role.REGIONAL_COORDINATOR, Role.MUNICIPAL_COORDINATOR)
                && user.scope().covers(regionId, municipalityId, schoolId));
    }

    static void requireLog(CurrentUser user, String regionId, @Nullable String municipalityId, String schoolId) {
        if (!supports(user, regionId, municipalityId, schoolId)) {
            throw ApiException.forbidden("Недостаточно прав: методическую помощь отмечают методисты, кураторы и координаторы "
                    + "в пределах своей территории");
        }
    }

    /**
     * A log filtered to a territory: the supporting roles covering it; the school's admin for their school; the
     * teacher for the help given to them ({@code teacherSelf}: the filter names the caller's own teacher record).
     */
    static void requireRead(CurrentUser user, String regionId, @Nullable String municipalityId, @Nullable String schoolId,
                            boolean teacherSelf) {
        boolean ownSchool = user.has(Role.SCHOOL_ADMIN) && schoolId != null && schoolId.equals(user.scope().schoolId());
        if (!supports(user, regionId, municipalityId, schoolId) && !ownSchool && !teacherSelf) {
            throw ApiException.forbidden("Нет доступа к журналу методической помощи этой территории");
        }
    }

    static void requireCoverage(CurrentUser user, String regionId, @Nullable String municipalityId) {
        if (!supports(user, regionId, municipalityId, null)) {
            throw ApiException.forbidden("Нет доступа к охвату методическим сопровождением этой территории");
        }
    }
}
