package org.opora.mentoring.associations;

import org.opora.mentoring.teachers.Teacher;
import org.opora.mentoring.teachers.TeacherAccess;
import org.opora.mentoring.teachers.TerritoryPlace;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;

/**
 * Associations are created and edited by the managers of their territory and by methodists covering it; a teacher
 * joins by themselves an association of their region and, when it belongs to one, of their municipality or school.
 */
final class AssociationAccess {

    private AssociationAccess() {
    }

    static boolean canManage(CurrentUser user, TerritoryPlace place) {
        return TeacherAccess.manages(user, place)
                || (user.has(Role.METHODIST) && user.scope().covers(place.regionId(), place.municipalityId(), place.schoolId()));
    }

    static void requireCreate(CurrentUser user, TerritoryPlace place) {
        if (!canManage(user, place)) {
            throw ApiException.forbidden("Недостаточно прав: объединения создают координаторы, методисты и администрация школы");
        }
    }

    static void requireEdit(CurrentUser user, Association association) {
        if (!canManage(user, association)) {
            throw ApiException.forbidden("Недостаточно прав для изменения объединения");
        }
    }

    static void requireJoin(Association association, Teacher me) {
        boolean fits = association.regionId().equals(me.regionId())
                && (association.municipalityId() == null || association.municipalityId().equals(me.municipalityId()))
                && (association.schoolId() == null || association.schoolId().equals(me.schoolId()));
        if (!fits) {
            throw ApiException.forbidden("Это объединение другой территории: вступить в него нельзя");
        }
    }

    static void requireRegion(CurrentUser user, String regionId) {
        if (!user.isAdmin() && user.scope().regionId() != null && !user.scope().regionId().equals(regionId)) {
            throw ApiException.forbidden("Нет доступа к данным другого региона");
        }
    }
}
