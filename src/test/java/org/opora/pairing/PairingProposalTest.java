package org.opora.pairing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.pairing.proposals.PairingProposal;
import org.opora.pairing.proposals.ProposalService;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.bean;
import static org.opora.testing.OporaTestApp.driver;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/** The region-wide proposal: optimal against greedy, capacities, reasons for the unmatched, pairs from a proposal. */
class PairingProposalTest {

    static final String REGION = "R-PAIR-2";
    static final String MUNI = "R-PAIR-2-M";

    static final String PROPOSE = """
            mutation($r: ID!, $m: ID) { proposeNetworkPairs(regionId: $r, municipalityId: $m) {
              id method capacity maxDistanceKm menteeCount alreadyPairedCount leaderCount slotCount
              pairedCount unmatchedCount totalScore meanScore solveMillis
              greedy { method pairedCount totalScore }
              items(first: 50) { totalCount edges { node {
                mentee { id } leader { id } score summary reason message greedyLeaderId greedyScore pairId
                components { context resultGap typeSize proximity capacity }
              } } }
            } }""";

    static String coordinator;

    /**
     * The greedy trap: A fits X best and Y nearly as well; B fits only X (Y is beyond the distance limit).
     * With capacity 1, greedy gives X to A and leaves B out; the optimum pairs A–Y and B–X.
     * C is far from every partner.
     */
    @BeforeAll
    static void region() {
        TestSchools schools = new TestSchools(driver(), REGION, "run-1");
        List<TestSchools.School> list = new ArrayList<>();
        list.add(schools.school("P2-A", MUNI).statuses("LOW_RESULTS").results(-1, -0.5, -0.5, -1.0).at(55.0, 60.0)
                .context(TestSchools.context(0)));
        list.add(schools.school("P2-B", MUNI).statuses("LOW_RESULTS").results(-1, -0.5, -0.5, -1.0).at(55.0, 60.6)
                .context(TestSchools.context(0.3)));
        list.add(schools.school("P2-C", MUNI).statuses("LOW_RESULTS").results(-1, -0.5, -0.5, -1.0).at(57.0, 60.0)
                .context(TestSchools.context(0)));
        list.add(schools.school("P2-X", MUNI).statuses("LEADER").results(1, 1, 1.0, 1.5).at(55.0, 60.3)
                .context(TestSchools.context(0)));
        list.add(schools.school("P2-Y", MUNI).statuses("LEADER").results(1, 1, 1.0, 1.5).at(55.0, 59.6)
                .context(TestSchools.context(0.1)));
        double[] spread = {-1.5, -1, -0.5, 0.5, 1, 1.5};
        for (int i = 0; i < spread.length; i++) {
            list.add(schools.school("P2-PLAIN-" + i, MUNI).results(-0.2, -0.1, -0.2, -0.2).at(55.5, 60.0)
                    .context(TestSchools.context(spread[i])));
        }
        schools.save(list);
        coordinator = tokenFor("pair2-regional", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null));
        JsonNode settings = graphql(coordinator, """
                mutation($r: ID!) { updatePairingSettings(regionId: $r, input: {capacity: 1, maxDistanceKm: 60}) {
                  regionId isDefault capacity maxDistanceKm minScore featureWeights { indicator weight } updatedBy } }""",
                Map.of("r", REGION)).data().get("updatePairingSettings");
        assertThat(settings.get("isDefault").asBoolean()).isFalse();
        assertThat(settings.get("capacity").asInt()).isEqualTo(1);
        assertThat(settings.get("featureWeights")).hasSize(13);
    }

    @Test
    void optimalAssignmentBeatsGreedyAndExplainsTheUnmatched() {
        JsonNode proposal = graphql(coordinator, PROPOSE, Map.of("r", REGION)).data().get("proposeNetworkPairs");
        assertThat(proposal.get("method").asText()).isEqualTo("MIN_COST_FLOW");
        assertThat(proposal.get("menteeCount").asInt()).isEqualTo(3);
        assertThat(proposal.get("slotCount").asInt()).isEqualTo(2);
        assertThat(proposal.get("pairedCount").asInt()).isEqualTo(2);
        assertThat(proposal.get("greedy").get("pairedCount").asInt()).isEqualTo(1);
        assertThat(proposal.get("totalScore").asDouble()).isGreaterThan(proposal.get("greedy").get("totalScore").asDouble());

        Map<String, JsonNode> items = new HashMap<>();
        proposal.get("items").get("edges").forEach(e -> items.put(e.get("node").get("mentee").get("id").asText(), e.get("node")));
        assertThat(items.get("P2-A").get("leader").get("id").asText()).isEqualTo("P2-Y");
        assertThat(items.get("P2-B").get("leader").get("id").asText()).isEqualTo("P2-X");
        assertThat(items.get("P2-A").get("greedyLeaderId").asText()).isEqualTo("P2-X");
        assertThat(items.get("P2-B").get("greedyLeaderId").isNull()).isTrue();
        assertThat(items.get("P2-C").get("leader").isNull()).isTrue();
        assertThat(items.get("P2-C").get("reason").asText()).isEqualTo("NO_PARTNER_WITHIN_DISTANCE");
        assertThat(items.get("P2-C").get("message").asText()).contains("60 км");
        assertThat(items.get("P2-A").get("summary").asText()).isNotBlank();
        assertThat(items.get("P2-A").get("components").get("context").asDouble()).isGreaterThan(0.9);
    }

    @Test
    void aStrictMinimumScoreLeavesSchoolsUnmatchedWithTheReason() {
        String region = "R-PAIR-2B";
        TestSchools schools = new TestSchools(driver(), region, "run-1");
        schools.save(List.of(
                schools.school("P2B-A", "P2B-M").statuses("LOW_RESULTS").results(-1, -0.5, -0.5, -1.0).at(55, 60)
                        .context(TestSchools.context(1)),
                schools.school("P2B-X", "P2B-M").statuses("LEADER").results(1, 1, 1, 1).at(55.2, 60)
                        .context(TestSchools.context(-1))));
        String token = tokenFor("pair2b-regional", Set.of(Role.REGIONAL_COORDINATOR), new Scope(region, null, null));
        graphql(token, "mutation($r: ID!) { updatePairingSettings(regionId: $r, input: {minScore: 0.99}) { minScore } }",
                Map.of("r", region)).data();
        JsonNode proposal = graphql(token, PROPOSE, Map.of("r", region)).data().get("proposeNetworkPairs");
        JsonNode item = proposal.get("items").get("edges").get(0).get("node");
        assertThat(item.get("reason").asText()).isEqualTo("BELOW_MIN_SCORE");
        assertThat(item.get("message").asText()).contains("Школа P2B-X");
        assertThat(proposal.get("pairedCount").asInt()).isZero();
    }

    @Test
    void pairsAreCreatedFromAProposalOnceAndThenCountAsPaired() {
        String region = "R-PAIR-2C";
        TestSchools schools = new TestSchools(driver(), region, "run-1");
        schools.save(List.of(
                schools.school("P2C-A", "P2C-M").statuses("LOW_RESULTS").results(-1, -0.5, -0.5, -1.0).at(55, 60)
                        .context(TestSchools.context(1)),
                schools.school("P2C-B", "P2C-M").statuses("LOW_RESULTS").results(-1, -0.5, -0.5, -1.0).at(55, 60.1)
                        .context(TestSchools.context(1)),
                schools.school("P2C-X", "P2C-M").statuses("LEADER").results(1, 1, 1, 1).at(55.1, 60)
                        .context(TestSchools.context(1))));
        String token = tokenFor("pair2c-regional", Set.of(Role.REGIONAL_COORDINATOR), new Scope(region, null, null));
        JsonNode proposal = graphql(token, PROPOSE, Map.of("r", region)).data().get("proposeNetworkPairs");
        assertThat(proposal.get("pairedCount").asInt()).isEqualTo(2);
        String create = """
                mutation($p: ID!, $s: [ID!]) { createPairsFromProposal(proposalId: $p, schoolIds: $s) {
                  created { id status proposalId mentee { id } leader { id } score history { action to by } }
                  skipped { schoolId message } } }""";
        JsonNode first = graphql(token, create, Map.of("p", proposal.get("id").asText(), "s", List.of("P2C-A", "NOPE")))
                .data().get("createPairsFromProposal");
        assertThat(first.get("created")).hasSize(1);
        JsonNode pair = first.get("created").get(0);
        assertThat(pair.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(pair.get("proposalId").asText()).isEqualTo(proposal.get("id").asText());
        assertThat(pair.get("score").asDouble()).isPositive();
        assertThat(pair.get("history").get(0).get("action").asText()).isEqualTo("CREATED");
        assertThat(pair.get("history").get(0).get("by").asText()).isEqualTo("pair2c-regional");
        assertThat(first.get("skipped").get(0).get("schoolId").asText()).isEqualTo("NOPE");

        JsonNode second = graphql(token, create, Map.of("p", proposal.get("id").asText())).data().get("createPairsFromProposal");
        assertThat(second.get("created")).hasSize(1);
        assertThat(second.get("created").get(0).get("mentee").get("id").asText()).isEqualTo("P2C-B");
        assertThat(second.get("skipped").get(0).get("message").asText()).contains("уже создана");

        JsonNode again = graphql(token, PROPOSE, Map.of("r", region)).data().get("proposeNetworkPairs");
        assertThat(again.get("menteeCount").asInt()).isZero();
        assertThat(again.get("alreadyPairedCount").asInt()).isEqualTo(2);

        JsonNode listed = graphql(token, "query($r: ID!) { pairingProposals(regionId: $r, first: 1) { totalCount edges { node { id } } pageInfo { hasNextPage } } }",
                Map.of("r", region)).data().get("pairingProposals");
        assertThat(listed.get("totalCount").asInt()).isEqualTo(2);
        assertThat(listed.get("edges").get(0).get("node").get("id").asText()).isEqualTo(again.get("id").asText());
        assertThat(listed.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
    }

    @Test
    void onlyCoordinatorsOfTheTerritoryProposeAndOnlyRegionalOnesChangeSettings() {
        String foreign = tokenFor("pair2-foreign", Set.of(Role.REGIONAL_COORDINATOR), new Scope("R-ELSEWHERE", null, null));
        assertThat(graphql(foreign, PROPOSE, Map.of("r", REGION)).errorCode()).isEqualTo("FORBIDDEN");
        String municipal = tokenFor("pair2-muni", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(REGION, MUNI, null));
        assertThat(graphql(municipal, PROPOSE, Map.of("r", REGION)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(municipal, PROPOSE, Map.of("r", REGION, "m", MUNI)).errorCode()).isNull();
        String settings = "mutation($r: ID!) { updatePairingSettings(regionId: $r, input: {capacity: 5}) { capacity } }";
        assertThat(graphql(municipal, settings, Map.of("r", REGION)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(foreign, settings, Map.of("r", REGION)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(coordinator, "mutation($r: ID!) { updatePairingSettings(regionId: $r, input: {capacity: 0, weightContext: -1}) { capacity } }",
                Map.of("r", REGION)).errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(graphql(coordinator, "query($r: ID!) { pairingSettings(regionId: $r) { capacity } }", Map.of("r", REGION))
                .data().get("pairingSettings").get("capacity").asInt()).isEqualTo(1);
    }

    @Test
    void onASyntheticRegionTheOptimumNeverLosesToGreedyAndRespectsCapacities() {
        String region = "R-PAIR-SYN";
        SyntheticRegion.generate(driver(), region, 470, 2024, "run-syn");
        ProposalService.Computed computed = bean(ProposalService.class).compute(region, null, null, "test");
        PairingProposal p = computed.proposal();
        assertThat(p.menteeCount()).isGreaterThan(30);
        assertThat(p.totalScore()).isGreaterThanOrEqualTo(p.greedy().totalScore() - 1e-9);
        Map<String, Integer> load = new HashMap<>();
        for (PairingProposal.Item item : computed.items()) {
            if (item.leader() != null) {
                load.merge(item.leader().id(), 1, Integer::sum);
                assertThat(item.score()).isGreaterThanOrEqualTo(p.minScore());
                assertThat(item.leader().statuses()).doesNotContain("LOW_RESULTS");
            } else {
                assertThat(item.reason()).isNotNull();
                assertThat(item.message()).isNotBlank();
            }
        }
        assertThat(load.values()).allMatch(n -> n <= p.capacity());
        assertThat(p.pairedCount()).isEqualTo(load.values().stream().mapToInt(Integer::intValue).sum());
    }
}
