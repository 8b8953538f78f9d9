package org.opora.practice;

/** Where a practice was proven: in one school, across a municipality, or region-wide. */
public enum PracticeLevel implements Labelled {
    SCHOOL("Школьный уровень"),
    MUNICIPAL("Муниципальный уровень"),
    REGIONAL("Региональный уровень");

    private final String label;

    PracticeLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
