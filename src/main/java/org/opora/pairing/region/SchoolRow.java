package org.opora.pairing.region;

import io.micronaut.core.annotation.Nullable;
import org.opora.school.School;

import java.util.List;

/** One school as the pairing engine scores it: built from the school read model ({@link School}). */
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

    /** The pairing view of the school read model (its enrolment as a number, like every other feature it scores). */
    public static SchoolRow of(School s) {
        School.CurrentIdentification current = s.identification();
        return new SchoolRow(s.id(), s.regionId(), s.name(), s.municipalityId(), s.type(), s.locality(),
                s.enrolment() == null ? null : s.enrolment().doubleValue(), s.smallSchool(), s.latitude(), s.longitude(),
                current.statuses(), current.resultsIndex(), current.contextIndex(), current.residual(),
                current.subjectIndexRussian(), current.subjectIndexMathematics());
    }

    /** One context indicator value of a school in one year. */
    public record Indicator(String schoolId, String code, int year, double value) {
    }
}
