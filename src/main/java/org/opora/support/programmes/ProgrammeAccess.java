package org.opora.support.programmes;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;
import org.opora.school.School;

/**
 * Who may do what with school programmes (docs/security.md, "Support: school programmes"): anyone whose territory
 * covers the school reads its programmes; the school's own admin drafts and carries them out; the municipal
 * coordinator of the school's municipality agrees them or returns them to draft; the regional coordinator reads the
 * region; ADMIN does everything.
 */
public final class ProgrammeAccess {

    private ProgrammeAccess() {
    }

    public static boolean canSee(CurrentUser user, School school) {
        return user.isAdmin() || user.scope().covers(school.regionId(), school.municipalityId(), school.id());
    }

    public static void requireSee(CurrentUser user, School school) {
        if (!canSee(user, school)) {
            throw ApiException.forbidden("Программы школы «" + school.name() + "» вне вашей территории");
        }
    }

    /** The school's own admin (and ADMIN): drafts, measures, evidence, start and completion. */
    public static void requireSchoolEditor(CurrentUser user, String schoolId, String schoolName) {
        boolean ownAdmin = user.has(Role.SCHOOL_ADMIN) && schoolId.equals(user.scope().schoolId());
        if (!ownAdmin && !user.isAdmin()) {
            throw ApiException.forbidden("Программу школы «" + schoolName + "» может изменять только администратор этой школы");
        }
    }

    /** The municipal coordinator of the school's municipality (and ADMIN): agreement and return to draft. */
    public static void requireMunicipality(CurrentUser user, String regionId, @Nullable String municipalityId, String schoolName) {
        boolean municipal = user.has(Role.MUNICIPAL_COORDINATOR) && municipalityId != null
                && municipalityId.equals(user.scope().municipalityId()) && regionId.equals(user.scope().regionId());
        if (!municipal && !user.isAdmin()) {
            throw ApiException.forbidden("Согласовать программу школы «" + schoolName + "» или вернуть её на доработку может только "
                    + "муниципальный координатор её муниципалитета");
        }
    }

    /**
     * The territory of the list of schools without programmes: a municipal coordinator their own municipality, a
     * regional one their region. Returns the municipality the list is narrowed to (null for the whole region).
     */
    public static @Nullable String requireGapViewer(CurrentUser user, String regionId, @Nullable String municipalityId) {
        if (user.isAdmin()) {
            return municipalityId;
        }
        if (!regionId.equals(user.scope().regionId())
                || !user.hasAny(Role.REGIONAL_COORDINATOR, Role.MUNICIPAL_COORDINATOR)) {
            throw ApiException.forbidden("Программы школ региона " + regionId + " вне вашей территории");
        }
        String own = user.scope().municipalityId();
        if (own == null) {
            return municipalityId;
        }
        if (municipalityId != null && !municipalityId.equals(own)) {
            throw ApiException.forbidden("Программы школ муниципалитета " + municipalityId + " вне вашей территории");
        }
        return own;
    }
}
