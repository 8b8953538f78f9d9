package org.opora.mentoring.relations;

import org.opora.mentoring.teachers.CompetenceArea;
import org.opora.mentoring.teachers.Teacher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A possible mentor for a teacher: the score (0–100), the deficits covered, the reasons and the score's parts. */
public record MentorSuggestion(Teacher mentor, double score, List<CompetenceArea> coveredDeficits, long freeSlots,
                               List<String> reasons, Factors parts) {

    /** The parts of the score. */
    public record Factors(double coverage, double coverageScore, double subjectScore, double placeScore, double leaderScore,
                          double loadScore, long load, long capacity) {
    }

    /** The API's free-form {@code factors} JSON object, from {@link #parts}. */
    public Map<String, Object> factors() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("coverage", parts.coverage());
        json.put("coverageScore", parts.coverageScore());
        json.put("subjectScore", parts.subjectScore());
        json.put("placeScore", parts.placeScore());
        json.put("leaderScore", parts.leaderScore());
        json.put("loadScore", parts.loadScore());
        json.put("load", parts.load());
        json.put("capacity", parts.capacity());
        return json;
    }
}
