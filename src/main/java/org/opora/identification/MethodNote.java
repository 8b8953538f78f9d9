package org.opora.identification;

/**
 * What a run says about one method on the region's data: whether it could apply and, if not or only
 * in part, why (one year of data, other subjects, missing indicators...), so that a run never finds
 * nothing in silence.
 */
public record MethodNote(IdentificationMethod method, boolean applied, String message) {
}
