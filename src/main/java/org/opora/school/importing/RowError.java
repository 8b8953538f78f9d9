package org.opora.school.importing;

import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One problem found in an import file. {@code row} counts records from 1 (the header row), as a
 * spreadsheet does; {@code column} is null when the problem concerns the whole row or file.
 * Reasons are in Russian: they are shown to the regional staff who prepared the file.
 */
public record RowError(FileKind kind, long row, @Nullable String column, String reason) {

    /** E.g. {@code results.csv, строка 17, столбец mean_score: не число: "abc"}. */
    @Override
    public String toString() {
        return kind.fileName() + ", строка " + row + (column != null ? ", столбец " + column : "") + ": " + reason;
    }

    /** The structured form handed to API clients. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("file", kind.fileName());
        map.put("row", row);
        map.put("column", column);
        map.put("reason", reason);
        return map;
    }
}
