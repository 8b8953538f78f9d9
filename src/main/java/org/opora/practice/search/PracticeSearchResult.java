package org.opora.practice.search;

import java.util.List;

import org.opora.practice.PracticeView;

/** One page of hits with highlights, the facet counts and the cursor to continue from. */
public record PracticeSearchResult(List<Hit> hits, boolean hasNextPage, String endCursor, long totalCount, Facets facets,
                                   long tookMs) {

    public record Hit(PracticeView practice, Double score, List<Highlight> highlights, String cursor) {
    }

    /** HTML-escaped fragments of a field with the matched words in {@code <em>…</em>}. */
    public record Highlight(String field, List<String> fragments) {
    }

    public record Bucket(String value, String label, long count, boolean selected) {
    }

    public record Facets(List<Bucket> subjects, List<Bucket> grades, List<Bucket> riskFactors, List<Bucket> levels,
                         List<Bucket> municipalities, List<Bucket> evidenceLevels, List<Bucket> statuses) {
    }

    /** A suggestion while typing: the practice and the text that matched. */
    public record Suggestion(String id, String title, String text) {
    }
}
