package org.opora.mentoring.teachers;

import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;

/**
 * Who may see and change a teacher's data. A teacher's diagnostics, deficits, plans and courses are personal data:
 * only the teacher (by login), the mentor of a pending or active relation, the admin of the teacher's school and the
 * coordinators (regional, municipal) whose territory covers the school may read them; everybody else is FORBIDDEN.
 */
public final class TeacherAccess {

    public static final String PERSONAL_DATA = "Нет доступа к персональным данным педагога";

    private TeacherAccess() {
    }

    /** Territory-wide managers of a place: admin, coordinators covering it, its own school admin. */
    public static boolean manages(CurrentUser user, String regionId, String municipalityId, String schoolId) {
        return user.isAdmin()
                || user.coordinates(regionId, municipalityId)
                || (user.has(Role.SCHOOL_ADMIN) && schoolId != null && schoolId.equals(user.scope().schoolId()));
    }

    public static boolean manages(CurrentUser user, TerritoryPlace place) {
        return manages(user, place.regionId(), place.municipalityId(), place.schoolId());
    }

    public static boolean isSelf(CurrentUser user, Teacher teacher) {
        return teacher.username() != null && teacher.username().equals(user.username());
    }

    /** The teacher, their managers, and the mentor of a pending or active relation with them. */
    public static boolean canReadPersonal(CurrentUser user, Teacher teacher) {
        return isSelf(user, teacher) || manages(user, teacher) || teacher.mentorUsernames().contains(user.username());
    }

    public static void requirePersonal(CurrentUser user, Teacher teacher) {
        if (!canReadPersonal(user, teacher)) {
            throw ApiException.forbidden(PERSONAL_DATA);
        }
    }

    public static void requireManage(CurrentUser user, Teacher teacher) {
        if (!manages(user, teacher)) {
            throw ApiException.forbidden("Недостаточно прав: действие доступно администрации школы педагога и координаторам");
        }
    }

    /** Basic profile (name, subjects, school): anybody signed in whose territory covers the teacher's school. */
    public static boolean canSeeProfile(CurrentUser user, Teacher teacher) {
        return user.isAdmin() || isSelf(user, teacher)
                || user.scope().covers(teacher.regionId(), teacher.municipalityId(), teacher.schoolId());
    }

    /** Who may list a school's teachers: anyone whose territory covers the school. */
    public static void requireTeachersOfSchool(CurrentUser user, TerritoryPlace school) {
        if (!user.isAdmin() && !user.scope().covers(school.regionId(), school.municipalityId(), school.schoolId())) {
            throw ApiException.forbidden("Нет доступа к педагогам этой школы");
        }
    }
}
