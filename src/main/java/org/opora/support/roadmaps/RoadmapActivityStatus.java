package org.opora.support.roadmaps;

import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an activity of a roadmap stands; the label is what the XLSX file and the page show. */
public enum RoadmapActivityStatus {
    PLANNED("Запланировано"),
    IN_PROGRESS("В работе"),
    DONE("Выполнено"),
    CANCELLED("Отменено");

    private final String label;

    RoadmapActivityStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Done and cancelled activities are closed: they are never overdue. */
    public boolean closed() {
        return this == DONE || this == CANCELLED;
    }

    /** The status a cell of an imported file names: its Russian label or the enum name, in any case. */
    public static Optional<RoadmapActivityStatus> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().replace('ё', 'е').replace('Ё', 'Е').toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.label.toLowerCase(Locale.ROOT).equals(wanted) || s.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
