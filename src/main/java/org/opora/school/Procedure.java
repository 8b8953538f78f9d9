package org.opora.school;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Assessment procedures whose school-level results are imported, with the scale of their
 * {@code mean_score}: ВПР and ОГЭ are reported as the mean mark (2..5), ЕГЭ as mean test points
 * (0..100), КДР as the mean percentage of the maximum (0..100).
 */
public enum Procedure {
    VPR("ВПР", 2, 5, 4, 11),
    OGE("ОГЭ", 2, 5, 9, 9),
    EGE("ЕГЭ", 0, 100, 11, 11),
    KDR("КДР", 0, 100, 4, 11);

    private static final Map<String, Procedure> BY_LABEL = new HashMap<>();

    static {
        for (Procedure value : values()) {
            BY_LABEL.put(value.label, value);
        }
    }

    private final String label;
    private final double minScore;
    private final double maxScore;
    private final int lowestGrade;
    private final int highestGrade;

    Procedure(String label, double minScore, double maxScore, int lowestGrade, int highestGrade) {
        this.label = label;
        this.minScore = minScore;
        this.maxScore = maxScore;
        this.lowestGrade = lowestGrade;
        this.highestGrade = highestGrade;
    }

    public String label() {
        return label;
    }

    public double minScore() {
        return minScore;
    }

    public double maxScore() {
        return maxScore;
    }

    /** ОГЭ is only taken in grade 9 and ЕГЭ only in grade 11; the others span grades 4..11. */
    public boolean allowsGrade(int grade) {
        return grade >= lowestGrade && grade <= highestGrade;
    }

    public String gradeRule() {
        return lowestGrade == highestGrade ? String.valueOf(lowestGrade) : lowestGrade + ".." + highestGrade;
    }

    public static Optional<Procedure> fromLabel(String label) {
        return Optional.ofNullable(BY_LABEL.get(label));
    }
}
