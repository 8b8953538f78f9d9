package org.opora.pairing.region;

import java.util.Arrays;
import java.util.Optional;

/**
 * The social-context indicators (IndicatorValue codes) the context similarity is computed on.
 * Values are oriented so that a higher standardised value always means more adverse conditions;
 * remoteness is log-transformed before standardising because a few very remote schools would
 * otherwise dominate its spread.
 */
public enum ContextFeature {
    LOW_INCOME("low_income_share", "Доля обучающихся из малоимущих семей", false, false),
    DIFFICULT_SITUATION("difficult_situation_share", "Доля детей в трудной жизненной ситуации", false, false),
    SPECIAL_NEEDS("special_needs_share", "Доля обучающихся с ОВЗ", false, false),
    NON_NATIVE("non_native_share", "Доля обучающихся с неродным русским языком", false, false),
    REGISTERED("registered_share", "Доля обучающихся, состоящих на учёте", false, false),
    PARENTS_HIGHER_ED("parents_higher_ed_share", "Доля обучающихся с родителями с высшим образованием", true, false),
    STAFF_SHORTAGE("staff_shortage_share", "Дефицит педагогических кадров", false, false),
    TEACHERS_NO_CATEGORY("teachers_no_category_share", "Доля педагогов без квалификационной категории", false, false),
    TEACHERS_NO_HIGHER_ED("teachers_no_higher_ed_share", "Доля педагогов без высшего образования", false, false),
    REMOTENESS("remoteness_km", "Удалённость от регионального центра, км", false, true),
    MATERIAL_BASE("material_base_index", "Индекс материально-технической базы", true, false),
    LEARNING_DIFFICULTIES("learning_difficulties_share", "Доля обучающихся с трудностями в обучении", false, false),
    PARENTAL_INVOLVEMENT("parental_involvement_index", "Индекс вовлечённости родителей", true, false);

    private static final ContextFeature[] ALL = values();

    private final String code;
    private final String label;
    private final boolean favourableHigher;
    private final boolean logScale;

    ContextFeature(String code, String label, boolean favourableHigher, boolean logScale) {
        this.code = code;
        this.label = label;
        this.favourableHigher = favourableHigher;
        this.logScale = logScale;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean favourableHigher() {
        return favourableHigher;
    }

    /** The value that gets standardised: log(1 + x) for remoteness, sign flipped when higher is favourable. */
    double transform(double raw) {
        double value = logScale ? Math.log1p(Math.max(0, raw)) : raw;
        return favourableHigher ? -value : value;
    }

    static ContextFeature[] all() {
        return ALL;
    }

    public static Optional<ContextFeature> fromCode(String code) {
        return Arrays.stream(ALL).filter(f -> f.code.equals(code)).findFirst();
    }
}
