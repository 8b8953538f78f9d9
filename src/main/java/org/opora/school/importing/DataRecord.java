package org.opora.school.importing;

import io.micronaut.core.annotation.Nullable;
import org.opora.school.Indicator;
import org.opora.school.Locality;
import org.opora.school.Procedure;
import org.opora.school.SchoolType;
import org.opora.school.Subject;

import java.util.HashMap;
import java.util.Map;

/** A validated row of one of the import files, ready to become Cypher parameters. */
public sealed interface DataRecord {

    /** The identity of the row: two rows of a file with the same key are duplicates. */
    String key();

    /**
     * The row as a Cypher parameter map. Null values are kept: they remove a stale property. The
     * school and municipality a row refers to are named {@code school} and {@code municipality},
     * not after the properties they are copied to: the planner cannot tell a map from a node, and
     * reading {@code row.schoolId} before setting {@code a.schoolId} would make it buffer every
     * batch (an Eager operator) for fear of a read/write conflict.
     */
    Map<String, Object> toParameters();

    /**
     * The node the row hangs under, which the writer groups rows by: the municipality of a school, the school of a
     * result or an indicator value.
     */
    String owner();

    /**
     * The row's node properties exactly as the graph stores them (absent optional values as null), to tell a row the
     * graph already holds unchanged from one that must be written.
     */
    Map<String, Object> properties();

    record SchoolRecord(String id, String name, String regionId, String regionName, String municipalityId,
                        String municipalityName, SchoolType type, @Nullable Locality locality,
                        @Nullable Integer enrolment, @Nullable Boolean smallSchool,
                        @Nullable Double latitude, @Nullable Double longitude) implements DataRecord {

        @Override
        public String key() {
            return id;
        }

        @Override
        public Map<String, Object> toParameters() {
            // HashMap, not Map.of: absent optional values go to Neo4j as null, which removes a stale property.
            Map<String, Object> row = new HashMap<>();
            row.put("id", id);
            row.put("name", name);
            row.put("type", type.label());
            row.put("locality", locality == null ? null : locality.label());
            row.put("enrolment", enrolment);
            row.put("smallSchool", smallSchool);
            row.put("latitude", latitude);
            row.put("longitude", longitude);
            row.put("region", regionId);
            row.put("municipality", municipalityId);
            return row;
        }

        @Override
        public String owner() {
            return municipalityId;
        }

        @Override
        public Map<String, Object> properties() {
            Map<String, Object> node = toParameters();
            node.put("regionId", node.remove("region"));
            node.put("municipalityId", node.remove("municipality"));
            return node;
        }
    }

    record ResultRecord(String schoolId, int year, Procedure procedure, Subject subject, int grade,
                        int participants, double meanScore,
                        @Nullable Double shareFailing, @Nullable Double shareHigh) implements DataRecord {

        @Override
        public String key() {
            return keyOf(schoolId, year, procedure, subject, grade);
        }

        static String keyOf(String schoolId, int year, Procedure procedure, Subject subject, int grade) {
            return schoolId + "|" + year + "|" + procedure.label() + "|" + subject.label() + "|" + grade;
        }

        @Override
        public Map<String, Object> toParameters() {
            Map<String, Object> row = new HashMap<>();
            row.put("key", key());
            row.put("school", schoolId);
            row.put("year", year);
            row.put("procedure", procedure.label());
            row.put("subject", subject.label());
            row.put("grade", grade);
            row.put("participants", participants);
            row.put("meanScore", meanScore);
            row.put("shareFailing", shareFailing);
            row.put("shareHigh", shareHigh);
            return row;
        }

        @Override
        public String owner() {
            return schoolId;
        }

        @Override
        public Map<String, Object> properties() {
            Map<String, Object> node = toParameters();
            node.put("schoolId", node.remove("school"));
            return node;
        }
    }

    record IndicatorRecord(String schoolId, int year, Indicator indicator, double value) implements DataRecord {

        @Override
        public String key() {
            return keyOf(schoolId, year, indicator);
        }

        static String keyOf(String schoolId, int year, Indicator indicator) {
            return schoolId + "|" + year + "|" + indicator.code();
        }

        @Override
        public Map<String, Object> toParameters() {
            return Map.of("key", key(), "school", schoolId, "year", year, "indicator", indicator.code(), "value", value);
        }

        @Override
        public String owner() {
            return schoolId;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("key", key(), "schoolId", schoolId, "year", year, "indicator", indicator.code(), "value", value);
        }
    }
}
