package org.opora.platform.neo4j;

import java.util.List;

/**
 * Constraints and indexes owned by one feature. Each feature declares its own next to its Cypher;
 * {@link SchemaMigrator} applies those not yet recorded in the database, in order of {@link #id()}.
 * Statements must be idempotent ({@code IF NOT EXISTS}) so a partly applied migration can rerun.
 */
public interface SchemaMigration {

    /** Sort key and identity, e.g. {@code "010-school"}; never change it once released. */
    String id();

    List<String> statements();
}
