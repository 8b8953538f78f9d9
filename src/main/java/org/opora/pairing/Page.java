package org.opora.pairing;

import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Connections;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One page of a list with offset cursors, and its GraphQL connection shape. */
record Page<T>(List<T> items, int offset, int totalCount) {

    /** The same page limit as every other list of the API. */
    static final int MAX_PAGE = Connections.MAX_PAGE;

    /** A page request from {@code first} and {@code after}: (offset, limit). */
    record Request(int offset, int limit) {
    }

    static Request request(Integer first, String after) {
        int limit = first == null ? 20 : first;
        if (limit < 0 || limit > MAX_PAGE) {
            throw ApiException.badInput("first: от 0 до " + MAX_PAGE);
        }
        return new Request(after == null ? 0 : decode(after) + 1, limit);
    }

    static <T> Page<T> of(List<T> all, Request request) {
        int from = Math.min(request.offset(), all.size());
        int to = Math.min(all.size(), from + request.limit());
        return new Page<>(new ArrayList<>(all.subList(from, to)), from, all.size());
    }

    static String cursor(int position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + position).getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("o:")) {
                throw new IllegalArgumentException();
            }
            int position = Integer.parseInt(text.substring(2));
            if (position < 0) {
                throw new IllegalArgumentException();
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput("after: неверный курсор «" + cursor + "»");
        }
    }

    /** {@code {edges: [{cursor, node}], pageInfo: {hasNextPage, endCursor}, totalCount}} plus extra fields. */
    <R> Map<String, Object> connection(Function<T, R> toNode) {
        List<Map<String, Object>> edges = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("cursor", cursor(offset + i));
            edge.put("node", toNode.apply(items.get(i)));
            edges.add(edge);
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", offset + items.size() < totalCount);
        pageInfo.put("endCursor", items.isEmpty() ? null : cursor(offset + items.size() - 1));
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("edges", edges);
        connection.put("pageInfo", pageInfo);
        connection.put("totalCount", totalCount);
        return connection;
    }
}
