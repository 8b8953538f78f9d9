package org.opora.platform.graphql;

import org.opora.platform.errors.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Relay-style connections over keyset pagination: a cursor is the opaque encoding of the sort key
 * of the last item, so page N costs the same as page 1. Repositories fetch {@code first + 1} rows
 * to learn whether there is a next page.
 */
public final class Connections {

    public static final int MAX_PAGE = 200;
    private static final String SEPARATOR = "\u001f";

    private Connections() {
    }

    public static int pageSize(Integer first) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_PAGE) {
            throw ApiException.badInput("first: от 1 до " + MAX_PAGE + ", получено " + size);
        }
        return size;
    }

    public static String encode(String... sortKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, sortKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key parts of a cursor, or null for no cursor. */
    public static String[] decode(String cursor, int parts) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (key.length != parts) {
                throw new IllegalArgumentException();
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput("after: недействительный курсор");
        }
    }

    /** Builds {edges, pageInfo, totalCount} from up to {@code pageSize + 1} fetched items. */
    public static <T> Map<String, Object> of(List<T> fetched, int pageSize, long totalCount, Function<T, String> cursorOf) {
        boolean hasNext = fetched.size() > pageSize;
        List<T> page = hasNext ? fetched.subList(0, pageSize) : fetched;
        List<Map<String, Object>> edges = new ArrayList<>(page.size());
        for (T item : page) {
            edges.add(Map.of("cursor", cursorOf.apply(item), "node", item));
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", hasNext);
        pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("edges", edges);
        connection.put("pageInfo", pageInfo);
        connection.put("totalCount", totalCount);
        return connection;
    }
}
