package org.opora.pairing.pairs;

import org.opora.platform.errors.ApiException;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a network pair and the only place that says which transitions are allowed:
 * PROPOSED → AGREED → ACTIVE → COMPLETED, and CANCELLED from any non-final state.
 */
public enum PairStatus {
    PROPOSED("предложена"),
    AGREED("согласована"),
    ACTIVE("действует"),
    COMPLETED("завершена"),
    CANCELLED("отменена");

    /** States in which a pair occupies its leader's capacity and blocks another pair for its mentee. */
    public static final Set<PairStatus> OPEN = EnumSet.of(PROPOSED, AGREED, ACTIVE);

    private final String label;

    PairStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public Set<PairStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(AGREED, CANCELLED);
            case AGREED -> EnumSet.of(ACTIVE, CANCELLED);
            case ACTIVE -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(PairStatus.class);
        };
    }

    public boolean canMoveTo(PairStatus target) {
        return next().contains(target);
    }

    /** Refuses a transition that the life cycle does not allow, with a message naming both states. */
    public void requireMoveTo(PairStatus target) {
        if (canMoveTo(target)) {
            return;
        }
        String allowed = next().isEmpty() ? "пара находится в конечном состоянии"
                : "из этого состояния возможно: " + String.join(", ", next().stream().map(s -> "«" + s.label + "»").toList());
        throw ApiException.conflict("Недопустимый переход: пара «" + label + "», нельзя перевести в «" + target.label
                + "» (" + allowed + "). Ничего не изменено.");
    }

    /** Whether the joint action plan may still be edited. */
    public boolean planEditable() {
        return isOpen();
    }
}
