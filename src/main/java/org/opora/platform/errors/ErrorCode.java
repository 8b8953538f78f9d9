package org.opora.platform.errors;

/** Stable codes that clients read from {@code errors[].extensions.code}. */
public enum ErrorCode {
    BAD_USER_INPUT,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    INTERNAL,
    /** The query is refused before it runs: too deep, too many fields or aliases, or too costly. */
    QUERY_TOO_COMPLEX,
    /** The request used up its time budget; the data resolved so far is returned. */
    QUERY_TIMEOUT,
    /** The search engine does not answer; everything else works and writes become searchable once it is back. */
    SEARCH_UNAVAILABLE
}
