package org.opora.monitoring.calendar;

/**
 * When reminders fire, in days relative to the due date: two before it and two after it. A stage fires on the first
 * run of the daily job on or after its day and before the next stage's day, for each territory that has not submitted
 * by then; each (deadline, territory, stage) fires once (the notification store keys it).
 */
public enum ReminderStage {
    BEFORE_14(-14),
    BEFORE_3(-3),
    AFTER_1(1),
    AFTER_7(7);

    private final int offsetDays;

    ReminderStage(int offsetDays) {
        this.offsetDays = offsetDays;
    }

    public int offsetDays() {
        return offsetDays;
    }

    public boolean afterDeadline() {
        return offsetDays > 0;
    }

    /** The stage in force on {@code date} for a due date, or null before the first one. */
    static ReminderStage on(java.time.LocalDate dueDate, java.time.LocalDate date) {
        ReminderStage current = null;
        for (ReminderStage stage : values()) {
            if (!date.isBefore(dueDate.plusDays(stage.offsetDays))) {
                current = stage;
            }
        }
        return current;
    }
}
