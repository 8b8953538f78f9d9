package org.opora.school;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Urban or rural settlement, the distinction regional statistics use for schools. */
public enum Locality {
    CITY("город"),
    VILLAGE("село");

    private static final Map<String, Locality> BY_LABEL = new HashMap<>();

    static {
        for (Locality value : values()) {
            BY_LABEL.put(value.label, value);
        }
    }

    private final String label;

    Locality(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Locality> fromLabel(String label) {
        return Optional.ofNullable(BY_LABEL.get(label));
    }
}
