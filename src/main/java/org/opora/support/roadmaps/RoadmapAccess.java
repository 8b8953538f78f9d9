package org.opora.support.roadmaps;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;

/**
 * Who keeps and who reads a roadmap (docs/security.md, «Roadmaps»). Each level has one keeper: the region's roadmap
 * its regional coordinator, a municipality's its municipal coordinator, a school's its school admin (and the admin
 * everywhere). Everyone whose scope covers the roadmap's territory reads it; nobody else learns anything about it.
 */
public final class RoadmapAccess {

    private RoadmapAccess() {
    }

    public static boolean canRead(CurrentUser user, Roadmap roadmap) {
        return user.isAdmin() || user.scope().covers(roadmap.regionId(), roadmap.municipalityId(), roadmap.schoolId());
    }

    public static void requireRead(CurrentUser user, Roadmap roadmap) {
        if (!canRead(user, roadmap)) {
            throw ApiException.forbidden("Эта дорожная карта вне вашей территории");
        }
    }

    public static boolean canKeep(CurrentUser user, RoadmapLevel level, String regionId, @Nullable String municipalityId,
                                  @Nullable String schoolId) {
        if (user.isAdmin()) {
            return true;
        }
        // The keeper's own scope is exactly the roadmap's territory: a municipal coordinator does not keep a school's
        // roadmap, and a regional coordinator only reads the municipalities'.
        return switch (level) {
            case REGION -> user.has(Role.REGIONAL_COORDINATOR) && user.scope().municipalityId() == null
                    && user.scope().schoolId() == null && user.scope().covers(regionId, null, null);
            case MUNICIPALITY -> user.has(Role.MUNICIPAL_COORDINATOR) && municipalityId != null
                    && municipalityId.equals(user.scope().municipalityId()) && user.scope().covers(regionId, municipalityId, null);
            case SCHOOL -> user.has(Role.SCHOOL_ADMIN) && schoolId != null && schoolId.equals(user.scope().schoolId());
        };
    }

    public static boolean canKeep(CurrentUser user, Roadmap roadmap) {
        return canKeep(user, roadmap.level(), roadmap.regionId(), roadmap.municipalityId(), roadmap.schoolId());
    }

    /** Refuses an edit by anyone but the keeper; an outsider is told only that the roadmap is outside their territory. */
    public static void requireKeeper(CurrentUser user, Roadmap roadmap) {
        requireRead(user, roadmap);
        if (!canKeep(user, roadmap)) {
            throw ApiException.forbidden(keeperRule(roadmap.level()));
        }
    }

    public static void requireKeeper(CurrentUser user, Territory territory) {
        if (!canKeep(user, territory.level(), territory.regionId(), territory.municipalityId(), territory.schoolId())) {
            throw ApiException.forbidden(keeperRule(territory.level()));
        }
    }

    static String keeperRule(RoadmapLevel level) {
        return switch (level) {
            case REGION -> "Региональную дорожную карту ведёт региональный координатор своего региона";
            case MUNICIPALITY -> "Муниципальную дорожную карту ведёт муниципальный координатор своего муниципалитета";
            case SCHOOL -> "Дорожную карту школы ведёт администратор этой школы";
        };
    }

    /** A list of a territory's roadmaps is for those whose scope covers that territory. */
    public static void requireTerritory(CurrentUser user, String regionId, @Nullable String municipalityId, @Nullable String schoolId) {
        if (!user.isAdmin() && !user.scope().covers(regionId, municipalityId, schoolId)) {
            throw ApiException.forbidden("Эта территория вне вашей области доступа");
        }
    }
}
