package org.opora.practice;

import java.util.List;

/** What an author writes; everything else about a practice is workflow state or derived from the graph. */
public record PracticeInput(
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
        String authorSchoolId) {
}
