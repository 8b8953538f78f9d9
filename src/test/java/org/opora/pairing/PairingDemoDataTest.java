package org.opora.pairing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opora.security.CurrentUser;
import org.opora.security.Role;
import org.opora.security.Scope;
import org.opora.security.DemoLogins;

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
        List<NetworkPair> pairs = bean(PairService.class).list(admin, REGION, null, null, null, new Page.Request(0, 100)).items();
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

        List<String> second = loader.load();
        assertThat(second.get(0)).contains("уже есть");
        assertThat(bean(PairService.class).list(admin, REGION, null, null, null, new Page.Request(0, 100)).items()).hasSize(6);
    }
}
