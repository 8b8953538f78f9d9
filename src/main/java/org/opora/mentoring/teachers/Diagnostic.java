package org.opora.mentoring.teachers;

import java.time.LocalDate;
import java.util.List;

/** A diagnostic of a teacher's professional deficits (personal data). */
public record Diagnostic(String id, LocalDate date, String instrument, List<Deficit> deficits) {
}
