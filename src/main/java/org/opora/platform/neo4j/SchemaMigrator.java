package org.opora.platform.neo4j;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies every feature's {@link SchemaMigration} once, at start-up, and records it as a
 * {@code (:SchemaMigration {id, checksum, appliedAt})} node. A changed checksum re-applies the
 * statements (they are idempotent), which lets a feature add an index to its migration.
 */
@Context
public class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final List<SchemaMigration> migrations;
    private final Neo4jSessions sessions;

    public SchemaMigrator(List<SchemaMigration> migrations, Neo4jSessions sessions) {
        this.migrations = migrations;
        this.sessions = sessions;
    }

    @PostConstruct
    void migrate() {
        try (Session session = sessions.session()) {
            session.run("CREATE CONSTRAINT schema_migration_id IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.id IS UNIQUE").consume();
            Set<String> applied = session.run("MATCH (m:SchemaMigration) RETURN m.id + ':' + m.checksum AS key")
                    .list(r -> r.get("key").asString()).stream().collect(Collectors.toSet());
            for (SchemaMigration migration : migrations.stream().sorted(Comparator.comparing(SchemaMigration::id)).toList()) {
                String checksum = Integer.toHexString(String.join("\n", migration.statements()).hashCode());
                if (applied.contains(migration.id() + ":" + checksum)) {
                    continue;
                }
                for (String statement : migration.statements()) {
                    session.run(statement).consume();
                }
                session.run("MERGE (m:SchemaMigration {id: $id}) SET m.checksum = $checksum, m.appliedAt = datetime()",
                        Map.of("id", migration.id(), "checksum", checksum)).consume();
                LOG.info("Applied schema migration {}", migration.id());
            }
            session.run("CALL db.awaitIndexes(300)").consume();
        }
    }
}
