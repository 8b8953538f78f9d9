package org.opora.school.importing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The three import files, their standard names and their columns (see docs/data-formats.md). */
public enum FileKind {
    SCHOOLS("schools.csv", List.of("school_id", "name", "region_id", "region_name", "municipality_id", "municipality_name", "type"),
            List.of("locality", "enrolment", "small_school", "latitude", "longitude")),
    RESULTS("results.csv", List.of("school_id", "year", "procedure", "subject", "grade", "participants", "mean_score"),
            List.of("share_failing", "share_high")),
    INDICATORS("indicators.csv", List.of("school_id", "year", "indicator", "value"), List.of());

    private final String fileName;
    private final List<String> requiredColumns;
    private final List<String> optionalColumns;

    FileKind(String fileName, List<String> requiredColumns, List<String> optionalColumns) {
        this.fileName = fileName;
        this.requiredColumns = requiredColumns;
        this.optionalColumns = optionalColumns;
    }

    public String fileName() {
        return fileName;
    }

    /** Columns that must be in the header and must have a value in every row. */
    public List<String> requiredColumns() {
        return requiredColumns;
    }

    /** Columns that may be left out of the header, or left empty in a row. */
    public List<String> optionalColumns() {
        return optionalColumns;
    }

    /** All columns in their documented order (the order generated files use). */
    public List<String> columns() {
        return java.util.stream.Stream.concat(requiredColumns.stream(), optionalColumns.stream()).toList();
    }

    public boolean knows(String column) {
        return requiredColumns.contains(column) || optionalColumns.contains(column);
    }

    /** Recognises a file by a column only its kind has; the rest of the header is checked later. */
    public static Optional<FileKind> detect(Collection<String> header) {
        if (header.contains("indicator")) {
            return Optional.of(INDICATORS);
        }
        if (header.contains("procedure") || header.contains("mean_score")) {
            return Optional.of(RESULTS);
        }
        if (header.contains("municipality_id") || header.contains("region_id")) {
            return Optional.of(SCHOOLS);
        }
        return Optional.empty();
    }
}
