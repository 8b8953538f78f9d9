package org.opora.school;

import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A school as every feature reads it: its passport from schools.csv, its territory (ids and names) and the
 * region's current identification copied onto it. The one projection of a {@code (:School)} node; read it with
 * {@link SchoolDirectory}, or in a GraphQL child field with the request's {@link SchoolDirectory#LOADER} loader.
 */
public record School(String id,
                     String name,
                     @Nullable String type,
                     @Nullable String locality,
                     @Nullable Integer enrolment,
                     @Nullable Boolean smallSchool,
                     @Nullable Double latitude,
                     @Nullable Double longitude,
                     @Nullable String regionId,
                     @Nullable String regionName,
                     @Nullable String municipalityId,
                     @Nullable String municipalityName,
                     CurrentIdentification identification) implements SchoolMapView {

    /**
     * What the region's newest identification run concluded about the school (written only by the
     * identification feature, see {@code IdentificationRepository#save}); empty before the first run.
     */
    public record CurrentIdentification(@Nullable String runId,
                                        List<String> statuses,
                                        @Nullable Double resultsIndex,
                                        @Nullable Double contextIndex,
                                        @Nullable Double residual,
                                        @Nullable Double subjectIndexRussian,
                                        @Nullable Double subjectIndexMathematics) {
    }

    /** Current statuses (names), from the region's latest identification run. */
    public List<String> currentStatuses() {
        return identification.statuses();
    }

    /** The run the current statuses come from; null before the region's first run. */
    public @Nullable String identificationRunId() {
        return identification.runId();
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("name", name);
        map.put("type", type);
        map.put("locality", locality);
        map.put("enrolment", enrolment);
        map.put("smallSchool", smallSchool);
        map.put("latitude", latitude);
        map.put("longitude", longitude);
        map.put("regionId", regionId);
        map.put("regionName", regionName);
        map.put("municipalityId", municipalityId);
        map.put("municipalityName", municipalityName);
        map.put("identificationRunId", identification.runId());
        map.put("currentStatuses", identification.statuses());
        return map;
    }
}
