package org.opora.support.events;

/** In person, online, or both. */
public enum EventFormat {
    IN_PERSON, ONLINE, MIXED
}
