package org.opora.school;

import jakarta.inject.Singleton;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.opora.platform.neo4j.Neo4jSessions;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The school read model: the one Cypher projection of a {@code (:School)} node into a {@link School}, and the
 * lookups every feature uses instead of matching schools with projections of its own.
 */
@Singleton
public class SchoolDirectory {

    /** The request DataLoader of schools by id (registered by {@code SchoolGraphQl}); use with {@code EntityLoader.load}. */
    public static final String LOADER = "school";

    /**
     * The projection of the school bound to the variable {@code %1$s}, for {@link #read(Value)}; null when it is null.
     * Region and municipality names come through the territory's relationships, so a school without them still reads
     * (names null). Its own variables are prefixed so as not to capture the caller's.
     */
    private static final String PROJECTION = """
            %1$s {.id, .name, .type, .locality, .enrolment, .smallSchool, .latitude, .longitude, .regionId, .municipalityId,
               .identificationRunId, statuses: coalesce(%1$s.statuses, []), .resultsIndex, .contextIndex, .residual,
               .subjectIndexRussian, .subjectIndexMathematics,
               municipalityName: head([(directoryM:Municipality)-[:HAS_SCHOOL]->(%1$s) | directoryM.name]),
               regionName: head([(directoryR:Region)-[:HAS_MUNICIPALITY]->(:Municipality)-[:HAS_SCHOOL]->(%1$s) | directoryR.name])}""";

    private final Neo4jSessions neo4j;

    public SchoolDirectory(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    /** The schools with these ids that exist, by id: one query whatever the number of ids. */
    public Map<String, School> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return neo4j.readOnce("MATCH (s:School) WHERE s.id IN $ids RETURN " + projection("s") + " AS school",
                Map.of("ids", List.copyOf(ids)), result -> byId(result.list(r -> read(r.get("school")))));
    }

    public Optional<School> byId(String id) {
        return Optional.ofNullable(byIds(List.of(id)).get(id));
    }

    /** The same lookup inside the caller's transaction (a service that checks and writes in one transaction). */
    public static Optional<School> byId(TransactionContext tx, String id) {
        return tx.run("MATCH (s:School {id: $id}) RETURN " + projection("s") + " AS school", Map.of("id", id))
                .stream().findFirst().map(r -> read(r.get("school")));
    }

    /** Every school of a region, by id (the pairing engine scores them all at once). */
    public List<School> inRegion(String regionId) {
        return neo4j.read(tx -> tx.run("MATCH (s:School {regionId: $regionId}) RETURN " + projection("s") + " AS school ORDER BY s.id",
                Map.of("regionId", regionId)).list(r -> read(r.get("school"))));
    }

    /**
     * The projection for a feature's own query that reaches a school as a join (a pair's mentee, a practice's
     * author), bound to {@code variable}: use with {@link #read(Value)}, so that the feature adds no round trip and
     * still reads the school the one way.
     */
    public static String projection(String variable) {
        return PROJECTION.formatted(variable);
    }

    /** A projected school (see {@link #projection}); null for a null value. */
    public static School read(Value s) {
        if (s == null || s.isNull()) {
            return null;
        }
        return new School(s.get("id").asString(), s.get("name").isNull() ? s.get("id").asString() : s.get("name").asString(),
                string(s.get("type")), string(s.get("locality")),
                s.get("enrolment").isNull() ? null : s.get("enrolment").asNumber().intValue(),
                s.get("smallSchool").isNull() ? null : s.get("smallSchool").asBoolean(),
                number(s.get("latitude")), number(s.get("longitude")), string(s.get("regionId")), string(s.get("regionName")),
                string(s.get("municipalityId")), string(s.get("municipalityName")),
                new School.CurrentIdentification(string(s.get("identificationRunId")), s.get("statuses").asList(Value::asString),
                        number(s.get("resultsIndex")), number(s.get("contextIndex")), number(s.get("residual")),
                        number(s.get("subjectIndexRussian")), number(s.get("subjectIndexMathematics"))));
    }

    private static Map<String, School> byId(List<School> schools) {
        Map<String, School> result = new LinkedHashMap<>();
        schools.forEach(s -> result.putIfAbsent(s.id(), s));
        return result;
    }

    private static String string(Value value) {
        return value.isNull() ? null : value.asString();
    }

    private static Double number(Value value) {
        return value.isNull() ? null : value.asNumber().doubleValue();
    }
}
