package org.opora.mentoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.OporaTestApp;
import org.opora.testing.TestRegion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * Region-wide matching under capacities on constructed cases. First: X (capacity 1) is the best mentor for both N1
 * and N2, Y (capacity 1) covers N2 and N3 fully, Z covers only N3. Per teacher, N2's best would be X; the matching
 * gives X to N1, Y to N2 and Z to N3. N4's deficit nobody covers; N5 already has a mentor. Second: a case where the
 * greedy baseline is not optimal.
 */
class MentorMatchingTest {

    private static final String REGION = "R-MATCH";

    @Test
    void assignsEveryoneCoverableWithinCapacities() {
        String coordinator = lowAndLeaderSchools(REGION, "MATCH");
        teacher(coordinator, "MATCH-X", "MATCH-LEAD", "Математика", List.of("ASSESSMENT", "FUNCTIONAL_LITERACY"), 1);
        teacher(coordinator, "MATCH-Y", "MATCH-LEAD", "Математика", List.of("ASSESSMENT", "DIGITAL"), 1);
        teacher(coordinator, "MATCH-Z", "MATCH-LEAD", "Русский язык", List.of("DIGITAL"), 3);
        Map<String, Map<String, String>> deficits = new LinkedHashMap<>();
        deficits.put("MATCH-N1", Map.of("ASSESSMENT", "CRITICAL", "FUNCTIONAL_LITERACY", "CRITICAL"));
        deficits.put("MATCH-N2", Map.of("ASSESSMENT", "MODERATE"));
        deficits.put("MATCH-N3", Map.of("DIGITAL", "CRITICAL"));
        deficits.put("MATCH-N4", Map.of("INCLUSIVE", "CRITICAL"));
        deficits.put("MATCH-N5", Map.of("DIGITAL", "MINOR"));
        deficits.forEach((id, d) -> mentee(coordinator, id, "MATCH-LOW", "Математика", d));
        graphql(coordinator, "mutation($in: MentoringInput!) { proposeMentoring(input: $in) { id } }", Map.of("in", Map.of(
                "kind", "TEACHER_TEACHER", "mentorId", "MATCH-Z", "menteeTeacherId", "MATCH-N5"))).data();

        JsonNode matching = matching(coordinator, REGION);
        assertThat(pairs(matching)).containsExactlyInAnyOrderEntriesOf(Map.of("MATCH-N1", "MATCH-X", "MATCH-N2", "MATCH-Y", "MATCH-N3", "MATCH-Z"));
        assertThat(matching.path("unmatched").size()).isEqualTo(1);
        assertThat(matching.path("unmatched").get(0).path("id").asText()).isEqualTo("MATCH-N4");
        // 85 (X→N1) + 85 (Y→N2) + 61.7 (Z→N3: no common subject, 2 of 3 slots free)
        assertThat(matching.path("totalScore").asDouble()).isEqualTo(231.7);
        // Here best-first already finds the optimum.
        assertThat(matching.path("greedy").path("pairedCount").asInt()).isEqualTo(3);
        assertThat(matching.path("greedy").path("totalScore").asDouble()).isEqualTo(231.7);

        assertThat(graphql(tokenFor("match-muni", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(REGION, "MATCH-M1", null)),
                "{ mentorMatching(regionId: \"R-MATCH\") { totalScore } }").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(tokenFor("match-other", Set.of(Role.REGIONAL_COORDINATOR), new Scope("R-MATCH-OTHER", null, null)),
                "{ mentorMatching(regionId: \"R-MATCH\") { totalScore } }").errorCode()).isEqualTo("FORBIDDEN");
    }

    /**
     * P (capacity 1) is A's best mentor (common subject) and the only one covering B's deficit; Q (capacity 1, another
     * subject) covers A's only. Best-first gives P to A and leaves B out (85); the optimum gives Q to A and P to B.
     */
    @Test
    void beatsGreedyWhenTheBestCoupleBlocksAnother() {
        String region = "R-MATCH-TRAP";
        String coordinator = lowAndLeaderSchools(region, "TRAP");
        teacher(coordinator, "TRAP-P", "TRAP-LEAD", "Математика", List.of("ASSESSMENT", "DIGITAL"), 1);
        teacher(coordinator, "TRAP-Q", "TRAP-LEAD", "Физика", List.of("ASSESSMENT"), 1);
        mentee(coordinator, "TRAP-A", "TRAP-LOW", "Математика", Map.of("ASSESSMENT", "CRITICAL"));
        mentee(coordinator, "TRAP-B", "TRAP-LOW", "История", Map.of("DIGITAL", "CRITICAL"));

        JsonNode matching = matching(coordinator, region);
        assertThat(pairs(matching)).containsExactlyInAnyOrderEntriesOf(Map.of("TRAP-A", "TRAP-Q", "TRAP-B", "TRAP-P"));
        assertThat(matching.path("unmatched").size()).isZero();
        // 65 (Q→A: full coverage, leader school, free) + 65 (P→B: likewise, no common subject)
        assertThat(matching.path("totalScore").asDouble()).isEqualTo(130.0);
        // P→A: 65 + 20 for the common subject
        assertThat(matching.path("greedy").path("pairedCount").asInt()).isEqualTo(1);
        assertThat(matching.path("greedy").path("totalScore").asDouble()).isEqualTo(85.0);
    }

    /** A low-result school {prefix}-LOW and a leader school {prefix}-LEAD in two municipalities; the coordinator's token. */
    private static String lowAndLeaderSchools(String region, String prefix) {
        new TestRegion(region)
                .school(prefix + "-LOW", prefix + "-M1", "СОШ", "село", 200)
                .school(prefix + "-LEAD", prefix + "-M2", "Лицей", "город", 800)
                .save();
        try (var session = OporaTestApp.driver().session()) {
            session.run("""
                    MATCH (low:School {id: $low}), (lead:School {id: $lead})
                    SET low.statuses = ['LOW_RESULTS'], lead.statuses = ['LEADER']""",
                    Map.of("low", prefix + "-LOW", "lead", prefix + "-LEAD")).consume();
        }
        return tokenFor(prefix.toLowerCase() + "-coord", Set.of(Role.REGIONAL_COORDINATOR), new Scope(region, null, null));
    }

    private static JsonNode matching(String token, String region) {
        return graphql(token, """
                query($region: ID!) { mentorMatching(regionId: $region) { totalScore unmatched { id }
                    assignments { mentee { id } suggestion { mentor { id } score reasons } }
                    greedy { pairedCount totalScore } } }""", Map.of("region", region)).data().path("mentorMatching");
    }

    /** Mentee id → mentor id. */
    private static Map<String, String> pairs(JsonNode matching) {
        Map<String, String> pairs = new HashMap<>();
        matching.path("assignments").forEach(a -> pairs.put(a.path("mentee").path("id").asText(),
                a.path("suggestion").path("mentor").path("id").asText()));
        return pairs;
    }

    /** A teacher without mentor capacity and a diagnostic with the given deficits (competence → level). */
    private static void mentee(String token, String id, String schoolId, String subject, Map<String, String> deficits) {
        teacher(token, id, schoolId, subject, List.of(), 0);
        List<Map<String, Object>> list = new ArrayList<>();
        deficits.forEach((c, l) -> list.add(Map.of("competence", c, "level", l)));
        graphql(token, "mutation($in: DiagnosticInput!) { recordDiagnostic(input: $in) { id } }", Map.of("in", Map.of(
                "teacherId", id, "date", "2025-03-01", "instrument", "Диагностика ЦНППМ", "deficits", list))).data();
    }

    private static void teacher(String token, String id, String schoolId, String subject, List<String> strengths, int capacity) {
        Map<String, Object> in = new HashMap<>();
        in.put("fullName", "Педагог " + id);
        in.put("schoolId", schoolId);
        in.put("subjects", List.of(subject));
        in.put("experienceYears", capacity > 0 ? 20 : 2);
        in.put("strengths", strengths);
        in.put("mentorCapacity", capacity);
        TeacherFixtures.create(token, id, in, null);
    }
}
