package org.opora.mentoring;

/** Activities of an individual plan. */
public enum ActivityKind {
    COURSE, SEMINAR, OPEN_LESSON, INTERNSHIP
}
