package org.opora.support.events;

/** Kinds of support events; the label is what people read. */
public enum EventKind {
    SEMINAR("Семинар"), ROUND_TABLE("Круглый стол"), WEBINAR("Вебинар"), COURSE("Курсы"), INTERNSHIP("Стажировка");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Kinds counted by the indicator «ШНОР/ШНСУ take part in seminars and round tables». */
    public boolean isDiscussion() {
        return this == SEMINAR || this == ROUND_TABLE;
    }
}
