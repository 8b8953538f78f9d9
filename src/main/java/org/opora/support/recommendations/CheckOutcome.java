package org.opora.support.recommendations;

/** The result of the issuer's follow-up check that closes a recommendation. */
public enum CheckOutcome {
    DONE("Выполнена"),
    PARTLY_DONE("Выполнена частично"),
    NOT_DONE("Не выполнена");

    private final String label;

    CheckOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
