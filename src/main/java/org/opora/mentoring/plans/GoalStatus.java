package org.opora.mentoring.plans;

/** Status of a goal of a teacher's individual plan (ИОМ педагога). */
public enum GoalStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED;

    public boolean isOpen() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}
