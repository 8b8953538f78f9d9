package org.opora.practice.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opora.platform.csv.CsvReader;

/** A school of the region's schools.csv, as far as the practice generator needs it. */
public record SeedSchool(String id, String name, String regionId, String municipalityId, String municipalityName,
                         String type, String locality) {

    public boolean rural() {
        return locality != null && locality.toLowerCase().startsWith("с");
    }

    /**
     * Reads {@code schools.csv} (columns {@code school_id,name,region_id,region_name,municipality_id,municipality_name,
     * type,locality,...}; RFC 4180 quoting), in file order.
     */
    public static List<SeedSchool> read(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader csv = new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            for (CsvReader.Record r = csv.next(); r != null; r = csv.next()) {
                if (r.problem() != null) {
                    throw new IOException(file + ", строка " + r.number() + ": " + r.problem());
                }
                if (!r.isBlank()) {
                    rows.add(r.fields());
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            column.put(rows.get(0).get(i).strip(), i);
        }
        for (String required : List.of("school_id", "name", "region_id", "municipality_id", "type")) {
            if (!column.containsKey(required)) {
                throw new IOException(file + ": no column " + required);
            }
        }
        List<SeedSchool> schools = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            schools.add(new SeedSchool(get(row, column, "school_id"), get(row, column, "name"), get(row, column, "region_id"),
                    get(row, column, "municipality_id"), get(row, column, "municipality_name"), get(row, column, "type"),
                    get(row, column, "locality")));
        }
        return schools;
    }

    private static String get(List<String> row, Map<String, Integer> column, String name) {
        Integer i = column.get(name);
        return i == null || i >= row.size() || row.get(i).isBlank() ? null : row.get(i).strip();
    }
}
