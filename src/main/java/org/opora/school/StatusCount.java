package org.opora.school;

import java.util.ArrayList;
import java.util.List;

/** How many schools carry a status (GraphQL {@code StatusCount}). */
public record StatusCount(SchoolStatus status, long count) {

    public String label() {
        return status.label();
    }

    /** One count per status, in {@link SchoolStatus} order; {@code counts} is indexed by ordinal. */
    public static List<StatusCount> of(long[] counts) {
        List<StatusCount> result = new ArrayList<>();
        for (SchoolStatus status : SchoolStatus.values()) {
            result.add(new StatusCount(status, counts[status.ordinal()]));
        }
        return result;
    }
}
