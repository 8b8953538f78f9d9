package org.opora.mentoring.associations;

/** The level an association works at. */
public enum AssociationLevel {
    SCHOOL, MUNICIPAL, REGIONAL, NETWORK
}
