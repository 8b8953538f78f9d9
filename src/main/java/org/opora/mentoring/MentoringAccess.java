package org.opora.mentoring;

import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;

import java.util.Map;

/**
 * Who may see and change what. A teacher's diagnostics, deficits, plans and courses are personal data: only the
 * teacher (by login), the mentor of a pending or active relation, the admin of the teacher's school and the
 * coordinators (regional, municipal) whose territory covers the school may read them; everybody else is FORBIDDEN.
 * A mentor's private meeting notes are readable by that mentor only.
 */
@Singleton
class MentoringAccess {

    static final String PERSONAL_DATA = "Нет доступа к персональным данным педагога";

    private final MentoringRepository repository;

    MentoringAccess(MentoringRepository repository) {
        this.repository = repository;
    }

    /** Territory-wide managers of a school: admin, coordinators covering it, its own school admin. */
    boolean manages(CurrentUser user, String regionId, String municipalityId, String schoolId) {
        return user.isAdmin()
                || user.coordinates(regionId, municipalityId)
                || (user.has(Role.SCHOOL_ADMIN) && schoolId != null && schoolId.equals(user.scope().schoolId()));
    }

    boolean manages(CurrentUser user, Map<String, Object> teacher) {
        return manages(user, str(teacher, "regionId"), str(teacher, "municipalityId"), str(teacher, "schoolId"));
    }

    static boolean isSelf(CurrentUser user, Map<String, Object> teacher) {
        Object username = teacher.get("username");
        return username != null && username.equals(user.username());
    }

    boolean canReadPersonal(CurrentUser user, Map<String, Object> teacher) {
        return isSelf(user, teacher) || manages(user, teacher) || repository.isMentorOf(user.username(), str(teacher, "id"));
    }

    void requirePersonal(CurrentUser user, Map<String, Object> teacher) {
        if (!canReadPersonal(user, teacher)) {
            throw ApiException.forbidden(PERSONAL_DATA);
        }
    }

    void requireManage(CurrentUser user, Map<String, Object> teacher) {
        if (!manages(user, teacher)) {
            throw ApiException.forbidden("Недостаточно прав: действие доступно администрации школы педагога и координаторам");
        }
    }

    /** Basic profile (name, subjects, school): anybody signed in whose territory covers the teacher's school. */
    boolean canSeeProfile(CurrentUser user, Map<String, Object> teacher) {
        return user.isAdmin() || isSelf(user, teacher)
                || user.scope().covers(str(teacher, "regionId"), str(teacher, "municipalityId"), str(teacher, "schoolId"));
    }

    /** A mentor may propose themselves (their linked teacher record) for a mentee inside their own territory. */
    static boolean proposesThemselves(CurrentUser user, Map<String, Object> mentor, Map<String, Object> menteePlace) {
        return user.has(Role.MENTOR) && isSelf(user, mentor)
                && user.scope().covers(str(menteePlace, "regionId"), str(menteePlace, "municipalityId"), str(menteePlace, "schoolId"));
    }

    static boolean isMentorOfRelation(CurrentUser user, Map<String, Object> relation) {
        return user.username().equals(relation.get("mentorUsername"));
    }

    static boolean isMenteeOfRelation(CurrentUser user, Map<String, Object> relation) {
        return user.username().equals(relation.get("menteeUsername"));
    }

    /** Relation with its meetings' shared part: mentor, mentee and managers of the mentee's school. */
    boolean canSeeRelation(CurrentUser user, Map<String, Object> relation) {
        return isMentorOfRelation(user, relation) || isMenteeOfRelation(user, relation)
                || manages(user, str(relation, "regionId"), str(relation, "municipalityId"), str(relation, "schoolId"));
    }

    void requireRelation(CurrentUser user, Map<String, Object> relation) {
        if (!canSeeRelation(user, relation)) {
            throw ApiException.forbidden("Нет доступа к этому наставничеству");
        }
    }

    static String str(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }
}
