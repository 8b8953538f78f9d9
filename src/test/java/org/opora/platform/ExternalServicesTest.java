package org.opora.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.opora.Application;
import org.opora.platform.LocalCredentials;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.neo4j.LocalNeo4j;
import org.opora.platform.neo4j.Neo4jFactory.EmbeddedNeo4jHolder;
import org.opora.platform.search.ElasticsearchFactory;
import org.opora.platform.search.LocalSearchNode;
import org.opora.practice.PracticeFixtures;
import org.opora.testing.OporaTestApp;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.bean;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.read;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * Configuration alone switches the application to an external Neo4j (a {@code neo4j://} routing URI) and an external
 * Elasticsearch cluster: a second instance is pointed at the shared test app's database and search node, as instances
 * behind a load balancer would be, and each sees what the other writes. Region R-EXT.
 */
class ExternalServicesTest {

    static final String JWT_SECRET = "micronaut.security.token.jwt.signatures.secret.generator.secret";
    static final String CREATE = """
            mutation($in: PracticeInput!) { createPractice(input: $in) { id status } }""";
    static final String SEARCH = """
            query($q: String) { searchPractices(query: $q) { totalCount edges { node { id title } } } }""";

    @Test
    void aSecondInstanceRunsOnTheFirstOnesNeo4jAndElasticsearch() throws Exception {
        EmbeddedServer first = OporaTestApp.server();
        String neo4jUri = bean(EmbeddedNeo4jHolder.class).neo4j().boltUri().replace("bolt://", "neo4j://");
        URI elasticsearch = bean(ElasticsearchFactory.Connection.class).urls().get(0);
        Path secondDataDir = Path.of("target", "test-data-second");

        Map<String, Object> properties = Application.startupProperties(false);
        // Instances behind one load balancer share the JWT secret (JWT_SECRET in production).
        properties.put(JWT_SECRET, first.getApplicationContext().getProperty(JWT_SECRET, String.class).orElseThrow());
        properties.put("micronaut.server.port", -1);
        properties.put("opora.data-dir", secondDataDir.toString());
        properties.put("neo4j.uri", neo4jUri);
        properties.put("elasticsearch.url", elasticsearch.toString());
        // The first instance's local services require the logins it generated, as a production install would.
        Path firstDataDir = Path.of(first.getApplicationContext().getRequiredProperty("opora.data-dir", String.class));
        LocalCredentials neo4jLogin = LocalCredentials.read(LocalCredentials.file(firstDataDir, "neo4j"));
        LocalCredentials elasticsearchLogin = LocalCredentials.read(LocalCredentials.file(firstDataDir, "elasticsearch"));
        properties.put("neo4j.username", neo4jLogin.username());
        properties.put("neo4j.password", neo4jLogin.password());
        properties.put("elasticsearch.username", elasticsearchLogin.username());
        properties.put("elasticsearch.password", elasticsearchLogin.password());
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            ApplicationContext context = second.getApplicationContext();
            assertThat(context.getBean(EmbeddedNeo4jHolder.class).neo4j()).isNull();
            assertThat(context.getBean(ElasticsearchFactory.Connection.class).isLocal()).isFalse();
            // The dev source set's launchers are no beans at all with external services configured.
            assertThat(context.containsBean(LocalNeo4j.Launcher.class)).isFalse();
            assertThat(context.containsBean(LocalSearchNode.Launcher.class)).isFalse();
            assertThat(first.getApplicationContext().containsBean(LocalNeo4j.Launcher.class)).isTrue();
            assertThat(Files.exists(secondDataDir.resolve("neo4j"))).isFalse();
            assertThat(Files.exists(secondDataDir.resolve("elasticsearch"))).isFalse();
            assertThat(Files.exists(secondDataDir.resolve(LocalCredentials.FOLDER))).isFalse();

            // Health details are for an ADMIN; the first instance's token works on the second (shared secret and users).
            JsonNode health = read(OporaTestApp.get(second.getURI().resolve("/health"), OporaTestApp.adminToken()).body())
                    .get("details");
            assertThat(health.path("neo4j").path("status").asText()).isEqualTo("UP");
            assertThat(health.path("elasticsearch").path("status").asText()).isEqualTo("UP");

            // A token issued by the first instance is accepted by the second; a draft written through the second is
            // searchable through the first (the second instance's outbox indexed it into the shared cluster).
            PracticeFixtures.school("R-EXT", "R-EXT-M1", "R-EXT-S1", "Школа внешнего кластера", "СОШ", "город", 0.0);
            String author = tokenFor("ext-author", Set.of(Role.TEACHER), new Scope("R-EXT", "R-EXT-M1", "R-EXT-S1"));
            JsonNode created = graphql(second.getURI(), author, CREATE, Map.of("in", Map.of(
                    "title", "Кластерные консультации по геометрии",
                    "summary", "Консультации для девятиклассников ведут по очереди учителя трёх школ.",
                    "description", "Учителя математики трёх школ договорились о расписании консультаций по геометрии.",
                    "subjects", List.of("MATHEMATICS"), "grades", List.of(9), "riskFactors", List.of("LOW_MOTIVATION"),
                    "level", "SCHOOL", "authorSchoolId", "R-EXT-S1"))).data().get("createPractice");
            assertThat(created.get("status").asText()).isEqualTo("DRAFT");

            JsonNode found = PracticeFixtures.await(
                    () -> graphql(author, SEARCH, Map.of("q", "консультация геометрия")).data().get("searchPractices"),
                    r -> r.get("totalCount").asInt() > 0, Duration.ofSeconds(15));
            assertThat(found.get("edges").get(0).get("node").get("id").asText()).isEqualTo(created.get("id").asText());

            // And the first instance's data reads the same through the second.
            JsonNode school = graphql(second.getURI(), author, "query { school(id: \"R-EXT-S1\") { name } }", Map.of())
                    .data().get("school");
            assertThat(school.get("name").asText()).isEqualTo("Школа внешнего кластера");
        }
        // Closing the second instance leaves the shared services running.
        assertThat(graphql(tokenFor("ext-author", Set.of(Role.TEACHER), new Scope("R-EXT", "R-EXT-M1", "R-EXT-S1")),
                SEARCH, Map.of("q", "геометрия")).data().get("searchPractices").get("totalCount").asInt()).isPositive();
    }
}
