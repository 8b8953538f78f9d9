package org.opora.mentoring.plans;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.mentoring.teachers.CompetenceArea;
import org.opora.mentoring.teachers.Inputs;
import org.opora.mentoring.teachers.Teacher;
import org.opora.mentoring.teachers.TeacherAccess;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Individual plans and courses in graphql/mentoring.graphqls: a teacher's plans (with their goals and activities) and
 * courses load through request DataLoaders, one query per level.
 */
@Singleton
public class PlanGraphQl implements GraphQlWiring {

    /** DataLoader names: a teacher's plans and courses by the teacher's id. */
    public static final String PLANS_LOADER = "TeacherPlans";
    public static final String COURSES_LOADER = "TeacherCourses";

    private final PlanService plans;

    PlanGraphQl(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of();
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", t -> t
                .dataFetcher("createIndividualPlan", this::createIndividualPlan)
                .dataFetcher("setGoalStatus", this::setGoalStatus)
                .dataFetcher("recordCourseCompletion", this::recordCourseCompletion));
        wiring.type("Teacher", t -> t
                .dataFetcher("plans", this::teacherPlans)
                .dataFetcher("courses", this::teacherCourses));
    }

    @Override
    public List<EntityLoader<?, ?>> loaders() {
        return List.of(new EntityLoader<>(PLANS_LOADER, plans::plansOf),
                new EntityLoader<>(COURSES_LOADER, plans::coursesOf));
    }

    private CompletableFuture<List<IndividualPlan>> teacherPlans(DataFetchingEnvironment env) {
        Teacher teacher = env.getSource();
        TeacherAccess.requirePersonal(user(env), teacher);
        return EntityLoader.load(env, PLANS_LOADER, teacher.id());
    }

    private CompletableFuture<List<CourseCompletion>> teacherCourses(DataFetchingEnvironment env) {
        Teacher teacher = env.getSource();
        TeacherAccess.requirePersonal(user(env), teacher);
        return EntityLoader.load(env, COURSES_LOADER, teacher.id());
    }

    private IndividualPlan createIndividualPlan(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        List<PlanService.NewGoal> goals = in.nestedList("goals").stream()
                .map(g -> new PlanService.NewGoal(CompetenceArea.valueOf(g.requiredString("competence")), g.requiredString("target"),
                        Inputs.requiredDate(g, "deadline"), g.has("status") ? GoalStatus.valueOf(g.string("status")) : null))
                .toList();
        List<PlanService.NewActivity> activities = in.nestedList("activities").stream()
                .map(a -> new PlanService.NewActivity(ActivityKind.valueOf(a.requiredString("kind")), a.requiredString("title"),
                        a.date("date"), a.string("hostSchoolId"), Boolean.TRUE.equals(a.bool("done"))))
                .toList();
        return plans.createPlan(new PlanService.NewPlan(in.requiredString("teacherId"), in.requiredString("title"),
                Inputs.requiredDate(in, "startDate"), in.date("endDate"), goals, activities), user(env));
    }

    private PlanGoal setGoalStatus(DataFetchingEnvironment env) {
        return plans.setGoalStatus(env.getArgument("goalId"), GoalStatus.valueOf(env.getArgument("status")), LocalDate.now(),
                user(env));
    }

    private CourseCompletion recordCourseCompletion(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        return plans.recordCourse(new PlanService.NewCourse(in.requiredString("teacherId"), in.requiredString("title"),
                in.string("provider"), in.integer("hours"), in.has("competence") ? CompetenceArea.valueOf(in.string("competence")) : null,
                Inputs.requiredDate(in, "completedOn")), user(env));
    }

    private static CurrentUser user(DataFetchingEnvironment env) {
        return RequestContext.user(env);
    }
}
