package org.opora.mentoring.relations;

/** Who mentors whom. */
public enum MentoringKind {
    TEACHER_TEACHER("педагог — педагог"),
    DIRECTOR_DIRECTOR("руководитель — руководитель"),
    CURATOR_SCHOOL("куратор — школа"),
    TUTOR("тьютор");

    private final String label;

    MentoringKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
