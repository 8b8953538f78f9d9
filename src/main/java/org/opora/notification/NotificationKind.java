package org.opora.notification;

/** What a notification is about. */
public enum NotificationKind {
    /** An active mentoring relation of the caller (as mentor) with no meeting for N weeks. */
    MENTORING_REMINDER,
    /** A goal of the caller's own ИОМ, or of a mentee's, past its deadline. */
    OVERDUE_GOAL,
    /** A practice the caller proposed was approved or rejected. */
    PRACTICE_REVIEWED,
    /** Submitted practices waiting for the caller's review. */
    PRACTICE_TO_REVIEW,
    /** The partner school changed an activity of the joint plan, or an activity is overdue. */
    PAIR_ACTIVITY,
    /** A monitoring deadline is near and the caller's territory has not submitted (stored, from the daily job). */
    CALENDAR_REMINDER,
    /** A monitoring deadline has passed without the submission of the caller's territory, or of territories below it. */
    CALENDAR_OVERDUE,
    /** A measure of the programme of the caller's school is past its deadline and not done. */
    PROGRAMME_MEASURE_OVERDUE,
    /** A recommendation to the caller (their school, themselves, their municipality) is due within a week or overdue. */
    RECOMMENDATION_DUE
}
