package org.opora.mentoring;

/** Status of a goal of an individual plan (ИОМ). */
public enum GoalStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED;

    public boolean isOpen() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}
