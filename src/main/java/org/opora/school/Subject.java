package org.opora.school;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The closed list of subjects (and literacy domains) a result row may name. */
public enum Subject {
    RUSSIAN("Русский язык"),
    MATHEMATICS("Математика"),
    MATHEMATICS_PROFILE("Математика (профиль)"),
    MATHEMATICS_BASIC("Математика (база)"),
    READING_LITERACY("Читательская грамотность"),
    SCIENCE_LITERACY("Естественнонаучная грамотность"),
    MATH_LITERACY("Математическая грамотность"),
    LITERATURE("Литература"),
    SURROUNDING_WORLD("Окружающий мир"),
    HISTORY("История"),
    SOCIAL_STUDIES("Обществознание"),
    GEOGRAPHY("География"),
    BIOLOGY("Биология"),
    PHYSICS("Физика"),
    CHEMISTRY("Химия"),
    INFORMATICS("Информатика"),
    ENGLISH("Английский язык"),
    /** Several subjects summarised in one score, for foreign data such as England's Attainment 8. */
    COMBINED("Интегральный балл по предметам");

    private static final Map<String, Subject> BY_LABEL = new HashMap<>();

    static {
        for (Subject value : values()) {
            BY_LABEL.put(value.label, value);
        }
    }

    private final String label;

    Subject(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Subject> fromLabel(String label) {
        return Optional.ofNullable(BY_LABEL.get(label));
    }
}
