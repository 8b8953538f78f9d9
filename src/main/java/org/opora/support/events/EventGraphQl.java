package org.opora.support.events;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.mentoring.indicators.MentoringIndicators;
import org.opora.mentoring.plans.DevelopmentActivity;
import org.opora.mentoring.teachers.CompetenceArea;
import org.opora.mentoring.teachers.Teacher;
import org.opora.mentoring.teachers.TeacherAccess;
import org.opora.mentoring.teachers.TeacherGraphQl;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.Connection;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;
import org.opora.school.School;
import org.opora.school.SchoolDirectory;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * graphql/support-events.graphqls (school roles are wired by {@code SchoolRoleGraphQl}): child fields load through
 * request DataLoaders, one query per level.
 */
@Singleton
public class EventGraphQl implements GraphQlWiring {

    public static final String EVENT_LOADER = "SupportEvent";
    public static final String EVENT_REGISTRATIONS_LOADER = "EventRegistrations";
    public static final String SCHOOL_HISTORY_LOADER = "SchoolEventHistory";
    public static final String TEACHER_HISTORY_LOADER = "TeacherEventHistory";
    public static final String COURSE_LOADER = "CatalogueCourse";
    public static final String ACTIVITY_COURSE_LOADER = "ActivityCatalogueCourse";

    private final EventService events;

    EventGraphQl(EventService events) {
        this.events = events;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/support-events.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("supportEvents", this::supportEvents)
                .dataFetcher("supportEvent", this::supportEvent)
                .dataFetcher("courseCatalogue", this::courseCatalogue));
        wiring.type("Mutation", t -> t
                .dataFetcher("createSupportEvent", this::createSupportEvent)
                .dataFetcher("registerSchoolForEvent", this::registerSchoolForEvent)
                .dataFetcher("registerTeacherForEvent", this::registerTeacherForEvent)
                .dataFetcher("markEventAttendance", this::markEventAttendance)
                .dataFetcher("createCatalogueCourse", this::createCatalogueCourse)
                .dataFetcher("linkActivityCourse", this::linkActivityCourse));
        wiring.type("SupportEvent", t -> t
                .dataFetcher("hostSchool", this::hostSchool)
                .dataFetcher("organiserName", this::organiserName)
                .dataFetcher("course", this::eventCourse)
                .dataFetcher("registrations", this::eventRegistrations)
                .dataFetcher("canMarkAttendance", this::canMarkAttendance));
        wiring.type("EventRegistration", t -> t
                .dataFetcher("event", this::registrationEvent)
                .dataFetcher("school", this::registrationSchool)
                .dataFetcher("teacher", this::registrationTeacher));
        wiring.type("DevelopmentActivity", t -> t.dataFetcher("catalogueCourse", this::activityCourse));
        wiring.type("Teacher", t -> t.dataFetcher("eventHistory", this::teacherHistory));
        wiring.type("School", t -> t.dataFetcher("eventHistory", this::schoolHistory));
        wiring.type("MentoringIndicators", t -> t.dataFetcher("eventParticipation", this::eventParticipation));
    }

    @Override
    public List<EntityLoader<?, ?>> loaders() {
        return List.of(new EntityLoader<>(EVENT_LOADER, events::eventsByIds),
                new EntityLoader<>(EVENT_REGISTRATIONS_LOADER, events::registrationsOfEvents),
                new EntityLoader<>(SCHOOL_HISTORY_LOADER, events::registrationsOfSchools),
                new EntityLoader<>(TEACHER_HISTORY_LOADER, events::registrationsOfTeachers),
                new EntityLoader<>(COURSE_LOADER, events::coursesByIds),
                new EntityLoader<>(ACTIVITY_COURSE_LOADER, events::activityCourses));
    }

    // ------------------------------------------------------------------ queries

    private Connection<SupportEvent> supportEvents(DataFetchingEnvironment env) {
        Arguments f = Arguments.of(env.getArgument("filter"));
        EventRepository.Filter filter = new EventRepository.Filter(
                f.has("level") ? EventLevel.valueOf(f.string("level")) : null,
                f.has("format") ? EventFormat.valueOf(f.string("format")) : null,
                f.has("kind") ? EventKind.valueOf(f.string("kind")) : null, f.date("from"), f.date("to"));
        return events.events(env.getArgument("regionId"), filter,
                Connection.request(env.getArgument("first"), env.getArgument("after"), 2), user(env));
    }

    private SupportEvent supportEvent(DataFetchingEnvironment env) {
        return events.event(env.getArgument("id"), user(env));
    }

    private List<CatalogueCourse> courseCatalogue(DataFetchingEnvironment env) {
        String competence = env.getArgument("competence");
        return events.catalogue(env.getArgument("regionId"), competence == null ? null : CompetenceArea.valueOf(competence), user(env));
    }

    // ------------------------------------------------------------------ mutations

    private SupportEvent createSupportEvent(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        return events.create(new EventService.NewEvent(in.requiredString("regionId"), EventKind.valueOf(in.string("kind")),
                EventLevel.valueOf(in.string("level")), EventFormat.valueOf(in.string("format")), in.string("title"),
                in.string("topic"), in.string("targetGroup"), EventAudience.valueOf(in.string("audience")), in.date("startDate"),
                in.date("endDate"), in.string("municipalityId"), in.string("hostSchoolId"), in.string("organiserName"),
                in.string("place"), in.integer("capacity"), in.string("courseId")), user(env));
    }

    private EventRegistration registerSchoolForEvent(DataFetchingEnvironment env) {
        return events.registerSchool(env.getArgument("eventId"), env.getArgument("schoolId"), LocalDate.now(), user(env));
    }

    private EventRegistration registerTeacherForEvent(DataFetchingEnvironment env) {
        return events.registerTeacher(env.getArgument("eventId"), env.getArgument("teacherId"), LocalDate.now(), user(env));
    }

    private EventRegistration markEventAttendance(DataFetchingEnvironment env) {
        return events.markAttendance(env.getArgument("registrationId"), Boolean.TRUE.equals(env.getArgument("attended")),
                LocalDate.now(), user(env));
    }

    private CatalogueCourse createCatalogueCourse(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        return events.createCourse(new EventService.NewCourse(in.requiredString("regionId"), in.string("title"),
                in.string("provider"), in.integer("hours", 0),
                in.stringList("competences").stream().map(CompetenceArea::valueOf).toList(),
                EventFormat.valueOf(in.string("format")), in.string("description")), user(env));
    }

    private DevelopmentActivity linkActivityCourse(DataFetchingEnvironment env) {
        return events.linkActivity(env.getArgument("activityId"), env.getArgument("courseId"), user(env));
    }

    // ------------------------------------------------------------------ child fields

    private CompletableFuture<School> hostSchool(DataFetchingEnvironment env) {
        return EntityLoader.load(env, SchoolDirectory.LOADER, env.<SupportEvent>getSource().hostSchoolId());
    }

    /** The organising body, or the host school's name. */
    private CompletableFuture<String> organiserName(DataFetchingEnvironment env) {
        SupportEvent event = env.getSource();
        if (event.organiserName() != null) {
            return CompletableFuture.completedFuture(event.organiserName());
        }
        return EntityLoader.<String, School>load(env, SchoolDirectory.LOADER, event.hostSchoolId())
                .thenApply(s -> s == null ? event.hostSchoolId() : s.name());
    }

    private CompletableFuture<CatalogueCourse> eventCourse(DataFetchingEnvironment env) {
        return EntityLoader.load(env, COURSE_LOADER, env.<SupportEvent>getSource().courseId());
    }

    private CompletableFuture<List<EventRegistration>> eventRegistrations(DataFetchingEnvironment env) {
        SupportEvent event = env.getSource();
        CurrentUser user = user(env);
        return EntityLoader.<String, List<EventRegistration>>load(env, EVENT_REGISTRATIONS_LOADER, event.id())
                .thenApply(list -> list.stream().filter(r -> EventAccess.canSee(user, event, r)).toList());
    }

    private boolean canMarkAttendance(DataFetchingEnvironment env) {
        return EventAccess.organises(user(env), env.getSource());
    }

    private CompletableFuture<SupportEvent> registrationEvent(DataFetchingEnvironment env) {
        return EntityLoader.load(env, EVENT_LOADER, env.<EventRegistration>getSource().eventId());
    }

    private CompletableFuture<School> registrationSchool(DataFetchingEnvironment env) {
        return EntityLoader.load(env, SchoolDirectory.LOADER, env.<EventRegistration>getSource().schoolId());
    }

    private CompletableFuture<Teacher> registrationTeacher(DataFetchingEnvironment env) {
        return EntityLoader.load(env, TeacherGraphQl.TEACHER_LOADER, env.<EventRegistration>getSource().teacherId());
    }

    private CompletableFuture<CatalogueCourse> activityCourse(DataFetchingEnvironment env) {
        return EntityLoader.load(env, ACTIVITY_COURSE_LOADER, env.<DevelopmentActivity>getSource().id());
    }

    /** A teacher's participation is personal data, read as their plans are. */
    private CompletableFuture<List<EventRegistration>> teacherHistory(DataFetchingEnvironment env) {
        Teacher teacher = env.getSource();
        TeacherAccess.requirePersonal(user(env), teacher);
        return EntityLoader.load(env, TEACHER_HISTORY_LOADER, teacher.id());
    }

    /** Users of the school's region see its participation; teachers' registrations only those who may see them. */
    private CompletableFuture<List<EventRegistration>> schoolHistory(DataFetchingEnvironment env) {
        School school = env.getSource();
        CurrentUser user = user(env);
        EventAccess.requireRegion(user, school.regionId());
        return EntityLoader.<String, List<EventRegistration>>load(env, SCHOOL_HISTORY_LOADER, school.id())
                .thenApply(list -> list.stream().filter(r -> EventAccess.canSee(user, null, r)).toList());
    }

    private ParticipationIndicators eventParticipation(DataFetchingEnvironment env) {
        return events.indicators(env.<MentoringIndicators>getSource().regionId());
    }

    private static CurrentUser user(DataFetchingEnvironment env) {
        return RequestContext.user(env);
    }
}
