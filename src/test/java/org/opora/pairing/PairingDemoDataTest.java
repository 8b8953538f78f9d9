package org.opora.pairing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opora.pairing.outcomes.OutcomeService;
import org.opora.pairing.pairs.NetworkPair;
import org.opora.pairing.pairs.PairService;
import org.opora.pairing.pairs.PairStatus;
import org.opora.pairing.proposals.ProposalService;
import org.opora.pairing.region.SchoolDataRepository;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.graphql.Connection;
import org.opora.security.DemoLogins;
import org.opora.testing.GraphQlResponse;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.bean;
import static org.opora.testing.OporaTestApp.driver;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/** The demo loader on a synthetic region: a proposal, pairs in every state, plans, outcome, logins; twice. */
class PairingDemoDataTest {

    static final String REGION = "R-PAIR-DEMO";

    @Test
    void loadsOnceAndIsIdempotent() {
        SyntheticRegion.generate(driver(), REGION, 300, 74, "run-demo", true);
        PairingDemoData loader = new PairingDemoData(REGION, bean(ProposalService.class), bean(PairService.class),
                bean(SchoolDataRepository.class), bean(DemoLogins.class));
        List<String> first = loader.load();
        assertThat(first.get(0)).contains("предложение PP-");
        assertThat(String.join("\n", first)).contains("mun-coord", "shnor-admin", "leader-admin");

        CurrentUser admin = new CurrentUser("t", EnumSet.of(Role.ADMIN), Scope.EVERYWHERE);
        List<NetworkPair> pairs = bean(PairService.class).list(admin, REGION, null, null, null, Connection.Request.first(100)).nodes();
        assertThat(pairs).hasSize(6);
        Map<PairStatus, Long> byStatus = pairs.stream().collect(Collectors.groupingBy(NetworkPair::status, Collectors.counting()));
        assertThat(byStatus).containsEntry(PairStatus.ACTIVE, 2L).containsEntry(PairStatus.COMPLETED, 1L)
                .containsEntry(PairStatus.AGREED, 1L).containsEntry(PairStatus.CANCELLED, 1L).containsEntry(PairStatus.PROPOSED, 1L);

        String token = tokenFor("pair-demo-regional", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null));
        JsonNode listed = graphql(token, """
                query($r: ID!) { networkPairs(regionId: $r, filter: {statuses: [COMPLETED]}) { edges { node {
                  plan { status } outcome { note mentee { before after change } comparison { school { id } } } } } } }""",
                Map.of("r", REGION)).data().get("networkPairs");
        JsonNode completed = listed.get("edges").get(0).get("node");
        assertThat(completed.get("plan")).hasSize(4);
        assertThat(completed.get("outcome").get("mentee").get("change").isNumber()).isTrue();
        assertThat(completed.get("outcome").get("comparison")).hasSize(OutcomeService.COMPARISON_SIZE);

        // Plans, histories and outcomes load per page, not per pair: the page (1), all plans (1), all histories (1)
        // and the outcomes of the region's started pairs (its live state and past mentees: 2). One query per pair
        // would cost 1 + 6 + 6 + 2 × 3.
        String nested = """
                query($r: ID!, $n: Int) { networkPairs(regionId: $r, first: $n) { edges { node { id
                  plan { id } history { seq action } outcome { note } } } } }""";
        GraphQlResponse six = graphql(token, nested, Map.of("r", REGION, "n", 6));
        assertThat(six.data().get("networkPairs").get("edges")).hasSize(6);
        six.data().get("networkPairs").get("edges").forEach(edge -> assertThat(edge.get("node").get("history").get(0)
                .get("action").asText()).isEqualTo("CREATED"));
        assertThat(transactions(six)).isEqualTo(5);

        // Keyset pages: the second page continues after the first without overlap.
        JsonNode firstPage = graphql(token, "query($r: ID!) { networkPairs(regionId: $r, first: 4) { totalCount "
                + "pageInfo { hasNextPage endCursor } edges { node { id } } } }", Map.of("r", REGION)).data().get("networkPairs");
        assertThat(firstPage.get("totalCount").asInt()).isEqualTo(6);
        assertThat(firstPage.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
        JsonNode secondPage = graphql(token, "query($r: ID!, $a: String) { networkPairs(regionId: $r, first: 4, after: $a) { "
                + "pageInfo { hasNextPage } edges { node { id } } } }",
                Map.of("r", REGION, "a", firstPage.get("pageInfo").get("endCursor").asText())).data().get("networkPairs");
        assertThat(secondPage.get("edges")).hasSize(2);
        assertThat(secondPage.get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
        Set<String> ids = new java.util.HashSet<>();
        firstPage.get("edges").forEach(e -> ids.add(e.get("node").get("id").asText()));
        secondPage.get("edges").forEach(e -> ids.add(e.get("node").get("id").asText()));
        assertThat(ids).hasSize(6);

        List<String> second = loader.load();
        assertThat(second.get(0)).contains("уже есть");
        assertThat(bean(PairService.class).list(admin, REGION, null, null, null, Connection.Request.first(100)).nodes()).hasSize(6);
    }

    private static int transactions(GraphQlResponse response) {
        return response.body().path("extensions").path("cost").path("databaseTransactions").asInt();
    }
}
