package org.opora.school;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

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
                     CurrentIdentification identification) {

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

}
