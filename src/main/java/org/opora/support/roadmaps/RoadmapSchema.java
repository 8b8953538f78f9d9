package org.opora.support.roadmaps;

import jakarta.inject.Singleton;
import org.opora.platform.neo4j.SchemaMigration;

import java.util.List;

/** Constraints and indexes of the roadmap graph. */
@Singleton
public class RoadmapSchema implements SchemaMigration {

    @Override
    public String id() {
        return "061-support-roadmaps";
    }

    @Override
    public List<String> statements() {
        return List.of(
                "CREATE CONSTRAINT roadmap_id IF NOT EXISTS FOR (r:Roadmap) REQUIRE r.id IS UNIQUE",
                "CREATE CONSTRAINT roadmap_activity_id IF NOT EXISTS FOR (a:RoadmapActivity) REQUIRE a.id IS UNIQUE",
                "CREATE INDEX roadmap_region IF NOT EXISTS FOR (r:Roadmap) ON (r.regionId)");
    }
}
