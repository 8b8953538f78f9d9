package org.opora.pairing.region;

/** Per-subject standardised results the identification run stores on every school (z units). */
public enum SubjectIndex {
    RUSSIAN("Русский язык", "subjectIndexRussian"),
    MATHEMATICS("Математика", "subjectIndexMathematics");

    private static final SubjectIndex[] ALL = values();

    private final String label;
    private final String property;

    SubjectIndex(String label, String property) {
        this.label = label;
        this.property = property;
    }

    public String label() {
        return label;
    }

    /** The School property holding this subject's index. */
    public String property() {
        return property;
    }

    static SubjectIndex[] all() {
        return ALL;
    }
}
