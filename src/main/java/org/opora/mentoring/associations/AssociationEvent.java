package org.opora.mentoring.associations;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/** A seminar, round table or open lesson of an association. */
public record AssociationEvent(String id, LocalDate date, String title, @Nullable String format) {
}
