package org.opora.practice;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A practice as read from Neo4j, before derivation: its own properties, its author school, its adoptions and the
 * assessment results of the adopting schools (for their outcomes).
 */
public record StoredPractice(Map<String, Object> properties, SchoolRef authorSchool, List<Adoption> adoptions) {

    /** {@code (:School)-[:ADOPTED {date, note}]->(:Practice)}. */
    public record Adoption(SchoolRef school, LocalDate date, String note, String recordedBy) {
    }
}
