package org.opora.support.help;

import io.micronaut.core.annotation.Nullable;
import org.opora.mentoring.teachers.TerritoryPlace;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/** One act of methodological help to a school or to one of its teachers; its territory is the school's. */
public record HelpRecord(String id,
                         HelpKind kind,
                         LocalDate date,
                         String topic,
                         String result,
                         String regionId,
                         @Nullable String municipalityId,
                         String schoolId,
                         @Nullable String teacherId,
                         String givenBy,
                         String giverName,
                         ZonedDateTime recordedAt) implements TerritoryPlace {

    public String kindLabel() {
        return kind.label();
    }
}
