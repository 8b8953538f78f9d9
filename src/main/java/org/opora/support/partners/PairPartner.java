package org.opora.support.partners;

import io.micronaut.core.annotation.Nullable;

/** A partner party to a network pair's agreement, with what it does there. */
public record PairPartner(Partner partner, @Nullable String role) {
}
