package org.opora.support.events;

/** The level an event is organised at; it decides whose territory the event is in. */
public enum EventLevel {
    SCHOOL, MUNICIPAL, REGIONAL, FEDERAL
}
