package org.opora.pairing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.opora.pairing.outcomes.OutcomeService;
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

/** The pair life cycle, who may do what, the joint plan, history and outcome. */
class PairLifecycleTest {

    static final String REGION = "R-PAIR-3";
    static final String M1 = "R-PAIR-3-M1";
    static final String M2 = "R-PAIR-3-M2";

    static final String PAIR_FIELDS = """
            id status statusLabel allowedTransitions agreementDate agreementRef startDate endDate cancelReason summary
            mentee { id } leader { id }
            plan { id title deadline responsible plannedResult status overdue updatedBy }
            history { seq at by action from to details }""";

    static String regional;
    static String municipal;
    static String foreignRegional;
    static String otherMunicipal;
    static String menteeAdmin;
    static String leaderAdmin;
    static String strangerAdmin;

    @BeforeAll
    static void region() {
        TestSchools schools = new TestSchools(driver(), REGION, "run-1");
        List<TestSchools.School> list = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            list.add(schools.school("P3-MENTEE-" + i, M1).statuses("LOW_RESULTS").results(-1, -0.5, -1, -1)
                    .at(55, 60 + i * 0.01).context(TestSchools.context(1)));
        }
        list.add(schools.school("P3-LEADER", M1).statuses("LEADER").results(1, 1, 1, 1).at(55.1, 60).context(TestSchools.context(1)));
        list.add(schools.school("P3-LEADER-2", M1).statuses("LEADER").results(1, 1, 1, 1).at(55.1, 60.1).context(TestSchools.context(1)));
        list.add(schools.school("P3-LEADER-M2", M2).statuses("LEADER").results(1, 1, 1, 1).at(55.3, 60).context(TestSchools.context(1)));
        list.add(schools.school("P3-LOW-M2", M2).statuses("LOW_RESULTS").results(-1, -0.5, -1, -1).at(55.3, 60.2)
                .context(TestSchools.context(1)));
        for (int i = 0; i < 8; i++) {
            list.add(schools.school("P3-PLAIN-" + i, M2).statuses("LOW_RESULTS").results(-0.9, -0.3, -1, -1)
                    .at(55.4, 60).context(TestSchools.context(0.8 + 0.05 * i)));
        }
        schools.save(list);
        regional = tokenFor("pair3-regional", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null));
        municipal = tokenFor("pair3-muni-1", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(REGION, M1, null));
        otherMunicipal = tokenFor("pair3-muni-2", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(REGION, M2, null));
        foreignRegional = tokenFor("pair3-foreign", Set.of(Role.REGIONAL_COORDINATOR), new Scope("R-ELSEWHERE", null, null));
        menteeAdmin = tokenFor("pair3-admin-mentee", Set.of(Role.SCHOOL_ADMIN), new Scope(REGION, M1, "P3-MENTEE-1"));
        leaderAdmin = tokenFor("pair3-admin-leader", Set.of(Role.SCHOOL_ADMIN), new Scope(REGION, M1, "P3-LEADER"));
        strangerAdmin = tokenFor("pair3-admin-stranger", Set.of(Role.SCHOOL_ADMIN), new Scope(REGION, M1, "P3-MENTEE-5"));
    }

    static GraphQlResponse create(String token, String mentee, String leader) {
        return graphql(token, "mutation($in: CreateNetworkPairInput!) { createNetworkPair(input: $in) { " + PAIR_FIELDS + " } }",
                Map.of("in", Map.of("menteeId", mentee, "leaderId", leader)));
    }

    static GraphQlResponse agree(String token, String id) {
        return graphql(token, "mutation($id: ID!) { agreeNetworkPair(id: $id, agreementDate: \"2024-08-20\", agreementRef: \"Договор № 17 от 20.08.2024\") { "
                + PAIR_FIELDS + " } }", Map.of("id", id));
    }

    static GraphQlResponse activate(String token, String id) {
        return graphql(token, "mutation($id: ID!) { activateNetworkPair(id: $id, startDate: \"2024-09-01\") { " + PAIR_FIELDS + " } }",
                Map.of("id", id));
    }

    static GraphQlResponse cancel(String token, String id, String reason) {
        return graphql(token, "mutation($id: ID!, $r: String!) { cancelNetworkPair(id: $id, reason: $r) { " + PAIR_FIELDS + " } }",
                Map.of("id", id, "r", reason));
    }

    static JsonNode read(String token, String id) {
        return graphql(token, "query($id: ID!) { networkPair(id: $id) { " + PAIR_FIELDS + " } }", Map.of("id", id))
                .data().get("networkPair");
    }

    @Test
    void fullLifeCycleWithPlanAndHistory() {
        JsonNode pair = create(municipal, "P3-MENTEE-1", "P3-LEADER").data().get("createNetworkPair");
        String id = pair.get("id").asText();
        assertThat(pair.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(pair.get("allowedTransitions")).extracting(JsonNode::asText).containsExactlyInAnyOrder("AGREED", "CANCELLED");

        JsonNode agreed = agree(municipal, id).data().get("agreeNetworkPair");
        assertThat(agreed.get("status").asText()).isEqualTo("AGREED");
        assertThat(agreed.get("agreementRef").asText()).isEqualTo("Договор № 17 от 20.08.2024");
        JsonNode active = activate(regional, id).data().get("activateNetworkPair");
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("startDate").asText()).isEqualTo("2024-09-01");

        String add = """
                mutation($p: ID!, $in: PairActivityInput!) { addPairActivity(pairId: $p, input: $in) {
                  id title deadline responsible plannedResult status overdue updatedBy } }""";
        JsonNode activity = graphql(menteeAdmin, add, Map.of("p", id, "in", Map.of("title", "Взаимопосещение уроков математики",
                "deadline", "2024-10-15", "responsible", "Зам. директора по УВР", "plannedResult", "10 уроков, анализ"))).data().get("addPairActivity");
        assertThat(activity.get("status").asText()).isEqualTo("PLANNED");
        assertThat(activity.get("overdue").asBoolean()).isTrue();
        graphql(leaderAdmin, add, Map.of("p", id, "in", Map.of("title", "Семинар для учителей", "status", "IN_PROGRESS"))).data();

        String update = "mutation($id: ID!, $in: PairActivityUpdateInput!) { updatePairActivity(id: $id, input: $in) { id status overdue updatedBy } }";
        JsonNode updated = graphql(leaderAdmin, update, Map.of("id", activity.get("id").asText(), "in", Map.of("status", "DONE")))
                .data().get("updatePairActivity");
        assertThat(updated.get("status").asText()).isEqualTo("DONE");
        assertThat(updated.get("overdue").asBoolean()).isFalse();
        assertThat(updated.get("updatedBy").asText()).isEqualTo("pair3-admin-leader");

        assertThat(graphql(strangerAdmin, add, Map.of("p", id, "in", Map.of("title", "Чужое"))).errorCode()).isEqualTo("FORBIDDEN");
        String teacher = tokenFor("pair3-teacher", Set.of(Role.TEACHER), new Scope(REGION, M1, "P3-MENTEE-1"));
        assertThat(graphql(teacher, add, Map.of("p", id, "in", Map.of("title", "Учитель"))).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(menteeAdmin, add, Map.of("p", id, "in", Map.of("title", "  "))).errorCode()).isEqualTo("BAD_USER_INPUT");
        // School admins edit the plan but do not run the pair.
        assertThat(cancel(menteeAdmin, id, "Не нужна").errorCode()).isEqualTo("FORBIDDEN");

        JsonNode complete = graphql(regional, "mutation($id: ID!) { completeNetworkPair(id: $id, endDate: \"2025-06-30\", summary: \"План выполнен\") { "
                + PAIR_FIELDS + " } }", Map.of("id", id)).data().get("completeNetworkPair");
        assertThat(complete.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(complete.get("allowedTransitions")).isEmpty();
        assertThat(complete.get("plan")).hasSize(2);

        List<String> actions = new ArrayList<>();
        complete.get("history").forEach(e -> actions.add(e.get("action").asText() + ":" + e.get("to").asText("")));
        assertThat(actions).containsExactly("CREATED:PROPOSED", "STATUS_CHANGED:AGREED", "STATUS_CHANGED:ACTIVE",
                "ACTIVITY_ADDED:", "ACTIVITY_ADDED:", "ACTIVITY_UPDATED:", "STATUS_CHANGED:COMPLETED");
        JsonNode update1 = complete.get("history").get(5);
        assertThat(update1.get("by").asText()).isEqualTo("pair3-admin-leader");
        assertThat(update1.get("details").get("changes").get("status").get("from").asText()).isEqualTo("PLANNED");
        assertThat(update1.get("details").get("changes").get("status").get("to").asText()).isEqualTo("DONE");
        assertThat(complete.get("history").get(1).get("details").get("agreementRef").asText()).contains("№ 17");
        assertThat(complete.get("history").get(1).get("by").asText()).isEqualTo("pair3-muni-1");

        // The plan of a completed pair is closed.
        assertThat(graphql(menteeAdmin, add, Map.of("p", id, "in", Map.of("title", "Поздно"))).errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void forbiddenTransitionsAreRefusedAndChangeNothing() {
        String id = create(regional, "P3-MENTEE-2", "P3-LEADER-2").data().get("createNetworkPair").get("id").asText();
        // Skipping the agreement.
        GraphQlResponse skip = activate(regional, id);
        assertThat(skip.errorCode()).isEqualTo("CONFLICT");
        assertThat(skip.errorMessage()).contains("«предложена»").contains("«действует»").contains("Ничего не изменено");
        assertThat(read(regional, id).get("status").asText()).isEqualTo("PROPOSED");

        assertThat(cancel(regional, id, " ").errorCode()).isEqualTo("BAD_USER_INPUT");
        JsonNode cancelled = cancel(regional, id, "Школа-лидер отказалась").data().get("cancelNetworkPair");
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelReason").asText()).isEqualTo("Школа-лидер отказалась");
        int historySize = cancelled.get("history").size();

        GraphQlResponse revive = activate(regional, id);
        assertThat(revive.errorCode()).isEqualTo("CONFLICT");
        assertThat(revive.errorMessage()).contains("конечном состоянии");
        assertThat(agree(regional, id).errorCode()).isEqualTo("CONFLICT");
        assertThat(cancel(regional, id, "Ещё раз").errorCode()).isEqualTo("CONFLICT");
        JsonNode after = read(regional, id);
        assertThat(after.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(after.get("cancelReason").asText()).isEqualTo("Школа-лидер отказалась");
        assertThat(after.get("startDate").isNull()).isTrue();
        assertThat(after.get("history")).hasSize(historySize);

        // A cancelled pair frees the mentee for a new pair.
        assertThat(create(regional, "P3-MENTEE-2", "P3-LEADER-2").errorCode()).isNull();
        // An agreement date after the start date is refused.
        String other = create(regional, "P3-MENTEE-3", "P3-LEADER-2").data().get("createNetworkPair").get("id").asText();
        agree(regional, other).data();
        GraphQlResponse early = graphql(regional, "mutation($id: ID!) { activateNetworkPair(id: $id, startDate: \"2024-01-01\") { id } }",
                Map.of("id", other));
        assertThat(early.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(read(regional, other).get("status").asText()).isEqualTo("AGREED");
        assertThat(graphql(regional, "mutation { activateNetworkPair(id: \"NP-none\") { id } }").errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void coordinatorsOfOtherTerritoriesAreRefused() {
        assertThat(create(foreignRegional, "P3-MENTEE-4", "P3-LEADER").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(create(otherMunicipal, "P3-MENTEE-4", "P3-LEADER").errorCode()).isEqualTo("FORBIDDEN");
        // A cross-municipality pair needs the regional coordinator.
        assertThat(create(municipal, "P3-MENTEE-4", "P3-LEADER-M2").errorCode()).isEqualTo("FORBIDDEN");
        JsonNode pair = create(regional, "P3-MENTEE-4", "P3-LEADER-M2").data().get("createNetworkPair");
        String id = pair.get("id").asText();
        assertThat(agree(foreignRegional, id).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(agree(municipal, id).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(cancel(otherMunicipal, id, "Чужая пара").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(read(regional, id).get("status").asText()).isEqualTo("PROPOSED");
        assertThat(read(regional, id).get("history")).hasSize(1);
        // Reading: the foreign coordinator does not see it at all.
        assertThat(graphql(foreignRegional, "query($id: ID!) { networkPair(id: $id) { id } }", Map.of("id", id)).errorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(graphql(foreignRegional, "query($r: ID!) { networkPairs(regionId: $r) { totalCount } }", Map.of("r", REGION))
                .errorCode()).isEqualTo("FORBIDDEN");
        // The pair touches both municipalities, so both municipal coordinators see it.
        assertThat(read(otherMunicipal, id).get("id").asText()).isEqualTo(id);
    }

    @Test
    void hardRulesOnCreation() {
        assertThat(create(regional, "P3-LEADER", "P3-LEADER-2").errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(create(regional, "P3-MENTEE-5", "P3-LOW-M2").errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(create(regional, "P3-MENTEE-5", "P3-MENTEE-5").errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(create(regional, "P3-MENTEE-5", "NO-SUCH").errorCode()).isEqualTo("NOT_FOUND");
        // Capacity: the region allows one leader at most two schools here.
        graphql(regional, "mutation($r: ID!) { updatePairingSettings(regionId: $r, input: {capacity: 2}) { capacity } }",
                Map.of("r", REGION)).data();
        try {
            String leader = "P3-LEADER-M2";
            int open = graphql(regional, "query($r: ID!, $s: ID) { networkPairs(regionId: $r, filter: {schoolId: $s, statuses: [PROPOSED, AGREED, ACTIVE]}) { totalCount } }",
                    Map.of("r", REGION, "s", leader)).data().get("networkPairs").get("totalCount").asInt();
            List<String> mentees = List.of("P3-PLAIN-0", "P3-PLAIN-1", "P3-PLAIN-2");
            int created = 0;
            GraphQlResponse last = null;
            for (String mentee : mentees) {
                last = create(regional, mentee, leader);
                if (last.errorCode() == null) {
                    created++;
                }
            }
            assertThat(open + created).isEqualTo(2);
            assertThat(last.errorCode()).isEqualTo("CONFLICT");
            assertThat(last.errorMessage()).contains("предел");
            // One open pair per mentee.
            GraphQlResponse twice = create(regional, "P3-PLAIN-0", "P3-LEADER");
            assertThat(twice.errorCode()).isEqualTo("CONFLICT");
        } finally {
            graphql(regional, "mutation($r: ID!) { updatePairingSettings(regionId: $r, input: {capacity: 3}) { capacity } }",
                    Map.of("r", REGION)).data();
        }
    }

    @Test
    void pairsArePaginatedAndFiltered() {
        JsonNode all = graphql(regional, "query($r: ID!) { networkPairs(regionId: $r, first: 100) { totalCount edges { node { id status } } } }",
                Map.of("r", REGION)).data().get("networkPairs");
        int total = all.get("totalCount").asInt();
        if (total < 2) {
            create(regional, "P3-PLAIN-6", "P3-LEADER").data();
            create(regional, "P3-PLAIN-7", "P3-LEADER").data();
            total = graphql(regional, "query($r: ID!) { networkPairs(regionId: $r) { totalCount } }", Map.of("r", REGION))
                    .data().get("networkPairs").get("totalCount").asInt();
        }
        String page = "query($r: ID!, $a: String) { networkPairs(regionId: $r, first: 1, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }";
        Map<String, Object> vars = new HashMap<>();
        vars.put("r", REGION);
        JsonNode p1 = graphql(regional, page, vars).data().get("networkPairs");
        vars.put("a", p1.get("pageInfo").get("endCursor").asText());
        JsonNode p2 = graphql(regional, page, vars).data().get("networkPairs");
        assertThat(p1.get("totalCount").asInt()).isEqualTo(total);
        assertThat(p1.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
        assertThat(p2.get("edges").get(0).get("node").get("id").asText()).isNotEqualTo(p1.get("edges").get(0).get("node").get("id").asText());
        // A school admin sees only the pairs of their school.
        JsonNode own = graphql(strangerAdmin, "query($r: ID!) { networkPairs(regionId: $r, first: 100) { edges { node { mentee { id } leader { id } } } } }",
                Map.of("r", REGION)).data().get("networkPairs");
        own.get("edges").forEach(e -> assertThat(List.of(e.get("node").get("mentee").get("id").asText(),
                e.get("node").get("leader").get("id").asText())).contains("P3-MENTEE-5"));
    }

    @Test
    void outcomeComparesTheMenteeWithComparableSchoolsWithoutAPair() {
        String region = "R-PAIR-3B";
        TestSchools schools = new TestSchools(driver(), region, "run-1");
        List<TestSchools.School> list = new ArrayList<>();
        list.add(schools.school("P3B-MENTEE", "P3B-M").statuses("LOW_RESULTS").results(-1, -0.5, -1, -1).at(55, 60)
                .context(TestSchools.context(1)));
        list.add(schools.school("P3B-LEADER", "P3B-M").statuses("LEADER").results(1, 1, 1, 1).at(55.05, 60)
                .context(TestSchools.context(1)));
        for (int i = 0; i < 8; i++) {
            list.add(schools.school("P3B-OTHER-" + i, "P3B-M").statuses(i < 4 ? new String[]{"LOW_RESULTS"} : new String[0])
                    .results(-0.5, -0.2, -0.5, -0.5).at(55.1, 60).context(TestSchools.context(0.5 + 0.1 * i)));
        }
        schools.save(list);
        // Mathematics grade 5: the mentee climbs from 10 to 14 after the pair starts (September 2022); others stay flat.
        List<Map<String, Object>> results = new ArrayList<>();
        double[] mentee = {10, 10.5, 13, 14};
        for (int y = 0; y < 4; y++) {
            results.add(result("P3B-MENTEE", 2021 + y, mentee[y]));
            results.add(result("P3B-LEADER", 2021 + y, 17));
            for (int i = 0; i < 8; i++) {
                results.add(result("P3B-OTHER-" + i, 2021 + y, 11 + i * 0.6 + (y % 2) * 0.2));
            }
        }
        try (Session session = driver().session()) {
            session.executeWrite(tx -> tx.run("""
                    UNWIND $rows AS row MATCH (s:School {id: row.schoolId})
                    CREATE (s)-[:HAS_RESULT]->(a:AssessmentResult) SET a = row
                    """, Map.of("rows", results)).consume());
        }
        String token = tokenFor("pair3b-regional", Set.of(Role.REGIONAL_COORDINATOR), new Scope(region, null, null));
        String id = create(token, "P3B-MENTEE", "P3B-LEADER").data().get("createNetworkPair").get("id").asText();
        assertThat(graphql(token, "query($id: ID!) { networkPair(id: $id) { outcome { note } } }", Map.of("id", id))
                .data().get("networkPair").get("outcome").isNull()).isTrue();
        graphql(token, "mutation($id: ID!) { agreeNetworkPair(id: $id, agreementDate: \"2022-08-25\", agreementRef: \"Соглашение 5\") { id } }",
                Map.of("id", id)).data();
        graphql(token, "mutation($id: ID!) { activateNetworkPair(id: $id, startDate: \"2022-09-01\") { id } }", Map.of("id", id)).data();
        JsonNode outcome = graphql(token, """
                query($id: ID!) { networkPair(id: $id) { outcome {
                  startDate method note difference comparisonChange comparisonBefore comparisonAfter
                  mentee { school { id } series { year value } before after change }
                  comparison { school { id statuses } before after change contextDistance } } } }""", Map.of("id", id))
                .data().get("networkPair").get("outcome");
        assertThat(outcome.get("startDate").asText()).isEqualTo("2022-09-01");
        assertThat(outcome.get("mentee").get("series")).hasSize(4);
        assertThat(outcome.get("mentee").get("change").asDouble()).isPositive();
        assertThat(outcome.get("comparison")).hasSize(OutcomeService.COMPARISON_SIZE);
        outcome.get("comparison").forEach(c -> assertThat(c.get("school").get("id").asText()).startsWith("P3B-OTHER-"));
        assertThat(outcome.get("difference").asDouble()).isGreaterThan(0.5);
        assertThat(outcome.get("note").asText()).contains("сопоставимых школ");

        JsonNode summary = graphql(token, "query($r: ID!) { pairingOutcomeSummary(regionId: $r) { startedPairs pairsWithData positiveDynamicsShare meanDifference } }",
                Map.of("r", region)).data().get("pairingOutcomeSummary");
        assertThat(summary.get("startedPairs").asInt()).isEqualTo(1);
        assertThat(summary.get("positiveDynamicsShare").asDouble()).isEqualTo(1.0);
        assertThat(summary.get("meanDifference").asDouble()).isGreaterThan(0.5);
    }

    private static Map<String, Object> result(String school, int year, double score) {
        Map<String, Object> row = new HashMap<>();
        row.put("schoolId", school);
        row.put("year", year);
        row.put("procedure", "ВПР");
        row.put("subject", "Математика");
        row.put("grade", 5);
        row.put("participants", 40);
        row.put("meanScore", score);
        row.put("shareFailing", 0.1);
        row.put("shareHigh", 0.2);
        row.put("key", school + "|ВПР|Математика|5|" + year);
        return row;
    }
}
