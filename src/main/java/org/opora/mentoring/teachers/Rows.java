package org.opora.mentoring.teachers;

import org.neo4j.driver.Value;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Null-aware reads of Cypher values for the mentoring repositories' row mapping. */
public final class Rows {

    private Rows() {
    }

    public static String string(Value value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    public static LocalDate date(Value value) {
        return value == null || value.isNull() ? null : value.asLocalDate();
    }

    public static Integer integer(Value value) {
        return value == null || value.isNull() ? null : value.asInt();
    }

    public static int integer(Value value, int fallback) {
        return value == null || value.isNull() ? fallback : value.asInt();
    }

    public static boolean bool(Value value) {
        return value != null && !value.isNull() && value.asBoolean();
    }

    public static List<String> strings(Value value) {
        return value == null || value.isNull() ? List.of() : value.asList(Value::asString);
    }

    public static <E extends Enum<E>> E enumValue(Value value, Class<E> type) {
        return value == null || value.isNull() ? null : Enum.valueOf(type, value.asString());
    }

    public static <T> List<T> list(Value value, Function<Value, T> mapping) {
        return value == null || value.isNull() ? List.of() : value.asList(mapping::apply);
    }

    /** A batch query's rows grouped by key, in row order; every key asked for gets a list, empty without rows. */
    public static <V> Map<String, List<V>> groupedBy(Collection<String> keys, List<Map.Entry<String, V>> rows) {
        Map<String, List<V>> grouped = new HashMap<>();
        keys.forEach(key -> grouped.put(key, new ArrayList<>()));
        rows.forEach(row -> grouped.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue()));
        return grouped;
    }
}
