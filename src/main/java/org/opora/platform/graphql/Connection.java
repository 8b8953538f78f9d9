package org.opora.platform.graphql;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.errors.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in the Relay connection shape every list of the API uses. Cursors are keyset
 * cursors: the opaque encoding of the last item's sort key, so page N costs the same as page 1 and an
 * insert before the cursor does not shift the next page. Repositories fetch {@code size + 1} rows to learn
 * whether there is a next page.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    /** The one size limit of every list. */
    public static final int MAX_PAGE = 200;
    private static final int DEFAULT_PAGE = 20;
    private static final String SEPARATOR = "\u001f";

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, @Nullable String endCursor) {
    }

    /**
     * What a client asked for: {@code size} items after the item whose sort key is {@code after}
     * (null for the first page).
     */
    public record Request(int size, @Nullable List<String> after) {

        /** The first {@code size} items, no cursor. */
        public static Request first(int size) {
            return new Request(size, null);
        }

        /** Sort key part {@code i} of the cursor, or null on the first page. */
        @Nullable
        public String after(int i) {
            return after == null ? null : after.get(i);
        }

        /** How many rows a repository fetches: one more than the page, to learn whether another follows. */
        public int fetchSize() {
            return size + 1;
        }
    }

    /** Reads {@code first} and {@code after} (a cursor of {@code keyParts} sort-key parts) with the common limit. */
    public static Request request(@Nullable Integer first, @Nullable String after, int keyParts) {
        int size = first == null ? DEFAULT_PAGE : first;
        if (size < 0 || size > MAX_PAGE) {
            throw ApiException.badInput("first: от 0 до " + MAX_PAGE + ", получено " + size);
        }
        return new Request(size, decode(after, keyParts));
    }

    public static String cursor(String... sortKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, sortKey).getBytes(StandardCharsets.UTF_8));
    }

    @Nullable
    private static List<String> decode(@Nullable String cursor, int parts) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (key.length != parts) {
                throw new IllegalArgumentException();
            }
            return List.of(key);
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput("after: недействительный курсор");
        }
    }

    /** The page from up to {@code request.fetchSize()} items fetched in order after the cursor. */
    public static <T> Connection<T> of(List<T> fetched, Request request, long totalCount, Function<T, String> cursorOf) {
        boolean hasNext = fetched.size() > request.size();
        List<T> page = hasNext ? fetched.subList(0, request.size()) : fetched;
        List<Edge<T>> edges = new ArrayList<>(page.size());
        for (T item : page) {
            edges.add(new Edge<>(cursorOf.apply(item), item));
        }
        return new Connection<>(List.copyOf(edges), new PageInfo(hasNext, edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
                totalCount);
    }

    /**
     * The page of a list computed in memory (a ranking), keyed by a unique {@code idOf}: the cursor is the id of
     * the last item seen. A cursor whose item is no longer in the list is refused rather than guessed at.
     */
    public static <T> Connection<T> slice(List<T> all, Request request, Function<T, String> idOf) {
        int from = 0;
        String afterId = request.after(0);
        if (afterId != null) {
            int at = -1;
            for (int i = 0; i < all.size() && at < 0; i++) {
                if (afterId.equals(idOf.apply(all.get(i)))) {
                    at = i;
                }
            }
            if (at < 0) {
                throw ApiException.badInput("after: курсор устарел — список изменился, запросите его с начала");
            }
            from = at + 1;
        }
        List<T> fetched = all.subList(from, Math.min(all.size(), from + request.fetchSize()));
        return of(fetched, request, all.size(), item -> cursor(idOf.apply(item)));
    }

    /** The same page with each node converted (the edges keep their cursors). */
    public <R> Connection<R> map(Function<T, R> convert) {
        List<Edge<R>> converted = new ArrayList<>(edges.size());
        for (Edge<T> edge : edges) {
            converted.add(new Edge<>(edge.cursor(), convert.apply(edge.node())));
        }
        return new Connection<>(List.copyOf(converted), pageInfo, totalCount);
    }

    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }
}
