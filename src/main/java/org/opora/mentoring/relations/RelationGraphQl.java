package org.opora.mentoring.relations;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.mentoring.plans.GoalProgress;
import org.opora.mentoring.plans.IndividualPlan;
import org.opora.mentoring.plans.PlanGoal;
import org.opora.mentoring.plans.PlanGraphQl;
import org.opora.mentoring.teachers.Deficit;
import org.opora.mentoring.teachers.Diagnostic;
import org.opora.mentoring.teachers.DiagnosticService;
import org.opora.mentoring.teachers.Inputs;
import org.opora.mentoring.teachers.Teacher;
import org.opora.mentoring.teachers.TeacherGraphQl;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;
import org.opora.school.SchoolDirectory;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Relations, meetings, suggestions and the workspace in graphql/mentoring.graphqls. A relation's mentor and mentee,
 * its meetings, and a mentee card's profile, deficits, goals and last meeting load through request DataLoaders: the
 * mentor workspace costs one query per loader and level, however many mentees there are.
 */
@Singleton
public class RelationGraphQl implements GraphQlWiring {

    /** DataLoader names: a mentor's open relations by teacher id; a relation's meetings and last meeting by relation. */
    static final String MENTOR_RELATIONS_LOADER = "MentorOpenRelations";
    static final String MEETINGS_LOADER = "RelationMeetings";
    static final String LAST_MEETING_LOADER = "RelationLastMeeting";

    private final RelationService relations;
    private final SuggestionService suggestions;
    private final WorkspaceService workspaces;

    RelationGraphQl(RelationService relations, SuggestionService suggestions, WorkspaceService workspaces) {
        this.relations = relations;
        this.suggestions = suggestions;
        this.workspaces = workspaces;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of();
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("mentorSuggestions", this::mentorSuggestions)
                .dataFetcher("mentorMatching", this::mentorMatching)
                .dataFetcher("mentoringRelation", this::mentoringRelation)
                .dataFetcher("myMentoring", this::myMentoring)
                .dataFetcher("staleMentoringRelations", this::staleMentoringRelations));
        wiring.type("Mutation", t -> t
                .dataFetcher("proposeMentoring", this::proposeMentoring)
                .dataFetcher("changeMentoringStatus", this::changeMentoringStatus)
                .dataFetcher("logMeeting", this::logMeeting));
        wiring.type("MentoringRelation", t -> t
                .dataFetcher("mentor", this::relationMentor)
                .dataFetcher("mentee", this::relationMentee)
                .dataFetcher("menteeSchool", this::relationMenteeSchool)
                .dataFetcher("meetings", this::relationMeetings)
                .dataFetcher("allowedTransitions", this::relationAllowedTransitions));
        wiring.type("Meeting", t -> t.dataFetcher("privateNotes", this::meetingPrivateNotes));
        wiring.type("MentoringWorkspace", t -> t
                .dataFetcher("mentees", this::workspaceMentees)
                .dataFetcher("reminders", this::workspaceReminders)
                .dataFetcher("myMentors", this::workspaceMyMentors)
                .dataFetcher("myPlans", this::workspaceMyPlans));
        wiring.type("MenteeCard", t -> t
                .dataFetcher("mentee", this::cardMentee)
                .dataFetcher("deficits", this::cardDeficits)
                .dataFetcher("goalsTotal", this::cardGoalsTotal)
                .dataFetcher("goalsDone", this::cardGoalsDone)
                .dataFetcher("planProgress", this::cardPlanProgress)
                .dataFetcher("overdueGoals", this::cardOverdueGoals)
                .dataFetcher("lastMeeting", this::cardLastMeeting));
    }

    @Override
    public List<EntityLoader<?, ?>> loaders() {
        return List.of(new EntityLoader<>(MENTOR_RELATIONS_LOADER, workspaces::openRelationsOfMentors),
                new EntityLoader<>(MEETINGS_LOADER, relations::meetingsOf),
                new EntityLoader<>(LAST_MEETING_LOADER, relations::lastMeetingsOf));
    }

    // ------------------------------------------------------------------ queries

    private List<MentorSuggestion> mentorSuggestions(DataFetchingEnvironment env) {
        int first = Math.max(1, Math.min(50, env.<Integer>getArgument("first")));
        return suggestions.suggestions(env.getArgument("teacherId"), first, user(env));
    }

    private MentorMatching mentorMatching(DataFetchingEnvironment env) {
        return suggestions.matching(env.getArgument("regionId"), env.<Boolean>getArgument("onlyLowResultSchools"), user(env));
    }

    private MentoringRelation mentoringRelation(DataFetchingEnvironment env) {
        return relations.relation(env.getArgument("id"), user(env));
    }

    private MentoringWorkspace myMentoring(DataFetchingEnvironment env) {
        return workspaces.workspace(user(env), asOf(env), env.<Integer>getArgument("staleWeeks"));
    }

    private List<MentoringReminder> staleMentoringRelations(DataFetchingEnvironment env) {
        return relations.staleRelations(env.getArgument("regionId"), env.<Integer>getArgument("weeks"), asOf(env), user(env));
    }

    // ------------------------------------------------------------------ mutations

    private MentoringRelation proposeMentoring(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        return relations.propose(new RelationService.Proposal(MentoringKind.valueOf(in.requiredString("kind")),
                in.requiredString("mentorId"), in.string("menteeTeacherId"), in.string("menteeSchoolId"), in.date("startDate"),
                in.date("plannedEndDate"), in.string("goal")), user(env));
    }

    private MentoringRelation changeMentoringStatus(DataFetchingEnvironment env) {
        return relations.changeStatus(env.getArgument("id"), RelationStatus.valueOf(env.getArgument("status")), LocalDate.now(),
                user(env));
    }

    private MeetingView logMeeting(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        return relations.logMeeting(new RelationService.NewMeeting(in.requiredString("relationId"), Inputs.requiredDate(in, "date"),
                in.requiredString("topic"), in.string("sharedNotes"), in.string("privateNotes"), in.stringList("nextSteps")), user(env));
    }

    // ------------------------------------------------------------------ relation and meeting fields

    private CompletableFuture<Teacher> relationMentor(DataFetchingEnvironment env) {
        return EntityLoader.load(env, TeacherGraphQl.TEACHER_LOADER, env.<MentoringRelation>getSource().mentorId());
    }

    private CompletableFuture<Teacher> relationMentee(DataFetchingEnvironment env) {
        return EntityLoader.load(env, TeacherGraphQl.TEACHER_LOADER, env.<MentoringRelation>getSource().menteeTeacherId());
    }

    private CompletableFuture<Object> relationMenteeSchool(DataFetchingEnvironment env) {
        return EntityLoader.load(env, SchoolDirectory.LOADER, env.<MentoringRelation>getSource().menteeSchoolId());
    }

    private CompletableFuture<List<MeetingView>> relationMeetings(DataFetchingEnvironment env) {
        MentoringRelation relation = env.getSource();
        RelationAccess.requireSee(user(env), relation);
        return EntityLoader.load(env, MEETINGS_LOADER, relation);
    }

    private List<RelationStatus> relationAllowedTransitions(DataFetchingEnvironment env) {
        return RelationAccess.allowedTransitions(user(env), env.getSource());
    }

    private String meetingPrivateNotes(DataFetchingEnvironment env) {
        return env.<MeetingView>getSource().privateNotesFor(user(env));
    }

    // ------------------------------------------------------------------ workspace

    private CompletableFuture<List<MenteeCard>> workspaceMentees(DataFetchingEnvironment env) {
        MentoringWorkspace workspace = env.getSource();
        return openRelations(env, workspace).thenApply(open -> WorkspaceService.cards(open, workspace));
    }

    private CompletableFuture<List<MentoringReminder>> workspaceReminders(DataFetchingEnvironment env) {
        MentoringWorkspace workspace = env.getSource();
        return openRelations(env, workspace).thenApply(open -> WorkspaceService.reminders(open, workspace));
    }

    private List<MentoringRelation> workspaceMyMentors(DataFetchingEnvironment env) {
        return workspaces.myMentors(env.getSource());
    }

    /** The caller's own plans (the workspace's teacher is the caller). */
    private CompletableFuture<List<IndividualPlan>> workspaceMyPlans(DataFetchingEnvironment env) {
        Teacher me = env.<MentoringWorkspace>getSource().me();
        return me == null ? CompletableFuture.completedFuture(List.of()) : EntityLoader.load(env, PlanGraphQl.PLANS_LOADER, me.id());
    }

    private static CompletableFuture<List<MentoringRelation>> openRelations(DataFetchingEnvironment env, MentoringWorkspace workspace) {
        if (workspace.me() == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        return EntityLoader.load(env, MENTOR_RELATIONS_LOADER, workspace.me().id());
    }

    // ------------------------------------------------------------------ mentee card (the caller mentors this mentee)

    private CompletableFuture<Teacher> cardMentee(DataFetchingEnvironment env) {
        return EntityLoader.load(env, TeacherGraphQl.TEACHER_LOADER, env.<MenteeCard>getSource().relation().menteeTeacherId());
    }

    private CompletableFuture<List<Deficit>> cardDeficits(DataFetchingEnvironment env) {
        return EntityLoader.<String, List<Diagnostic>>load(env, TeacherGraphQl.DIAGNOSTICS_LOADER,
                env.<MenteeCard>getSource().relation().menteeTeacherId()).thenApply(DiagnosticService::latestDeficits);
    }

    private CompletableFuture<Integer> cardGoalsTotal(DataFetchingEnvironment env) {
        return goals(env).thenApply(GoalProgress::total);
    }

    private CompletableFuture<Integer> cardGoalsDone(DataFetchingEnvironment env) {
        return goals(env).thenApply(GoalProgress::done);
    }

    private CompletableFuture<Double> cardPlanProgress(DataFetchingEnvironment env) {
        return goals(env).thenApply(GoalProgress::share);
    }

    private CompletableFuture<List<PlanGoal>> cardOverdueGoals(DataFetchingEnvironment env) {
        return goals(env).thenApply(GoalProgress::overdue);
    }

    private CompletableFuture<MeetingView> cardLastMeeting(DataFetchingEnvironment env) {
        return EntityLoader.load(env, LAST_MEETING_LOADER, env.<MenteeCard>getSource().relation());
    }

    /** The goals of the mentee's plans (one plans query per level for all cards, shared by the four goal fields). */
    private static CompletableFuture<GoalProgress> goals(DataFetchingEnvironment env) {
        MenteeCard card = env.getSource();
        return EntityLoader.<String, List<IndividualPlan>>load(env, PlanGraphQl.PLANS_LOADER, card.relation().menteeTeacherId())
                .thenApply(plans -> GoalProgress.of(plans, card.asOf()));
    }

    // ------------------------------------------------------------------ parsing

    private static LocalDate asOf(DataFetchingEnvironment env) {
        LocalDate asOf = env.getArgument("asOf");
        return asOf == null ? LocalDate.now() : asOf;
    }

    private static CurrentUser user(DataFetchingEnvironment env) {
        return RequestContext.user(env);
    }
}
