package org.opora.platform.graphql;

/**
 * What one GraphQL operation may ask for (see {@link QueryAnalysis}).
 *
 * @param maxDepth              nesting of fields, leaves included (the top-level field is depth 1)
 * @param maxIntrospectionDepth the same for operations that only introspect the schema (GraphiQL, code generators)
 * @param maxFields             fields after expanding fragments, not multiplied by list sizes
 * @param maxAliases            aliased fields after expanding fragments
 * @param maxCost               estimated fields resolved: a list multiplies its children by its size
 * @param defaultListSize       assumed size of a list field without a size argument or {@code @listSize}
 */
record QueryLimits(int maxDepth, int maxIntrospectionDepth, int maxFields, int maxAliases, long maxCost, int defaultListSize) {
}
