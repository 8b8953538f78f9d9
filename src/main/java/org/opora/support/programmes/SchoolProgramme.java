package org.opora.support.programmes;

import io.micronaut.core.annotation.Nullable;
import org.opora.identification.RiskFactor;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A school's programme (ШППКО, transition or antirisk) with its goals, measures and indicator targets, the latter
 * already compared with the school's real values.
 */
public record SchoolProgramme(String id,
                              String schoolId,
                              String regionId,
                              @Nullable String municipalityId,
                              ProgrammeKind kind,
                              @Nullable String riskFactor,
                              String title,
                              LocalDate periodStart,
                              LocalDate periodEnd,
                              ProgrammeStatus status,
                              List<ProgrammeGoal> goals,
                              List<ProgrammeMeasure> measures,
                              List<IndicatorTarget> targets,
                              ZonedDateTime createdAt,
                              String createdBy,
                              @Nullable ZonedDateTime updatedAt,
                              @Nullable ZonedDateTime agreedAt,
                              @Nullable String agreedBy,
                              @Nullable String returnComment,
                              @Nullable String summary) {

    public String kindLabel() {
        return kind.label();
    }

    public String statusLabel() {
        return status.label();
    }

    public @Nullable String riskFactorLabel() {
        return riskFactor == null ? null : RiskFactor.valueOf(riskFactor).label();
    }

    public List<ProgrammeStatus> allowedTransitions() {
        return status.next();
    }

    public int overdueMeasuresOn(LocalDate today) {
        return (int) measures.stream().filter(m -> m.overdueOn(today)).count();
    }

    public int overdueMeasures() {
        return overdueMeasuresOn(LocalDate.now());
    }

    /** Not completed and either its period is over or one of its measures is overdue on {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return status != ProgrammeStatus.COMPLETED && (periodEnd.isBefore(today) || overdueMeasuresOn(today) > 0);
    }

    public boolean overdue() {
        return overdueOn(LocalDate.now());
    }

    public @Nullable Double measuresDone() {
        long counted = measures.stream().filter(m -> m.status() != MeasureStatus.CANCELLED).count();
        if (counted == 0) {
            return null;
        }
        long done = measures.stream().filter(m -> m.status() == MeasureStatus.DONE).count();
        return Math.round(1000.0 * done / counted) / 1000.0;
    }
}
