package org.opora.pairing.region;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;

/**
 * Who may read and act on pairing data of a territory: a coordinator whose territory covers <b>both</b> schools
 * (a regional coordinator of the region; a municipal coordinator only inside their municipality) creates and
 * moves pairs; coordinators, curators and methodists of the territory read candidates, settings and summaries;
 * a school admin reads their own school's candidates.
 */
public final class PairingAccess {

    private PairingAccess() {
    }

    public static boolean coordinatesBoth(CurrentUser user, SchoolRow mentee, SchoolRow leader) {
        return user.coordinates(mentee.regionId(), mentee.municipalityId())
                && user.coordinates(leader.regionId(), leader.municipalityId());
    }

    public static void requireCoordinator(CurrentUser user, SchoolRow mentee, SchoolRow leader) {
        if (!coordinatesBoth(user, mentee, leader)) {
            throw ApiException.forbidden("Создавать, подтверждать, запускать и отменять сетевые пары может только координатор "
                    + "территории обеих школ («" + mentee.name() + "» и «" + leader.name() + "»)");
        }
    }

    /** The caller's scope covers the school. */
    public static boolean covers(CurrentUser user, SchoolRow school) {
        return user.isAdmin() || user.scope().covers(school.regionId(), school.municipalityId(), school.id());
    }

    /** Candidates of a school: analysts of its territory, or its own school admin. */
    public static void requireCandidateViewer(CurrentUser user, SchoolRow school) {
        boolean analyst = user.hasAny(Role.REGIONAL_COORDINATOR, Role.MUNICIPAL_COORDINATOR, Role.CURATOR, Role.METHODIST);
        boolean ownAdmin = user.has(Role.SCHOOL_ADMIN) && school.id().equals(user.scope().schoolId());
        if (!(analyst || ownAdmin) || !covers(user, school)) {
            throw ApiException.forbidden("Подбор партнёров для школы «" + school.name() + "» вне вашей территории");
        }
    }

    /** Region-level reading (settings, proposals, outcome summaries). */
    public static void requireRegionViewer(CurrentUser user, String regionId) {
        boolean analyst = user.hasAny(Role.REGIONAL_COORDINATOR, Role.MUNICIPAL_COORDINATOR, Role.CURATOR, Role.METHODIST);
        if (!analyst || !user.scope().covers(regionId, user.scope().municipalityId(), null) && !user.isAdmin()) {
            throw ApiException.forbidden("Данные подбора пар региона " + regionId + " вне вашей территории");
        }
    }

    public static void requireRegionalCoordinator(CurrentUser user, String regionId) {
        if (!user.isAdmin() && !(user.has(Role.REGIONAL_COORDINATOR) && user.scope().municipalityId() == null
                && regionId.equals(user.scope().regionId()))) {
            throw ApiException.forbidden("Настройки подбора пар региона может менять только его региональный координатор");
        }
    }
}
