package org.opora.school;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Kinds of general education organisations, by the short names regions use in their lists. */
public enum SchoolType {
    SOSH("СОШ", 1, 11),
    OOSH("ООШ", 1, 9),
    NOSH("НОШ", 1, 4),
    GYMNASIUM("Гимназия", 1, 11),
    LYCEUM("Лицей", 1, 11),
    EDUCATION_CENTRE("ЦО", 1, 11),
    EVENING("В(С)ОШ", 9, 11),
    ADVANCED_SOSH("СОШ с УИОП", 1, 11);

    private static final Map<String, SchoolType> BY_LABEL = new HashMap<>();

    static {
        for (SchoolType value : values()) {
            BY_LABEL.put(value.label, value);
        }
    }

    private final String label;
    private final int lowestGrade;
    private final int highestGrade;

    SchoolType(String label, int lowestGrade, int highestGrade) {
        this.label = label;
        this.lowestGrade = lowestGrade;
        this.highestGrade = highestGrade;
    }

    /** The value used in files and stored on {@code School.type}. */
    public String label() {
        return label;
    }

    /** Usual grade span; individual schools may differ (a lyceum may start at grade 5). */
    public int lowestGrade() {
        return lowestGrade;
    }

    public int highestGrade() {
        return highestGrade;
    }

    public static Optional<SchoolType> fromLabel(String label) {
        return Optional.ofNullable(BY_LABEL.get(label));
    }
}
