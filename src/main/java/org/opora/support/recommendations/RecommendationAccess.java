package org.opora.support.recommendations;

import org.opora.mentoring.teachers.TerritoryPlace;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;

/**
 * Who may issue, answer, check and read addressed recommendations (docs/security.md, «Recommendations and help»):
 * <ul>
 *   <li>issue: a METHODIST, CURATOR or coordinator whose territory covers the addressee; a municipality is addressed
 *       from the regional level only (a municipal coordinator does not address their own municipality);</li>
 *   <li>answer: the addressee — the admin of the school (for the school and its parents), the teacher by their login,
 *       the municipal coordinator of the municipality;</li>
 *   <li>close (follow-up check): the issuer, or a colleague with an issuing role whose territory covers the addressee;</li>
 *   <li>read: the issuing roles covering the addressee, the addressee, and the admin of a teacher's school.</li>
 * </ul>
 */
public final class RecommendationAccess {

    private RecommendationAccess() {
    }

    /** Roles that issue recommendations and check them. */
    public static boolean hasIssuingRole(CurrentUser user) {
        return user.hasAny(Role.METHODIST, Role.CURATOR, Role.REGIONAL_COORDINATOR, Role.MUNICIPAL_COORDINATOR);
    }

    /** An issuing role whose territory covers the place. */
    public static boolean issuesFor(CurrentUser user, TerritoryPlace place) {
        return user.isAdmin() || (hasIssuingRole(user)
                && user.scope().covers(place.regionId(), place.municipalityId(), place.schoolId()));
    }

    public static void requireIssue(CurrentUser user, AddresseeKind kind, TerritoryPlace place) {
        if (!issuesFor(user, place)) {
            throw ApiException.forbidden("Недостаточно прав: рекомендации выдают методисты, кураторы и координаторы "
                    + "в пределах своей территории");
        }
        if (kind == AddresseeKind.MUNICIPALITY && !user.isAdmin() && user.scope().municipalityId() != null) {
            throw ApiException.forbidden("Рекомендацию муниципалитету выдаёт региональный уровень");
        }
    }

    /** The addressee who answers: school admin (school, parents), the teacher, the municipal coordinator. */
    public static boolean isAddressee(CurrentUser user, AddresseeKind kind, TerritoryPlace place, boolean isTeacherSelf) {
        return switch (kind) {
            case SCHOOL, PARENTS -> user.has(Role.SCHOOL_ADMIN) && place.schoolId() != null
                    && place.schoolId().equals(user.scope().schoolId());
            case TEACHER -> isTeacherSelf;
            case MUNICIPALITY -> user.has(Role.MUNICIPAL_COORDINATOR) && place.municipalityId() != null
                    && place.municipalityId().equals(user.scope().municipalityId());
        };
    }

    public static boolean canAnswer(CurrentUser user, Recommendation r, boolean isTeacherSelf) {
        return isAddressee(user, r.addresseeKind(), r, isTeacherSelf);
    }

    public static void requireAnswer(CurrentUser user, Recommendation r, boolean isTeacherSelf) {
        if (!canAnswer(user, r, isTeacherSelf)) {
            throw ApiException.forbidden("Ответить на рекомендацию может только её адресат: администрация школы, "
                    + "педагог или муниципальный координатор");
        }
    }

    /** The issuer, or a colleague with an issuing role on the addressee's territory. */
    public static boolean canCheck(CurrentUser user, Recommendation r) {
        return (r.issuedBy().equals(user.username()) && hasIssuingRole(user)) || issuesFor(user, r);
    }

    public static void requireCheck(CurrentUser user, Recommendation r) {
        if (!canCheck(user, r)) {
            throw ApiException.forbidden("Закрыть рекомендацию по итогам проверки может выдавший её специалист "
                    + "или его коллега той же территории");
        }
    }

    /** Readers of the recommendations of an addressee place (a single one or a «received» list). */
    public static boolean canRead(CurrentUser user, AddresseeKind kind, TerritoryPlace place, boolean isTeacherSelf) {
        return issuesFor(user, place) || isAddressee(user, kind, place, isTeacherSelf)
                || (kind == AddresseeKind.TEACHER && user.has(Role.SCHOOL_ADMIN) && place.schoolId() != null
                && place.schoolId().equals(user.scope().schoolId()));
    }

    public static void requireRead(CurrentUser user, AddresseeKind kind, TerritoryPlace place, boolean isTeacherSelf) {
        if (!canRead(user, kind, place, isTeacherSelf)) {
            throw ApiException.forbidden("Нет доступа к рекомендациям этого адресата");
        }
    }
}
