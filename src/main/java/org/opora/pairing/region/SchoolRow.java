package org.opora.pairing.region;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** One school as the pairing engine reads it from the schools graph and the last identification run. */
public record SchoolRow(String id,
                        @Nullable String regionId,
                        String name,
                        @Nullable String municipalityId,
                        @Nullable String type,
                        @Nullable String locality,
                        @Nullable Double enrolment,
                        @Nullable Boolean smallSchool,
                        @Nullable Double latitude,
                        @Nullable Double longitude,
                        List<String> statuses,
                        @Nullable Double resultsIndex,
                        @Nullable Double contextIndex,
                        @Nullable Double residual,
                        @Nullable Double subjectIndexRussian,
                        @Nullable Double subjectIndexMathematics) {

    /** One context indicator value of a school in one year. */
    public record Indicator(String schoolId, String code, int year, double value) {
    }
}
