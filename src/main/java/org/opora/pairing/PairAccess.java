package org.opora.pairing;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.errors.ApiException;
import org.opora.security.CurrentUser;
import org.opora.security.Role;

/**
 * Who may do what with pairs, in one place.
 * <ul>
 *   <li>Create, agree, activate, complete, cancel: a coordinator whose territory covers <b>both</b>
 *       schools (a regional coordinator of the region; a municipal coordinator only for pairs inside
 *       their municipality), or an admin.</li>
 *   <li>Edit the joint plan: those coordinators, and school admins of either of the two schools.</li>
 *   <li>See a pair: anyone whose scope covers one of the two schools.</li>
 *   <li>Candidates and proposals: coordinators, curators and methodists of the territory; a school
 *       admin for their own school.</li>
 * </ul>
 */
final class PairAccess {

    private PairAccess() {
    }

    static boolean coordinatesBoth(CurrentUser user, SchoolRow mentee, SchoolRow leader) {
        return user.coordinates(mentee.regionId(), mentee.municipalityId())
                && user.coordinates(leader.regionId(), leader.municipalityId());
    }

    static void requireCoordinator(CurrentUser user, SchoolRow mentee, SchoolRow leader) {
        if (!coordinatesBoth(user, mentee, leader)) {
            throw ApiException.forbidden("Создавать, подтверждать, запускать и отменять сетевые пары может только координатор "
                    + "территории обеих школ («" + mentee.name() + "» и «" + leader.name() + "»)");
        }
    }

    static void requirePlanEditor(CurrentUser user, NetworkPair pair) {
        boolean schoolAdmin = user.has(Role.SCHOOL_ADMIN) && user.scope().schoolId() != null
                && (user.scope().schoolId().equals(pair.mentee().id()) || user.scope().schoolId().equals(pair.leader().id()));
        if (!schoolAdmin && !coordinatesBoth(user, pair.mentee(), pair.leader())) {
            throw ApiException.forbidden("Совместный план пары могут изменять администраторы двух школ пары "
                    + "и координатор их территории");
        }
    }

    static boolean canSee(CurrentUser user, NetworkPair pair) {
        return covers(user, pair.mentee()) || covers(user, pair.leader());
    }

    static void requireSee(CurrentUser user, NetworkPair pair) {
        if (!canSee(user, pair)) {
            throw ApiException.forbidden("Эта сетевая пара вне вашей территории");
        }
    }

    static boolean covers(CurrentUser user, SchoolRow school) {
        return user.isAdmin() || user.scope().covers(school.regionId(), school.municipalityId(), school.id());
    }

    /** Candidates of a school: analysts of its territory, or its own school admin. */
    static void requireCandidateViewer(CurrentUser user, SchoolRow school) {
        boolean analyst = user.hasAny(Role.REGIONAL_COORDINATOR, Role.MUNICIPAL_COORDINATOR, Role.CURATOR, Role.METHODIST);
        boolean ownAdmin = user.has(Role.SCHOOL_ADMIN) && school.id().equals(user.scope().schoolId());
        if (!(analyst || ownAdmin) || !covers(user, school)) {
            throw ApiException.forbidden("Подбор партнёров для школы «" + school.name() + "» вне вашей территории");
        }
    }

    /** Region-level reading (settings, proposals, outcome summaries). */
    static void requireRegionViewer(CurrentUser user, String regionId) {
        boolean analyst = user.hasAny(Role.REGIONAL_COORDINATOR, Role.MUNICIPAL_COORDINATOR, Role.CURATOR, Role.METHODIST);
        if (!analyst || !user.scope().covers(regionId, user.scope().municipalityId(), null) && !user.isAdmin()) {
            throw ApiException.forbidden("Данные подбора пар региона " + regionId + " вне вашей территории");
        }
    }

    /**
     * The municipality a caller's proposal reads are narrowed to: their own municipality, or null (no narrowing) for
     * the admin and region-wide callers. A proposal is visible when it is region-wide or of that municipality; the
     * list ({@link ProposalRepository#list}) and the read by id ({@link #requireProposalViewer}) use this same rule.
     */
    @Nullable
    static String proposalMunicipality(CurrentUser user) {
        return user.isAdmin() ? null : user.scope().municipalityId();
    }

    static boolean proposalVisible(@Nullable String visibleMunicipalityId, PairingProposal proposal) {
        return visibleMunicipalityId == null || proposal.municipalityId() == null
                || visibleMunicipalityId.equals(proposal.municipalityId());
    }

    /** Reading one proposal: a region viewer, and the proposal passes the list's municipality rule. */
    static void requireProposalViewer(CurrentUser user, PairingProposal proposal) {
        requireRegionViewer(user, proposal.regionId());
        if (!proposalVisible(proposalMunicipality(user), proposal)) {
            throw ApiException.forbidden("Предложение пар муниципалитета " + proposal.municipalityId() + " вне вашей территории");
        }
    }

    /** Running a proposal: a coordinator of the region, or of the municipality when one is given. */
    static void requireProposer(CurrentUser user, String regionId, String municipalityId) {
        if (!user.coordinates(regionId, municipalityId)) {
            throw ApiException.forbidden(municipalityId == null
                    ? "Предложение пар по всему региону может сформировать только региональный координатор"
                    : "Предложение пар для муниципалитета " + municipalityId + " может сформировать только его координатор");
        }
    }

    static void requireRegionalCoordinator(CurrentUser user, String regionId) {
        if (!user.isAdmin() && !(user.has(Role.REGIONAL_COORDINATOR) && user.scope().municipalityId() == null
                && regionId.equals(user.scope().regionId()))) {
            throw ApiException.forbidden("Настройки подбора пар региона может менять только его региональный координатор");
        }
    }
}
