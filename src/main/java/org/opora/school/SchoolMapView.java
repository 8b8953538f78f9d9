package org.opora.school;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Transitional, read-only: lets code that still reads a school as {@code Map<String, Object>} (the mentoring
 * feature's {@code School.teachers} fetcher, until it reads the {@link School} record) accept a {@link School}.
 * Remove with the last {@code (Map) env.getSource()} of a school. graphql-java resolves a Map source's fields by
 * key, so {@link #asMap()} carries every scalar field of the GraphQL {@code School} type.
 */
interface SchoolMapView extends Map<String, Object> {

    Map<String, Object> asMap();

    @Override
    default int size() {
        return asMap().size();
    }

    @Override
    default boolean isEmpty() {
        return false;
    }

    @Override
    default boolean containsKey(Object key) {
        return asMap().containsKey(key);
    }

    @Override
    default boolean containsValue(Object value) {
        return asMap().containsValue(value);
    }

    @Override
    default Object get(Object key) {
        return asMap().get(key);
    }

    @Override
    default Object put(String key, Object value) {
        throw new UnsupportedOperationException("A school is read-only");
    }

    @Override
    default Object remove(Object key) {
        throw new UnsupportedOperationException("A school is read-only");
    }

    @Override
    default void putAll(Map<? extends String, ?> m) {
        throw new UnsupportedOperationException("A school is read-only");
    }

    @Override
    default void clear() {
        throw new UnsupportedOperationException("A school is read-only");
    }

    @Override
    default Set<String> keySet() {
        return asMap().keySet();
    }

    @Override
    default Collection<Object> values() {
        return asMap().values();
    }

    @Override
    default Set<Entry<String, Object>> entrySet() {
        return asMap().entrySet();
    }
}
