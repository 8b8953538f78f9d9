package org.opora.support.help;

/** Kinds of methodological help. */
public enum HelpKind {
    CONSULTATION("Консультация"),
    VISIT("Выезд в школу"),
    EXPERT_REVIEW("Экспертиза");

    private final String label;

    HelpKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
