package org.opora.pairing.pairs;

import io.micronaut.core.annotation.Nullable;

import java.time.ZonedDateTime;
import java.util.Map;

/** One entry of a pair's history: who did what and when, with the values that changed. */
public record PairEvent(long seq,
                        ZonedDateTime at,
                        String by,
                        PairEventAction action,
                        @Nullable PairStatus from,
                        @Nullable PairStatus to,
                        Map<String, Object> details) {
}
