package org.opora.practice.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        List<List<String>> rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            column.put(rows.get(0).get(i).strip().replace("\uFEFF", ""), i);
        }
        for (String required : List.of("school_id", "name", "region_id", "municipality_id", "type")) {
            if (!column.containsKey(required)) {
                throw new IOException(file + ": no column " + required);
            }
        }
        List<SeedSchool> schools = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() < 2) {
                continue;
            }
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

    /** Minimal RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
    static final class Csv {
        private Csv() {
        }

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }

        static String quote(String value) {
            if (value == null) {
                return "";
            }
            return value.contains(",") || value.contains("\"") || value.contains("\n")
                    ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        }
    }
}
