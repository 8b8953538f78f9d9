package org.opora.pairing;

import org.junit.jupiter.api.Test;
import org.opora.pairing.pairs.PairStatus;
import org.opora.platform.errors.ApiException;
import org.opora.platform.errors.ErrorCode;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opora.pairing.pairs.PairStatus.ACTIVE;
import static org.opora.pairing.pairs.PairStatus.AGREED;
import static org.opora.pairing.pairs.PairStatus.CANCELLED;
import static org.opora.pairing.pairs.PairStatus.COMPLETED;
import static org.opora.pairing.pairs.PairStatus.PROPOSED;

/** The whole transition table, allowed and forbidden. */
class PairStatusTest {

    private static final Map<PairStatus, Set<PairStatus>> ALLOWED = Map.of(
            PROPOSED, Set.of(AGREED, CANCELLED),
            AGREED, Set.of(ACTIVE, CANCELLED),
            ACTIVE, Set.of(COMPLETED, CANCELLED),
            COMPLETED, Set.of(),
            CANCELLED, Set.of());

    @Test
    void everyTransitionIsEitherAllowedOrRefusedWithConflict() {
        for (PairStatus from : PairStatus.values()) {
            for (PairStatus to : PairStatus.values()) {
                if (ALLOWED.get(from).contains(to)) {
                    assertThat(from.canMoveTo(to)).as(from + "→" + to).isTrue();
                    from.requireMoveTo(to);
                } else {
                    assertThat(from.canMoveTo(to)).as(from + "→" + to).isFalse();
                    assertThatThrownBy(() -> from.requireMoveTo(to)).isInstanceOf(ApiException.class)
                            .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(ErrorCode.CONFLICT))
                            .hasMessageContaining(to.label());
                }
            }
        }
    }

    @Test
    void openStatesHoldCapacityAndKeepThePlanEditable() {
        assertThat(PairStatus.OPEN).containsExactlyInAnyOrder(PROPOSED, AGREED, ACTIVE);
        assertThat(COMPLETED.planEditable()).isFalse();
        assertThat(CANCELLED.planEditable()).isFalse();
        assertThat(ACTIVE.planEditable()).isTrue();
    }
}
