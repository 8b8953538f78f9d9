package org.opora.pairing.proposals;

import io.micronaut.core.annotation.Nullable;
import org.opora.pairing.region.PairingAccess;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;

/** Who may run and read proposals: coordinators run them; region viewers read them, narrowed to their municipality. */
final class ProposalAccess {

    private ProposalAccess() {
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
        PairingAccess.requireRegionViewer(user, proposal.regionId());
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
}
