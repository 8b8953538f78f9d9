package org.opora.practice;

/** Review workflow: DRAFT -> SUBMITTED -> APPROVED, or REJECTED (with a reason) and back to SUBMITTED. */
public enum PracticeStatus implements Labelled {
    DRAFT("Черновик"),
    SUBMITTED("На рассмотрении"),
    APPROVED("Одобрена"),
    REJECTED("Отклонена");

    private final String label;

    PracticeStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
