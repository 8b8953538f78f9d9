package org.opora.practice;

/**
 * Published after a practice write has committed (its outbox entry in the same transaction): the search index
 * listens and indexes it, so the practice feature does not depend on search.
 */
public record PracticeChanged() {
}
