package org.opora.practice;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The school fields a practice shows about its author or adopting school (read from the school graph). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchoolRef(String id, String name, String type, String locality, String regionId, String municipalityId,
                        String municipalityName) {
}
