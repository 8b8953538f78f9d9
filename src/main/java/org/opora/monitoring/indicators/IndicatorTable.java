package org.opora.monitoring.indicators;

import org.opora.platform.auth.Scope;

import java.util.List;

/**
 * The monitoring indicators of one territory in one year, for the features that show or print them (dashboards,
 * справки). Territory: a Scope with the region id, and the municipality id or the school id for narrower ones.
 * No access check here: callers check the caller's right to the territory first.
 */
public interface IndicatorTable {

    List<IndicatorFigure> figures(Scope territory, int year);
}
