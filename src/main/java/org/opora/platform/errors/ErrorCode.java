package org.opora.platform.errors;

/** Stable codes that clients read from {@code errors[].extensions.code}. */
public enum ErrorCode {
    BAD_USER_INPUT,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    INTERNAL
}
