package org.opora.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.driver;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.post;
import static org.opora.testing.OporaTestApp.read;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * User management over real HTTP: separate create / update / reset / change-own-password operations, who may
 * manage whom (territory and rank), the audit trail, and tokens losing their rights at once. Region T-UM
 * (municipalities T-UM-M1, T-UM-M2) and T-UM-OTHER.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserManagementTest {

    static final String CREATE = """
            mutation($u: CreateUserInput!) { createUser(input: $u) { username displayName roles regionId municipalityId
              schoolId enabled manageable createdBy } }""";
    static final String UPDATE = """
            mutation($n: String!, $u: UpdateUserInput!) { updateUser(username: $n, input: $u) {
              username displayName roles regionId municipalityId schoolId enabled updatedBy } }""";
    static final String RESET = "mutation($n: String!, $p: String!) { resetUserPassword(username: $n, password: $p) { username } }";
    static final String AUDIT = """
            query($n: String!) { userAudit(username: $n) { totalCount edges { node {
              id at actor username action changes { field before after } } } } }""";
    static final String ME = "{ me { username roles regionId } }";

    String admin;
    String regional;
    String municipal;
    String otherRegional;

    @BeforeAll
    void territoryAndManagers() {
        driver().executableQuery("""
                MERGE (r:Region {id: 'T-UM'}) SET r.name = 'Тестовая область'
                MERGE (m1:Municipality {id: 'T-UM-M1'}) SET m1.regionId = 'T-UM', m1.name = 'Первый округ'
                MERGE (m2:Municipality {id: 'T-UM-M2'}) SET m2.regionId = 'T-UM', m2.name = 'Второй округ'
                MERGE (r)-[:HAS_MUNICIPALITY]->(m1) MERGE (r)-[:HAS_MUNICIPALITY]->(m2)
                MERGE (s1:School {id: 'T-UM-S1'}) SET s1.regionId = 'T-UM', s1.municipalityId = 'T-UM-M1', s1.name = 'Школа 1'
                MERGE (s2:School {id: 'T-UM-S2'}) SET s2.regionId = 'T-UM', s2.municipalityId = 'T-UM-M2', s2.name = 'Школа 2'
                MERGE (m1)-[:HAS_SCHOOL]->(s1) MERGE (m2)-[:HAS_SCHOOL]->(s2)""").execute();
        admin = tokenFor("um-admin", Set.of(Role.ADMIN), Scope.EVERYWHERE);
        regional = tokenFor("um-regional", Set.of(Role.REGIONAL_COORDINATOR), new Scope("T-UM", null, null));
        municipal = tokenFor("um-municipal", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope("T-UM", "T-UM-M1", null));
        otherRegional = tokenFor("um-other-regional", Set.of(Role.REGIONAL_COORDINATOR), new Scope("T-UM-OTHER", null, null));
    }

    static Map<String, Object> newUser(String username, List<String> roles, Map<String, Object> scope) {
        Map<String, Object> input = new HashMap<>();
        input.put("username", username);
        input.put("displayName", "Пользователь " + username);
        input.put("password", "initial-pw-" + username);
        input.put("roles", roles);
        input.put("scope", scope);
        return input;
    }

    static Map<String, Object> region(String regionId) {
        return Map.of("regionId", regionId);
    }

    static int login(String username, String password) {
        return post("/login", null, Map.of("username", username, "password", password)).statusCode();
    }

    static String token(String username, String password) {
        var response = post("/login", null, Map.of("username", username, "password", password));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response.body()).get("access_token").asText();
    }

    static int auditCount(String token, String username) {
        return graphql(token, AUDIT, Map.of("n", username)).data().get("userAudit").get("totalCount").asInt();
    }

    @Test
    void aCoordinatorCannotTakeOverAnAdminAndNothingChanges() {
        tokenFor("um-victim-admin", Set.of(Role.ADMIN), Scope.EVERYWHERE);
        int auditBefore = auditCount(admin, "um-victim-admin");

        // The old attack: "create" the admin again with a password of the attacker's choosing.
        GraphQlResponse takeOver = graphql(regional, CREATE, Map.of("u", newUser("um-victim-admin", List.of("ADMIN"), Map.of())));
        assertThat(takeOver.errorCode()).isEqualTo("FORBIDDEN");
        GraphQlResponse asTeacher = graphql(regional, CREATE, Map.of("u", newUser("um-victim-admin", List.of("TEACHER"), region("T-UM"))));
        assertThat(asTeacher.errorCode()).isEqualTo("CONFLICT");
        assertThat(graphql(regional, UPDATE, Map.of("n", "um-victim-admin", "u", Map.of("roles", List.of("TEACHER"),
                "scope", region("T-UM"))))).extracting(GraphQlResponse::errorCode).isEqualTo("FORBIDDEN");
        assertThat(graphql(regional, RESET, Map.of("n", "um-victim-admin", "p", "attacker-chosen")).errorCode()).isEqualTo("FORBIDDEN");

        assertThat(login("um-victim-admin", "attacker-chosen")).isEqualTo(401);
        assertThat(login("um-victim-admin", "initial-pw-um-victim-admin")).isEqualTo(401);
        assertThat(login("um-victim-admin", "test-password-um-victim-admin")).isEqualTo(200);
        JsonNode me = graphql(token("um-victim-admin", "test-password-um-victim-admin"), ME).data().get("me");
        assertThat(me.get("roles").get(0).asText()).isEqualTo("ADMIN");
        assertThat(auditCount(admin, "um-victim-admin")).isEqualTo(auditBefore);
    }

    @Test
    void coordinatorsManageOnlyInsideTheirTerritoryAndAtOrBelowTheirRank() {
        // Outside the territory: refused, nothing written.
        assertThat(graphql(regional, CREATE, Map.of("u", newUser("um-outsider", List.of("TEACHER"), region("T-UM-OTHER"))))
                .errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(admin, "query($n: String!) { user(username: $n) { username } }", Map.of("n", "um-outsider"))
                .data().get("user").isNull()).isTrue();
        // A municipal coordinator: not a user of the whole region, not a neighbouring municipality, not above their rank.
        assertThat(graphql(municipal, CREATE, Map.of("u", newUser("um-m-regionwide", List.of("TEACHER"), region("T-UM"))))
                .errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(municipal, CREATE, Map.of("u", newUser("um-m-neighbour", List.of("TEACHER"),
                Map.of("regionId", "T-UM", "municipalityId", "T-UM-M2")))).errorCode()).isEqualTo("FORBIDDEN");
        GraphQlResponse above = graphql(municipal, CREATE, Map.of("u", newUser("um-m-boss", List.of("REGIONAL_COORDINATOR"),
                Map.of("regionId", "T-UM", "municipalityId", "T-UM-M1"))));
        assertThat(above.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(above.errorMessage()).contains("REGIONAL_COORDINATOR");

        // Inside and at or below: created, with the caller recorded.
        JsonNode teacher = graphql(municipal, CREATE, Map.of("u", newUser("um-school-teacher", List.of("TEACHER", "MENTOR"),
                Map.of("regionId", "T-UM", "municipalityId", "T-UM-M1", "schoolId", "T-UM-S1")))).data().get("createUser");
        assertThat(teacher.get("schoolId").asText()).isEqualTo("T-UM-S1");
        assertThat(teacher.get("createdBy").asText()).isEqualTo("um-municipal");
        assertThat(teacher.get("manageable").asBoolean()).isTrue();
        assertThat(login("um-school-teacher", "initial-pw-um-school-teacher")).isEqualTo(200);

        // Moving a user out of one's territory, or another region's coordinator touching them: refused, unchanged.
        assertThat(graphql(municipal, UPDATE, Map.of("n", "um-school-teacher", "u", Map.of("scope",
                Map.of("regionId", "T-UM", "municipalityId", "T-UM-M2", "schoolId", "T-UM-S2")))).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(otherRegional, UPDATE, Map.of("n", "um-school-teacher", "u", Map.of("displayName", "Чужой")))
                .errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(otherRegional, "query($n: String!) { user(username: $n) { username } }", Map.of("n", "um-school-teacher"))
                .errorCode()).isEqualTo("FORBIDDEN");
        JsonNode unchanged = graphql(regional, "query($n: String!) { user(username: $n) { displayName schoolId manageable } }",
                Map.of("n", "um-school-teacher")).data().get("user");
        assertThat(unchanged.get("displayName").asText()).isEqualTo("Пользователь um-school-teacher");
        assertThat(unchanged.get("schoolId").asText()).isEqualTo("T-UM-S1");
        assertThat(unchanged.get("manageable").asBoolean()).isTrue();

        // A coordinator of the same rank in the region may be managed by the regional coordinator, an admin never.
        assertThat(graphql(admin, "query($n: String!) { user(username: $n) { manageable } }", Map.of("n", "um-regional"))
                .data().get("user").get("manageable").asBoolean()).isTrue();
    }

    @Test
    void scopesMustBeConsistentWithTheTerritoryGraph() {
        GraphQlResponse foreignSchool = graphql(regional, CREATE, Map.of("u", newUser("um-mismatch", List.of("SCHOOL_ADMIN"),
                Map.of("regionId", "T-UM", "municipalityId", "T-UM-M1", "schoolId", "T-UM-S2"))));
        assertThat(foreignSchool.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(foreignSchool.errorMessage()).contains("scope.schoolId").contains("T-UM-M2");
        GraphQlResponse orphan = graphql(regional, CREATE, Map.of("u", newUser("um-orphan", List.of("TEACHER"),
                Map.of("municipalityId", "T-UM-M1"))));
        assertThat(orphan.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(orphan.errorMessage()).contains("scope.municipalityId");
        GraphQlResponse shortPassword = graphql(regional, CREATE, Map.of("u", Map.of("username", "um-short",
                "displayName", "Коротко", "password", "short", "roles", List.of("TEACHER"), "scope", region("T-UM"))));
        assertThat(shortPassword.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(shortPassword.errorMessage()).startsWith("password:");
    }

    @Test
    void anAdminResetsAPasswordAndOnlyAnAdmin() {
        graphql(regional, CREATE, Map.of("u", newUser("um-forgetful", List.of("TEACHER"), region("T-UM")))).data();
        String oldToken = token("um-forgetful", "initial-pw-um-forgetful");
        assertThat(graphql(regional, RESET, Map.of("n", "um-forgetful", "p", "coordinator-set")).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(login("um-forgetful", "coordinator-set")).isEqualTo(401);

        assertThat(graphql(admin, RESET, Map.of("n", "um-forgetful", "p", "fresh-password-1")).data()
                .get("resetUserPassword").get("username").asText()).isEqualTo("um-forgetful");
        assertThat(login("um-forgetful", "initial-pw-um-forgetful")).isEqualTo(401);
        assertThat(login("um-forgetful", "fresh-password-1")).isEqualTo(200);
        GraphQlResponse stale = graphql(oldToken, ME);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theAuditTrailNamesWhoChangedWhatAndWhenButNeverThePassword() {
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);
        graphql(regional, CREATE, Map.of("u", newUser("um-audited", List.of("TEACHER"), region("T-UM")))).data();
        graphql(regional, UPDATE, Map.of("n", "um-audited", "u", Map.of("roles", List.of("TEACHER", "METHODIST"),
                "displayName", "Методист"))).data();
        graphql(admin, RESET, Map.of("n", "um-audited", "p", "after-reset-pw")).data();

        JsonNode audit = graphql(regional, AUDIT, Map.of("n", "um-audited")).data().get("userAudit");
        assertThat(audit.get("totalCount").asInt()).isEqualTo(3);
        List<String> actions = new ArrayList<>();
        audit.get("edges").forEach(e -> actions.add(e.get("node").get("action").asText()));
        assertThat(actions).containsExactly("PASSWORD_RESET", "UPDATED", "CREATED");
        JsonNode reset = audit.get("edges").get(0).get("node");
        assertThat(reset.get("actor").asText()).isEqualTo("um-admin");
        assertThat(reset.get("changes")).isEmpty();
        JsonNode update = audit.get("edges").get(1).get("node");
        assertThat(update.get("actor").asText()).isEqualTo("um-regional");
        assertThat(OffsetDateTime.parse(update.get("at").asText())).isAfter(before);
        Map<String, String[]> changes = new HashMap<>();
        update.get("changes").forEach(c -> changes.put(c.get("field").asText(),
                new String[]{c.get("before").asText(null), c.get("after").asText(null)}));
        assertThat(changes).containsOnlyKeys("displayName", "roles");
        assertThat(changes.get("roles")).containsExactly("TEACHER", "METHODIST,TEACHER");
        JsonNode created = audit.get("edges").get(2).get("node");
        assertThat(created.toString()).doesNotContain("initial-pw").doesNotContain("$2a$");

        // Same visibility as the user: another region's coordinator gets FORBIDDEN, the admin reads it.
        assertThat(graphql(otherRegional, AUDIT, Map.of("n", "um-audited")).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(auditCount(admin, "um-audited")).isEqualTo(3);
        // Stored in Neo4j next to the user.
        long stored = driver().executableQuery("MATCH (:UserAuditEvent)-[:ABOUT]->(u:User {username: 'um-audited'}) RETURN count(*) AS n")
                .execute().records().get(0).get("n").asLong();
        assertThat(stored).isEqualTo(3);
    }

    @Test
    void anOldTokenLosesItsRightsAtOnceWhenRolesChangeOrTheUserIsDisabled() {
        graphql(regional, CREATE, Map.of("u", newUser("um-promoted", List.of("TEACHER", "METHODIST"), region("T-UM")))).data();
        String methodistToken = token("um-promoted", "initial-pw-um-promoted");
        assertThat(graphql(methodistToken, ME).data().get("me").get("roles")).hasSize(2);

        graphql(regional, UPDATE, Map.of("n", "um-promoted", "u", Map.of("roles", List.of("TEACHER")))).data();
        GraphQlResponse stale = graphql(methodistToken, ME);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.errorCode()).isEqualTo("UNAUTHENTICATED");
        String teacherToken = token("um-promoted", "initial-pw-um-promoted");
        assertThat(graphql(teacherToken, ME).data().get("me").get("roles").get(0).asText()).isEqualTo("TEACHER");

        // A change of name only keeps the token.
        graphql(regional, UPDATE, Map.of("n", "um-promoted", "u", Map.of("displayName", "Новое имя"))).data();
        assertThat(graphql(teacherToken, ME).status()).isEqualTo(200);

        graphql(regional, UPDATE, Map.of("n", "um-promoted", "u", Map.of("enabled", false))).data();
        assertThat(graphql(teacherToken, ME).status()).isEqualTo(401);
        assertThat(login("um-promoted", "initial-pw-um-promoted")).isEqualTo(401);
        graphql(regional, UPDATE, Map.of("n", "um-promoted", "u", Map.of("enabled", true))).data();
        assertThat(login("um-promoted", "initial-pw-um-promoted")).isEqualTo(200);
    }

    @Test
    void nobodyChangesTheirOwnRightsButEverybodyTheirOwnPassword() {
        graphql(regional, CREATE, Map.of("u", newUser("um-self", List.of("MUNICIPAL_COORDINATOR"),
                Map.of("regionId", "T-UM", "municipalityId", "T-UM-M2")))).data();
        String self = token("um-self", "initial-pw-um-self");
        assertThat(graphql(self, UPDATE, Map.of("n", "um-self", "u", Map.of("scope", Map.of("regionId", "T-UM",
                "municipalityId", "T-UM-M2", "schoolId", "T-UM-S2"), "roles", List.of("MUNICIPAL_COORDINATOR", "TEACHER"))))
                .errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(self, UPDATE, Map.of("n", "um-self", "u", Map.of("displayName", "Моё имя"))).data()
                .get("updateUser").get("displayName").asText()).isEqualTo("Моё имя");

        String change = "mutation($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n) }";
        GraphQlResponse wrong = graphql(self, change, Map.of("c", "not-my-password", "n", "my-new-password"));
        assertThat(wrong.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(wrong.errorMessage()).startsWith("currentPassword:");
        assertThat(graphql(self, change, Map.of("c", "initial-pw-um-self", "n", "my-new-password")).data()
                .get("changeMyPassword").asBoolean()).isTrue();
        assertThat(graphql(self, ME).status()).isEqualTo(401);
        assertThat(login("um-self", "initial-pw-um-self")).isEqualTo(401);
        assertThat(login("um-self", "my-new-password")).isEqualTo(200);
        assertThat(graphql(admin, AUDIT, Map.of("n", "um-self")).data().get("userAudit").get("edges").get(0)
                .get("node").get("action").asText()).isEqualTo("PASSWORD_CHANGED");
    }

    @Test
    void theUserListShowsOnlyTheCallersTerritory() {
        graphql(admin, CREATE, Map.of("u", newUser("um-list-far", List.of("TEACHER"), region("T-UM-OTHER")))).data();
        graphql(regional, CREATE, Map.of("u", newUser("um-list-near", List.of("TEACHER"), region("T-UM")))).data();
        String list = "query($f: UserFilter) { users(filter: $f, first: 200) { totalCount edges { node { username regionId } } } }";
        List<String> seen = new ArrayList<>();
        JsonNode page = graphql(regional, list, Map.of("f", Map.of("search", "um-list"))).data().get("users");
        page.get("edges").forEach(e -> seen.add(e.get("node").get("username").asText()));
        assertThat(seen).containsExactly("um-list-near");
        assertThat(page.get("totalCount").asInt()).isEqualTo(1);

        List<String> all = new ArrayList<>();
        graphql(admin, list, Map.of("f", Map.of("search", "UM-LIST"))).data().get("users").get("edges")
                .forEach(e -> all.add(e.get("node").get("username").asText()));
        assertThat(all).containsExactly("um-list-far", "um-list-near");

        JsonNode teachersOfRegion = graphql(regional, list, Map.of("f", Map.of("role", "REGIONAL_COORDINATOR"))).data().get("users");
        teachersOfRegion.get("edges").forEach(e -> assertThat(e.get("node").get("regionId").asText()).isEqualTo("T-UM"));
        String teacher = tokenFor("um-plain-teacher", Set.of(Role.TEACHER), new Scope("T-UM", null, null));
        assertThat(graphql(teacher, list, Map.of()).errorCode()).isEqualTo("FORBIDDEN");
    }
}
