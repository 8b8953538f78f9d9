package org.opora.monitoring.indicators;

/** The two identification statuses the monitoring follows (org.opora.identification's status names). */
public enum SupportStatus {
    SHNOR("LOW_RESULTS", "ШНОР"),
    SHNSU("UNFAVOURABLE_CONTEXT", "ШНСУ");

    private final String status;
    private final String label;

    SupportStatus(String status, String label) {
        this.status = status;
        this.label = label;
    }

    /** The status name stored by identification runs. */
    public String status() {
        return status;
    }

    public String label() {
        return label;
    }
}
