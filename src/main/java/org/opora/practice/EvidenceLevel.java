package org.opora.practice;

/**
 * How well the effect of a practice is supported, derived from the graph (never typed in): see
 * {@link PracticeDocuments#evidenceLevel}. Ordered from weakest to strongest.
 */
public enum EvidenceLevel implements Labelled {
    DESCRIBED("Описание опыта без данных о результатах"),
    MEASURED("Есть данные «до» и «после» в одной школе"),
    REPLICATED("Результат подтверждён в нескольких школах");

    private final String label;

    EvidenceLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
