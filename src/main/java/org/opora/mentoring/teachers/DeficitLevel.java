package org.opora.mentoring.teachers;

/** How serious a deficit is; the weight drives suggestion coverage and competence dynamics. */
public enum DeficitLevel {
    MINOR("незначительный", 1),
    MODERATE("выраженный", 2),
    CRITICAL("критический", 3);

    private final String label;
    private final int weight;

    DeficitLevel(String label, int weight) {
        this.label = label;
        this.weight = weight;
    }

    public String label() {
        return label;
    }

    public int weight() {
        return weight;
    }
}
