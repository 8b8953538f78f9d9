package org.opora.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.opora.mentoring.teachers.TeacherService;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.security.UserAccount;
import org.opora.security.UserRepository;
import org.opora.testing.OporaTestApp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The web application in a real headless Chromium (Debian's chromium, driven by playwright-core from
 * src/web/e2e) against an application of its own with the demo region loaded: real Neo4j, real
 * Elasticsearch, the built bundle served at /, the platform's Content-Security-Policy on every response.
 * A missing browser or bundle fails the test; it never skips.
 */
class WebEndToEndTest {

    private static final Path WEB = Path.of("src", "web");
    private static final String DEMO_REGION = "R74";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedServer server;

    @BeforeAll
    static void startDemo() {
        Map<String, Object> properties = OporaTestApp.isolatedProperties(Path.of("target", "web-e2e-data"));
        properties.put("opora.demo", true);
        // The demo loads while the server starts (DemoRunner listens to the start-up event).
        server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void coordinatorsWorkspaceInABrowser() throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            fail("Chromium not found at " + chromium + ": install Debian's package (apt-get install -y chromium)"
                    + " or set CHROMIUM_PATH; the browser tests must not be skipped");
        }
        if (WebEndToEndTest.class.getClassLoader().getResource(WebAppController.BUNDLE + "index.html") == null) {
            fail("The web bundle is not on the classpath (target/classes/web): build with mvn (npm run build)");
        }
        if (!Files.isDirectory(WEB.resolve("node_modules/playwright-core"))) {
            fail("src/web/node_modules is missing: the Maven build runs npm ci");
        }

        Map<String, String> env = new HashMap<>();
        env.put("E2E_BASE_URL", server.getURL().toString());
        env.put("CHROMIUM_PATH", chromium);
        env.put("E2E_SCREENSHOT_DIR", Path.of("target", "e2e-screenshots").toAbsolutePath().toString());
        env.put("E2E_REGION_ID", DEMO_REGION);
        login(env, "REGION", "e2e-region", EnumSet.of(Role.REGIONAL_COORDINATOR), new Scope(DEMO_REGION, null, null));
        String municipality = firstMunicipality();
        env.put("E2E_MUNICIPALITY_ID", municipality);
        login(env, "MUNICIPAL", "e2e-municipal", EnumSet.of(Role.MUNICIPAL_COORDINATOR), new Scope(DEMO_REGION, municipality, null));
        login(env, "TEACHER", "e2e-teacher", EnumSet.of(Role.TEACHER), new Scope(DEMO_REGION, municipality, schoolOf(municipality, true)));
        env.put("E2E_OTHER_SCHOOL_ID", schoolOf(municipality, false));
        env.put("E2E_EXPECTED_TOTALS", expectedTotals());
        roleLogins(env);
        supportLogins(env);
        programmeLogin(env, municipality);

        ProcessBuilder npm = new ProcessBuilder(e2eCommand())
                .directory(WEB.toFile())
                .redirectErrorStream(true);
        npm.environment().putAll(env);
        Path log = Path.of("target", "web-e2e.log");
        npm.redirectOutput(log.toFile());
        Process process = npm.start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        if (!finished) {
            process.destroyForcibly();
            fail("browser tests did not finish in 15 minutes");
        }
        assertThat(process.exitValue()).as("browser tests (output above and in target/web-e2e.log)").isZero();
    }

    /**
     * All browser tests ({@code npm run e2e}), or for local work only the files named by
     * {@code -Dopora.e2e.files=roles.test.mjs,...} (in src/web/e2e), optionally only the tests whose name matches
     * {@code -Dopora.e2e.pattern=...}.
     */
    private static List<String> e2eCommand() {
        String files = System.getProperty("opora.e2e.files", "").strip();
        if (files.isEmpty()) {
            return List.of("npm", "run", "--silent", "e2e");
        }
        List<String> command = new java.util.ArrayList<>(List.of("node", "--test", "--test-concurrency=1"));
        String pattern = System.getProperty("opora.e2e.pattern", "").strip();
        if (!pattern.isEmpty()) {
            command.add("--test-name-pattern=" + pattern);
        }
        for (String file : files.split(",")) {
            command.add("e2e/" + file.strip());
        }
        return command;
    }

    /**
     * Logins of the role pages' tests. The demo's own mentor, mentee ("teacher") and school-admin logins are linked to
     * demo teachers; they get a password of this run. A methodist of the region, and a second mentor (of another
     * active relation, linked here through the same checked path as linkTeacherLogin) are added.
     */
    private static void roleLogins(Map<String, String> env) {
        for (String[] demo : new String[][]{{"MENTOR", "mentor"}, {"MENTEE", "teacher"}, {"SCHOOLADMIN", "school-admin"}}) {
            Map<String, Object> u = row("MATCH (u:User {username: $u}) RETURN u {.*} AS row", Map.of("u", demo[1]));
            EnumSet<Role> roles = EnumSet.noneOf(Role.class);
            ((List<?>) u.get("roles")).forEach(r -> roles.add(Role.valueOf(r.toString())));
            login(env, demo[0], demo[1], roles,
                    new Scope((String) u.get("regionId"), (String) u.get("municipalityId"), (String) u.get("schoolId")));
        }
        login(env, "METHODIST", "e2e-methodist", EnumSet.of(Role.METHODIST), new Scope(DEMO_REGION, null, null));
        Map<String, Object> relation = row("""
                MATCH (r:MentoringRelation {status: 'ACTIVE'})-[:MENTOR]->(:Teacher {username: 'mentor'}),
                      (r)-[:MENTEE]->(t:Teacher {username: 'teacher'})
                MATCH (c:Teacher {schoolId: t.schoolId}) WHERE c.id <> t.id AND c.username IS NULL
                  AND NOT EXISTS { MATCH (o:MentoringRelation)-[:MENTEE]->(c) WHERE o.status IN ['PENDING', 'ACTIVE'] }
                WITH r, c ORDER BY c.id LIMIT 1
                RETURN {relation: r.id, colleague: c.id} AS row""", Map.of());
        env.put("E2E_RELATION_ID", (String) relation.get("relation"));
        env.put("E2E_COLLEAGUE_ID", (String) relation.get("colleague"));
        // The demo mentor proposes a relation for a colleague of their own school (their territory) who has none open;
        // a free slot is made for it, so that the proposal is not refused for the mentor's capacity.
        Map<String, Object> proposed = row("""
                MATCH (m:Teacher {username: 'mentor'}), (c:Teacher {schoolId: m.schoolId})
                WHERE c.id <> m.id AND c.username IS NULL
                  AND NOT EXISTS { MATCH (o:MentoringRelation)-[:MENTEE]->(c) WHERE o.status IN ['PENDING', 'ACTIVE'] }
                WITH m, c ORDER BY c.id LIMIT 1
                WITH m, c, COUNT { MATCH (r:MentoringRelation)-[:MENTOR]->(m) WHERE r.status IN ['PENDING', 'ACTIVE'] } AS load
                SET m.mentorCapacity = CASE WHEN m.mentorCapacity > load THEN m.mentorCapacity ELSE load + 1 END
                RETURN {name: c.fullName} AS row""", Map.of());
        env.put("E2E_PROPOSED_MENTEE_NAME", (String) proposed.get("name"));
        Map<String, Object> other = row("""
                MATCH (r:MentoringRelation {regionId: $region, status: 'ACTIVE'})-[:MENTOR]->(m:Teacher)
                WHERE m.username IS NULL AND EXISTS { MATCH (r)-[:MENTEE]->(:Teacher) }
                WITH r, m ORDER BY r.id LIMIT 1
                RETURN {teacher: m.id, region: m.regionId, municipality: m.municipalityId, school: m.schoolId} AS row""",
                Map.of("region", DEMO_REGION));
        login(env, "MENTOR2", "e2e-mentor2", EnumSet.of(Role.MENTOR, Role.TEACHER),
                new Scope((String) other.get("region"), (String) other.get("municipality"), (String) other.get("school")));
        server.getApplicationContext().getBean(TeacherService.class).linkLogin((String) other.get("teacher"), "e2e-mentor2",
                new CurrentUser("e2e-setup", EnumSet.of(Role.ADMIN), Scope.EVERYWHERE));
    }

    /**
     * Logins of the support tests (support-recommendations.test.mjs): a methodist of the region and the administration
     * of a ШНОР school of the demo whose name is unique in the region (the methodist finds it by name).
     */
    private static void supportLogins(Map<String, String> env) {
        Map<String, Object> school = row("""
                MATCH (s:School {regionId: $region}) WHERE 'LOW_RESULTS' IN coalesce(s.statuses, [])
                  AND COUNT { MATCH (o:School {regionId: $region}) WHERE o.name = s.name } = 1
                WITH s ORDER BY s.id LIMIT 1
                RETURN {id: s.id, name: s.name, municipality: s.municipalityId} AS row""", Map.of("region", DEMO_REGION));
        env.put("E2E_SUPPORT_SCHOOL_ID", (String) school.get("id"));
        env.put("E2E_SUPPORT_SCHOOL_NAME", (String) school.get("name"));
        login(env, "SUPPORT_METHODIST", "e2e-support-methodist", EnumSet.of(Role.METHODIST), new Scope(DEMO_REGION, null, null));
        login(env, "SUPPORT_SCHOOLADMIN", "e2e-support-school-admin", EnumSet.of(Role.SCHOOL_ADMIN),
                new Scope(DEMO_REGION, (String) school.get("municipality"), (String) school.get("id")));
    }

    /**
     * A school admin of a ШНОР/ШНСУ school of the municipal login's municipality that has no programme in progress
     * (the demo leaves the first such school of each municipality without one): the school drafts a programme and
     * the municipal coordinator agrees it (support-programmes.test.mjs).
     */
    private static void programmeLogin(Map<String, String> env, String municipality) {
        String school = single("""
                MATCH (s:School {regionId: $region, municipalityId: $m})
                WHERE any(st IN coalesce(s.statuses, []) WHERE st IN ['LOW_RESULTS', 'UNFAVOURABLE_CONTEXT'])
                  AND NOT EXISTS { MATCH (s)-[:HAS_PROGRAMME]->(p:SchoolProgramme) WHERE p.status <> 'COMPLETED' }
                RETURN s.id AS id ORDER BY s.id LIMIT 1""", Map.of("region", DEMO_REGION, "m", municipality));
        env.put("E2E_PROGRAMME_SCHOOL_ID", school);
        login(env, "PROGRAMME_ADMIN", "e2e-programme-admin", EnumSet.of(Role.SCHOOL_ADMIN), new Scope(DEMO_REGION, municipality, school));
    }

    private static Map<String, Object> row(String cypher, Map<String, Object> parameters) {
        Driver driver = server.getApplicationContext().getBean(Driver.class);
        try (var session = driver.session()) {
            return session.run(cypher, parameters).single().get("row").asMap();
        }
    }

    /** Creates a login with a password of this run only and hands both to the browser tests. */
    private static void login(Map<String, String> env, String key, String username, EnumSet<Role> roles, Scope scope) {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String password = "e2e-" + HexFormat.of().formatHex(random);
        server.getApplicationContext().getBean(UserRepository.class)
                .provision(new UserAccount(username, username, roles, scope), password);
        env.put("E2E_" + key + "_USER", username);
        env.put("E2E_" + key + "_PASSWORD", password);
    }

    private static String firstMunicipality() {
        return single("MATCH (m:Municipality {regionId: $region}) RETURN m.id AS id ORDER BY m.id LIMIT 1", Map.of("region", DEMO_REGION));
    }

    private static String schoolOf(String municipality, boolean inside) {
        String cypher = inside
                ? "MATCH (s:School {regionId: $region, municipalityId: $m}) RETURN s.id AS id ORDER BY s.id LIMIT 1"
                : "MATCH (s:School {regionId: $region}) WHERE s.municipalityId <> $m RETURN s.id AS id ORDER BY s.id LIMIT 1";
        return single(cypher, Map.of("region", DEMO_REGION, "m", municipality));
    }

    private static String single(String cypher, Map<String, Object> parameters) {
        Driver driver = server.getApplicationContext().getBean(Driver.class);
        try (var session = driver.session()) {
            return session.run(cypher, parameters).single().get("id").asString();
        }
    }

    /** The demo's counts per status, read over GraphQL by an administrator: what the overview must show. */
    private static String expectedTotals() throws IOException {
        String password = "e2e-admin-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        server.getApplicationContext().getBean(UserRepository.class)
                .provision(new UserAccount("e2e-admin", "e2e-admin", EnumSet.of(Role.ADMIN), Scope.EVERYWHERE), password);
        var login = OporaTestApp.read(post("/login", null, JSON.writeValueAsString(Map.of("username", "e2e-admin", "password", password))));
        String token = login.get("access_token").asText();
        String query = "{ regionalSummary(regionId: \"" + DEMO_REGION + "\") { schoolCount totals { status count } } }";
        JsonNode summary = OporaTestApp.graphql(server.getURI(), token, query, Map.of()).data().get("regionalSummary");
        Map<String, Integer> totals = new HashMap<>();
        totals.put("SCHOOLS", summary.get("schoolCount").asInt());
        for (JsonNode total : summary.get("totals")) {
            totals.put(total.get("status").asText(), total.get("count").asInt());
        }
        assertThat(totals.get("SCHOOLS")).as("demo schools").isEqualTo(800);
        assertThat(totals.getOrDefault("LOW_RESULTS", 0)).as("demo ШНОР").isPositive();
        return JSON.writeValueAsString(totals);
    }

    private static String post(String path, String token, String body) {
        var request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
