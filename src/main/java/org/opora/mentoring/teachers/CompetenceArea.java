package org.opora.mentoring.teachers;

/** Areas of a teacher's professional competence in which diagnostics find deficits and mentors have strengths. */
public enum CompetenceArea {
    SUBJECT("Предметная компетентность"),
    METHODICAL("Методическая компетентность"),
    ASSESSMENT("Оценочная деятельность и формирующее оценивание"),
    FUNCTIONAL_LITERACY("Формирование функциональной грамотности"),
    DIGITAL("Цифровая компетентность"),
    PSYCHOLOGICAL("Психолого-педагогическая компетентность"),
    INCLUSIVE("Работа с детьми с ОВЗ и особыми потребностями"),
    MOTIVATION("Мотивация учащихся и управление классом"),
    MANAGEMENT("Управление образовательной организацией");

    private final String label;

    CompetenceArea(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
