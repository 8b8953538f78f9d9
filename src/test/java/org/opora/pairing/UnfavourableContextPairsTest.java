package org.opora.pairing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.driver;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * Network pairs for ШНСУ (UNFAVOURABLE_CONTEXT) schools, not only ШНОР: a ШНСУ school gets partner candidates, is
 * proposed a partner and may be a pair's mentee; a resilient ШНСУ school stays a partner, a school with neither status
 * is refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnfavourableContextPairsTest {

    static final String REGION = "R-PAIR-SNSU";
    static final String MUNI = "R-PAIR-SNSU-M1";

    static String coordinator;

    @BeforeAll
    static void region() {
        TestSchools schools = new TestSchools(driver(), REGION, "run-1");
        List<TestSchools.School> list = new ArrayList<>();
        list.add(schools.school("PS-SNSU-1", MUNI).statuses("UNFAVOURABLE_CONTEXT").results(-0.3, 0.1, -0.3, -0.3).at(55.0, 60.0)
                .context(TestSchools.context(1.5)));
        list.add(schools.school("PS-SNSU-2", MUNI).statuses("UNFAVOURABLE_CONTEXT").results(-0.4, 0.0, -0.4, -0.4).at(55.0, 60.1)
                .context(TestSchools.context(1.4)));
        list.add(schools.school("PS-LOW", MUNI).statuses("LOW_RESULTS").results(-1, -0.5, -1, -1).at(55.0, 60.2)
                .context(TestSchools.context(0.5)));
        list.add(schools.school("PS-RESILIENT", MUNI).statuses("RESILIENT", "UNFAVOURABLE_CONTEXT").results(0.8, 1.2, 0.8, 0.8)
                .at(55.05, 60.0).context(TestSchools.context(1.3)));
        list.add(schools.school("PS-LEADER", MUNI).statuses("LEADER").results(1, 1, 1, 1).at(55.05, 60.1).context(TestSchools.context(0.5)));
        list.add(schools.school("PS-LEADER-2", MUNI).statuses("LEADER").results(1, 1, 1, 1).at(55.05, 60.2).context(TestSchools.context(0.2)));
        list.add(schools.school("PS-PLAIN", MUNI).results(0.1, 0.0, 0.1, 0.1).at(55.1, 60.0).context(TestSchools.context(0)));
        schools.save(list);
        coordinator = tokenFor("pair-snsu-regional", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null));
    }

    static GraphQlResponse create(String mentee, String leader) {
        return graphql(coordinator, "mutation($in: CreateNetworkPairInput!) { createNetworkPair(input: $in) { id status mentee { id statuses } leader { id } } }",
                Map.of("in", Map.of("menteeId", mentee, "leaderId", leader)));
    }

    @Test
    @Order(1)
    void aProposalPairsShnsuSchoolsAndKeepsResilientOnesAsPartners() {
        JsonNode proposal = graphql(coordinator, """
                mutation($r: ID!) { proposeNetworkPairs(regionId: $r) { menteeCount leaderCount pairedCount
                  items(first: 50) { edges { node { mentee { id } leader { id } } } } } }""", Map.of("r", REGION))
                .data().path("proposeNetworkPairs");
        Map<String, String> leaderOf = new HashMap<>();
        proposal.path("items").path("edges").forEach(e -> leaderOf.put(e.path("node").path("mentee").path("id").asText(),
                e.path("node").path("leader").path("id").asText()));
        // Mentees: the two ШНСУ schools and the ШНОР one; the resilient ШНСУ school is a partner, the plain one neither.
        assertThat(leaderOf.keySet()).containsExactlyInAnyOrder("PS-SNSU-1", "PS-SNSU-2", "PS-LOW");
        assertThat(proposal.path("menteeCount").asInt()).isEqualTo(3);
        assertThat(proposal.path("leaderCount").asInt()).isEqualTo(3);
        assertThat(leaderOf.values()).isSubsetOf("PS-RESILIENT", "PS-LEADER", "PS-LEADER-2", "");
        assertThat(proposal.path("pairedCount").asInt()).isPositive();
    }

    @Test
    @Order(2)
    void aShnsuSchoolGetsCandidatesAndAPair() {
        JsonNode candidates = graphql(coordinator, "query { pairCandidates(schoolId: \"PS-SNSU-1\", first: 5) { totalCount edges { node { school { id } } } } }")
                .data().path("pairCandidates");
        assertThat(candidates.path("edges").findValuesAsText("id")).contains("PS-RESILIENT").doesNotContain("PS-LOW", "PS-SNSU-2");

        JsonNode pair = create("PS-SNSU-1", "PS-RESILIENT").data().path("createNetworkPair");
        assertThat(pair.path("status").asText()).isEqualTo("PROPOSED");
        assertThat(pair.path("mentee").path("statuses").toString()).contains("UNFAVOURABLE_CONTEXT");

        long before = pairs();
        GraphQlResponse plain = create("PS-PLAIN", "PS-LEADER");
        assertThat(plain.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(plain.errorMessage()).contains("не отнесена ни к ШНОР, ни к ШНСУ");
        assertThat(create("PS-SNSU-2", "PS-LOW").errorMessage()).contains("сама относится к ШНОР");
        assertThat(pairs()).isEqualTo(before);
    }

    static long pairs() {
        try (var session = driver().session()) {
            return session.run("MATCH (p:NetworkPair {regionId: $r}) RETURN count(p)", Map.of("r", REGION)).single().get(0).asLong();
        }
    }
}
