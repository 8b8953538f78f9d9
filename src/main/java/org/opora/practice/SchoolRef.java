package org.opora.practice;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.opora.school.School;

/** The school fields a practice shows about its author or adopting school (read from the school graph). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchoolRef(String id, String name, String type, String locality, String regionId, String municipalityId,
                        String municipalityName) {

    /** The fields of the school read model a practice shows (and indexes). */
    public static SchoolRef of(School school) {
        return new SchoolRef(school.id(), school.name(), school.type(), school.locality(), school.regionId(),
                school.municipalityId(), school.municipalityName());
    }
}
