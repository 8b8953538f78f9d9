package org.opora.monitoring.indicators;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import org.opora.platform.auth.Scope;

import java.util.List;

/** Placeholder until the indicator catalogue lands (branch monitoring-indicators replaces it). */
@Singleton
@Secondary
class NoIndicatorTable implements IndicatorTable {

    @Override
    public List<IndicatorFigure> figures(Scope territory, int year) {
        return List.of();
    }
}
