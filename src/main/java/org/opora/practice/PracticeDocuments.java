package org.opora.practice;

import org.opora.platform.input.TextInput;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what Neo4j stores into the {@link PracticeView} (API and search source) and the search document.
 * Everything derived lives here, so the index can always be rebuilt from Neo4j alone.
 */
public final class PracticeDocuments {

    /** The completion context that makes a suggestion visible to everyone (approved practices only). */
    public static final String PUBLIC_CONTEXT = "public";

    private PracticeDocuments() {
    }

    /** Context value under which a practice's creator sees its suggestions whatever its status. */
    public static String userContext(String username) {
        return "user:" + username;
    }

    public static PracticeView view(StoredPractice stored, Map<String, List<ResultPoint>> results, double minImprovement) {
        Map<String, Object> p = stored.properties();
        List<String> subjects = strings(p.get("subjects"));
        List<EvidenceItem> evidence = PracticeRepository.evidenceFromJson(p.get("evidenceJson"));
        SchoolRef school = stored.authorSchool();
        String authorSchoolId = school != null ? school.id() : (String) p.get("authorSchoolId");

        int improvedAdoptions = 0;
        Set<String> improvedSchools = new LinkedHashSet<>();
        for (StoredPractice.Adoption adoption : stored.adoptions()) {
            var outcome = OutcomeCalculator.outcome(results.getOrDefault(adoption.school().id(), List.of()), adoption.date(),
                    subjects, minImprovement);
            if (outcome.isPresent() && outcome.get().improved()) {
                improvedAdoptions++;
                improvedSchools.add(adoption.school().id());
            }
        }
        for (EvidenceItem item : evidence) {
            if (item.improved()) {
                improvedSchools.add(item.schoolId() != null ? item.schoolId() : String.valueOf(authorSchoolId));
            }
        }
        EvidenceLevel level = evidenceLevel(improvedSchools.size());
        double score = evidenceScore(level, improvedSchools.size(), stored.adoptions().size());

        return new PracticeView(
                (String) p.get("id"),
                (String) p.get("title"),
                (String) p.get("summary"),
                (String) p.get("description"),
                subjects,
                strings(p.get("grades")).stream().map(Integer::valueOf).toList(),
                (String) p.get("level"),
                strings(p.get("riskFactors")),
                strings(p.get("authors")),
                (String) p.get("resources"),
                (String) p.get("evidenceSummary"),
                evidence,
                level.name(),
                score,
                (String) p.get("status"),
                (String) p.get("rejectionReason"),
                (String) p.get("createdBy"),
                iso(p.get("createdAt")),
                iso(p.get("updatedAt")),
                iso(p.get("submittedAt")),
                (String) p.get("reviewedBy"),
                iso(p.get("reviewedAt")),
                iso(p.get("publishedAt")),
                ((Number) p.getOrDefault("version", 0L)).longValue(),
                school,
                school != null && school.regionId() != null ? school.regionId() : (String) p.get("regionId"),
                school != null && school.municipalityId() != null ? school.municipalityId() : (String) p.get("municipalityId"),
                stored.adoptions().size(),
                improvedAdoptions);
    }

    /** DESCRIBED without improvement data, MEASURED with one improved school, REPLICATED with two or more. */
    static EvidenceLevel evidenceLevel(int improvedSchools) {
        return improvedSchools >= 2 ? EvidenceLevel.REPLICATED : improvedSchools == 1 ? EvidenceLevel.MEASURED : EvidenceLevel.DESCRIBED;
    }

    /**
     * Sort key for "by evidence": the level dominates (10 per rank), then the number of schools with improved results
     * (up to 9), then a little for adoptions even without measured effect.
     */
    static double evidenceScore(EvidenceLevel level, int improvedSchools, int adoptions) {
        return 10.0 * level.ordinal() + Math.min(improvedSchools, 9) + 0.01 * Math.min(adoptions, 99);
    }

    /** The search document: the view plus index-only fields (labels for full-text, facets, suggestions). */
    public static Map<String, Object> toIndexDocument(PracticeView v) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", v.id());
        doc.put("title", v.title());
        doc.put("summary", v.summary());
        doc.put("description", v.description());
        doc.put("subjects", v.subjects());
        doc.put("grades", v.grades());
        doc.put("level", v.level());
        doc.put("riskFactors", v.riskFactors());
        doc.put("authors", v.authors());
        doc.put("resources", v.resources());
        doc.put("evidenceSummary", v.evidenceSummary());
        doc.put("evidence", v.evidence());
        doc.put("evidenceLevel", v.evidenceLevel());
        doc.put("evidenceScore", v.evidenceScore());
        doc.put("status", v.status());
        doc.put("rejectionReason", v.rejectionReason());
        doc.put("createdBy", v.createdBy());
        doc.put("createdAt", v.createdAt());
        doc.put("updatedAt", v.updatedAt());
        doc.put("submittedAt", v.submittedAt());
        doc.put("reviewedBy", v.reviewedBy());
        doc.put("reviewedAt", v.reviewedAt());
        doc.put("publishedAt", v.publishedAt());
        doc.put("version", v.version());
        doc.put("authorSchool", v.authorSchool());
        doc.put("regionId", v.regionId());
        doc.put("municipalityId", v.municipalityId());
        doc.put("adoptionCount", v.adoptionCount());
        doc.put("improvedAdoptionCount", v.improvedAdoptionCount());
        // Index-only:
        doc.put("authorSchoolId", v.authorSchool() == null ? null : v.authorSchool().id());
        doc.put("authorSchoolName", v.authorSchool() == null ? null : v.authorSchool().name());
        doc.put("municipalityName", v.authorSchool() == null ? null : v.authorSchool().municipalityName());
        doc.put("subjectLabels", labels(PracticeSubject.class, v.subjects()));
        doc.put("riskFactorLabels", labels(PracticeRiskFactor.class, v.riskFactors()));
        doc.put("suggest", suggest(v));
        return doc;
    }

    /**
     * Completion inputs: the title (weighted by evidence), and the title from its 2nd-4th word on, so that typing a
     * word from the middle of a title also suggests it. Contexts: public when approved, and always the creator's own.
     */
    private static List<Map<String, Object>> suggest(PracticeView v) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        int weight = 10 + (int) Math.round(v.evidenceScore());
        // The completion field refuses some control characters; input refuses them all, but a title stored before
        // that rule must not keep its practice out of the index for ever.
        String title = TextInput.withoutControlCharacters(v.title());
        inputs.add(Map.of("input", List.of(title), "weight", weight));
        List<String> words = Arrays.stream(title.split("\\s+")).filter(w -> !w.isBlank()).toList();
        List<String> tails = new ArrayList<>();
        for (int i = 1; i < Math.min(words.size(), 4); i++) {
            if (words.get(i).length() > 3) {
                tails.add(String.join(" ", words.subList(i, words.size())));
            }
        }
        if (!tails.isEmpty()) {
            inputs.add(Map.of("input", tails, "weight", Math.max(1, weight / 2)));
        }
        List<String> contexts = new ArrayList<>();
        if (PracticeStatus.APPROVED.name().equals(v.status())) {
            contexts.add(PUBLIC_CONTEXT);
        }
        if (v.createdBy() != null) {
            contexts.add(userContext(v.createdBy()));
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Map<String, Object> input : inputs) {
            Map<String, Object> entry = new LinkedHashMap<>(input);
            entry.put("contexts", Map.of("visibility", contexts));
            entries.add(entry);
        }
        return entries;
    }

    static <E extends Enum<E> & Labelled> List<String> labels(Class<E> type, List<String> codes) {
        List<String> labels = new ArrayList<>();
        for (String code : codes) {
            try {
                labels.add(Enum.valueOf(type, code).label());
            } catch (IllegalArgumentException unknown) {
                labels.add(code);
            }
        }
        return labels;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        return ((List<Object>) value).stream().map(String::valueOf).toList();
    }

    private static String iso(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toOffsetDateTime().toString();
        }
        if (value instanceof LocalDate || value instanceof TemporalAccessor) {
            return value.toString();
        }
        return value.toString();
    }
}
