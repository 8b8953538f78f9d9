package org.opora.practice;

/**
 * The risk factors a practice addresses. Codes and labels are those of the "500+" risk profile that the
 * identification feature writes into {@code ASSESSED.riskProfileJson}, so practices and school profiles match by code.
 */
public enum PracticeRiskFactor implements Labelled {
    STAFF_SHORTAGE("Дефицит педагогических кадров"),
    LOW_TEACHER_QUALIFICATION("Недостаточная предметная и методическая компетентность педагогических работников"),
    WEAK_MATERIAL_BASE("Низкое качество оснащения школы"),
    LEARNING_DIFFICULTIES("Высокая доля обучающихся с рисками учебной неуспешности"),
    LOW_PARENTAL_INVOLVEMENT("Низкий уровень вовлечённости родителей"),
    SPECIAL_NEEDS("Высокая доля обучающихся с ОВЗ"),
    LANGUAGE_BARRIER("Высокая доля обучающихся с русским языком как неродным"),
    DEVIANT_BEHAVIOUR("Высокая доля обучающихся с девиантным поведением"),
    SOCIAL_DISADVANTAGE("Неблагоприятные социально-экономические условия семей"),
    LOW_MOTIVATION("Низкая учебная мотивация обучающихся"),
    REMOTENESS("Территориальная удалённость школы");

    private final String label;

    PracticeRiskFactor(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
