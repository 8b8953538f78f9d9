package org.opora.mentoring.relations;

import org.opora.mentoring.teachers.Teacher;

import java.util.List;

/** A region-wide matching proposal (nothing is written) and the greedy baseline on the same scores. */
public record MentorMatching(String regionId, List<Assignment> assignments, List<Teacher> unmatched, double totalScore,
                             Baseline greedy) {

    public record Assignment(Teacher mentee, MentorSuggestion suggestion) {
    }

    public record Baseline(int pairedCount, double totalScore) {
    }
}
