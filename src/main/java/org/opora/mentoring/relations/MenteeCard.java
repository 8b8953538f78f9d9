package org.opora.mentoring.relations;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A mentee as their mentor sees them in the workspace: one open relation of the caller as mentor. The mentee's
 * profile, deficits, goals and last meeting are child fields loaded per level; the caller may read them because
 * they mentor this mentee in a pending or active relation.
 */
public record MenteeCard(MentoringRelation relation, LocalDate asOf, int staleWeeks) {

    public long daysSinceContact() {
        return ChronoUnit.DAYS.between(relation.lastContact(), asOf);
    }

    public boolean stale() {
        return relation.isStale(asOf, staleWeeks);
    }
}
