package org.opora.platform.search;

/**
 * Published when the supervisor has started the local Elasticsearch node again after a crash: writers that queued
 * index updates meanwhile (the practice outbox) drain them now instead of at their next scheduled pass.
 */
public record SearchNodeRestarted(String url, int restarts) {
}
