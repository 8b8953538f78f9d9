package org.opora.mentoring.relations;

import jakarta.inject.Singleton;
import org.opora.mentoring.plans.GoalProgress;
import org.opora.mentoring.plans.IndividualPlan;
import org.opora.mentoring.plans.PlanService;
import org.opora.mentoring.teachers.Teacher;
import org.opora.mentoring.teachers.TeacherService;
import org.opora.platform.auth.CurrentUser;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The caller's mentoring workspace: their mentees (open relations as mentor), reminders, their own mentors and plans.
 * Everything here is the caller's own: relations where they are the mentor or the mentee, found by their login.
 */
@Singleton
public class WorkspaceService {

    private final RelationRepository repository;
    private final TeacherService teachers;
    private final PlanService plans;

    WorkspaceService(RelationRepository repository, TeacherService teachers, PlanService plans) {
        this.repository = repository;
        this.teachers = teachers;
        this.plans = plans;
    }

    public MentoringWorkspace workspace(CurrentUser user, LocalDate asOf, int staleWeeks) {
        MentoringReminder.requireWeeks(staleWeeks);
        return new MentoringWorkspace(teachers.byUsername(user.username()).orElse(null), asOf, staleWeeks);
    }

    /** Batch: the relations that occupy each mentor (pending or active), oldest first. */
    public Map<String, List<MentoringRelation>> openRelationsOfMentors(Collection<String> teacherIds) {
        Map<String, List<MentoringRelation>> open = new HashMap<>();
        repository.relationsOfMentors(teacherIds).forEach((id, relations) ->
                open.put(id, relations.stream().filter(r -> r.status().occupiesMentor()).toList()));
        return open;
    }

    public static List<MenteeCard> cards(List<MentoringRelation> openRelations, MentoringWorkspace workspace) {
        return openRelations.stream().map(r -> new MenteeCard(r, workspace.asOf(), workspace.staleWeeks())).toList();
    }

    public static List<MentoringReminder> reminders(List<MentoringRelation> openRelations, MentoringWorkspace workspace) {
        return openRelations.stream().filter(r -> r.isStale(workspace.asOf(), workspace.staleWeeks()))
                .map(r -> MentoringReminder.of(r, workspace.asOf())).toList();
    }

    /** Relations where the workspace's teacher is the mentee. */
    public List<MentoringRelation> myMentors(MentoringWorkspace workspace) {
        return workspace.me() == null ? List.of() : repository.relationsAsMentee(workspace.me().id());
    }

    /** A mentee card with what a digest of it needs: the mentee (null for a school) and the goals of their plans. */
    public record MenteeStatus(MenteeCard card, Teacher mentee, GoalProgress goals) {
    }

    /** The caller's news as mentor and as a teacher with a plan, in a fixed number of queries. */
    public record Digest(List<MenteeStatus> mentees, List<IndividualPlan> myPlans) {
    }

    public Digest digest(CurrentUser user, LocalDate asOf, int staleWeeks) {
        MentoringWorkspace workspace = workspace(user, asOf, staleWeeks);
        Teacher me = workspace.me();
        if (me == null) {
            return new Digest(List.of(), List.of());
        }
        List<MenteeCard> cards = cards(openRelationsOfMentors(List.of(me.id())).get(me.id()), workspace);
        List<String> menteeIds = cards.stream().map(c -> c.relation().menteeTeacherId()).filter(Objects::nonNull).toList();
        Map<String, Teacher> mentees = menteeIds.isEmpty() ? Map.of() : teachers.teachersByIds(menteeIds);
        Map<String, List<IndividualPlan>> planned = plans.plansOf(
                Stream.concat(menteeIds.stream(), Stream.of(me.id())).distinct().toList());
        List<MenteeStatus> statuses = cards.stream().map(card -> {
            String menteeId = card.relation().menteeTeacherId();
            return new MenteeStatus(card, menteeId == null ? null : mentees.get(menteeId),
                    GoalProgress.of(menteeId == null ? List.of() : planned.get(menteeId), asOf));
        }).toList();
        return new Digest(statuses, planned.get(me.id()));
    }
}
