package org.opora.identification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import org.opora.school.SchoolStatus;

import java.util.Map;

/**
 * A stored {@link Assessment.Finding}, as read back from a run (GraphQL {@code StatusFinding}). {@code evidence} is the
 * method's own numbers, a free-form JSON document. Runs stored before method combinations existed have no
 * {@code decisive}: every finding of theirs counted.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatusFinding(SchoolStatus status, IdentificationMethod method, String explanation, Map<String, Object> evidence,
                            @Nullable Boolean decisive) {

    public StatusFinding {
        decisive = decisive == null || decisive;
        evidence = evidence == null ? Map.of() : evidence;
    }

    public String label() {
        return status.label();
    }
}
