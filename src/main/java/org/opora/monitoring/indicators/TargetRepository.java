package org.opora.monitoring.indicators;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.TransactionContext;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.platform.neo4j.SchemaMigration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Planned values: {@code (:MonitoringTarget {key, regionId, municipalityId, code, year, plannedValue, setBy, setAt})},
 * one per territory (a region: municipalityId null), indicator and year.
 */
@Singleton
class TargetRepository implements SchemaMigration {

    private final Neo4jSessions neo4j;

    TargetRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    @Override
    public String id() {
        return "070-monitoring-targets";
    }

    @Override
    public List<String> statements() {
        return List.of(
                "CREATE CONSTRAINT monitoring_target_key IF NOT EXISTS FOR (t:MonitoringTarget) REQUIRE t.key IS UNIQUE",
                "CREATE INDEX monitoring_target_region_year IF NOT EXISTS FOR (t:MonitoringTarget) ON (t.regionId, t.year)");
    }

    /** The region's targets of a year: the region's own and every municipality's. */
    TargetSet targets(String regionId, int year) {
        return neo4j.read(tx -> targets(tx, regionId, year));
    }

    TargetSet targets(TransactionContext tx, String regionId, int year) {
        Map<String, Double> region = new HashMap<>();
        Map<String, Map<String, Double>> municipalities = new HashMap<>();
        tx.run("""
                MATCH (t:MonitoringTarget {regionId: $regionId, year: $year})
                RETURN t.municipalityId AS municipalityId, t.code AS code, t.plannedValue AS planned
                """, Map.of("regionId", regionId, "year", year)).forEachRemaining(r -> {
            if (r.get("municipalityId").isNull()) {
                region.put(r.get("code").asString(), r.get("planned").asDouble());
            } else {
                municipalities.computeIfAbsent(r.get("municipalityId").asString(), k -> new HashMap<>())
                        .put(r.get("code").asString(), r.get("planned").asDouble());
            }
        });
        return new TargetSet(region, municipalities);
    }

    /** Sets (plannedValue given) or removes the territory's target, in the caller's transaction. */
    void write(TransactionContext tx, String regionId, @Nullable String municipalityId, String code, int year,
               @Nullable Double plannedValue, String by) {
        String key = String.join("|", regionId, municipalityId == null ? "" : municipalityId, code, String.valueOf(year));
        if (plannedValue == null) {
            tx.run("MATCH (t:MonitoringTarget {key: $key}) DETACH DELETE t", Map.of("key", key)).consume();
            return;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("key", key);
        params.put("regionId", regionId);
        params.put("municipalityId", municipalityId);
        params.put("code", code);
        params.put("year", year);
        params.put("planned", plannedValue);
        params.put("by", by);
        tx.run("""
                MERGE (t:MonitoringTarget {key: $key})
                SET t.regionId = $regionId, t.municipalityId = $municipalityId, t.code = $code, t.year = $year,
                    t.plannedValue = $planned, t.setBy = $by, t.setAt = datetime()
                """, params).consume();
    }

    <T> T inWrite(java.util.function.Function<TransactionContext, T> work) {
        return neo4j.write(work);
    }

    /** The targets of a region in a year, and which applies to a territory. */
    record TargetSet(Map<String, Double> region, Map<String, Map<String, Double>> municipalities) {

        /** The municipality's own target, else the region's (inherited); a school takes its municipality's. */
        @Nullable
        MonitoringTarget targetFor(Territory territory, String code) {
            if (territory.level() != MonitoringLevel.REGION && territory.municipalityId() != null) {
                Double own = municipalities.getOrDefault(territory.municipalityId(), Map.of()).get(code);
                if (own != null) {
                    return new MonitoringTarget(own, MonitoringLevel.MUNICIPALITY, territory.level() != MonitoringLevel.MUNICIPALITY);
                }
            }
            Double regional = region.get(code);
            return regional == null ? null
                    : new MonitoringTarget(regional, MonitoringLevel.REGION, territory.level() != MonitoringLevel.REGION);
        }
    }
}
