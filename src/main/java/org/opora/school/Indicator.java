package org.opora.school;

import io.micronaut.core.annotation.Nullable;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The closed registry of school indicators an {@code indicators.csv} may carry.
 * CONTEXT indicators describe the conditions a school works in (контекстные данные) and say which
 * direction is adverse; OUTCOME indicators are results other than test scores (olympiads,
 * continuation to grade 10). Codes are stored as {@code IndicatorValue.indicator}; never rename one.
 */
public enum Indicator {
    LOW_INCOME_SHARE("low_income_share", "Доля обучающихся из малоимущих семей",
            Unit.SHARE, Kind.CONTEXT, Adverse.HIGHER),
    DIFFICULT_SITUATION_SHARE("difficult_situation_share", "Доля детей, находящихся в трудной жизненной ситуации",
            Unit.SHARE, Kind.CONTEXT, Adverse.HIGHER),
    SPECIAL_NEEDS_SHARE("special_needs_share", "Доля обучающихся с ОВЗ",
            Unit.SHARE, Kind.CONTEXT, Adverse.HIGHER),
    NON_NATIVE_SHARE("non_native_share", "Доля обучающихся, для которых русский язык не родной (в т. ч. дети мигрантов)",
            Unit.SHARE, Kind.CONTEXT, Adverse.HIGHER),
    REGISTERED_SHARE("registered_share", "Доля обучающихся, состоящих на учёте (ВШУ, ПДН, КДНиЗП)",
            Unit.SHARE, Kind.CONTEXT, Adverse.HIGHER),
    PARENTS_HIGHER_ED_SHARE("parents_higher_ed_share", "Доля обучающихся, у которых хотя бы один родитель имеет высшее образование",
            Unit.SHARE, Kind.CONTEXT, Adverse.LOWER),
    STAFF_SHORTAGE_SHARE("staff_shortage_share", "Доля вакантных ставок педагогических работников (дефицит кадров)",
            Unit.SHARE, Kind.CONTEXT, Adverse.HIGHER),
    TEACHERS_NO_CATEGORY_SHARE("teachers_no_category_share", "Доля педагогов без квалификационной категории",
            Unit.SHARE, Kind.CONTEXT, Adverse.HIGHER),
    TEACHERS_NO_HIGHER_ED_SHARE("teachers_no_higher_ed_share", "Доля педагогов без высшего образования",
            Unit.SHARE, Kind.CONTEXT, Adverse.HIGHER),
    REMOTENESS_KM("remoteness_km", "Удалённость от регионального центра",
            Unit.KILOMETRES, Kind.CONTEXT, Adverse.HIGHER),
    MATERIAL_BASE_INDEX("material_base_index", "Индекс материально-технической базы (1 — полностью оснащена)",
            Unit.INDEX, Kind.CONTEXT, Adverse.LOWER),
    LEARNING_DIFFICULTIES_SHARE("learning_difficulties_share", "Доля обучающихся с трудностями в обучении",
            Unit.SHARE, Kind.CONTEXT, Adverse.HIGHER),
    PARENTAL_INVOLVEMENT_INDEX("parental_involvement_index", "Индекс вовлечённости родителей в жизнь школы",
            Unit.INDEX, Kind.CONTEXT, Adverse.LOWER),
    OLYMPIAD_PARTICIPATION_SHARE("olympiad_participation_share", "Доля обучающихся — участников муниципального этапа ВсОШ",
            Unit.SHARE, Kind.OUTCOME, null),
    GRADE10_CONTINUATION_SHARE("grade10_continuation_share", "Доля выпускников 9 классов, продолживших обучение в 10 классе",
            Unit.SHARE, Kind.OUTCOME, null),
    // Resources of the Kirov ШНСУ definition that the context list lacked (staff and material ones are above).
    FUNDING_PROVISION_INDEX("funding_provision_index",
            "Индекс финансового обеспечения (расходы на обучающегося к нормативу; 1 — не ниже норматива)",
            Unit.INDEX, Kind.RESOURCE, Adverse.LOWER),
    METHODICAL_SUPPORT_INDEX("methodical_support_index",
            "Индекс методического обеспечения (методические объединения, сопровождение, повышение квалификации; 1 — полностью обеспечена)",
            Unit.INDEX, Kind.RESOURCE, Adverse.LOWER),
    // Outcomes the monitoring indicators need (issue 16; docs/monitoring.md «Indicators»).
    OLYMPIAD_WINNERS_SHARE("olympiad_winners_share", "Доля победителей и призёров среди участников муниципального этапа ВсОШ",
            Unit.SHARE, Kind.OUTCOME, null),
    INDIVIDUAL_ROUTE_SHARE("individual_route_share", "Доля обучающихся с индивидуальными образовательными маршрутами",
            Unit.SHARE, Kind.OUTCOME, null),
    ADDITIONAL_EDUCATION_SHARE("additional_education_share", "Доля обучающихся, охваченных дополнительным образованием",
            Unit.SHARE, Kind.OUTCOME, null),
    MODERN_METHODS_TEACHERS_SHARE("modern_methods_teachers_share",
            "Доля педагогов, использующих современные методические приёмы, технологии, подходы",
            Unit.SHARE, Kind.OUTCOME, null);

    /**
     * CONTEXT: the conditions a school works in; OUTCOME: results other than test scores; RESOURCE: the
     * school's own financial and methodical resources (Kirov's resource condition of ШНСУ), kept out of
     * the social context index because a school's funding is not its pupils' background.
     */
    public enum Kind { CONTEXT, OUTCOME, RESOURCE }

    /** Which direction of a CONTEXT indicator makes a school's conditions worse. */
    public enum Adverse { HIGHER, LOWER }

    /** Unit and the range a value must lie in. */
    public enum Unit {
        SHARE("доля", 0, 1),
        INDEX("индекс", 0, 1),
        // Generous upper bound: the farthest settlements of large northern regions are ~2,000 km away.
        KILOMETRES("км", 0, 5000);

        private final String label;
        private final double min;
        private final double max;

        Unit(String label, double min, double max) {
            this.label = label;
            this.min = min;
            this.max = max;
        }

        public String label() {
            return label;
        }

        public double min() {
            return min;
        }

        public double max() {
            return max;
        }
    }

    private static final Map<String, Indicator> BY_CODE = new HashMap<>();

    static {
        for (Indicator value : values()) {
            BY_CODE.put(value.code, value);
        }
    }

    private final String code;
    private final String label;
    private final Unit unit;
    private final Kind kind;
    private final Adverse adverse;

    Indicator(String code, String label, Unit unit, Kind kind, @Nullable Adverse adverse) {
        this.code = code;
        this.label = label;
        this.unit = unit;
        this.kind = kind;
        this.adverse = adverse;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    public Kind kind() {
        return kind;
    }

    /** The adverse direction of a CONTEXT or RESOURCE indicator; null for OUTCOME indicators (higher is better). */
    @Nullable
    public Adverse adverse() {
        return adverse;
    }

    public boolean inRange(double value) {
        return value >= unit.min && value <= unit.max;
    }

    public static Optional<Indicator> fromCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
