package org.opora.identification;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.opora.platform.demo.DemoDataLoader;
import org.opora.platform.neo4j.Neo4jSessions;

import java.util.ArrayList;
import java.util.List;

/** Runs identification with default settings over every imported region, for its latest year. */
@Singleton
@Requires(property = "opora.demo", value = "true")
class IdentificationDemoData implements DemoDataLoader {

    private final IdentificationService service;
    private final Neo4jSessions neo4j;

    IdentificationDemoData(IdentificationService service, Neo4jSessions neo4j) {
        this.service = service;
        this.neo4j = neo4j;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public List<String> load() {
        List<String> lines = new ArrayList<>();
        var regions = neo4j.read(tx -> tx.run("""
                MATCH (r:Region)-[:HAS_MUNICIPALITY]->()-[:HAS_SCHOOL]->()-[:HAS_RESULT]->(a:AssessmentResult)
                RETURN r.id AS region, max(a.year) AS year""").list(r -> new RegionYear(r.get("region").asString(), r.get("year").asInt())));
        for (RegionYear region : regions) {
            IdentificationRun run = service.run(IdentificationParams.defaults(region.regionId(), region.year()), "demo");
            lines.add("Идентификация " + region.regionId() + " за " + region.year() + ": " + run.statusCountsJson());
        }
        return lines;
    }

    private record RegionYear(String regionId, int year) {
    }
}
