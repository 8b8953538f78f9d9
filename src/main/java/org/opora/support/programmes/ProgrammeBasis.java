package org.opora.support.programmes;

import io.micronaut.core.annotation.Nullable;
import org.opora.school.School;

import java.util.List;

/** What a programme of the school may be tied to: its current statuses and risk factors (MEDIUM or HIGH). */
public record ProgrammeBasis(School school, List<Item> statuses, List<Item> riskFactors) {

    public record Item(GoalBasisKind basisKind, String code, String label, @Nullable String level) {
    }

    public boolean allows(GoalBasisKind kind, String code) {
        return (kind == GoalBasisKind.STATUS ? statuses : riskFactors).stream().anyMatch(i -> i.code().equals(code));
    }
}
