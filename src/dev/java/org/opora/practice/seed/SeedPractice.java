package org.opora.practice.seed;

import java.util.HashMap;
import java.util.Map;

import org.opora.practice.PracticeInput;
import org.opora.practice.PracticeRepository;

/**
 * One generated practice, as stored in {@code seed-data/practices/practices.jsonl}: what its author wrote, where
 * it comes from, and how far it went through the review workflow.
 */
public record SeedPractice(
        String id,
        PracticeInput content,
        String regionId,
        String municipalityId,
        String status,
        String rejectionReason,
        String createdBy,
        String createdAt,
        String submittedAt,
        String reviewedBy,
        String reviewedAt,
        String publishedAt) {

    /** A row for {@code PracticeRepository.importPractices}. */
    public Map<String, Object> toImportRow() {
        Map<String, Object> properties = PracticeRepository.contentProperties(content);
        properties.put("authorSchoolId", content.authorSchoolId());
        properties.put("regionId", regionId);
        properties.put("municipalityId", municipalityId);
        properties.put("status", status);
        properties.put("rejectionReason", rejectionReason);
        properties.put("createdBy", createdBy);
        properties.put("reviewedBy", reviewedBy);
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("content", properties);
        row.put("createdAt", createdAt);
        row.put("updatedAt", reviewedAt != null ? reviewedAt : submittedAt != null ? submittedAt : createdAt);
        row.put("submittedAt", submittedAt);
        row.put("reviewedAt", reviewedAt);
        row.put("publishedAt", publishedAt);
        return row;
    }

    /** An adoption row of {@code seed-data/practices/adoptions.csv}. */
    public record Adoption(String practiceId, String schoolId, String date, String note) {
    }
}
