package org.opora.mentoring.plans;

/** Activities of an individual plan. */
public enum ActivityKind {
    COURSE, SEMINAR, OPEN_LESSON, INTERNSHIP
}
