package org.opora.mentoring;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;
import org.opora.school.SchoolRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Wires graphql/mentoring.graphqls. */
@Singleton
class MentoringGraphQl implements GraphQlWiring {

    private final MentoringService service;
    private final MentoringRepository repository;

    MentoringGraphQl(MentoringService service, MentoringRepository repository) {
        this.service = service;
        this.repository = repository;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/mentoring.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("teacher", env -> service.teacher(env.getArgument("id"), RequestContext.user(env)))
                .dataFetcher("mentorSuggestions", env -> service.suggestions(env.getArgument("teacherId"),
                        Math.max(1, Math.min(50, env.<Integer>getArgument("first"))), RequestContext.user(env)))
                .dataFetcher("mentorMatching", env -> service.matching(env.getArgument("regionId"),
                        env.<Boolean>getArgument("onlyLowResultSchools"), RequestContext.user(env)))
                .dataFetcher("mentoringRelation", env -> service.relation(env.getArgument("id"), RequestContext.user(env)))
                .dataFetcher("myMentoring", env -> service.workspace(RequestContext.user(env), asOf(env),
                        env.<Integer>getArgument("staleWeeks")))
                .dataFetcher("staleMentoringRelations", env -> service.staleRelations(env.getArgument("regionId"),
                        env.<Integer>getArgument("weeks"), asOf(env), RequestContext.user(env)))
                .dataFetcher("mentoringIndicators", env -> service.indicators(env.getArgument("regionId"), RequestContext.user(env)))
                .dataFetcher("associations", env -> service.associations(env.getArgument("regionId"), env.getArgument("kind"),
                        env.getArgument("subject"), RequestContext.user(env))));
        wiring.type("Mutation", t -> t
                .dataFetcher("createTeacher", env -> service.createTeacher(input(env), RequestContext.user(env)))
                .dataFetcher("linkTeacherLogin", env -> service.linkLogin(env.getArgument("teacherId"), env.getArgument("username"),
                        RequestContext.user(env)))
                .dataFetcher("unlinkTeacherLogin", env -> service.unlinkLogin(env.getArgument("teacherId"), RequestContext.user(env)))
                .dataFetcher("recordDiagnostic", env -> service.recordDiagnostic(input(env), RequestContext.user(env)))
                .dataFetcher("createIndividualPlan", env -> service.createPlan(input(env), RequestContext.user(env)))
                .dataFetcher("setGoalStatus", env -> service.setGoalStatus(env.getArgument("goalId"), env.getArgument("status"),
                        LocalDate.now(), RequestContext.user(env)))
                .dataFetcher("recordCourseCompletion", env -> service.recordCourse(input(env), RequestContext.user(env)))
                .dataFetcher("proposeMentoring", env -> service.propose(input(env), RequestContext.user(env)))
                .dataFetcher("changeMentoringStatus", env -> service.changeStatus(env.getArgument("id"),
                        RelationStatus.valueOf(env.getArgument("status")), LocalDate.now(), RequestContext.user(env)))
                .dataFetcher("logMeeting", env -> service.logMeeting(input(env), RequestContext.user(env)))
                .dataFetcher("createAssociation", env -> service.createAssociation(input(env), RequestContext.user(env)))
                .dataFetcher("addAssociationMember", env -> service.addMember(env.getArgument("associationId"),
                        env.getArgument("teacherId"), RequestContext.user(env)))
                .dataFetcher("joinAssociation", env -> service.join(env.getArgument("associationId"), RequestContext.user(env)))
                .dataFetcher("addAssociationEvent", env -> service.addEvent(input(env), RequestContext.user(env))));
        wiring.type("School", t -> t.dataFetcher("teachers", env -> {
            service.requireTeachersOfSchool(source(env), RequestContext.user(env));
            return EntityLoader.<String, List<Map<String, Object>>>load(env, MentoringRepository.SCHOOL_TEACHERS_LOADER,
                    (String) source(env).get("id")).thenApply(teachers -> teachers == null ? List.of() : teachers);
        }));
        wiring.type("Teacher", t -> t
                .dataFetcher("school", env -> EntityLoader.load(env, SchoolRepository.SCHOOL_LOADER, (String) source(env).get("schoolId")))
                .dataFetcher("diagnostics", env -> service.diagnostics(source(env), RequestContext.user(env)))
                .dataFetcher("deficits", env -> service.deficits(source(env), RequestContext.user(env)))
                .dataFetcher("plans", env -> service.plans(source(env), RequestContext.user(env)))
                .dataFetcher("courses", env -> service.courses(source(env), RequestContext.user(env))));
        wiring.type("Deficit", t -> t.dataFetcher("competenceLabel",
                env -> CompetenceArea.valueOf((String) source(env).get("competence")).label()));
        wiring.type("IndividualPlan", t -> t.dataFetcher("progress", env -> progress(source(env))));
        wiring.type("MentoringRelation", t -> t
                .dataFetcher("statusLabel", env -> RelationStatus.valueOf((String) source(env).get("status")).label())
                .dataFetcher("mentor", env -> EntityLoader.load(env, MentoringRepository.TEACHER_LOADER, (String) source(env).get("mentorId")))
                .dataFetcher("mentee", env -> EntityLoader.load(env, MentoringRepository.TEACHER_LOADER,
                        (String) source(env).get("menteeTeacherId")))
                .dataFetcher("menteeSchool", env -> EntityLoader.load(env, SchoolRepository.SCHOOL_LOADER,
                        (String) source(env).get("menteeSchoolId")))
                .dataFetcher("meetings", env -> service.meetings(source(env), RequestContext.user(env))));
        wiring.type("Meeting", t -> t.dataFetcher("privateNotes", env -> service.privateNotes(source(env), RequestContext.user(env))));
        wiring.type("Association", t -> t.dataFetcher("memberCount", env -> ((List<?>) source(env).get("members")).size()));
    }

    @Override
    public List<EntityLoader<?, ?>> loaders() {
        return List.of(new EntityLoader<String, Map<String, Object>>(MentoringRepository.TEACHER_LOADER, repository::teachersByIds),
                new EntityLoader<String, List<Map<String, Object>>>(MentoringRepository.SCHOOL_TEACHERS_LOADER, repository::teachersOfSchools));
    }

    @SuppressWarnings("unchecked")
    static Double progress(Map<String, Object> plan) {
        int total = 0;
        int done = 0;
        for (Map<String, Object> goal : (List<Map<String, Object>>) plan.get("goals")) {
            if (GoalStatus.CANCELLED.name().equals(goal.get("status"))) {
                continue;
            }
            total++;
            if (GoalStatus.DONE.name().equals(goal.get("status"))) {
                done++;
            }
        }
        return total == 0 ? null : Math.round(1000.0 * done / total) / 1000.0;
    }

    private static LocalDate asOf(DataFetchingEnvironment env) {
        LocalDate asOf = env.getArgument("asOf");
        return asOf == null ? LocalDate.now() : asOf;
    }

    private static Arguments input(DataFetchingEnvironment env) {
        return Arguments.of(env.getArgument("input"));
    }

    private static Map<String, Object> source(DataFetchingEnvironment env) {
        return env.getSource();
    }
}
