package org.opora.support.partners;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;

/**
 * The partner catalogue's rules: a region's partners are seen by its users (a municipality's partners by the
 * municipality's users and the region's); a regional coordinator adds partners anywhere in the region, a municipal
 * coordinator only in their municipality.
 */
public final class PartnerAccess {

    private PartnerAccess() {
    }

    public static boolean canSee(CurrentUser user, Partner partner) {
        if (user.isAdmin()) {
            return true;
        }
        if (!partner.regionId().equals(user.scope().regionId())) {
            return false;
        }
        return partner.municipalityId() == null || user.scope().municipalityId() == null
                || partner.municipalityId().equals(user.scope().municipalityId());
    }

    public static void requireRegion(CurrentUser user, String regionId) {
        if (!user.isAdmin() && !regionId.equals(user.scope().regionId())) {
            throw ApiException.forbidden("Каталог партнёров региона " + regionId + " вне вашей территории");
        }
    }

    public static void requireCreator(CurrentUser user, String regionId, @Nullable String municipalityId) {
        if (user.isAdmin()) {
            return;
        }
        boolean regional = user.has(Role.REGIONAL_COORDINATOR) && user.scope().municipalityId() == null
                && regionId.equals(user.scope().regionId());
        boolean municipal = user.has(Role.MUNICIPAL_COORDINATOR) && regionId.equals(user.scope().regionId())
                && municipalityId != null && municipalityId.equals(user.scope().municipalityId());
        if (!regional && !municipal) {
            throw ApiException.forbidden(municipalityId == null
                    ? "Партнёров уровня региона добавляет только региональный координатор этого региона"
                    : "Партнёров муниципалитета добавляет его муниципальный координатор или региональный координатор");
        }
    }
}
