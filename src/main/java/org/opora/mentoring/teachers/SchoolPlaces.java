package org.opora.mentoring.teachers;

import jakarta.inject.Singleton;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.school.SchoolDirectory;

import java.util.Map;
import java.util.Optional;

/** The one place where mentoring reads schools (through the school read model) and municipalities. */
@Singleton
public class SchoolPlaces {

    private final Neo4jSessions neo4j;
    private final SchoolDirectory directory;

    SchoolPlaces(Neo4jSessions neo4j, SchoolDirectory directory) {
        this.neo4j = neo4j;
        this.directory = directory;
    }

    public Optional<SchoolPlace> school(String schoolId) {
        return directory.byId(schoolId).map(SchoolPlace::of);
    }

    public Optional<String> municipalityRegion(String municipalityId) {
        return neo4j.read(tx -> tx.run("MATCH (m:Municipality {id: $id}) RETURN m.regionId AS r", Map.of("id", municipalityId))
                .stream().findFirst().map(r -> Rows.string(r.get("r"))));
    }
}
