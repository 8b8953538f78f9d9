package org.opora.platform.graphql;

import java.util.StringJoiner;

/**
 * The worst operations we could construct against the query limits, shared by {@code QueryCostTest} and
 * {@code QueryLimitsBenchmark}. Each one is refused before any field is resolved.
 */
final class AttackQueries {

    private AttackQueries() {
    }

    /** teacher { school { teachers { school { teachers … } } } } with {@code lists} levels of teachers and ids at the bottom. */
    static String nestedTeachers(int lists) {
        StringBuilder query = new StringBuilder("{ teacher(id: \"" + CostRegion.teacher(1, 1) + "\") { school { ");
        for (int i = 0; i < lists; i++) {
            query.append(i == lists - 1 ? "teachers { id fullName } " : "teachers { school { ");
        }
        query.append("} ".repeat(2 * (lists - 1))).append("} } }");
        return query.toString();
    }

    /** {@code count} aliases of one cheap field. */
    static String aliases(int count) {
        StringJoiner query = new StringJoiner(" ", "{ ", " }");
        for (int i = 0; i < count; i++) {
            query.add("a" + i + ": ping");
        }
        return query.toString();
    }

    /** Fragments each spreading the next twice: 2^{@code levels} fields from a document of a few hundred bytes. */
    static String fragmentBomb(int levels) {
        StringBuilder query = new StringBuilder("query Bomb { ...F0 }\n");
        for (int i = 0; i < levels; i++) {
            query.append("fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" ...F").append(i + 1).append(" }\n");
        }
        query.append("fragment F").append(levels).append(" on Query { ping regions { id name } }\n");
        return query.toString();
    }

    /** Fragments each selecting the next under a list field: the document stays small, the response would be huge. */
    static String nestedFragmentBomb(int levels) {
        StringBuilder query = new StringBuilder("query NestedBomb { teacher(id: \"" + CostRegion.teacher(1, 1) + "\") { ...T0 } }\n");
        for (int i = 0; i < levels; i++) {
            query.append("fragment T").append(i).append(" on Teacher { id school { teachers { ...T").append(i + 1).append(" } } }\n");
        }
        query.append("fragment T").append(levels).append(" on Teacher { id fullName }\n");
        return query.toString();
    }

    /** A page size far beyond any real page, with lists inside. */
    static String hugeFirst() {
        return "{ schools(first: 1000000) { edges { node { id name teachers { id fullName school { name } } } } } }";
    }

    /** The same through a variable, which only the cost check (after validation) can see. */
    static String hugeFirstVariable() {
        return "query($n: Int) { schools(filter: {regionId: \"" + CostRegion.REGION + "\"}, first: $n) { edges { node { id"
                + " results { year meanScore } teachers { id } } } } }";
    }

    /** Many list fields side by side under the biggest allowed page. */
    static String wideLists() {
        return """
                { schools(first: 200) { edges { node { id
                    results { year procedure subject grade meanScore }
                    indicators { year indicator value }
                    teachers { id fullName subjects }
                    municipality { name } } } }
                  regions { id municipalities { id name } } }""";
    }

    /** A cheap field selected 400 times without aliases (merged by GraphQL, but each is parsed and walked). */
    static String manyFields(int count) {
        return "{ " + "ping ".repeat(count) + "}";
    }
}
