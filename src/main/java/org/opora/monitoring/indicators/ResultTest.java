package org.opora.monitoring.indicators;

import io.micronaut.core.annotation.Nullable;

/** The procedures and subjects whose dynamics the documents follow; subject null = every subject of the procedure. */
public enum ResultTest {
    VPR_RUSSIAN("ВПР", "Русский язык", "ВПР, русский язык"),
    VPR_MATH("ВПР", "Математика", "ВПР, математика"),
    OGE_RUSSIAN("ОГЭ", "Русский язык", "ОГЭ, русский язык"),
    OGE_MATH("ОГЭ", "Математика", "ОГЭ, математика"),
    EGE_RUSSIAN("ЕГЭ", "Русский язык", "ЕГЭ, русский язык"),
    EGE_MATH("ЕГЭ", "Математика (профиль)", "ЕГЭ, математика (профиль)"),
    KDR("КДР", null, "КДР");

    private final String procedure;
    @Nullable
    private final String subject;
    private final String label;

    ResultTest(String procedure, @Nullable String subject, String label) {
        this.procedure = procedure;
        this.subject = subject;
        this.label = label;
    }

    public boolean covers(String procedure, String subject) {
        return this.procedure.equals(procedure) && (this.subject == null || this.subject.equals(subject));
    }

    public String label() {
        return label;
    }
}
