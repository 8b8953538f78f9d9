package org.opora.identification;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.platform.neo4j.Neo4jSessions;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The schools a region entered into the federal "500+" project, each with its curator, stored as
 * {@code (:School)-[:IN_PROJECT_500 {year, curator, recordedAt, recordedBy}]->(:Region)}, and their
 * comparison with the platform's ШНОР of a run.
 */
@Singleton
public class Project500 {

    private final Neo4jSessions neo4j;
    private final IdentificationRepository runs;

    Project500(Neo4jSessions neo4j, IdentificationRepository runs) {
        this.neo4j = neo4j;
        this.runs = runs;
    }

    public record Entry(String schoolId, String curator) {
    }

    public enum Agreement { BOTH, ONLY_PROJECT, ONLY_PLATFORM }

    public record Match(String schoolId, Agreement agreement, @Nullable String curator, @Nullable OffsetDateTime recordedAt,
                        @Nullable String recordedBy, List<String> platformStatuses) {
    }

    public record Comparison(String regionId, int year, @Nullable IdentificationRun run, int inProject, int flaggedByPlatform,
                             int both, int onlyProject, int onlyPlatform, List<Match> schools) {
    }

    /** Replaces the region's list for the year, all or nothing: every row is checked before anything is written. */
    public Comparison record(String regionId, int year, List<Entry> entries, CurrentUser user) {
        if (!user.coordinates(regionId, null) || user.scope().municipalityId() != null) {
            throw ApiException.forbidden("Список школ проекта «500+» ведёт региональный координатор своего региона");
        }
        if (year < 2000 || year > 2100) {
            throw ApiException.badInput("year: неверный год " + year);
        }
        if (!runs.regionExists(regionId)) {
            throw ApiException.notFound("Регион", ApiException.Gender.MASCULINE, regionId);
        }
        Set<String> seen = new HashSet<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String field = "schools[" + i + "]";
            if (e.schoolId() == null || e.schoolId().isBlank()) {
                throw ApiException.badInput(field + ".schoolId: обязательное поле не заполнено");
            }
            if (e.curator() == null || e.curator().isBlank()) {
                throw ApiException.badInput(field + ".curator: укажите куратора школы");
            }
            if (e.curator().length() > 200) {
                throw ApiException.badInput(field + ".curator: не длиннее 200 символов");
            }
            if (!seen.add(e.schoolId())) {
                throw ApiException.badInput(field + ".schoolId: школа " + e.schoolId() + " указана в списке дважды");
            }
            rows.add(Map.of("schoolId", e.schoolId(), "curator", e.curator().strip()));
        }
        String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString();
        neo4j.write(tx -> {
            List<String> unknown = tx.run("""
                    UNWIND $ids AS id
                    OPTIONAL MATCH (s:School {id: id, regionId: $regionId})
                    WITH id, s WHERE s IS NULL
                    RETURN id
                    """, Map.of("ids", new ArrayList<>(seen), "regionId", regionId)).list(r -> r.get("id").asString());
            if (!unknown.isEmpty()) {
                int row = entries.stream().map(Entry::schoolId).toList().indexOf(unknown.get(0));
                throw ApiException.badInput("schools[" + row + "].schoolId: школа " + unknown.get(0) + " не найдена в регионе " + regionId);
            }
            tx.run("""
                    MATCH (:School)-[p:IN_PROJECT_500 {year: $year}]->(:Region {id: $regionId})
                    DELETE p
                    """, Map.of("regionId", regionId, "year", year)).consume();
            tx.run("""
                    MATCH (region:Region {id: $regionId})
                    UNWIND $rows AS row
                    MATCH (s:School {id: row.schoolId})
                    CREATE (s)-[:IN_PROJECT_500 {year: $year, curator: row.curator, recordedAt: datetime($now), recordedBy: $user}]->(region)
                    """, Map.of("regionId", regionId, "year", year, "rows", rows, "now", now, "user", user.username())).consume();
            return null;
        });
        return compare(regionId, year, null);
    }

    public Comparison read(String regionId, int year, @Nullable String runId, CurrentUser user) {
        IdentificationHistory.requireReader(user, regionId);
        return compare(regionId, year, runId);
    }

    private Comparison compare(String regionId, int year, @Nullable String runId) {
        IdentificationRun run;
        if (runId != null) {
            run = runs.find(runId).orElseThrow(() -> ApiException.notFound("Запуск идентификации", ApiException.Gender.MASCULINE, runId));
            if (!run.regionId().equals(regionId)) {
                throw ApiException.badInput("runId: запуск относится к другому региону (" + run.regionId() + ")");
            }
        } else {
            run = runs.runs(regionId, null, 1).stream().findFirst().orElse(null);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("regionId", regionId);
        params.put("year", year);
        params.put("runId", run == null ? null : run.id());
        record Row(String schoolId, String curator, OffsetDateTime recordedAt, String recordedBy) {
        }
        Map<String, Row> project = new TreeMap<>();
        Map<String, List<String>> statuses = new HashMap<>();
        neo4j.read(tx -> {
            tx.run("""
                    MATCH (s:School)-[p:IN_PROJECT_500 {year: $year}]->(:Region {id: $regionId})
                    RETURN s.id AS schoolId, p.curator AS curator, p.recordedAt AS recordedAt, p.recordedBy AS recordedBy
                    """, params).list().forEach(r -> project.put(r.get("schoolId").asString(), new Row(r.get("schoolId").asString(),
                    r.get("curator").asString(), r.get("recordedAt").asZonedDateTime().toOffsetDateTime(), r.get("recordedBy").asString())));
            tx.run("""
                    MATCH (:IdentificationRun {id: $runId})-[a:ASSESSED]->(s:School)
                    WHERE 'LOW_RESULTS' IN a.statuses OR EXISTS { (s)-[:IN_PROJECT_500 {year: $year}]->(:Region {id: $regionId}) }
                    RETURN s.id AS schoolId, a.statuses AS statuses
                    """, params).list().forEach(r -> statuses.put(r.get("schoolId").asString(), r.get("statuses").asList(v -> v.asString())));
            return null;
        });
        Set<String> all = new java.util.TreeSet<>(project.keySet());
        statuses.forEach((id, list) -> {
            if (list.contains("LOW_RESULTS")) {
                all.add(id);
            }
        });
        List<Match> matches = new ArrayList<>();
        int both = 0;
        int onlyProject = 0;
        int onlyPlatform = 0;
        for (String id : all) {
            Row row = project.get(id);
            List<String> own = statuses.getOrDefault(id, List.of());
            boolean flagged = own.contains("LOW_RESULTS");
            Agreement agreement = row != null && flagged ? Agreement.BOTH : row != null ? Agreement.ONLY_PROJECT : Agreement.ONLY_PLATFORM;
            switch (agreement) {
                case BOTH -> both++;
                case ONLY_PROJECT -> onlyProject++;
                case ONLY_PLATFORM -> onlyPlatform++;
            }
            matches.add(new Match(id, agreement, row == null ? null : row.curator(), row == null ? null : row.recordedAt(),
                    row == null ? null : row.recordedBy(), own));
        }
        return new Comparison(regionId, year, run, project.size(), both + onlyPlatform, both, onlyProject, onlyPlatform, matches);
    }
}
