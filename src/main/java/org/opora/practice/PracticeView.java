package org.opora.practice;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A practice as read from Neo4j at one version, with what is derived from the graph (author school, adoptions,
 * evidence level). It is both the GraphQL {@code Practice} and the {@code _source} of the search document
 * (plus the index-only fields of {@link PracticeDocuments#toIndexDocument}). Dates are ISO-8601 strings.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PracticeView(
        String id,
        String title,
        String summary,
        String description,
        List<String> subjects,
        List<Integer> grades,
        String level,
        List<String> riskFactors,
        List<String> authors,
        String resources,
        String evidenceSummary,
        List<EvidenceItem> evidence,
        String evidenceLevel,
        double evidenceScore,
        String status,
        String rejectionReason,
        String createdBy,
        String createdAt,
        String updatedAt,
        String submittedAt,
        String reviewedBy,
        String reviewedAt,
        String publishedAt,
        long version,
        SchoolRef authorSchool,
        String regionId,
        String municipalityId,
        int adoptionCount,
        int improvedAdoptionCount) {

    public PracticeStatus statusEnum() {
        return PracticeStatus.valueOf(status);
    }
}
