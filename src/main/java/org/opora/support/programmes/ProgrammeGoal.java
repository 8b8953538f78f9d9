package org.opora.support.programmes;

/** A goal of a school programme, tied to a current status or risk factor of the school ({@code basis} is its code). */
public record ProgrammeGoal(String id, GoalBasisKind basisKind, String basis, String basisLabel, String text) {
}
