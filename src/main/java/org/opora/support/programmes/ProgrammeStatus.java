package org.opora.support.programmes;

import java.util.List;
import java.util.Set;

/**
 * Life cycle of a school programme: the school drafts it, the municipality agrees it (or returns it to draft), the
 * school carries it out and completes it. Every other move is refused.
 */
public enum ProgrammeStatus {
    DRAFT("Черновик"),
    AGREED("Согласована муниципалитетом"),
    IN_PROGRESS("Выполняется"),
    COMPLETED("Завершена");

    private final String label;

    ProgrammeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public List<ProgrammeStatus> next() {
        return switch (this) {
            case DRAFT -> List.of(AGREED);
            case AGREED -> List.of(IN_PROGRESS, DRAFT);
            case IN_PROGRESS -> List.of(COMPLETED);
            case COMPLETED -> List.of();
        };
    }

    public boolean canMoveTo(ProgrammeStatus target) {
        return next().contains(target);
    }

    /** A programme that binds the school: agreed or being carried out. */
    public boolean inForce() {
        return Set.of(AGREED, IN_PROGRESS).contains(this);
    }
}
