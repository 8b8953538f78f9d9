package org.opora.mentoring.associations;

/** A methodological association (методическое объединение) or a network community (сетевое сообщество). */
public enum AssociationKind {
    METHODOLOGICAL_ASSOCIATION, NETWORK_COMMUNITY
}
