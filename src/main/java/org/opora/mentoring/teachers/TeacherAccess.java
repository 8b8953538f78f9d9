package org.opora.mentoring.teachers;

import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;

/**
 * Who may see and change a teacher's data. A teacher's diagnostics, deficits, plans and courses are personal data:
 * only the teacher (by login), the mentor of a pending or active relation, the admin of the teacher's school and the
 * coordinators (regional, municipal) whose territory covers the school may read them; everybody else is FORBIDDEN.
 * Methodists and curators run deficit diagnostics (issue 15, item 7): in their territory they may record and read a
 * teacher's diagnostics and deficits, and nothing else of the personal data (no plans, courses, meetings).
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

    /** The teacher's managers, and a methodist or curator whose territory covers the teacher's school. */
    public static boolean canRunDiagnostics(CurrentUser user, Teacher teacher) {
        return manages(user, teacher) || diagnoses(user, teacher);
    }

    /** Everybody who may read personal data, and the methodists and curators who may run diagnostics. */
    public static boolean canReadDiagnostics(CurrentUser user, Teacher teacher) {
        return canReadPersonal(user, teacher) || diagnoses(user, teacher);
    }

    public static void requireRunDiagnostics(CurrentUser user, Teacher teacher) {
        if (!canRunDiagnostics(user, teacher)) {
            throw ApiException.forbidden("Недостаточно прав: диагностику проводят администрация школы педагога, координаторы, "
                    + "методисты и кураторы его территории");
        }
    }

    public static void requireReadDiagnostics(CurrentUser user, Teacher teacher) {
        if (!canReadDiagnostics(user, teacher)) {
            throw ApiException.forbidden(PERSONAL_DATA);
        }
    }

    private static boolean diagnoses(CurrentUser user, Teacher teacher) {
        return (user.has(Role.METHODIST) || user.has(Role.CURATOR))
                && user.scope().covers(teacher.regionId(), teacher.municipalityId(), teacher.schoolId());
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
