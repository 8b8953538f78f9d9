package org.opora.support.events;

import io.micronaut.core.annotation.Nullable;
import org.opora.mentoring.teachers.Teacher;
import org.opora.mentoring.teachers.TeacherAccess;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;
import org.opora.school.School;

/**
 * Who may do what with events (docs/security.md, «Events, courses and school roles»):
 * <ul>
 *   <li>everybody signed in in a region sees its events and its course catalogue;</li>
 *   <li>coordinators, methodists and curators create events within their territory (regional and federal ones need a
 *       region-wide scope); a leader school's admin (status LEADER, or the role of internship site) creates internships
 *       at their own school;</li>
 *   <li>a school admin registers their school and its teachers; a teacher registers themselves;</li>
 *   <li>the organiser (the author, the coordinators, methodists and curators whose territory covers the event, the host
 *       school's admin of an internship) marks attendance.</li>
 * </ul>
 */
public final class EventAccess {

    static final Role[] STAFF = {Role.REGIONAL_COORDINATOR, Role.MUNICIPAL_COORDINATOR, Role.METHODIST, Role.CURATOR};

    private EventAccess() {
    }

    public static boolean inRegion(CurrentUser user, @Nullable String regionId) {
        return user.isAdmin() || (user.scope().regionId() != null && user.scope().regionId().equals(regionId));
    }

    public static void requireRegion(CurrentUser user, @Nullable String regionId) {
        if (!inRegion(user, regionId)) {
            throw ApiException.forbidden("Мероприятия и курсы другого региона недоступны");
        }
    }

    /** Staff whose scope covers the event's territory; a municipal scope never covers a regional or federal event. */
    static boolean staffCovers(CurrentUser user, String regionId, EventLevel level, @Nullable String municipalityId,
                               @Nullable String hostSchoolId) {
        if (user.isAdmin()) {
            return true;
        }
        if (!hasStaffRole(user) || user.scope().schoolId() != null) {
            return false;
        }
        if (level == EventLevel.REGIONAL || level == EventLevel.FEDERAL) {
            return user.scope().municipalityId() == null && user.scope().covers(regionId, null, null);
        }
        return user.scope().covers(regionId, municipalityId, null);
    }

    private static boolean hasStaffRole(CurrentUser user) {
        for (Role role : STAFF) {
            if (user.has(role)) {
                return true;
            }
        }
        return false;
    }

    /**
     * May the caller create this event? {@code host} is the host school (null when none), {@code leaderHost} whether it
     * is a leader school (status LEADER or the role of internship site).
     */
    static void requireCreate(CurrentUser user, String regionId, EventKind kind, EventLevel level, @Nullable String municipalityId,
                              @Nullable School host, boolean leaderHost) {
        if (staffCovers(user, regionId, level, municipalityId, host == null ? null : host.id())) {
            return;
        }
        if (user.has(Role.SCHOOL_ADMIN) && host != null && host.id().equals(user.scope().schoolId())) {
            if (kind != EventKind.INTERNSHIP) {
                throw ApiException.forbidden("Администрация школы создаёт только стажировки на базе своей школы");
            }
            if (!leaderHost) {
                throw ApiException.forbidden("Стажировку создаёт школа-лидер или стажировочная площадка");
            }
            return;
        }
        throw ApiException.forbidden("Создавать мероприятия этой территории могут её координаторы, методисты и кураторы");
    }

    /** The organiser: the author, the staff covering the event, the host school's admin of an internship. */
    public static boolean organises(CurrentUser user, SupportEvent event) {
        return event.createdBy().equals(user.username())
                || staffCovers(user, event.regionId(), event.level(), event.municipalityId(), event.hostSchoolId())
                || (event.kind() == EventKind.INTERNSHIP && user.has(Role.SCHOOL_ADMIN) && event.hostSchoolId() != null
                    && event.hostSchoolId().equals(user.scope().schoolId()));
    }

    static void requireOrganiser(CurrentUser user, SupportEvent event) {
        if (!organises(user, event)) {
            throw ApiException.forbidden("Отмечать посещение может только организатор мероприятия");
        }
    }

    /** Only the school's own admin registers the school. */
    static void requireRegisterSchool(CurrentUser user, School school) {
        if (!user.isAdmin() && !(user.has(Role.SCHOOL_ADMIN) && school.id().equals(user.scope().schoolId()))) {
            throw ApiException.forbidden("Зарегистрировать школу может только её администрация");
        }
    }

    /** The teacher themselves, or the admin of the teacher's school. */
    static void requireRegisterTeacher(CurrentUser user, Teacher teacher) {
        boolean schoolAdmin = user.has(Role.SCHOOL_ADMIN) && teacher.schoolId().equals(user.scope().schoolId());
        if (!user.isAdmin() && !schoolAdmin && !TeacherAccess.isSelf(user, teacher)) {
            throw ApiException.forbidden("Педагог регистрируется сам или его регистрирует администрация его школы");
        }
    }

    /**
     * A registration is seen by the organiser, by managers of the school (its admin, coordinators covering it), by the
     * registered teacher; a school's own registration (no teacher) by everybody signed in in the region, as the event.
     */
    static boolean canSee(CurrentUser user, @Nullable SupportEvent event, EventRegistration r) {
        if ((event != null && organises(user, event))
                || TeacherAccess.manages(user, r.regionId(), r.municipalityId(), r.schoolId())) {
            return true;
        }
        if (r.teacherId() == null) {
            return inRegion(user, r.regionId());
        }
        return r.teacherUsername() != null && r.teacherUsername().equals(user.username());
    }
}
