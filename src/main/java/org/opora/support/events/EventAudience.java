package org.opora.support.events;

/** Who may register for an event: schools, teachers, or both. */
public enum EventAudience {
    SCHOOLS, TEACHERS, SCHOOLS_AND_TEACHERS;

    public boolean admitsSchools() {
        return this != TEACHERS;
    }

    public boolean admitsTeachers() {
        return this != SCHOOLS;
    }
}
