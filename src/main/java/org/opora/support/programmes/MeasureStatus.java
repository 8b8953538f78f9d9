package org.opora.support.programmes;

/** Status of a measure (мероприятие) of a school programme. */
public enum MeasureStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED;

    public boolean isOpen() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}
