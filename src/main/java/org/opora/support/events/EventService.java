package org.opora.support.events;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.mentoring.plans.DevelopmentActivity;
import org.opora.mentoring.teachers.CompetenceArea;
import org.opora.mentoring.teachers.Teacher;
import org.opora.mentoring.teachers.TeacherAccess;
import org.opora.mentoring.teachers.TeacherService;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Connection;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.school.School;
import org.opora.school.SchoolDirectory;
import org.opora.school.roles.SchoolRoleService;
import org.opora.school.roles.SchoolSupportRole;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Events, registrations, attendance and the course catalogue. Every write is checked and done in one transaction
 * (a refused one leaves nothing behind); registrations lock the event so that capacity holds under concurrent requests.
 */
@Singleton
public class EventService {

    static final int MAX_TITLE = 300;
    static final int MAX_TEXT = 2_000;

    private final Neo4jSessions neo4j;
    private final EventRepository repository;
    private final TeacherService teachers;
    private final SchoolRoleService roles;

    EventService(Neo4jSessions neo4j, EventRepository repository, TeacherService teachers, SchoolRoleService roles) {
        this.neo4j = neo4j;
        this.repository = repository;
        this.teachers = teachers;
        this.roles = roles;
    }

    public record NewEvent(String regionId, EventKind kind, EventLevel level, EventFormat format, String title, String topic,
                           String targetGroup, EventAudience audience, LocalDate startDate, @Nullable LocalDate endDate,
                           @Nullable String municipalityId, @Nullable String hostSchoolId, @Nullable String organiserName,
                           @Nullable String place, @Nullable Integer capacity, @Nullable String courseId) {
    }

    public record NewCourse(String regionId, String title, String provider, int hours, List<CompetenceArea> competences,
                            EventFormat format, @Nullable String description) {
    }

    // ------------------------------------------------------------------ events

    public SupportEvent create(NewEvent in, CurrentUser user) {
        String title = text("title", in.title(), MAX_TITLE);
        String topic = text("topic", in.topic(), MAX_TEXT);
        String targetGroup = text("targetGroup", in.targetGroup(), MAX_TITLE);
        String organiser = optional("organiserName", in.organiserName(), MAX_TITLE);
        String place = optional("place", in.place(), MAX_TITLE);
        LocalDate end = in.endDate() == null ? in.startDate() : in.endDate();
        if (end.isBefore(in.startDate())) {
            throw ApiException.badInput("endDate: дата окончания (" + end + ") раньше даты начала (" + in.startDate() + ")");
        }
        if (in.capacity() != null && in.capacity() < 1) {
            throw ApiException.badInput("capacity: число мест должно быть больше нуля");
        }
        if (in.hostSchoolId() == null && (in.level() == EventLevel.SCHOOL || in.kind() == EventKind.INTERNSHIP)) {
            throw ApiException.badInput("hostSchoolId: укажите школу, на базе которой проходит "
                    + (in.kind() == EventKind.INTERNSHIP ? "стажировка" : "мероприятие школьного уровня"));
        }
        if (in.level() == EventLevel.MUNICIPAL && in.municipalityId() == null && in.hostSchoolId() == null) {
            throw ApiException.badInput("municipalityId: укажите муниципалитет муниципального мероприятия");
        }
        if (organiser == null && in.hostSchoolId() == null) {
            throw ApiException.badInput("organiserName: укажите организатора мероприятия");
        }
        EventAccess.requireRegion(user, in.regionId());
        boolean leaderHost = in.hostSchoolId() != null && roles.hasRole(in.hostSchoolId(), SchoolSupportRole.INTERNSHIP_SITE);
        return neo4j.write(tx -> {
            School host = null;
            String municipalityId = in.municipalityId();
            if (in.hostSchoolId() != null) {
                host = SchoolDirectory.byId(tx, in.hostSchoolId())
                        .orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, in.hostSchoolId()));
                if (!in.regionId().equals(host.regionId())) {
                    throw ApiException.badInput("hostSchoolId: школа «" + host.name() + "» находится в другом регионе");
                }
                if (municipalityId != null && !municipalityId.equals(host.municipalityId())) {
                    throw ApiException.badInput("municipalityId: школа «" + host.name() + "» относится к другому муниципалитету");
                }
                if (in.level() != EventLevel.REGIONAL && in.level() != EventLevel.FEDERAL) {
                    municipalityId = host.municipalityId();
                }
            } else if (municipalityId != null) {
                String region = tx.run("MATCH (m:Municipality {id: $id}) RETURN m.regionId AS r", Map.of("id", municipalityId))
                        .stream().findFirst().map(r -> r.get("r").isNull() ? null : r.get("r").asString()).orElse(null);
                if (!in.regionId().equals(region)) {
                    throw ApiException.badInput("municipalityId: муниципалитет " + municipalityId + " не найден в регионе");
                }
            }
            boolean leader = host != null && (host.currentStatuses().contains("LEADER") || leaderHost);
            EventAccess.requireCreate(user, in.regionId(), in.kind(), in.level(), municipalityId, host, leader);
            if (in.courseId() != null) {
                CatalogueCourse course = repository.course(tx, in.courseId())
                        .orElseThrow(() -> ApiException.notFound("Курс", ApiException.Gender.MASCULINE, in.courseId()));
                if (!course.regionId().equals(in.regionId())) {
                    throw ApiException.badInput("courseId: курс «" + course.title() + "» из каталога другого региона");
                }
            }
            return repository.create(tx, new EventRepository.NewEvent("EV-" + UUID.randomUUID(), in.regionId(), in.kind(),
                    in.level(), in.format(), title, topic, targetGroup, in.audience(), in.startDate(), end, municipalityId,
                    in.hostSchoolId(), organiser, place, in.capacity(), in.courseId(), user.username()));
        });
    }

    /** The event, or null when there is none; a user of another region is FORBIDDEN. */
    @Nullable
    public SupportEvent event(String id, CurrentUser user) {
        SupportEvent event = repository.eventsByIds(List.of(id)).get(id);
        if (event != null) {
            EventAccess.requireRegion(user, event.regionId());
        }
        return event;
    }

    public Connection<SupportEvent> events(String regionId, EventRepository.Filter filter, Connection.Request page, CurrentUser user) {
        EventAccess.requireRegion(user, regionId);
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw ApiException.badInput("filter.to: конец периода раньше его начала");
        }
        return repository.page(regionId, filter, page);
    }

    // ------------------------------------------------------------------ registrations

    public EventRegistration registerSchool(String eventId, String schoolId, LocalDate today, CurrentUser user) {
        return neo4j.write(tx -> {
            SupportEvent event = openEvent(tx, eventId, today, user);
            School school = SchoolDirectory.byId(tx, schoolId)
                    .orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, schoolId));
            EventAccess.requireRegisterSchool(user, school);
            if (!event.audience().admitsSchools()) {
                throw ApiException.badInput("eventId: на мероприятие «" + event.title() + "» регистрируются только педагоги");
            }
            if (!event.regionId().equals(school.regionId())) {
                throw ApiException.badInput("schoolId: школа «" + school.name() + "» из другого региона");
            }
            if (repository.registered(tx, eventId, schoolId, null)) {
                throw ApiException.conflict("Школа «" + school.name() + "» уже зарегистрирована на мероприятие «" + event.title() + "»");
            }
            requirePlace(tx, event);
            return repository.register(tx, new EventRepository.NewRegistration("ER-" + UUID.randomUUID(), eventId, schoolId,
                    school.regionId(), school.municipalityId(), null, user.username()));
        });
    }

    public EventRegistration registerTeacher(String eventId, String teacherId, LocalDate today, CurrentUser user) {
        Teacher teacher = teachers.require(teacherId);
        EventAccess.requireRegisterTeacher(user, teacher);
        return neo4j.write(tx -> {
            SupportEvent event = openEvent(tx, eventId, today, user);
            if (!event.audience().admitsTeachers()) {
                throw ApiException.badInput("eventId: на мероприятие «" + event.title() + "» регистрируются только школы");
            }
            if (!event.regionId().equals(teacher.regionId())) {
                throw ApiException.badInput("teacherId: педагог работает в другом регионе");
            }
            if (repository.registered(tx, eventId, teacher.schoolId(), teacherId)) {
                throw ApiException.conflict("Педагог " + teacher.fullName() + " уже зарегистрирован на мероприятие «" + event.title() + "»");
            }
            requirePlace(tx, event);
            return repository.register(tx, new EventRepository.NewRegistration("ER-" + UUID.randomUUID(), eventId,
                    teacher.schoolId(), teacher.regionId(), teacher.municipalityId(), teacherId, user.username()));
        });
    }

    /** The event, locked, seen by the caller and still open for registration (it has not ended). */
    private SupportEvent openEvent(org.neo4j.driver.TransactionContext tx, String eventId, LocalDate today, CurrentUser user) {
        repository.lockEvent(tx, eventId);
        SupportEvent event = repository.event(tx, eventId)
                .orElseThrow(() -> ApiException.notFound("Мероприятие", ApiException.Gender.NEUTER, eventId));
        EventAccess.requireRegion(user, event.regionId());
        if (event.endDate().isBefore(today)) {
            throw ApiException.conflict("Мероприятие «" + event.title() + "» завершилось " + event.endDate() + ": регистрация закрыта");
        }
        return event;
    }

    private static void requirePlace(org.neo4j.driver.TransactionContext tx, SupportEvent event) {
        if (event.capacity() != null && event.registeredCount() >= event.capacity()) {
            throw ApiException.conflict("На мероприятие «" + event.title() + "» нет свободных мест (" + event.capacity() + ")");
        }
    }

    public EventRegistration markAttendance(String registrationId, boolean attended, LocalDate today, CurrentUser user) {
        return neo4j.write(tx -> {
            EventRegistration registration = repository.registration(tx, registrationId)
                    .orElseThrow(() -> ApiException.notFound("Регистрация", ApiException.Gender.FEMININE, registrationId));
            SupportEvent event = repository.event(tx, registration.eventId()).orElseThrow();
            EventAccess.requireOrganiser(user, event);
            if (event.startDate().isAfter(today)) {
                throw ApiException.badInput("registrationId: мероприятие «" + event.title() + "» начнётся " + event.startDate()
                        + " — посещение отмечается с даты начала");
            }
            return repository.markAttendance(tx, registrationId, attended, user.username());
        });
    }

    /** Batch for SupportEvent.registrations; the caller filters by {@link EventAccess#canSee}. */
    public Map<String, List<EventRegistration>> registrationsOfEvents(Collection<String> eventIds) {
        return repository.registrationsOfEvents(eventIds);
    }

    public Map<String, List<EventRegistration>> registrationsOfSchools(Collection<String> schoolIds) {
        return repository.registrationsOfSchools(schoolIds);
    }

    public Map<String, List<EventRegistration>> registrationsOfTeachers(Collection<String> teacherIds) {
        return repository.registrationsOfTeachers(teacherIds);
    }

    public Map<String, SupportEvent> eventsByIds(Collection<String> ids) {
        return repository.eventsByIds(ids);
    }

    // ------------------------------------------------------------------ catalogue

    public CatalogueCourse createCourse(NewCourse in, CurrentUser user) {
        String title = text("title", in.title(), MAX_TITLE);
        String provider = text("provider", in.provider(), MAX_TITLE);
        String description = optional("description", in.description(), MAX_TEXT);
        if (in.hours() < 1 || in.hours() > 2_000) {
            throw ApiException.badInput("hours: объём курса — от 1 до 2000 часов, получено " + in.hours());
        }
        if (in.competences().isEmpty()) {
            throw ApiException.badInput("competences: укажите хотя бы одну область компетенций");
        }
        EventAccess.requireRegion(user, in.regionId());
        if (!user.isAdmin() && user.scope().municipalityId() != null) {
            throw ApiException.forbidden("Каталог курсов ведут специалисты регионального уровня");
        }
        return repository.createCourse(new CatalogueCourse("CC-" + UUID.randomUUID(), in.regionId(), title, provider, in.hours(),
                List.copyOf(in.competences().stream().distinct().toList()), in.format(), description));
    }

    public List<CatalogueCourse> catalogue(String regionId, @Nullable CompetenceArea competence, CurrentUser user) {
        EventAccess.requireRegion(user, regionId);
        return repository.catalogue(regionId, competence);
    }

    public Map<String, CatalogueCourse> coursesByIds(Collection<String> ids) {
        return repository.coursesByIds(ids);
    }

    public Map<String, CatalogueCourse> activityCourses(Collection<String> activityIds) {
        return repository.activityCourses(activityIds);
    }

    /**
     * Links an activity of a teacher's plan to a catalogue course of the teacher's region (courseId null unlinks): the
     * plan is personal data, so the people who may write the plan may link it.
     */
    public DevelopmentActivity linkActivity(String activityId, @Nullable String courseId, CurrentUser user) {
        return neo4j.write(tx -> {
            EventRepository.ActivityRef activity = repository.activity(tx, activityId)
                    .orElseThrow(() -> ApiException.notFound("Мероприятие ИОМ", ApiException.Gender.NEUTER, activityId));
            Teacher teacher = teachers.require(activity.teacherId());
            TeacherAccess.requirePersonal(user, teacher);
            if (courseId != null) {
                CatalogueCourse course = repository.course(tx, courseId)
                        .orElseThrow(() -> ApiException.notFound("Курс", ApiException.Gender.MASCULINE, courseId));
                if (!course.regionId().equals(teacher.regionId())) {
                    throw ApiException.badInput("courseId: курс «" + course.title() + "» из каталога другого региона");
                }
            }
            return repository.linkActivity(tx, activityId, courseId);
        });
    }

    // ------------------------------------------------------------------ indicators

    public ParticipationIndicators indicators(String regionId) {
        return repository.indicators(regionId);
    }

    // ------------------------------------------------------------------ input

    private static String text(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.badInput(field + ": обязательное поле не заполнено");
        }
        String clean = value.trim();
        if (clean.length() > max) {
            throw ApiException.badInput(field + ": не длиннее " + max + " символов, получено " + clean.length());
        }
        return clean;
    }

    @Nullable
    private static String optional(String field, @Nullable String value, int max) {
        return value == null || value.isBlank() ? null : text(field, value, max);
    }
}
