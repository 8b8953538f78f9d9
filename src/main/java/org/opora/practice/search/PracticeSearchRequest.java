package org.opora.practice.search;

import java.util.List;

/**
 * A search in the practice bank.
 *
 * @param query free text: Russian morphology, typos and prefixes of the last word are tolerated; text in double
 *              quotes must occur as a phrase, {@code -word} excludes, «8 класс» names grades (see {@link PracticeQuery})
 * @param first page size (1..100)
 * @param after cursor of the last hit of the previous page
 */
public record PracticeSearchRequest(String query, Filter filter, Sort sort, int first, String after) {

    public enum Sort {
        /** Best match first (then stronger evidence). */
        RELEVANCE,
        /** Strongest evidence of effect first (then best match). */
        EVIDENCE,
        /** Most recently published first. */
        NEWEST
    }

    /**
     * Facet filters (values within one facet are alternatives, facets combine with AND) and plain restrictions.
     *
     * @param mine only practices the caller created
     */
    public record Filter(List<String> subjects, List<Integer> grades, List<String> riskFactors, List<String> levels,
                         List<String> municipalityIds, List<String> evidenceLevels, List<String> statuses,
                         String regionId, String authorSchoolId, boolean mine) {

        public static final Filter NONE = new Filter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                null, null, false);
    }
}
