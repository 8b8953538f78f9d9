package org.opora.mentoring.relations;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.mentoring.teachers.MentoringIds;
import org.opora.mentoring.teachers.SchoolPlaces;
import org.opora.mentoring.teachers.Teacher;
import org.opora.mentoring.teachers.TeacherAccess;
import org.opora.mentoring.teachers.TeacherService;
import org.opora.mentoring.teachers.TerritoryPlace;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Mentoring relations: proposing, status transitions, meetings, and the region's stale relations. */
@Singleton
public class RelationService {

    private final RelationRepository repository;
    private final TeacherService teachers;
    private final SchoolPlaces schools;

    RelationService(RelationRepository repository, TeacherService teachers, SchoolPlaces schools) {
        this.repository = repository;
        this.teachers = teachers;
        this.schools = schools;
    }

    /** A proposed relation: a mentee teacher, or a mentee school for curator-school relations. */
    public record Proposal(MentoringKind kind, String mentorId, @Nullable String menteeTeacherId, @Nullable String menteeSchoolId,
                           @Nullable LocalDate startDate, @Nullable LocalDate plannedEndDate, @Nullable String goal) {
    }

    public record NewMeeting(String relationId, LocalDate date, String topic, @Nullable String sharedNotes,
                             @Nullable String privateNotes, List<String> nextSteps) {
    }

    public MentoringRelation propose(Proposal in, CurrentUser user) {
        Teacher mentor = teachers.require(in.mentorId());
        TerritoryPlace place;
        if (in.kind() == MentoringKind.CURATOR_SCHOOL) {
            if (in.menteeSchoolId() == null || in.menteeTeacherId() != null) {
                throw ApiException.badInput("menteeSchoolId: для кураторства школы укажите школу (и не указывайте педагога)");
            }
            place = schools.school(in.menteeSchoolId())
                    .orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, in.menteeSchoolId()));
        } else {
            if (in.menteeTeacherId() == null || in.menteeSchoolId() != null) {
                throw ApiException.badInput("menteeTeacherId: укажите наставляемого педагога");
            }
            if (in.menteeTeacherId().equals(mentor.id())) {
                throw ApiException.badInput("menteeTeacherId: педагог не может быть наставником самому себе");
            }
            place = teachers.require(in.menteeTeacherId());
        }
        RelationAccess.requirePropose(user, mentor, place);
        // Mentors come from the mentee's region (as suggestions do): a manager cannot take another region's teacher.
        if (!place.regionId().equals(mentor.regionId())) {
            throw ApiException.forbidden("Наставник должен работать в том же регионе, что и наставляемый");
        }
        return repository.propose(new MentoringRelation(MentoringIds.newId("MR"), in.kind(), RelationStatus.PENDING,
                in.startDate() != null ? in.startDate() : LocalDate.now(), in.plannedEndDate(), null, in.goal(),
                place.regionId(), place.municipalityId(), place.schoolId(), user.username(), mentor.id(), null,
                in.menteeTeacherId(), null, in.menteeSchoolId(), null));
    }

    /** A relation by id: null when there is none, FORBIDDEN for others than its mentor, mentee and managers. */
    public MentoringRelation relation(String id, CurrentUser user) {
        MentoringRelation relation = repository.relation(id).orElse(null);
        if (relation != null) {
            RelationAccess.requireSee(user, relation);
        }
        return relation;
    }

    public MentoringRelation changeStatus(String id, RelationStatus target, LocalDate today, CurrentUser user) {
        MentoringRelation relation = require(id);
        RelationAccess.requireTransition(user, relation, target);
        return repository.transition(id, relation.status(), target, today);
    }

    public MeetingView logMeeting(NewMeeting in, CurrentUser user) {
        MentoringRelation relation = require(in.relationId());
        RelationAccess.requireLogMeeting(user, relation);
        Meeting meeting = repository.addMeeting(new Meeting(MentoringIds.newId("M"), relation.id(), in.date(), in.topic(),
                in.sharedNotes(), in.privateNotes(), in.nextSteps()));
        return new MeetingView(meeting, relation.mentorUsername());
    }

    /** Batch: each relation's meetings, newest first, as views for its mentor. Callers check {@link RelationAccess#requireSee}. */
    public Map<MentoringRelation, List<MeetingView>> meetingsOf(Collection<MentoringRelation> relations) {
        Map<String, List<Meeting>> meetings = repository.meetingsOf(relations.stream().map(MentoringRelation::id).toList());
        Map<MentoringRelation, List<MeetingView>> views = new HashMap<>();
        for (MentoringRelation relation : relations) {
            views.put(relation, meetings.getOrDefault(relation.id(), List.of()).stream()
                    .map(m -> new MeetingView(m, relation.mentorUsername())).toList());
        }
        return views;
    }

    /** Batch: each relation's latest meeting (absent without one), as a view for its mentor. */
    public Map<MentoringRelation, MeetingView> lastMeetingsOf(Collection<MentoringRelation> relations) {
        Map<String, Meeting> last = repository.lastMeetingsOf(relations.stream().map(MentoringRelation::id).toList());
        Map<MentoringRelation, MeetingView> views = new HashMap<>();
        for (MentoringRelation relation : relations) {
            Meeting meeting = last.get(relation.id());
            if (meeting != null) {
                views.put(relation, new MeetingView(meeting, relation.mentorUsername()));
            }
        }
        return views;
    }

    /** Active relations of the region with no meeting for {@code weeks}, limited to those the caller manages. */
    public List<MentoringReminder> staleRelations(String regionId, int weeks, LocalDate asOf, CurrentUser user) {
        MentoringReminder.requireWeeks(weeks);
        if (!user.isAdmin() && !user.hasAny(Role.REGIONAL_COORDINATOR, Role.MUNICIPAL_COORDINATOR, Role.SCHOOL_ADMIN)) {
            throw ApiException.forbidden("Недостаточно прав для этой операции");
        }
        if (!user.scope().covers(regionId, null, null) && !regionId.equals(user.scope().regionId())) {
            throw ApiException.forbidden("Нет доступа к данным другого региона");
        }
        return repository.staleRelations(regionId, asOf.minusWeeks(weeks)).stream()
                .filter(r -> TeacherAccess.manages(user, r))
                .map(r -> MentoringReminder.of(r, asOf))
                .toList();
    }

    private MentoringRelation require(String id) {
        return repository.relation(id).orElseThrow(() -> ApiException.notFound("Наставничество", ApiException.Gender.NEUTER, id));
    }
}
