package org.opora.mentoring.associations;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.opora.mentoring.teachers.Rows;
import org.opora.platform.errors.ApiException;
import org.opora.platform.neo4j.Neo4jSessions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Cypher of associations: (:Teacher)-[:MEMBER_OF]->(:Association)-[:HAS_EVENT]->(:AssociationEvent). */
@Singleton
public class AssociationRepository {

    private static final String ASSOCIATION = """
            a {.*, memberIds: COLLECT { MATCH (t:Teacher)-[:MEMBER_OF]->(a) WITH t ORDER BY t.fullName, t.id RETURN t.id },
                   events: COLLECT { MATCH (a)-[:HAS_EVENT]->(e:AssociationEvent) WITH e ORDER BY e.date, e.id RETURN e {.*} }}""";

    private final Neo4jSessions neo4j;

    AssociationRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    /** Creates an association whose id the caller chose (the server's, or a fixed one for demo data). */
    public Association create(Association association) {
        Map<String, Object> a = new HashMap<>();
        a.put("id", association.id());
        a.put("kind", association.kind().name());
        a.put("name", association.name());
        a.put("level", association.level().name());
        a.put("subject", association.subject());
        a.put("regionId", association.regionId());
        a.put("municipalityId", association.municipalityId());
        a.put("schoolId", association.schoolId());
        return neo4j.write(tx -> {
            tx.run("CREATE (a:Association) SET a = $a", Map.of("a", a)).consume();
            return association(tx, association.id()).orElseThrow();
        });
    }

    public Optional<Association> association(String id) {
        return neo4j.read(tx -> association(tx, id));
    }

    private static Optional<Association> association(TransactionContext tx, String id) {
        return tx.run("MATCH (a:Association {id: $id}) RETURN " + ASSOCIATION + " AS a", Map.of("id", id))
                .stream().findFirst().map(r -> association(r.get("a")));
    }

    /** Adds a member (idempotent: a member stays one). */
    public Association addMember(String associationId, String teacherId) {
        return neo4j.write(tx -> {
            var found = tx.run("""
                    OPTIONAL MATCH (a:Association {id: $a})
                    OPTIONAL MATCH (t:Teacher {id: $t})
                    FOREACH (_ IN CASE WHEN a IS NULL OR t IS NULL THEN [] ELSE [1] END | MERGE (t)-[:MEMBER_OF]->(a))
                    RETURN a IS NOT NULL AS association, t IS NOT NULL AS teacher""",
                    Map.of("a", associationId, "t", teacherId)).single();
            if (!found.get("association").asBoolean()) {
                throw ApiException.notFound("Объединение", ApiException.Gender.NEUTER, associationId);
            }
            if (!found.get("teacher").asBoolean()) {
                throw ApiException.notFound("Педагог", ApiException.Gender.MASCULINE, teacherId);
            }
            return association(tx, associationId).orElseThrow();
        });
    }

    public Association addEvent(String associationId, AssociationEvent event) {
        Map<String, Object> e = new HashMap<>();
        e.put("id", event.id());
        e.put("date", event.date());
        e.put("title", event.title());
        e.put("format", event.format());
        return neo4j.write(tx -> {
            long n = tx.run("MATCH (a:Association {id: $a}) CREATE (a)-[:HAS_EVENT]->(e:AssociationEvent) SET e = $e RETURN count(e) AS n",
                    Map.of("a", associationId, "e", e)).single().get("n").asLong();
            if (n == 0) {
                throw ApiException.notFound("Объединение", ApiException.Gender.NEUTER, associationId);
            }
            return association(tx, associationId).orElseThrow();
        });
    }

    public List<Association> associations(String regionId, @Nullable AssociationKind kind, @Nullable String subject) {
        Map<String, Object> p = new HashMap<>();
        p.put("regionId", regionId);
        p.put("kind", kind == null ? null : kind.name());
        p.put("subject", subject);
        return neo4j.read(tx -> tx.run("""
                MATCH (a:Association {regionId: $regionId})
                WHERE ($kind IS NULL OR a.kind = $kind) AND ($subject IS NULL OR a.subject = $subject)
                RETURN\s""" + ASSOCIATION + " AS a ORDER BY a.name, a.id", p).list(r -> association(r.get("a"))));
    }

    private static Association association(Value a) {
        return new Association(a.get("id").asString(), AssociationKind.valueOf(a.get("kind").asString()), a.get("name").asString(),
                AssociationLevel.valueOf(a.get("level").asString()), Rows.string(a.get("subject")), a.get("regionId").asString(),
                Rows.string(a.get("municipalityId")), Rows.string(a.get("schoolId")), Rows.strings(a.get("memberIds")),
                Rows.list(a.get("events"), e -> new AssociationEvent(e.get("id").asString(), e.get("date").asLocalDate(),
                        e.get("title").asString(), Rows.string(e.get("format")))));
    }
}
