package org.opora.identification;

import org.opora.school.Indicator;

import java.util.List;

/**
 * Risk factors of the federal "500+" profile that the imported indicators can measure, each with
 * the indicators that evidence it. A factor's level is the highest level of its indicators.
 */
public enum RiskFactor {
    STAFF_SHORTAGE("Дефицит педагогических кадров", List.of(Indicator.STAFF_SHORTAGE_SHARE)),
    LOW_TEACHER_QUALIFICATION("Недостаточная предметная и методическая компетентность педагогических работников",
            List.of(Indicator.TEACHERS_NO_CATEGORY_SHARE, Indicator.TEACHERS_NO_HIGHER_ED_SHARE)),
    WEAK_MATERIAL_BASE("Низкое качество оснащения школы", List.of(Indicator.MATERIAL_BASE_INDEX)),
    LEARNING_DIFFICULTIES("Высокая доля обучающихся с рисками учебной неуспешности",
            List.of(Indicator.LEARNING_DIFFICULTIES_SHARE)),
    LOW_PARENTAL_INVOLVEMENT("Низкий уровень вовлечённости родителей", List.of(Indicator.PARENTAL_INVOLVEMENT_INDEX)),
    SPECIAL_NEEDS("Высокая доля обучающихся с ОВЗ", List.of(Indicator.SPECIAL_NEEDS_SHARE)),
    LANGUAGE_BARRIER("Высокая доля обучающихся с русским языком как неродным", List.of(Indicator.NON_NATIVE_SHARE)),
    DEVIANT_BEHAVIOUR("Высокая доля обучающихся с девиантным поведением", List.of(Indicator.REGISTERED_SHARE)),
    SOCIAL_DISADVANTAGE("Неблагоприятные социально-экономические условия семей",
            List.of(Indicator.LOW_INCOME_SHARE, Indicator.DIFFICULT_SITUATION_SHARE, Indicator.PARENTS_HIGHER_ED_SHARE)),
    LOW_MOTIVATION("Низкая учебная мотивация обучающихся",
            List.of(Indicator.OLYMPIAD_PARTICIPATION_SHARE, Indicator.GRADE10_CONTINUATION_SHARE)),
    REMOTENESS("Территориальная удалённость школы", List.of(Indicator.REMOTENESS_KM)),
    LOW_FUNDING("Недостаточное финансовое обеспечение", List.of(Indicator.FUNDING_PROVISION_INDEX)),
    WEAK_METHODICAL_SUPPORT("Недостаточное методическое обеспечение", List.of(Indicator.METHODICAL_SUPPORT_INDEX));

    private final String label;
    private final List<Indicator> indicators;

    RiskFactor(String label, List<Indicator> indicators) {
        this.label = label;
        this.indicators = indicators;
    }

    public String label() {
        return label;
    }

    public List<Indicator> indicators() {
        return indicators;
    }

    /** +1 when a higher value means more risk, -1 when a lower one does (favourable context, outcomes). */
    static int riskDirection(Indicator indicator) {
        if (indicator.kind() == Indicator.Kind.OUTCOME) {
            return -1;
        }
        return indicator.adverse() == Indicator.Adverse.LOWER ? -1 : 1;
    }

    public enum Level { LOW, MEDIUM, HIGH }
}
