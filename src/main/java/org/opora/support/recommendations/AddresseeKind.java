package org.opora.support.recommendations;

/** Whom an addressed recommendation is for; who answers it follows from the kind ({@link RecommendationAccess}). */
public enum AddresseeKind {
    SCHOOL("Школа"),
    TEACHER("Педагог"),
    /** The school's parents: the school administration answers for them. */
    PARENTS("Родители обучающихся школы"),
    MUNICIPALITY("Муниципалитет");

    private final String label;

    AddresseeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
