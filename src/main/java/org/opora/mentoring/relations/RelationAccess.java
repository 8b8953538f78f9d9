package org.opora.mentoring.relations;

import org.opora.mentoring.teachers.Teacher;
import org.opora.mentoring.teachers.TeacherAccess;
import org.opora.mentoring.teachers.TerritoryPlace;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;

import java.util.List;

/**
 * Who may propose, see and move a mentoring relation. The managers of the mentee's school (its admin, coordinators
 * covering it) propose and move relations; a MENTOR may propose themselves for a mentee inside their own territory,
 * but a relation a mentor proposed is activated by a manager, not by that mentor. The mentor, the mentee and the
 * managers see a relation and its meetings' shared part; a meeting's private notes are the mentor's alone
 * ({@link MeetingView}).
 */
public final class RelationAccess {

    private RelationAccess() {
    }

    public static void requirePropose(CurrentUser user, Teacher mentor, TerritoryPlace menteePlace) {
        if (!TeacherAccess.manages(user, menteePlace) && !proposesThemselves(user, mentor, menteePlace)) {
            throw ApiException.forbidden("Недостаточно прав: назначать наставников могут администрация школы и координаторы, "
                    + "а наставник может предложить себя педагогу своей территории");
        }
    }

    /** A mentor may propose themselves (their linked teacher record) for a mentee inside their own territory. */
    static boolean proposesThemselves(CurrentUser user, Teacher mentor, TerritoryPlace menteePlace) {
        return user.has(Role.MENTOR) && TeacherAccess.isSelf(user, mentor)
                && user.scope().covers(menteePlace.regionId(), menteePlace.municipalityId(), menteePlace.schoolId());
    }

    static boolean isMentor(CurrentUser user, MentoringRelation relation) {
        return user.username().equals(relation.mentorUsername());
    }

    static boolean isMentee(CurrentUser user, MentoringRelation relation) {
        return user.username().equals(relation.menteeUsername());
    }

    /** The mentor or the managers move a relation; the mentor who proposed it cannot activate it. */
    static void requireTransition(CurrentUser user, MentoringRelation relation, RelationStatus target) {
        boolean manager = TeacherAccess.manages(user, relation);
        if (!isMentor(user, relation) && !manager) {
            throw ApiException.forbidden("Недостаточно прав: статус меняют наставник, администрация школы и координаторы");
        }
        relation.status().requireMoveTo(target);
        if (confirmsOwnProposal(user, relation, target, manager)) {
            throw ApiException.forbidden("Наставничество, которое вы предложили, подтверждают администрация школы или координатор");
        }
    }

    /** The moves {@link #requireTransition} lets this caller make now, in the life cycle's order. */
    static List<RelationStatus> allowedTransitions(CurrentUser user, MentoringRelation relation) {
        boolean manager = TeacherAccess.manages(user, relation);
        if (!isMentor(user, relation) && !manager) {
            return List.of();
        }
        return relation.status().next().stream().filter(target -> !confirmsOwnProposal(user, relation, target, manager)).toList();
    }

    private static boolean confirmsOwnProposal(CurrentUser user, MentoringRelation relation, RelationStatus target, boolean manager) {
        return target == RelationStatus.ACTIVE && user.username().equals(relation.createdBy()) && !manager;
    }

    /** Relation with its meetings' shared part: mentor, mentee and managers of the mentee's school. */
    public static boolean canSee(CurrentUser user, MentoringRelation relation) {
        return isMentor(user, relation) || isMentee(user, relation) || TeacherAccess.manages(user, relation);
    }

    public static void requireSee(CurrentUser user, MentoringRelation relation) {
        if (!canSee(user, relation)) {
            throw ApiException.forbidden("Нет доступа к этому наставничеству");
        }
    }

    static void requireLogMeeting(CurrentUser user, MentoringRelation relation) {
        if (!isMentor(user, relation)) {
            throw ApiException.forbidden("Записывать встречи может только наставник");
        }
    }
}
