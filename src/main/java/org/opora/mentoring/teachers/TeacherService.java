package org.opora.mentoring.teachers;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.errors.ApiException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Teachers' profiles and logins: creating a teacher, linking a login, reading profiles. */
@Singleton
public class TeacherService {

    private final TeacherRepository repository;
    private final SchoolPlaces schools;

    TeacherService(TeacherRepository repository, SchoolPlaces schools) {
        this.repository = repository;
        this.schools = schools;
    }

    /** A new teacher; null fields take their defaults (position «учитель», youngSpecialist = experience below 3). */
    public record NewTeacher(String fullName, @Nullable String position, String schoolId, List<String> subjects,
                             @Nullable String category, @Nullable Integer experienceYears, @Nullable Boolean youngSpecialist,
                             List<CompetenceArea> strengths, @Nullable Integer mentorCapacity) {

        NewTeacher withDefaults() {
            int experience = experienceYears == null ? 0 : experienceYears;
            return new NewTeacher(fullName, position == null ? "учитель" : position, schoolId, subjects, category, experience,
                    youngSpecialist == null ? experience < 3 : youngSpecialist, strengths,
                    mentorCapacity == null ? 0 : mentorCapacity);
        }
    }

    public Teacher create(NewTeacher input, CurrentUser user) {
        SchoolPlace school = schools.school(input.schoolId())
                .orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, input.schoolId()));
        if (!TeacherAccess.manages(user, school)) {
            throw ApiException.forbidden("Недостаточно прав: добавлять педагогов могут администрация школы и координаторы");
        }
        NewTeacher in = input.withDefaults();
        if (in.experienceYears() < 0 || in.experienceYears() > 60) {
            throw ApiException.badInput("experienceYears: от 0 до 60, получено " + in.experienceYears());
        }
        if (in.mentorCapacity() < 0 || in.mentorCapacity() > 20) {
            throw ApiException.badInput("mentorCapacity: от 0 до 20, получено " + in.mentorCapacity());
        }
        // Always a new record with the server's id; a login is linked separately (linkTeacherLogin).
        return repository.create(in, MentoringIds.newId("T"));
    }

    /**
     * Links a login to a teacher (also how a mentor gets a login: a mentor is a teacher with a mentor capacity).
     * By the teacher's managers (ADMIN, coordinators of the teacher's territory, the admin of the teacher's school).
     * The login must exist, hold TEACHER or MENTOR, and have a scope that covers the teacher's school; it may not be
     * linked to another teacher. Audited with the actor and time in the same transaction.
     */
    public Teacher linkLogin(String teacherId, String username, CurrentUser user) {
        Teacher teacher = require(teacherId);
        TeacherAccess.requireManage(user, teacher);
        String login = username == null ? "" : username.strip();
        if (login.isEmpty()) {
            throw ApiException.badInput("username: обязательное поле не заполнено");
        }
        return repository.linkLogin(new TeacherRepository.LoginChange(teacherId, login, user.username(), "LINK"), found -> {
            if (!found.roles().contains(Role.TEACHER.name()) && !found.roles().contains(Role.MENTOR.name())) {
                throw ApiException.badInput("username: у пользователя «" + login + "» нет роли педагога или наставника (TEACHER, MENTOR)");
            }
            boolean sameTerritory = found.regionId() != null
                    && new Scope(found.regionId(), found.municipalityId(), found.schoolId())
                    .covers(teacher.regionId(), teacher.municipalityId(), teacher.schoolId());
            if (!sameTerritory) {
                throw ApiException.forbidden("Пользователь «" + login + "» закреплён за другой школой или территорией "
                        + "и не может быть привязан к педагогу школы " + teacher.schoolId());
            }
        });
    }

    /** Removes a teacher's login; same callers as {@link #linkLogin}, audited likewise. */
    public Teacher unlinkLogin(String teacherId, CurrentUser user) {
        TeacherAccess.requireManage(user, require(teacherId));
        return repository.unlinkLogin(teacherId, user.username());
    }

    /** A profile by id: null when there is none; FORBIDDEN outside the caller's territory (unless personal access). */
    public Teacher teacher(String id, CurrentUser user) {
        Teacher teacher = repository.teacher(id).orElse(null);
        if (teacher == null) {
            return null;
        }
        if (!TeacherAccess.canSeeProfile(user, teacher) && !TeacherAccess.canReadPersonal(user, teacher)) {
            throw ApiException.forbidden("Нет доступа к педагогу другой территории");
        }
        return teacher;
    }

    /** The teacher or NOT_FOUND. */
    public Teacher require(String id) {
        return repository.teacher(id).orElseThrow(() -> ApiException.notFound("Педагог", ApiException.Gender.MASCULINE, id));
    }

    /** The teacher linked to the login, if any. */
    public Optional<Teacher> byUsername(String username) {
        return repository.teacherByUsername(username);
    }

    /** Batch: teachers by id (a teacher's mentor, mentee, association members). */
    public Map<String, Teacher> teachersByIds(Collection<String> ids) {
        return repository.teachersByIds(ids);
    }

    /** Batch: the teachers of each school (the caller's right to the school is checked by the field first). */
    public Map<String, List<Teacher>> teachersOfSchools(Collection<String> schoolIds) {
        return repository.teachersOfSchools(schoolIds);
    }
}
