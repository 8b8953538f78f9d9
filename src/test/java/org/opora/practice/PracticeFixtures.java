package org.opora.practice;

import static org.opora.testing.OporaTestApp.driver;
import static org.opora.testing.OporaTestApp.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.opora.testing.GraphQlResponse;

import com.fasterxml.jackson.databind.JsonNode;

/** Builds school graphs and practices for the practice tests, and waits for search. */
public final class PracticeFixtures {

    static final String PRACTICE_FIELDS = """
            id title summary status version subjects grades riskFactors level evidenceLevel evidenceScore publishedAt
            rejectionReason adoptionCount createdBy authorSchool { id name municipalityId municipalityName }
            """;
    static final String CREATE = "mutation($in: PracticeInput!) { createPractice(input: $in) { " + PRACTICE_FIELDS + " } }";
    static final String UPDATE = "mutation($id: ID!, $in: PracticeInput!, $v: Int) { updatePractice(id: $id, input: $in, expectedVersion: $v) { "
            + PRACTICE_FIELDS + " } }";
    static final String SUBMIT = "mutation($id: ID!) { submitPractice(id: $id) { " + PRACTICE_FIELDS + " } }";
    static final String APPROVE = "mutation($id: ID!) { approvePractice(id: $id) { " + PRACTICE_FIELDS + " } }";
    static final String REJECT = "mutation($id: ID!, $r: String!) { rejectPractice(id: $id, reason: $r) { " + PRACTICE_FIELDS + " } }";
    static final String GET = "query($id: ID!) { practice(id: $id) { " + PRACTICE_FIELDS + " } }";
    static final String SEARCH = """
            query($q: String, $f: PracticeFilter, $s: PracticeSort, $first: Int, $after: String) {
              searchPractices(query: $q, filter: $f, sort: $s, first: $first, after: $after) {
                totalCount tookMs
                pageInfo { hasNextPage endCursor }
                edges { cursor score node { id title status evidenceLevel } highlights { field fragments } }
                facets {
                  subjects { value label count selected } grades { value label count selected }
                  riskFactors { value label count selected } levels { value label count }
                  municipalities { value label count } evidenceLevels { value label count } statuses { value count }
                }
              }
            }
            """;

    private PracticeFixtures() {
    }

    /** A region with a municipality and a school (idempotent). */
    public static void school(String regionId, String municipalityId, String schoolId, String name, String type, String locality,
                       Double contextIndex) {
        Map<String, Object> p = new HashMap<>();
        p.put("r", regionId);
        p.put("m", municipalityId);
        p.put("s", schoolId);
        p.put("name", name);
        p.put("type", type);
        p.put("locality", locality);
        p.put("context", contextIndex);
        try (var session = driver().session()) {
            session.run("""
                    MERGE (r:Region {id: $r}) SET r.name = 'Тестовый регион ' + $r
                    MERGE (m:Municipality {id: $m}) SET m.name = 'Муниципалитет ' + $m, m.regionId = $r
                    MERGE (r)-[:HAS_MUNICIPALITY]->(m)
                    MERGE (s:School {id: $s})
                    SET s.name = $name, s.type = $type, s.locality = $locality, s.regionId = $r, s.municipalityId = $m,
                        s.contextIndex = $context
                    MERGE (m)-[:HAS_SCHOOL]->(s)
                    """, p).consume();
        }
    }

    static void cypher(String statement, Map<String, Object> params) {
        try (var session = driver().session()) {
            session.run(statement, params).consume();
        }
    }

    /** A complete input (submittable) in Russian. */
    static Map<String, Object> input(String title, String description, List<String> subjects, List<Integer> grades,
                                     List<String> riskFactors, String schoolId) {
        Map<String, Object> in = new HashMap<>();
        in.put("title", title);
        in.put("summary", "Кратко: " + title);
        in.put("description", description + " Практика описана подробно, чтобы её могла повторить другая школа: кто, что и как часто делает.");
        in.put("subjects", subjects);
        in.put("grades", grades);
        in.put("riskFactors", riskFactors);
        in.put("authors", List.of("Иванова А. П., учитель"));
        in.put("level", "SCHOOL");
        in.put("authorSchoolId", schoolId);
        return in;
    }

    static JsonNode create(String token, Map<String, Object> input) {
        return graphql(token, CREATE, Map.of("in", input)).data().get("createPractice");
    }

    static JsonNode call(String token, String mutation, String field, Map<String, Object> variables) {
        return graphql(token, mutation, variables).data().get(field);
    }

    /** Creates, submits (as the author) and approves (as the reviewer); returns the id. */
    static String approved(String author, String reviewer, Map<String, Object> input) {
        String id = create(author, input).get("id").asText();
        call(author, SUBMIT, "submitPractice", Map.of("id", id));
        call(reviewer, APPROVE, "approvePractice", Map.of("id", id));
        return id;
    }

    static GraphQlResponse search(String token, String query, Map<String, Object> filter) {
        return search(token, query, filter, null, 20, null);
    }

    static GraphQlResponse search(String token, String query, Map<String, Object> filter, String sort, int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("q", query);
        variables.put("f", filter);
        variables.put("s", sort);
        variables.put("first", first);
        variables.put("after", after);
        return graphql(token, SEARCH, variables);
    }

    static List<String> ids(GraphQlResponse response) {
        List<String> ids = new ArrayList<>();
        response.data().get("searchPractices").get("edges").forEach(e -> ids.add(e.get("node").get("id").asText()));
        return ids;
    }

    static Map<String, Integer> facet(GraphQlResponse response, String facet) {
        Map<String, Integer> counts = new HashMap<>();
        response.data().get("searchPractices").get("facets").get(facet)
                .forEach(b -> counts.put(b.get("value").asText(), b.get("count").asInt()));
        return counts;
    }

    /** Polls until the value satisfies the condition; returns the last value either way. */
    public static <T> T await(Supplier<T> probe, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = probe.get();
        }
        return value;
    }
}
