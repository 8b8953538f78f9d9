package org.opora.mentoring.teachers;

import jakarta.inject.Singleton;
import org.neo4j.driver.Value;
import org.opora.platform.neo4j.Neo4jSessions;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Cypher of diagnostics: (:Teacher)-[:HAS_DIAGNOSTIC]->(:Diagnostic)-[:FOUND]->(:Deficit). */
@Singleton
public class DiagnosticRepository {

    private static final String DIAGNOSTIC = """
            d {.id, .date, .instrument, .teacherId,
               deficits: COLLECT { MATCH (d)-[:FOUND]->(x:Deficit)
                                   WITH x ORDER BY x.competence RETURN x {.competence, .level, .date, .instrument, .note} }}""";

    private final Neo4jSessions neo4j;

    DiagnosticRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    /** Writes a diagnostic with its deficits (the deficits take the diagnostic's date and instrument). */
    public Diagnostic add(String teacherId, DiagnosticService.NewDiagnostic in, String id) {
        Map<String, Object> d = new HashMap<>();
        d.put("id", id);
        d.put("date", in.date());
        d.put("instrument", in.instrument());
        List<Map<String, Object>> deficits = in.deficits().stream().map(x -> {
            Map<String, Object> m = new HashMap<>();
            m.put("competence", x.competence().name());
            m.put("level", x.level().name());
            m.put("note", x.note());
            return m;
        }).toList();
        return neo4j.write(tx -> {
            tx.run("""
                    MATCH (t:Teacher {id: $teacherId})
                    CREATE (t)-[:HAS_DIAGNOSTIC]->(d:Diagnostic)
                    SET d = $d, d.teacherId = $teacherId
                    WITH d UNWIND $deficits AS def
                    CREATE (d)-[:FOUND]->(x:Deficit)
                    SET x = def, x.teacherId = $teacherId, x.date = d.date, x.instrument = d.instrument
                    """, Map.of("teacherId", teacherId, "d", d, "deficits", deficits)).consume();
            return diagnostic(tx.run("MATCH (d:Diagnostic {id: $id}) RETURN " + DIAGNOSTIC + " AS d", Map.of("id", id))
                    .single().get("d"));
        });
    }

    /** Diagnostics of each teacher, newest first (one query for many teachers); every id gets a list. */
    public Map<String, List<Diagnostic>> diagnosticsOf(Collection<String> teacherIds) {
        return Rows.groupedBy(teacherIds, neo4j.read(tx -> tx.run("MATCH (t:Teacher)-[:HAS_DIAGNOSTIC]->(d:Diagnostic) WHERE t.id IN $ids RETURN t.id AS teacherId, "
                        + DIAGNOSTIC + " AS d ORDER BY d.date DESC, d.id", Map.of("ids", List.copyOf(teacherIds)))
                .list(r -> Map.entry(r.get("teacherId").asString(), diagnostic(r.get("d"))))));
    }

    private static Diagnostic diagnostic(Value d) {
        return new Diagnostic(d.get("id").asString(), d.get("date").asLocalDate(), d.get("instrument").asString(),
                Rows.list(d.get("deficits"), x -> new Deficit(CompetenceArea.valueOf(x.get("competence").asString()),
                        DeficitLevel.valueOf(x.get("level").asString()), x.get("date").asLocalDate(),
                        x.get("instrument").asString(), Rows.string(x.get("note")))));
    }
}
