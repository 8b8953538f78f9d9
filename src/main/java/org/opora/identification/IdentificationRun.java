package org.opora.identification;

import org.neo4j.driver.Value;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A stored identification run: its parameters, who made it, and the regression it fitted. */
public record IdentificationRun(String id, String regionId, int year, int years, List<String> methods,
                                String parametersJson, OffsetDateTime createdAt, String createdBy,
                                int schoolsAssessed, String statusCountsJson, double intercept, double slope,
                                double r2, Double residualSd, int regressionSchools, String notesJson,
                                String methodCountsJson, List<String> contextIndicators) {

    /** results index = intercept + slope × context index, fitted over the region's schools (GraphQL {@code Regression}). */
    public record Regression(double intercept, double slope, double r2, Double residualSd, int schools) {
    }

    public Regression regression() {
        return new Regression(intercept, slope, r2, residualSd, regressionSchools);
    }

    Map<String, Object> toParameters() {
        Map<String, Object> map = new HashMap<>();
        map.put("id", id);
        map.put("regionId", regionId);
        map.put("year", year);
        map.put("years", years);
        map.put("methods", methods);
        map.put("parametersJson", parametersJson);
        map.put("createdAt", createdAt.toString());
        map.put("createdBy", createdBy);
        map.put("schoolsAssessed", schoolsAssessed);
        map.put("countsJson", statusCountsJson);
        map.put("intercept", intercept);
        map.put("slope", slope);
        map.put("r2", r2);
        map.put("residualSd", residualSd);
        map.put("regressionSchools", regressionSchools);
        map.put("notesJson", notesJson);
        map.put("methodCountsJson", methodCountsJson);
        map.put("contextIndicators", contextIndicators);
        return map;
    }

    static IdentificationRun from(Value run) {
        return new IdentificationRun(run.get("id").asString(), run.get("regionId").asString(), run.get("year").asInt(),
                run.get("years").asInt(), run.get("methods").asList(Value::asString), run.get("parametersJson").asString(),
                run.get("createdAt").asZonedDateTime().toOffsetDateTime(), run.get("createdBy").asString(),
                run.get("schoolsAssessed").asInt(), run.get("statusCountsJson").asString(), run.get("intercept").asDouble(),
                run.get("slope").asDouble(), run.get("r2").asDouble(),
                run.get("residualSd").isNull() ? null : run.get("residualSd").asDouble(), run.get("regressionSchools").asInt(),
                // Runs stored before notes and per-method counts existed have neither.
                run.get("notesJson").asString("[]"), run.get("methodCountsJson").asString("[]"),
                run.get("contextIndicators").isNull() ? List.of() : run.get("contextIndicators").asList(Value::asString));
    }
}
