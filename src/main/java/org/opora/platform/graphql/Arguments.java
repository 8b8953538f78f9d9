package org.opora.platform.graphql;

import org.opora.platform.errors.ApiException;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Typed, null-aware access to a GraphQL input object, with errors that name the field. */
public final class Arguments {

    private final Map<String, Object> values;

    private Arguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    public static Arguments of(Map<String, Object> values) {
        return new Arguments(values);
    }

    public String string(String name) {
        Object value = values.get(name);
        return value == null ? null : value.toString();
    }

    public String requiredString(String name) {
        String value = string(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badInput(name + ": обязательное поле не заполнено");
        }
        return value.trim();
    }

    public Integer integer(String name) {
        Object value = values.get(name);
        return value == null ? null : ((Number) value).intValue();
    }

    public int integer(String name, int fallback) {
        Integer value = integer(name);
        return value == null ? fallback : value;
    }

    public Double decimal(String name) {
        Object value = values.get(name);
        return value == null ? null : ((Number) value).doubleValue();
    }

    public Boolean bool(String name) {
        return (Boolean) values.get(name);
    }

    public LocalDate date(String name) {
        return (LocalDate) values.get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> stringList(String name) {
        Object value = values.get(name);
        return value == null ? List.of() : ((List<Object>) value).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    public Arguments nested(String name) {
        return new Arguments((Map<String, Object>) values.get(name));
    }

    @SuppressWarnings("unchecked")
    public List<Integer> intList(String name) {
        Object value = values.get(name);
        return value == null ? List.of() : ((List<Number>) value).stream().map(Number::intValue).toList();
    }

    /** A list of input objects; empty when not given. */
    @SuppressWarnings("unchecked")
    public List<Arguments> nestedList(String name) {
        Object value = values.get(name);
        return value == null ? List.of() : ((List<Map<String, Object>>) value).stream().map(Arguments::new).toList();
    }

    public boolean has(String name) {
        return values.containsKey(name) && values.get(name) != null;
    }

    public Map<String, Object> asMap() {
        return values;
    }
}
