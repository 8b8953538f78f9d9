package org.opora.identification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import org.opora.school.SchoolStatus;
import org.opora.school.StatusCount;

import java.util.List;
import java.util.Map;

/**
 * The JSON a run stores its evidence in (parameters, counts, notes, each assessment's findings and risk profile),
 * read back into typed records only when a client asks for them.
 */
@Singleton
class IdentificationJson {

    private final ObjectMapper json;

    IdentificationJson(ObjectMapper json) {
        this.json = json;
    }

    /** The run's parameters as given: a free-form document (GraphQL {@code JSON}). */
    Map<String, Object> parameters(IdentificationRun run) {
        return read(run.parametersJson(), new TypeReference<>() { });
    }

    List<StatusCount> counts(IdentificationRun run) {
        Map<String, Integer> counts = read(run.statusCountsJson(), new TypeReference<>() { });
        long[] values = new long[SchoolStatus.values().length];
        for (SchoolStatus status : SchoolStatus.values()) {
            values[status.ordinal()] = counts.getOrDefault(status.name(), 0);
        }
        return StatusCount.of(values);
    }

    List<IdentificationService.MethodCount> methodCounts(IdentificationRun run) {
        return read(run.methodCountsJson(), new TypeReference<>() { });
    }

    List<MethodNote> notes(IdentificationRun run) {
        return read(run.notesJson(), new TypeReference<>() { });
    }

    /** Per chosen subject, the mean standardised result over the window (GraphQL {@code JSON}). */
    Map<String, Double> subjectIndex(IdentificationRepository.StoredAssessment assessment) {
        return read(assessment.subjectIndexJson(), new TypeReference<>() { });
    }

    List<StatusFinding> findings(IdentificationRepository.StoredAssessment assessment) {
        return read(assessment.findingsJson(), new TypeReference<>() { });
    }

    List<Assessment.RiskFactorLevel> riskProfile(IdentificationRepository.StoredAssessment assessment) {
        return read(assessment.riskProfileJson(), new TypeReference<>() { });
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
