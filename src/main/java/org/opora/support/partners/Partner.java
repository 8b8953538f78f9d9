package org.opora.support.partners;

import io.micronaut.core.annotation.Nullable;

import java.time.ZonedDateTime;

/** A non-school organisation of the catalogue: of a whole region (municipalityId null) or of one municipality. */
public record Partner(String id, String regionId, @Nullable String municipalityId, PartnerKind kind, String name,
                      @Nullable String offer, @Nullable String contact, ZonedDateTime createdAt, String createdBy) {

    public String kindLabel() {
        return kind.label();
    }
}
