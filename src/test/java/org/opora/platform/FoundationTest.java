package org.opora.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.get;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.post;
import static org.opora.testing.OporaTestApp.read;
import static org.opora.testing.OporaTestApp.send;
import static org.opora.testing.OporaTestApp.tokenFor;

/** The platform over real HTTP: login, authorisation, error shapes, limits, health. */
class FoundationTest {

    @Test
    void loginThenAuthorisedQueryReturnsTheCallerAndTheirScope() {
        String token = tokenFor("coordinator-foundation", Set.of(Role.REGIONAL_COORDINATOR), new Scope("R-F", null, null));
        JsonNode me = graphql(token, "{ me { username roles regionId municipalityId } }").data().get("me");
        assertThat(me.get("username").asText()).isEqualTo("coordinator-foundation");
        assertThat(me.get("roles").get(0).asText()).isEqualTo("REGIONAL_COORDINATOR");
        assertThat(me.get("regionId").asText()).isEqualTo("R-F");
        assertThat(me.get("municipalityId").isNull()).isTrue();
    }

    @Test
    void wrongPasswordIsRefused() {
        tokenFor("someone", Set.of(Role.TEACHER), Scope.EVERYWHERE);
        HttpResponse<String> response = post("/login", null, Map.of("username", "someone", "password", "wrong-password"));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void anonymousCallOfAProtectedFieldGets401WithCode() {
        GraphQlResponse response = graphql(null, "{ me { username } }");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.body().has("data")).isFalse();
    }

    @Test
    void aForgedTokenIsNotAccepted() {
        GraphQlResponse response = graphql("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "{ me { username } }");
        assertThat(response.status()).isIn(401);
    }

    @Test
    void publicFieldNeedsNoToken() {
        GraphQlResponse response = graphql(null, "{ ping }");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().get("ping").asText()).isEqualTo("pong");
    }

    @Test
    void unknownFieldIsABadRequestNamingTheField() {
        String token = tokenFor("teacher-foundation", Set.of(Role.TEACHER), Scope.EVERYWHERE);
        GraphQlResponse response = graphql(token, "{ me { username shoeSize } }");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(response.errorMessage()).contains("shoeSize");
    }

    @Test
    void malformedQueryAndMalformedJsonGetClearErrors() {
        String token = tokenFor("teacher-foundation", Set.of(Role.TEACHER), Scope.EVERYWHERE);
        GraphQlResponse syntax = graphql(token, "{ me { username ");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.errorCode()).isEqualTo("BAD_USER_INPUT");

        HttpResponse<String> json = send("/graphql", token, "{\"query\": \"{ me { username } }\"");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(read(json.body()).path("errors").path(0).path("message").asText()).contains("JSON");

        HttpResponse<String> noQuery = send("/graphql", token, "{\"variables\": {}}");
        assertThat(noQuery.statusCode()).isEqualTo(400);
        assertThat(read(noQuery.body()).path("errors").path(0).path("message").asText()).contains("query");
    }

    @Test
    void tooDeepQueryIsRejectedAndServerStaysUp() {
        String token = tokenFor("teacher-foundation", Set.of(Role.TEACHER), Scope.EVERYWHERE);
        String deep = "{ teacher(id: \"x\") { school { teachers { school { teachers { school { teachers { school { teachers {"
                + " school { teachers { school { teachers { id } } } } } } } } } } } } } }";
        GraphQlResponse response = graphql(token, deep);
        assertThat(response.errorCode()).as(response.body().toString()).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(response.errorMessage()).contains("слишком глубокий");
        assertThat(graphql(null, "{ ping }").status()).isEqualTo(200);
    }

    @Test
    void oversizedRequestIsRefused() {
        String huge = "{\"query\": \"{ ping }\", \"variables\": {\"x\": \"" + "а".repeat(3_000_000) + "\"}}";
        HttpResponse<String> response = send("/graphql", null, huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(graphql(null, "{ ping }").status()).isEqualTo(200);
    }

    @Test
    void onlyAdminsAndCoordinatorsCreateUsersAndCoordinatorsOnlyInTheirRegion() {
        String mutation = "mutation($u: CreateUserInput!) { createUser(input: $u) { username regionId } }";
        Map<String, Object> user = Map.of("username", "new-teacher", "displayName", "Новый учитель",
                "password", "long-enough-pw", "roles", java.util.List.of("TEACHER"), "scope", Map.of("regionId", "R-F"));
        String teacher = tokenFor("teacher-foundation", Set.of(Role.TEACHER), Scope.EVERYWHERE);
        assertThat(graphql(teacher, mutation, Map.of("u", user)).errorCode()).isEqualTo("FORBIDDEN");

        String otherRegion = tokenFor("coordinator-other", Set.of(Role.REGIONAL_COORDINATOR), new Scope("R-OTHER", null, null));
        assertThat(graphql(otherRegion, mutation, Map.of("u", user)).errorCode()).isEqualTo("FORBIDDEN");

        String coordinator = tokenFor("coordinator-foundation", Set.of(Role.REGIONAL_COORDINATOR), new Scope("R-F", null, null));
        JsonNode saved = graphql(coordinator, mutation, Map.of("u", user)).data().get("createUser");
        assertThat(saved.get("regionId").asText()).isEqualTo("R-F");
        assertThat(post("/login", null, Map.of("username", "new-teacher", "password", "long-enough-pw")).statusCode()).isEqualTo(200);
    }

    @Test
    void healthReportsNeo4jAndElasticsearchToAnAdmin() {
        HttpResponse<String> response = get("/health", org.opora.testing.OporaTestApp.adminToken());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode details = read(response.body()).get("details");
        assertThat(details.path("neo4j").path("status").asText()).isEqualTo("UP");
        assertThat(details.path("elasticsearch").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void graphqlIdeIsServedWithItsScriptsFromTheApp() {
        assertThat(get("/graphiql").body()).contains("/webjars/graphiql/2.4.7/graphiql.min.js");
        assertThat(get("/webjars/graphiql/2.4.7/graphiql.min.js").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/react/18.3.1/umd/react.production.min.js").statusCode()).isEqualTo(200);
    }
}
