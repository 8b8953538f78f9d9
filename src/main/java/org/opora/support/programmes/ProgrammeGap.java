package org.opora.support.programmes;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** A ШНОР/ШНСУ school whose programme needs its coordinator, and why. */
public record ProgrammeGap(String schoolId, List<String> statuses, Kind kind, @Nullable SchoolProgramme programme,
                           int overdueMeasures) {

    public enum Kind {
        NO_PROGRAMME("Нет действующей программы"),
        OVERDUE("Программа просрочена"),
        AWAITING_AGREEMENT("Ожидает согласования");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String kindLabel() {
        return kind.label();
    }
}
