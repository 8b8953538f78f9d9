package org.opora.mentoring;

import org.junit.jupiter.api.Test;
import org.opora.mentoring.relations.RelationStatus;
import org.opora.platform.errors.ApiException;
import org.opora.platform.errors.ErrorCode;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opora.mentoring.relations.RelationStatus.ACTIVE;
import static org.opora.mentoring.relations.RelationStatus.CANCELLED;
import static org.opora.mentoring.relations.RelationStatus.COMPLETED;
import static org.opora.mentoring.relations.RelationStatus.PENDING;

/** The whole transition table of a mentoring relation, allowed and refused moves. */
class RelationStatusTest {

    @Test
    void onlyTheDocumentedMovesAreAllowed() {
        Set<String> allowed = Set.of("PENDING>ACTIVE", "PENDING>CANCELLED", "ACTIVE>COMPLETED", "ACTIVE>CANCELLED");
        for (RelationStatus from : RelationStatus.values()) {
            for (RelationStatus to : RelationStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + ">" + to).isEqualTo(allowed.contains(from + ">" + to));
            }
        }
        assertThat(EnumSet.allOf(RelationStatus.class).stream().filter(RelationStatus::isFinal))
                .containsExactlyInAnyOrder(COMPLETED, CANCELLED);
        assertThat(PENDING.occupiesMentor()).isTrue();
        assertThat(ACTIVE.occupiesMentor()).isTrue();
        assertThat(COMPLETED.occupiesMentor()).isFalse();
    }

    @Test
    void refusedMoveIsAConflictWithARussianMessage() {
        assertThatThrownBy(() -> COMPLETED.requireMoveTo(ACTIVE))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessageContaining("«завершено» → «действует»");
        PENDING.requireMoveTo(ACTIVE);
    }
}
