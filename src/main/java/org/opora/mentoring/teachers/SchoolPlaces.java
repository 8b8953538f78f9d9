package org.opora.mentoring.teachers;

import jakarta.inject.Singleton;
import org.opora.platform.neo4j.Neo4jSessions;

import java.util.Map;
import java.util.Optional;

/**
 * The one place where mentoring reads schools and municipalities. Kept as its own query until the school feature's
 * read model ({@code byIds}) is merged; then this class delegates to it.
 */
@Singleton
public class SchoolPlaces {

    private final Neo4jSessions neo4j;

    SchoolPlaces(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    public Optional<SchoolPlace> school(String schoolId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (s:School {id: $id})
                RETURN s.id AS id, s.name AS name, s.regionId AS regionId, s.municipalityId AS municipalityId
                """, Map.of("id", schoolId)).stream().findFirst()
                .map(r -> new SchoolPlace(r.get("id").asString(), Rows.string(r.get("name")), r.get("regionId").asString(),
                        Rows.string(r.get("municipalityId")))));
    }

    public Optional<String> municipalityRegion(String municipalityId) {
        return neo4j.read(tx -> tx.run("MATCH (m:Municipality {id: $id}) RETURN m.regionId AS r", Map.of("id", municipalityId))
                .stream().findFirst().map(r -> Rows.string(r.get("r"))));
    }
}
