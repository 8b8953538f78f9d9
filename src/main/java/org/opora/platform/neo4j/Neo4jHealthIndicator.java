package org.opora.platform.neo4j;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.Map;

/** Reports whether Neo4j answers, and which server the driver talks to. */
@Singleton
public class Neo4jHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final Neo4jSessions neo4j;

    public Neo4jHealthIndicator(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        try {
            var component = neo4j.read(tx -> tx.run(
                    "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition").single());
            healthStatus = HealthStatus.UP;
            return Map.of("name", component.get("name").asString(), "version", component.get("version").asString(),
                    "edition", component.get("edition").asString());
        } catch (RuntimeException e) {
            healthStatus = HealthStatus.DOWN;
            return Map.of("error", String.valueOf(e.getMessage()));
        }
    }

    @Override
    protected String getName() {
        return "neo4j";
    }
}
