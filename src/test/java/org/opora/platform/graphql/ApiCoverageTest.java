package org.opora.platform.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.GraphQL;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;
import org.opora.testing.OporaTestApp;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.adminToken;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * Every query and mutation of the contract, at least once, against the real application (real HTTP, Neo4j,
 * Elasticsearch) with real data: a small region imported through {@code importSchoolData}, identified, paired,
 * mentored and given practices by the operations themselves. Fails when a root field of the schema is exercised by no
 * document, so a new field cannot ship without being run once.
 *
 * <p>The documents are {@code src/test/resources/graphql/operations/<rootField>.graphql}, one per root field, run in
 * the order of their {@code # step: N} header. Other headers:
 * <ul>
 *   <li>{@code # as: admin|regional|methodist|mentor|self} — the caller (default admin; mentor is the login of the mentor
 *       teacher created by createTeacher.graphql; self, a login used only by changeMyPassword.graphql);</li>
 *   <li>{@code # export: name = path.in.data} — keeps a value (e.g. a created id) as variable {@code $name} of later
 *       documents; path segments are field names/aliases and list indices;</li>
 *   <li>{@code # nonEmpty: path.in.data} — the value must be a non-empty list, a non-blank string or a number.</li>
 * </ul>
 * A document's variables are taken by name from the fixture ({@link #fixture}) and the exports so far. Works in region
 * T-API.
 */
class ApiCoverageTest {

    static final String REGION = "T-API";
    static final String OPERATIONS = "graphql/operations";
    static final String MENTOR_LOGIN = "api-coverage-mentor";
    static final Pattern HEADER = Pattern.compile("^#\\s*(step|as|export|nonEmpty):\\s*(.+)$");

    record Operation(String file, int step, String caller, List<String[]> exports, List<String> nonEmpty, String text,
                     Document document) {
    }

    @Test
    void everyRootFieldRunsWithoutErrorsOnRealData() throws Exception {
        List<Operation> operations = operations();
        GraphQLSchema schema = OporaTestApp.bean(GraphQL.class).getGraphQLSchema();

        Set<String> missing = new TreeSet<>();
        schema.getQueryType().getFieldDefinitions().forEach(f -> missing.add("Query." + f.getName()));
        schema.getMutationType().getFieldDefinitions().forEach(f -> missing.add("Mutation." + f.getName()));
        for (Operation operation : operations) {
            for (OperationDefinition definition : operation.document().getDefinitionsOfType(OperationDefinition.class)) {
                String root = definition.getOperation() == OperationDefinition.Operation.MUTATION ? "Mutation." : "Query.";
                definition.getSelectionSet().getSelectionsOfType(Field.class).forEach(f -> missing.remove(root + f.getName()));
            }
        }
        assertThat(missing).as("root fields that no document under src/test/resources/" + OPERATIONS + " calls").isEmpty();

        Map<String, String> callers = Map.of(
                "admin", adminToken(),
                "regional", tokenFor("api-regional", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null)),
                "methodist", tokenFor("api-methodist", Set.of(Role.METHODIST), new Scope(REGION, null, null)),
                // The mentor teacher of createTeacher.graphql logs in as this user (linkTeacherLogin.graphql).
                "mentor", tokenFor(MENTOR_LOGIN, Set.of(Role.MENTOR, Role.TEACHER), new Scope(REGION, "T-API-M1", "T-API-S05")),
                // changeMyPassword.graphql revokes its caller's tokens: a login of its own.
                "self", tokenFor("api-coverage-self", Set.of(Role.TEACHER), new Scope(REGION, "T-API-M1", "T-API-S01")));
        Map<String, Object> values = new HashMap<>(fixture());
        List<String> failures = new ArrayList<>();
        for (Operation operation : operations) {
            Map<String, Object> variables = new HashMap<>();
            List<String> unbound = new ArrayList<>();
            for (OperationDefinition definition : operation.document().getDefinitionsOfType(OperationDefinition.class)) {
                for (VariableDefinition variable : definition.getVariableDefinitions()) {
                    if (values.containsKey(variable.getName())) {
                        variables.put(variable.getName(), values.get(variable.getName()));
                    } else {
                        unbound.add("$" + variable.getName());
                    }
                }
            }
            if (!unbound.isEmpty()) { // an earlier document that should have exported it failed: that one is reported
                failures.add(operation.file() + ": no value for " + unbound + " (fixture or an earlier # export)");
                continue;
            }
            String token = callers.get(operation.caller());
            assertThat(token).as(operation.file() + ": unknown caller " + operation.caller()).isNotNull();
            GraphQlResponse response = graphql(token, operation.text(), variables);
            if (response.body().has("errors")) {
                failures.add(operation.file() + ": " + response.body().get("errors"));
                continue;
            }
            JsonNode data = response.body().get("data");
            data.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    failures.add(operation.file() + ": " + e.getKey() + " is null");
                }
            });
            for (String path : operation.nonEmpty()) {
                JsonNode value = at(data, path);
                boolean ok = value != null && !value.isNull() && !value.isMissingNode()
                        && (!value.isArray() || !value.isEmpty()) && (!value.isTextual() || !value.asText().isBlank());
                if (!ok) {
                    failures.add(operation.file() + ": " + path + " is empty: " + data);
                }
            }
            for (String[] export : operation.exports()) {
                JsonNode value = at(data, export[1]);
                if (value == null || value.isNull() || value.isMissingNode()) {
                    failures.add(operation.file() + ": nothing to export at " + export[1] + ": " + data);
                } else {
                    values.put(export[0], value.isNumber() ? value.numberValue() : value.asText());
                }
            }
        }
        assertThat(failures).as("operations that failed").isEmpty();
    }

    /** The value at a dotted path (field names or aliases, list indices), or null. */
    static JsonNode at(JsonNode data, String path) {
        JsonNode node = data;
        for (String segment : path.split("\\.")) {
            if (node == null) {
                return null;
            }
            node = segment.matches("\\d+") ? node.get(Integer.parseInt(segment)) : node.get(segment);
        }
        return node;
    }

    static List<Operation> operations() throws IOException, URISyntaxException {
        Path dir = Path.of(ApiCoverageTest.class.getClassLoader().getResource(OPERATIONS).toURI());
        List<Operation> operations = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int step = 1000;
                String caller = "admin";
                List<String[]> exports = new ArrayList<>();
                List<String> nonEmpty = new ArrayList<>();
                for (String line : text.lines().toList()) {
                    Matcher header = HEADER.matcher(line.strip());
                    if (!header.matches()) {
                        continue;
                    }
                    String value = header.group(2).strip();
                    switch (header.group(1)) {
                        case "step" -> step = Integer.parseInt(value);
                        case "as" -> caller = value;
                        case "export" -> {
                            String[] parts = value.split("=", 2);
                            exports.add(new String[]{parts[0].strip(), parts[1].strip()});
                        }
                        default -> nonEmpty.add(value);
                    }
                }
                operations.add(new Operation(file.getFileName().toString(), step, caller, exports, nonEmpty, text,
                        Parser.parse(text)));
            }
        }
        operations.sort(Comparator.comparingInt(Operation::step).thenComparing(Operation::file));
        return operations;
    }

    /**
     * The region the documents work on, as CSV files for {@code importSchoolData}, and the ids they refer to: two
     * municipalities, 40 schools whose results follow their social context, four far below it (ШНОР) and six far
     * above it (leaders), three years of ВПР in Russian and mathematics.
     */
    static Map<String, Object> fixture() {
        StringBuilder schools = new StringBuilder(
                "school_id,name,region_id,region_name,municipality_id,municipality_name,type,locality,enrolment,small_school,latitude,longitude\n");
        StringBuilder results = new StringBuilder("school_id,year,procedure,subject,grade,participants,mean_score\n");
        StringBuilder indicators = new StringBuilder("school_id,year,indicator,value\n");
        Random random = new Random(40);
        for (int i = 1; i <= 40; i++) {
            String id = String.format("T-API-S%02d", i);
            String municipality = i % 2 == 0 ? "T-API-M2" : "T-API-M1";
            boolean village = i % 3 == 0;
            double adversity = random.nextGaussian();
            double own = i <= 4 ? -2.0 : i <= 10 ? 1.6 : random.nextGaussian() * 0.3;
            schools.append(String.join(",", id, "Школа № " + i, REGION, "Тестовая область API", municipality,
                    municipality.endsWith("1") ? "Первый округ" : "Второй округ", "СОШ", village ? "село" : "город",
                    String.valueOf(village ? 90 : 400 + i), village ? "true" : "false",
                    String.format(Locale.ROOT, "%.4f", 56 + i * 0.01), String.format(Locale.ROOT, "%.4f", 60 + i * 0.01)))
                    .append('\n');
            for (int year = 2022; year <= 2024; year++) {
                for (String subject : List.of("Русский язык", "Математика")) {
                    double mark = 3.6 - 0.25 * adversity + 0.3 * own + random.nextGaussian() * 0.03;
                    results.append(String.format(Locale.ROOT, "%s,%d,ВПР,%s,5,%d,%.2f%n", id, year, subject, 25,
                            Math.max(2.1, Math.min(4.9, mark))));
                }
            }
            double share = 1 / (1 + Math.exp(-adversity));
            indicators.append(String.format(Locale.ROOT, "%s,2024,low_income_share,%.3f%n", id, share * 0.6));
            indicators.append(String.format(Locale.ROOT, "%s,2024,staff_shortage_share,%.3f%n", id, share * 0.3));
            indicators.append(String.format(Locale.ROOT, "%s,2024,parents_higher_ed_share,%.3f%n", id, 1 - share * 0.8));
            if (i % 5 != 0) { // real data lacks some indicators
                indicators.append(String.format(Locale.ROOT, "%s,2024,remoteness_km,%.1f%n", id, share * 200));
            }
        }
        Map<String, Object> fixture = new LinkedHashMap<>();
        fixture.put("regionId", REGION);
        fixture.put("municipalityId", "T-API-M1");
        fixture.put("schoolsCsv", schools.toString());
        fixture.put("resultsCsv", results.toString());
        fixture.put("indicatorsCsv", indicators.toString());
        fixture.put("lowSchoolId", "T-API-S01");
        fixture.put("otherLowSchoolId", "T-API-S02");
        fixture.put("leaderSchoolId", "T-API-S05");
        fixture.put("mentorLogin", MENTOR_LOGIN);
        fixture.put("today", LocalDate.now().toString());
        fixture.put("yesterday", LocalDate.now().minusDays(1).toString());
        fixture.put("nextMonth", LocalDate.now().plusMonths(1).toString());
        fixture.put("roadmapXlsx", org.opora.support.roadmaps.RoadmapWorkbooks.sampleBase64());
        return fixture;
    }
}
