package org.opora.pairing.pairs;

import io.micronaut.core.annotation.Nullable;
import org.opora.pairing.region.SchoolRow;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/** A network pair (сетевая пара): a low-result school (mentee) and its leader school, with its life-cycle facts. */
public record NetworkPair(String id,
                          String regionId,
                          PairStatus status,
                          SchoolRow mentee,
                          SchoolRow leader,
                          ZonedDateTime createdAt,
                          String createdBy,
                          @Nullable ZonedDateTime updatedAt,
                          @Nullable LocalDate agreementDate,
                          @Nullable String agreementRef,
                          @Nullable LocalDate startDate,
                          @Nullable LocalDate endDate,
                          @Nullable String cancelReason,
                          @Nullable String summary,
                          @Nullable Double score,
                          @Nullable String scoreSummary,
                          @Nullable String proposalId,
                          @Nullable String note,
                          long version) {

    public String statusLabel() {
        return status.label();
    }

    public List<PairStatus> allowedTransitions() {
        return List.copyOf(status.next());
    }
}
