package org.opora.platform.graphql;

import graphql.schema.idl.RuntimeWiring;

import java.util.List;

/**
 * A feature's share of the API: the schema files it owns (under {@code graphql/}) and the data
 * fetchers behind them. Keep implementations thin: parse arguments, call the feature's service.
 */
public interface GraphQlWiring {

    /** Classpath names such as {@code graphql/school.graphqls}. */
    List<String> schemaFiles();

    void wire(RuntimeWiring.Builder wiring);

    /** Batch loaders of the entities this feature's child fields resolve (see {@link EntityLoader}). */
    default List<EntityLoader<?, ?>> loaders() {
        return List.of();
    }
}
