package org.opora.mentoring.relations;

import io.micronaut.core.annotation.Nullable;
import org.opora.mentoring.teachers.TerritoryPlace;

import java.time.LocalDate;

/**
 * A mentoring relation. The territory (of the mentee's school), {@code createdBy} and the two logins are not in the
 * API: they let access rules decide without another query.
 */
public record MentoringRelation(String id,
                                MentoringKind kind,
                                RelationStatus status,
                                LocalDate startDate,
                                @Nullable LocalDate plannedEndDate,
                                @Nullable LocalDate endDate,
                                @Nullable String goal,
                                String regionId,
                                @Nullable String municipalityId,
                                @Nullable String schoolId,
                                @Nullable String createdBy,
                                String mentorId,
                                @Nullable String mentorUsername,
                                @Nullable String menteeTeacherId,
                                @Nullable String menteeUsername,
                                @Nullable String menteeSchoolId,
                                @Nullable LocalDate lastMeetingDate) implements TerritoryPlace {

    public String statusLabel() {
        return status.label();
    }

    /** The last meeting, or the start when there was none. */
    public LocalDate lastContact() {
        return lastMeetingDate != null ? lastMeetingDate : startDate;
    }

    /** Active and without a meeting for {@code weeks} before {@code asOf}. */
    public boolean isStale(LocalDate asOf, int weeks) {
        return status == RelationStatus.ACTIVE && lastContact().isBefore(asOf.minusWeeks(weeks));
    }
}
