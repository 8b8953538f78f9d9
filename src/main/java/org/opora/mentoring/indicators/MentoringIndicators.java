package org.opora.mentoring.indicators;

import io.micronaut.core.annotation.Nullable;

/** Monitoring indicators of a region's teachers; the plain shares are over the teachers of ШНОР schools. */
public record MentoringIndicators(String regionId, long teachers, long lowResultSchoolTeachers, long diagnosed,
                                  @Nullable Double shareDiagnosed, long diagnosedRepeatedly, long positiveDynamics,
                                  @Nullable Double sharePositiveDynamics, long mentored, @Nullable Double shareMentored,
                                  long associationMembers, @Nullable Double shareAssociationMembers,
                                  @Nullable Double shareDiagnosedAll, @Nullable Double shareMentoredAll,
                                  @Nullable Double shareAssociationMembersAll, long associations, long activeRelations) {

    /** The counts the indicators are computed from ({@link IndicatorRepository}). */
    record Counts(long teachers, long low, long diagnosed, long repeat, long positive, long mentored, long members,
                  long diagnosedAll, long mentoredAll, long membersAll, long associations, long activeRelations) {
    }

    static MentoringIndicators of(String regionId, Counts c) {
        return new MentoringIndicators(regionId, c.teachers(), c.low(), c.diagnosed(), share(c.diagnosed(), c.low()),
                c.repeat(), c.positive(), share(c.positive(), c.repeat()), c.mentored(), share(c.mentored(), c.low()),
                c.members(), share(c.members(), c.low()), share(c.diagnosedAll(), c.teachers()),
                share(c.mentoredAll(), c.teachers()), share(c.membersAll(), c.teachers()), c.associations(), c.activeRelations());
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
