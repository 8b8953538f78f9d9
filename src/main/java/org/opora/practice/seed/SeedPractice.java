package org.opora.practice.seed;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opora.practice.EvidenceItem;

/** One generated practice, as stored in {@code seed-data/practices/practices.jsonl}. */
public record SeedPractice(
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
        String authorSchoolId,
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
    public Map<String, Object> toImportRow(String evidenceJson) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", title);
        content.put("summary", summary);
        content.put("description", description);
        content.put("subjects", subjects);
        content.put("grades", grades.stream().map(Integer::longValue).toList());
        content.put("level", level);
        content.put("riskFactors", riskFactors);
        content.put("authors", authors);
        content.put("resources", resources);
        content.put("evidenceSummary", evidenceSummary);
        content.put("evidenceJson", evidenceJson);
        content.put("status", status);
        content.put("rejectionReason", rejectionReason);
        content.put("createdBy", createdBy);
        content.put("reviewedBy", reviewedBy);
        content.put("authorSchoolId", authorSchoolId);
        content.put("regionId", regionId);
        content.put("municipalityId", municipalityId);
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("content", content);
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
