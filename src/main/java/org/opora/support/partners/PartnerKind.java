package org.opora.support.partners;

/** Kinds of non-school organisations that support schools. */
public enum PartnerKind {
    ADDITIONAL_EDUCATION("Организация дополнительного образования"),
    COLLEGE("Колледж"),
    UNIVERSITY("Вуз"),
    EMPLOYER("Работодатель"),
    CULTURE("Учреждение культуры"),
    OTHER("Другая организация");

    private final String label;

    PartnerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
