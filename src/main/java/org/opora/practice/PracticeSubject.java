package org.opora.practice;

import java.util.Locale;

/**
 * Subjects and areas a practice belongs to. The codes of school subjects are those of the assessment results
 * ({@code AssessmentResult.subject}), so a practice in mathematics can be related to mathematics results; the
 * last ones (upbringing, management, ...) are areas of school life without an assessment of their own.
 */
public enum PracticeSubject implements Labelled {
    RUSSIAN("Русский язык"),
    MATHEMATICS("Математика"),
    LITERATURE("Литература"),
    READING_LITERACY("Читательская грамотность"),
    MATH_LITERACY("Математическая грамотность"),
    SCIENCE_LITERACY("Естественнонаучная грамотность"),
    SURROUNDING_WORLD("Окружающий мир"),
    HISTORY("История"),
    SOCIAL_STUDIES("Обществознание"),
    GEOGRAPHY("География"),
    BIOLOGY("Биология"),
    PHYSICS("Физика"),
    CHEMISTRY("Химия"),
    INFORMATICS("Информатика"),
    ENGLISH("Английский язык"),
    PHYSICAL_EDUCATION("Физическая культура"),
    TECHNOLOGY("Технология"),
    CROSS_SUBJECT("Межпредметные практики"),
    EDUCATIONAL_WORK("Воспитательная работа"),
    PSYCHOLOGICAL_SUPPORT("Психолого-педагогическое сопровождение"),
    SCHOOL_MANAGEMENT("Управление школой");

    private final String label;

    PracticeSubject(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * Whether an assessment result's subject (stored as a code such as {@code MATHEMATICS_PROFILE} or as a label
     * such as «Математика (база)») is this subject.
     */
    public boolean matchesResultSubject(String resultSubject) {
        if (resultSubject == null) {
            return false;
        }
        String s = resultSubject.trim();
        return s.equalsIgnoreCase(name()) || s.toUpperCase(Locale.ROOT).startsWith(name() + "_")
                || s.equalsIgnoreCase(label) || s.toLowerCase(Locale.ROOT).startsWith(label.toLowerCase(Locale.ROOT) + " (");
    }
}
