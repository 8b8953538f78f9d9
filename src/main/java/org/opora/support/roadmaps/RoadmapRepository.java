package org.opora.support.roadmaps;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.opora.platform.graphql.Connection;
import org.opora.platform.neo4j.Neo4jSessions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The roadmap graph: {@code (:Roadmap)-[:HAS_ACTIVITY]->(:RoadmapActivity)}, activities ordered by {@code position}.
 * The counts of a roadmap are computed as of the {@code today} the caller passes, so overdue is one rule everywhere.
 */
@Singleton
public class RoadmapRepository {

    private static final List<String> CLOSED = List.of(RoadmapActivityStatus.DONE.name(), RoadmapActivityStatus.CANCELLED.name());

    /** The projection of the roadmap bound to {@code r}; needs {@code $today} and {@code $closed}. */
    private static final String ROADMAP = """
            r {.id, .level, .regionId, .municipalityId, .schoolId, .territoryName, .title, .periodStart, .periodEnd,
               .updatedBy, .updatedAt,
               activityCount: COUNT { (r)-[:HAS_ACTIVITY]->(:RoadmapActivity) },
               overdueCount: COUNT { (r)-[:HAS_ACTIVITY]->(a:RoadmapActivity) WHERE a.deadline < $today AND NOT a.status IN $closed },
               doneCount: COUNT { (r)-[:HAS_ACTIVITY]->(a:RoadmapActivity {status: 'DONE'}) }} AS roadmap""";

    private static final String ACTIVITY = """
            a {.id, .roadmapId, .position, .section, .title, .deadline, .responsible, .plannedResult, .status, .actualResult} AS activity""";

    private final Neo4jSessions neo4j;

    public RoadmapRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    // ------------------------------------------------------------------ reading

    public Optional<Roadmap> byId(String id, LocalDate today) {
        return neo4j.read(tx -> byId(tx, id, today));
    }

    Optional<Roadmap> byId(TransactionContext tx, String id, LocalDate today) {
        return tx.run("MATCH (r:Roadmap {id: $id}) RETURN " + ROADMAP, params("id", id, today))
                .stream().findFirst().map(rec -> roadmap(rec.get("roadmap")));
    }

    /** One page of the roadmaps of a territory: the region's first, then the municipalities', then the schools'. */
    public Connection<Roadmap> inTerritory(String regionId, @Nullable String municipalityId, @Nullable String schoolId,
                                           @Nullable RoadmapLevel level, Connection.Request page, LocalDate today) {
        Map<String, Object> p = params("regionId", regionId, today);
        p.put("municipalityId", municipalityId);
        p.put("schoolId", schoolId);
        p.put("level", level == null ? null : level.name());
        p.put("rank", page.after(0) == null ? -1 : Integer.parseInt(page.after(0)));
        p.put("name", page.after(1));
        p.put("afterId", page.after(2));
        p.put("limit", page.fetchSize());
        String filter = """
                MATCH (r:Roadmap {regionId: $regionId})
                WHERE ($municipalityId IS NULL OR r.municipalityId = $municipalityId)
                  AND ($schoolId IS NULL OR r.schoolId = $schoolId)
                  AND ($level IS NULL OR r.level = $level)
                WITH r, CASE r.level WHEN 'REGION' THEN 0 WHEN 'MUNICIPALITY' THEN 1 ELSE 2 END AS rank,
                     coalesce(r.territoryName, '') AS name
                """;
        return neo4j.read(tx -> {
            long total = tx.run(filter + "RETURN count(r) AS n", p).single().get("n").asLong();
            List<Roadmap> rows = tx.run(filter + """
                    WHERE $afterId IS NULL OR rank > $rank OR (rank = $rank AND (name > $name OR (name = $name AND r.id > $afterId)))
                    RETURN\s""" + ROADMAP + """
                    , rank, name ORDER BY rank, name, r.id LIMIT $limit""", p).list(rec -> roadmap(rec.get("roadmap")));
            return Connection.of(rows, page, total, RoadmapRepository::cursor);
        });
    }

    static String cursor(Roadmap r) {
        int rank = switch (r.level()) {
            case REGION -> 0;
            case MUNICIPALITY -> 1;
            case SCHOOL -> 2;
        };
        return Connection.cursor(String.valueOf(rank), r.territoryName() == null ? "" : r.territoryName(), r.id());
    }

    /** The activities of these roadmaps in document order, by roadmap id (one query for a page of roadmaps). */
    public Map<String, List<RoadmapActivity>> activitiesOf(Collection<String> roadmapIds) {
        Map<String, List<RoadmapActivity>> byRoadmap = new LinkedHashMap<>();
        roadmapIds.forEach(id -> byRoadmap.put(id, new ArrayList<>()));
        neo4j.readOnce("""
                        MATCH (r:Roadmap)-[:HAS_ACTIVITY]->(a:RoadmapActivity) WHERE r.id IN $ids
                        RETURN\s""" + ACTIVITY + " ORDER BY a.roadmapId, a.position",
                Map.of("ids", List.copyOf(roadmapIds)), result -> {
                    result.forEachRemaining(rec -> {
                        RoadmapActivity a = activity(rec.get("activity"));
                        byRoadmap.get(a.roadmapId()).add(a);
                    });
                    return null;
                });
        return byRoadmap;
    }

    List<RoadmapActivity> activities(TransactionContext tx, String roadmapId) {
        return tx.run("MATCH (:Roadmap {id: $id})-[:HAS_ACTIVITY]->(a:RoadmapActivity) RETURN " + ACTIVITY + " ORDER BY a.position",
                Map.of("id", roadmapId)).list(rec -> activity(rec.get("activity")));
    }

    Optional<RoadmapActivity> activity(TransactionContext tx, String activityId) {
        return tx.run("MATCH (a:RoadmapActivity {id: $id}) RETURN " + ACTIVITY, Map.of("id", activityId))
                .stream().findFirst().map(rec -> activity(rec.get("activity")));
    }

    /** The territory a new roadmap is created for, read from its node; empty when there is no such node. */
    Optional<Territory> territory(TransactionContext tx, RoadmapLevel level, String id) {
        String query = switch (level) {
            case REGION -> "MATCH (t:Region {id: $id}) RETURN t.id AS regionId, null AS municipalityId, null AS schoolId, t.name AS name";
            case MUNICIPALITY -> "MATCH (t:Municipality {id: $id}) RETURN t.regionId AS regionId, t.id AS municipalityId, "
                    + "null AS schoolId, t.name AS name";
            case SCHOOL -> "MATCH (t:School {id: $id}) RETURN t.regionId AS regionId, t.municipalityId AS municipalityId, "
                    + "t.id AS schoolId, t.name AS name";
        };
        return tx.run(query, Map.of("id", id)).stream().findFirst()
                .filter(rec -> !rec.get("regionId").isNull())
                .map(rec -> new Territory(level, rec.get("regionId").asString(), string(rec.get("municipalityId")),
                        string(rec.get("schoolId")), rec.get("name").asString(id)));
    }

    // ------------------------------------------------------------------ writing

    /** Everything a roadmap is created with. */
    record NewRoadmap(String id, Territory territory, String title, LocalDate periodStart, LocalDate periodEnd, String author) {
    }

    void create(TransactionContext tx, NewRoadmap roadmap) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", roadmap.id());
        p.put("level", roadmap.territory().level().name());
        p.put("regionId", roadmap.territory().regionId());
        p.put("municipalityId", roadmap.territory().municipalityId());
        p.put("schoolId", roadmap.territory().schoolId());
        p.put("territoryName", roadmap.territory().name());
        p.put("title", roadmap.title());
        p.put("periodStart", roadmap.periodStart());
        p.put("periodEnd", roadmap.periodEnd());
        p.put("author", roadmap.author());
        tx.run("""
                CREATE (r:Roadmap {id: $id, level: $level, regionId: $regionId, municipalityId: $municipalityId,
                                   schoolId: $schoolId, territoryName: $territoryName, title: $title,
                                   periodStart: $periodStart, periodEnd: $periodEnd,
                                   createdBy: $author, createdAt: datetime(), updatedBy: $author, updatedAt: datetime()})
                """, p).consume();
    }

    /**
     * Takes the roadmap's write lock and stamps the change, so concurrent edits of one roadmap run one after the
     * other (positions stay unique). False when there is no such roadmap.
     */
    boolean touch(TransactionContext tx, String roadmapId, String author) {
        return tx.run("MATCH (r:Roadmap {id: $id}) SET r.updatedBy = $author, r.updatedAt = datetime() RETURN r.id AS id",
                Map.of("id", roadmapId, "author", author)).hasNext();
    }

    /** Appends activities after the last one, in the given order; returns their ids. */
    List<String> append(TransactionContext tx, String roadmapId, List<ActivityDraft> drafts, List<String> ids) {
        List<Map<String, Object>> rows = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Map<String, Object> row = properties(drafts.get(i));
            row.put("id", ids.get(i));
            row.put("offset", i);
            rows.add(row);
        }
        tx.run("""
                MATCH (r:Roadmap {id: $roadmapId})
                OPTIONAL MATCH (r)-[:HAS_ACTIVITY]->(x:RoadmapActivity)
                WITH r, coalesce(max(x.position), 0) AS last
                UNWIND $rows AS row
                CREATE (r)-[:HAS_ACTIVITY]->(a:RoadmapActivity)
                SET a = row, a.roadmapId = r.id, a.position = last + row.offset + 1
                REMOVE a.offset
                """, Map.of("roadmapId", roadmapId, "rows", rows)).consume();
        return ids;
    }

    void update(TransactionContext tx, String activityId, ActivityDraft draft) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", activityId);
        p.put("props", properties(draft));
        tx.run("MATCH (a:RoadmapActivity {id: $id}) SET a += $props", p).consume();
    }

    void setStatus(TransactionContext tx, String activityId, RoadmapActivityStatus status, @Nullable String actualResult) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", activityId);
        p.put("status", status.name());
        p.put("actualResult", actualResult);
        tx.run("MATCH (a:RoadmapActivity {id: $id}) SET a.status = $status, a.actualResult = $actualResult", p).consume();
    }

    void remove(TransactionContext tx, String activityId) {
        tx.run("MATCH (a:RoadmapActivity {id: $id}) DETACH DELETE a", Map.of("id", activityId)).consume();
    }

    /** Drops every activity of the roadmap (an import replaces them all). */
    void removeAll(TransactionContext tx, String roadmapId) {
        tx.run("MATCH (:Roadmap {id: $id})-[:HAS_ACTIVITY]->(a:RoadmapActivity) DETACH DELETE a", Map.of("id", roadmapId)).consume();
    }

    // ------------------------------------------------------------------ mapping

    private static Map<String, Object> properties(ActivityDraft d) {
        Map<String, Object> row = new HashMap<>();
        row.put("section", d.section());
        row.put("title", d.title());
        row.put("deadline", d.deadline());
        row.put("responsible", d.responsible());
        row.put("plannedResult", d.plannedResult());
        row.put("status", d.status().name());
        row.put("actualResult", d.actualResult());
        return row;
    }

    private static Map<String, Object> params(String key, Object value, LocalDate today) {
        Map<String, Object> p = new HashMap<>();
        p.put(key, value);
        p.put("today", today);
        p.put("closed", CLOSED);
        return p;
    }

    private static Roadmap roadmap(Value r) {
        return new Roadmap(r.get("id").asString(), RoadmapLevel.valueOf(r.get("level").asString()), r.get("regionId").asString(),
                string(r.get("municipalityId")), string(r.get("schoolId")), string(r.get("territoryName")),
                r.get("title").asString(), r.get("periodStart").asLocalDate(), r.get("periodEnd").asLocalDate(),
                r.get("activityCount").asInt(), r.get("overdueCount").asInt(), r.get("doneCount").asInt(),
                string(r.get("updatedBy")), r.get("updatedAt").isNull() ? null : r.get("updatedAt").asZonedDateTime());
    }

    private static RoadmapActivity activity(Value a) {
        return new RoadmapActivity(a.get("id").asString(), a.get("roadmapId").asString(), a.get("position").asInt(),
                string(a.get("section")), a.get("title").asString(), a.get("deadline").asLocalDate(), a.get("responsible").asString(),
                string(a.get("plannedResult")), RoadmapActivityStatus.valueOf(a.get("status").asString()), string(a.get("actualResult")));
    }

    @Nullable
    private static String string(Value value) {
        return value == null || value.isNull() ? null : value.asString();
    }

}
