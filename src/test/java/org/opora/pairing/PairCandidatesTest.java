package org.opora.pairing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.opora.testing.OporaTestApp.driver;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * Candidates on a constructed region where the best partner is known by construction: the planted
 * partner has the school's own context, type, size and municipality and is strong exactly in the
 * subject where the school is weak; every decoy is worse on at least one part or breaks a hard constraint.
 */
class PairCandidatesTest {

    static final String REGION = "R-PAIR-1";
    static final String M0 = "R-PAIR-1-M0";
    static final String MUNI_OTHER = "R-PAIR-1-MX";

    static final String QUERY = """
            query($id: ID!, $first: Int, $after: String, $km: Float) {
              pairCandidates(schoolId: $id, first: $first, after: $after, maxDistanceKm: $km) {
                school { id statuses }
                totalCount
                pageInfo { hasNextPage endCursor }
                excluded { reason label count }
                settings { capacity minScore }
                edges { cursor node {
                  rank score acceptable partnerBasis distanceKm openPairs
                  school { id name }
                  explanation {
                    summary
                    context { value weight contribution distance featuresCompared features { indicator schoolZ partnerZ share } }
                    resultGap { value weight contribution basis subjects { subject weak schoolZ partnerZ gap subjectWeight value } }
                    typeSize { value weight contribution typeSimilarity localitySimilarity sizeSimilarity }
                    proximity { value weight contribution distanceKm sameMunicipality }
                    capacity { value weight contribution capacity openPairs remaining }
                  }
                } }
              }
            }""";

    static String coordinator;

    @BeforeAll
    static void region() {
        SyntheticRegion.generate(driver(), REGION, 60, 101, "run-1");
        TestSchools schools = new TestSchools(driver(), REGION, "run-1");
        Map<String, Double> adverse = TestSchools.context(1.5);
        Map<String, Double> nearlyAdverse = new HashMap<>(adverse);
        nearlyAdverse.replaceAll((k, v) -> v * 1.02);
        List<TestSchools.School> list = new ArrayList<>();
        list.add(schools.school("P1-MENTEE", M0).statuses("LOW_RESULTS", "UNFAVOURABLE_CONTEXT")
                .results(-1.0, -0.4, -0.3, -1.6).at(56.00, 60.00).context(adverse));
        list.add(schools.school("P1-PLANTED", M0).statuses("RESILIENT", "UNFAVOURABLE_CONTEXT").set("enrolment", 160L)
                .results(0.8, 1.2, 0.2, 1.3).at(56.05, 60.10).context(nearlyAdverse));
        list.add(schools.school("P1-URBAN", MUNI_OTHER).statuses("LEADER").set("type", "Гимназия").set("locality", "город")
                .set("enrolment", 900L).results(1.8, 0.9, 1.5, 2.0).at(56.60, 61.00).context(TestSchools.context(-1.5)));
        list.add(schools.school("P1-RUSSIAN", M0).statuses("LEADER")
                .results(0.7, 0.9, 1.5, -0.1).at(56.02, 60.05).context(adverse));
        list.add(schools.school("P1-LOW", M0).statuses("LOW_RESULTS")
                .results(-0.9, -0.5, 0.2, 1.3).at(56.05, 60.10).context(nearlyAdverse));
        list.add(schools.school("P1-RISK", M0).statuses("RISK_ZONE")
                .results(0.6, 0.5, 0.2, 1.4).at(56.05, 60.10).context(nearlyAdverse));
        list.add(schools.school("P1-FULL", M0).statuses("LEADER", "RESILIENT")
                .results(0.9, 1.3, 0.3, 1.4).at(56.05, 60.10).context(nearlyAdverse));
        for (int i = 1; i <= 3; i++) {
            list.add(schools.school("P1-FILL-" + i, M0).statuses("LOW_RESULTS").results(-1.2, -0.6, -1, -1)
                    .at(56.3, 60.3).context(TestSchools.context(0.5)));
        }
        schools.save(list);
        coordinator = tokenFor("pair1-regional", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null));
        for (int i = 1; i <= 3; i++) {
            graphql(coordinator, "mutation($in: CreateNetworkPairInput!) { createNetworkPair(input: $in) { id status } }",
                    Map.of("in", Map.of("menteeId", "P1-FILL-" + i, "leaderId", "P1-FULL"))).data();
        }
    }

    @Test
    void plantedPartnerRanksFirstWithItsExplanation() {
        JsonNode result = graphql(coordinator, QUERY, Map.of("id", "P1-MENTEE", "first", 5)).data().get("pairCandidates");
        JsonNode first = result.get("edges").get(0).get("node");
        assertThat(first.get("school").get("id").asText()).isEqualTo("P1-PLANTED");
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("partnerBasis").asText()).isEqualTo("RESILIENT");
        assertThat(first.get("acceptable").asBoolean()).isTrue();

        JsonNode explanation = first.get("explanation");
        double sum = 0;
        for (String part : List.of("context", "resultGap", "typeSize", "proximity", "capacity")) {
            JsonNode p = explanation.get(part);
            assertThat(p.get("contribution").asDouble()).isCloseTo(p.get("weight").asDouble() * p.get("value").asDouble(), within(1e-9));
            sum += p.get("contribution").asDouble();
        }
        assertThat(sum).isCloseTo(first.get("score").asDouble(), within(1e-9));
        assertThat(explanation.get("context").get("value").asDouble()).isGreaterThan(0.9);
        assertThat(explanation.get("context").get("featuresCompared").asInt()).isEqualTo(13);
        JsonNode maths = findSubject(explanation.get("resultGap").get("subjects"), "Математика");
        assertThat(maths.get("weak").asBoolean()).isTrue();
        assertThat(maths.get("gap").asDouble()).isCloseTo(2.9, within(1e-9));
        assertThat(maths.get("value").asDouble()).isEqualTo(1.0);
        assertThat(explanation.get("proximity").get("sameMunicipality").asBoolean()).isTrue();
        assertThat(explanation.get("typeSize").get("typeSimilarity").asDouble()).isEqualTo(1.0);
        assertThat(explanation.get("capacity").get("remaining").asInt()).isEqualTo(3);
        assertThat(explanation.get("summary").asText()).contains("Математика");

        List<String> ids = new ArrayList<>();
        result.get("edges").forEach(e -> ids.add(e.get("node").get("school").get("id").asText()));
        assertThat(ids).doesNotContain("P1-LOW", "P1-RISK", "P1-FULL", "P1-MENTEE");
        // The decoys each lose on one part: the urban gymnasium on context and type, the Russian-strong one on the gap.
        double planted = first.get("score").asDouble();
        for (JsonNode edge : result.get("edges")) {
            assertThat(edge.get("node").get("score").asDouble()).isLessThanOrEqualTo(planted);
        }
    }

    @Test
    void hardConstraintsAreReportedAsExclusionCounts() {
        JsonNode result = graphql(coordinator, QUERY, Map.of("id", "P1-MENTEE", "first", 100)).data().get("pairCandidates");
        Map<String, Integer> excluded = new HashMap<>();
        result.get("excluded").forEach(e -> excluded.put(e.get("reason").asText(), e.get("count").asInt()));
        assertThat(excluded.get("AT_CAPACITY")).isEqualTo(1);
        assertThat(excluded.get("LOW_RESULTS")).isGreaterThanOrEqualTo(4);
        assertThat(excluded.get("NOT_IN_POOL")).isGreaterThanOrEqualTo(1);
        List<String> ids = new ArrayList<>();
        result.get("edges").forEach(e -> ids.add(e.get("node").get("school").get("id").asText()));
        assertThat(ids).contains("P1-URBAN", "P1-RUSSIAN");
        assertThat(result.get("totalCount").asInt()).isEqualTo(ids.size());
        int schoolsInRegion = 60 + 10;
        int excludedTotal = excluded.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(excludedTotal + ids.size()).isEqualTo(schoolsInRegion - 1);
        // Ranked best first.
        for (int i = 1; i < ids.size(); i++) {
            assertThat(result.get("edges").get(i).get("node").get("score").asDouble())
                    .isLessThanOrEqualTo(result.get("edges").get(i - 1).get("node").get("score").asDouble());
        }
    }

    @Test
    void maximumDistanceExcludesFarSchools() {
        JsonNode result = graphql(coordinator, QUERY, Map.of("id", "P1-MENTEE", "first", 100, "km", 50.0)).data().get("pairCandidates");
        List<String> ids = new ArrayList<>();
        result.get("edges").forEach(e -> {
            ids.add(e.get("node").get("school").get("id").asText());
            assertThat(e.get("node").get("distanceKm").asDouble()).isLessThanOrEqualTo(50.0);
        });
        assertThat(ids).doesNotContain("P1-URBAN").startsWith("P1-PLANTED");
        boolean tooFar = false;
        for (JsonNode e : result.get("excluded")) {
            tooFar |= e.get("reason").asText().equals("TOO_FAR") && e.get("count").asInt() >= 1;
        }
        assertThat(tooFar).isTrue();
        assertThat(graphql(coordinator, QUERY, Map.of("id", "P1-MENTEE", "km", -1.0)).errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void pagesFollowTheRanking() {
        JsonNode all = graphql(coordinator, QUERY, Map.of("id", "P1-MENTEE", "first", 6)).data().get("pairCandidates");
        JsonNode page1 = graphql(coordinator, QUERY, Map.of("id", "P1-MENTEE", "first", 3)).data().get("pairCandidates");
        assertThat(page1.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
        JsonNode page2 = graphql(coordinator, QUERY, Map.of("id", "P1-MENTEE", "first", 3,
                "after", page1.get("pageInfo").get("endCursor").asText())).data().get("pairCandidates");
        assertThat(page2.get("edges").get(0).get("node").get("rank").asInt()).isEqualTo(4);
        for (int i = 0; i < 3; i++) {
            assertThat(page2.get("edges").get(i).get("node").get("school").get("id").asText())
                    .isEqualTo(all.get("edges").get(3 + i).get("node").get("school").get("id").asText());
        }
        assertThat(graphql(coordinator, QUERY, Map.of("id", "P1-MENTEE", "after", "garbage")).errorCode()).isEqualTo("BAD_USER_INPUT");
        // A huge page is refused before anything runs by the query cost limit; a cheap selection over the page limit
        // (200, as for every list) by the page check.
        assertThat(graphql(coordinator, QUERY, Map.of("id", "P1-MENTEE", "first", 1000)).errorCode()).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(graphql(coordinator, "query($id: ID!) { pairCandidates(schoolId: $id, first: 201) { totalCount } }",
                Map.of("id", "P1-MENTEE")).errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void onlyTheTerritoryMaySeeCandidates() {
        String foreign = tokenFor("pair1-foreign", Set.of(Role.REGIONAL_COORDINATOR), new Scope("R-ELSEWHERE", null, null));
        assertThat(graphql(foreign, QUERY, Map.of("id", "P1-MENTEE")).errorCode()).isEqualTo("FORBIDDEN");
        String otherMunicipality = tokenFor("pair1-muni-other", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(REGION, MUNI_OTHER, null));
        assertThat(graphql(otherMunicipality, QUERY, Map.of("id", "P1-MENTEE")).errorCode()).isEqualTo("FORBIDDEN");
        String teacher = tokenFor("pair1-teacher", Set.of(Role.TEACHER), new Scope(REGION, M0, "P1-MENTEE"));
        assertThat(graphql(teacher, QUERY, Map.of("id", "P1-MENTEE")).errorCode()).isEqualTo("FORBIDDEN");
        String ownAdmin = tokenFor("pair1-school-admin", Set.of(Role.SCHOOL_ADMIN), new Scope(REGION, M0, "P1-MENTEE"));
        assertThat(graphql(ownAdmin, QUERY, Map.of("id", "P1-MENTEE", "first", 1)).data().get("pairCandidates")
                .get("edges").get(0).get("node").get("school").get("id").asText()).isEqualTo("P1-PLANTED");
        String municipal = tokenFor("pair1-muni", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(REGION, M0, null));
        assertThat(graphql(municipal, QUERY, Map.of("id", "P1-MENTEE", "first", 1)).errorCode()).isNull();
        assertThat(graphql(coordinator, QUERY, Map.of("id", "NO-SUCH-SCHOOL")).errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aNewIdentificationRunIsPickedUp() {
        String region = "R-PAIR-1B";
        TestSchools schools = new TestSchools(driver(), region, "run-a");
        schools.save(List.of(
                schools.school("P1B-MENTEE", "P1B-M").statuses("LOW_RESULTS").results(-1, -0.5, -1, -1).at(55, 60)
                        .context(TestSchools.context(1)),
                schools.school("P1B-A", "P1B-M").statuses("LEADER").results(1, 1, 1, 1).at(55.01, 60)
                        .context(TestSchools.context(1)),
                schools.school("P1B-B", "P1B-M").statuses("LEADER").results(0.5, 0.5, 0.5, 0.5).at(55.2, 60)
                        .context(TestSchools.context(-1))));
        String token = tokenFor("pair1b-regional", Set.of(Role.REGIONAL_COORDINATOR), new Scope(region, null, null));
        GraphQlResponse before = graphql(token, QUERY, Map.of("id", "P1B-MENTEE"));
        assertThat(before.data().get("pairCandidates").get("edges").get(0).get("node").get("school").get("id").asText())
                .isEqualTo("P1B-A");
        schools.newRun("run-b", Map.of("P1B-A", List.of("LOW_RESULTS")));
        JsonNode after = graphql(token, QUERY, Map.of("id", "P1B-MENTEE")).data().get("pairCandidates");
        assertThat(after.get("totalCount").asInt()).isEqualTo(1);
        assertThat(after.get("edges").get(0).get("node").get("school").get("id").asText()).isEqualTo("P1B-B");
    }

    static JsonNode findSubject(JsonNode subjects, String name) {
        for (JsonNode s : subjects) {
            if (s.get("subject").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no subject " + name + " in " + subjects);
    }
}
