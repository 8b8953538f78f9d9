package org.opora.mentoring.relations;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.errors.ApiException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** An active relation without a meeting for some weeks, with a message for people. */
public record MentoringReminder(MentoringRelation relation, @Nullable LocalDate lastMeetingDate, LocalDate lastContact,
                                long weeksWithoutMeeting, String message) {

    static MentoringReminder of(MentoringRelation relation, LocalDate asOf) {
        LocalDate contact = relation.lastContact();
        long weeksWithout = ChronoUnit.WEEKS.between(contact, asOf);
        return new MentoringReminder(relation, relation.lastMeetingDate(), contact, weeksWithout,
                relation.lastMeetingDate() == null
                        ? "Нет ни одной встречи с начала наставничества (" + contact + "), прошло недель: " + weeksWithout
                        : "Последняя встреча " + contact + ", прошло недель: " + weeksWithout);
    }

    static void requireWeeks(int weeks) {
        if (weeks < 1 || weeks > 52) {
            throw ApiException.badInput("weeks: от 1 до 52, получено " + weeks);
        }
    }
}
