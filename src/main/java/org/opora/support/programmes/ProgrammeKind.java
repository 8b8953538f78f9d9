package org.opora.support.programmes;

/** The three kinds of school programme the regional documents require. */
public enum ProgrammeKind {
    SCHOOL_QUALITY("Программа повышения качества образования (ШППКО)"),
    TRANSITION("Программа перехода в эффективный режим работы"),
    ANTIRISK("Антирисковая программа");

    private final String label;

    ProgrammeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
