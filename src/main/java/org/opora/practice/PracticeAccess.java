package org.opora.practice;

import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;

import java.util.Set;

/**
 * Who may see and do what with a practice. The search filter ({@code PracticeSearch#visibility}) mirrors
 * {@link #canView}; keep the two in step.
 *
 * <ul>
 *   <li>Approved practices: everyone signed in.</li>
 *   <li>The creator, and the administrator of the author school ("owners"): their practices in every status.</li>
 *   <li>Reviewers (methodists, municipal and regional coordinators) within their territory: everything submitted,
 *       approved or rejected there; never someone else's draft.</li>
 * </ul>
 */
public final class PracticeAccess {

    static final Set<PracticeStatus> OWNER_EDITABLE = Set.of(PracticeStatus.DRAFT, PracticeStatus.REJECTED);
    static final Set<PracticeStatus> REVIEWER_EDITABLE = Set.of(PracticeStatus.SUBMITTED, PracticeStatus.APPROVED);

    private PracticeAccess() {
    }

    public static boolean isReviewer(CurrentUser user) {
        return user.hasAny(Role.METHODIST, Role.REGIONAL_COORDINATOR, Role.MUNICIPAL_COORDINATOR);
    }

    public static boolean isOwner(CurrentUser user, PracticeView practice) {
        return user.username().equals(practice.createdBy())
                || (user.has(Role.SCHOOL_ADMIN) && user.scope().schoolId() != null && practice.authorSchool() != null
                && user.scope().schoolId().equals(practice.authorSchool().id()));
    }

    /** A reviewer whose territory covers the practice's author school. */
    public static boolean reviews(CurrentUser user, PracticeView practice) {
        return user.isAdmin() || (isReviewer(user) && user.scope().covers(practice.regionId(), practice.municipalityId(),
                practice.authorSchool() == null ? null : practice.authorSchool().id()));
    }

    public static boolean canView(CurrentUser user, PracticeView practice) {
        PracticeStatus status = practice.statusEnum();
        return status == PracticeStatus.APPROVED || user.isAdmin() || isOwner(user, practice)
                || (status != PracticeStatus.DRAFT && reviews(user, practice));
    }

    public static boolean canEdit(CurrentUser user, PracticeView practice) {
        PracticeStatus status = practice.statusEnum();
        return user.isAdmin() || (isOwner(user, practice) && OWNER_EDITABLE.contains(status))
                || (reviews(user, practice) && REVIEWER_EDITABLE.contains(status));
    }

    public static boolean canSubmit(CurrentUser user, PracticeView practice) {
        return user.isAdmin() || isOwner(user, practice);
    }

    /** Reviewers decide within their territory, but never on a practice they created themselves. */
    public static boolean canReview(CurrentUser user, PracticeView practice) {
        return user.isAdmin() || (reviews(user, practice) && !user.username().equals(practice.createdBy()));
    }

    public static boolean canDelete(CurrentUser user, PracticeView practice) {
        return user.isAdmin() || (isOwner(user, practice) && OWNER_EDITABLE.contains(practice.statusEnum()));
    }
}
