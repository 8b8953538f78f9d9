package org.opora.mentoring.indicators;

import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;

/** Mentoring indicators for monitoring (the roles are decided by the schema's {@code @auth}; the region here). */
@Singleton
public class IndicatorService {

    private final IndicatorRepository repository;

    IndicatorService(IndicatorRepository repository) {
        this.repository = repository;
    }

    public MentoringIndicators indicators(String regionId, CurrentUser user) {
        if (!user.isAdmin() && user.scope().regionId() != null && !user.scope().regionId().equals(regionId)) {
            throw ApiException.forbidden("Нет доступа к данным другого региона");
        }
        return MentoringIndicators.of(regionId, repository.counts(regionId));
    }
}
