package org.opora.support.recommendations;

/** What the caller may do with a recommendation now (the page shows the matching form). */
public enum RecommendationAction {
    ANSWER,
    CLOSE
}
