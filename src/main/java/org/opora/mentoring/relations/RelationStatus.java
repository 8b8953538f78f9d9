package org.opora.mentoring.relations;

import org.opora.platform.errors.ApiException;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life cycle of a mentoring relation, the one place where transitions are decided:
 * PENDING → ACTIVE | CANCELLED, ACTIVE → COMPLETED | CANCELLED; COMPLETED and CANCELLED are final.
 */
public enum RelationStatus {
    PENDING("ожидает подтверждения"),
    ACTIVE("действует"),
    COMPLETED("завершено"),
    CANCELLED("отменено");

    private final String label;

    RelationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Set<RelationStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(ACTIVE, CANCELLED);
            case ACTIVE -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(RelationStatus.class);
        };
    }

    public boolean canMoveTo(RelationStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Relations that occupy a mentor's capacity. */
    public boolean occupiesMentor() {
        return this == PENDING || this == ACTIVE;
    }

    /** Throws CONFLICT with a message for people when the move is not allowed. */
    public void requireMoveTo(RelationStatus target) {
        if (!canMoveTo(target)) {
            throw ApiException.conflict("Недопустимый переход статуса наставничества: «" + label + "» → «"
                    + target.label + "»");
        }
    }
}
