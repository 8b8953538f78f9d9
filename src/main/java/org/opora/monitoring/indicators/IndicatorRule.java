package org.opora.monitoring.indicators;

import io.micronaut.core.annotation.Nullable;

/** How an indicator of the catalogue is computed from a region's facts (see {@link IndicatorCalculator}). */
public sealed interface IndicatorRule {

    /** Schools holding the status whose results rose from the previous year: overall, or in one procedure/subject. */
    record ResultDynamics(SupportStatus status, @Nullable ResultTest test) implements IndicatorRule {
    }

    /** Teachers of the status's schools with a deficit diagnostic dated in the year. */
    record TeachersDiagnosed(SupportStatus status) implements IndicatorRule {
    }

    /** Teachers of the status's schools diagnosed in the year and before it whose deficit weight fell. */
    record CompetenceGrowth(SupportStatus status) implements IndicatorRule {
    }

    /** ШНОР and ШНСУ schools with a fact of support in the year. */
    record SupportFlag(Support support) implements IndicatorRule {
    }

    /** Recommendations issued in the year to ШНОР/ШНСУ (school, parents, teachers) checked as done. */
    record RecommendationsDone() implements IndicatorRule {
    }

    /**
     * A school share of indicators.csv summed over schools weighted by enrolment; {@code countable}: the product is a
     * number of pupils (numerator and denominator are reported), otherwise only the weighted share is.
     */
    record PupilShare(String indicatorCode, boolean countable) implements IndicatorRule {
    }

    /** Winners and prize-winners among olympiad participants (participation share × enrolment). */
    record OlympiadWinners() implements IndicatorRule {
    }

    enum Support { METHODICAL_HELP, RECOMMENDATIONS, NETWORK_PAIR, SEMINARS, PROGRAMME_AGREED, PROGRAMME_OVERDUE }
}
