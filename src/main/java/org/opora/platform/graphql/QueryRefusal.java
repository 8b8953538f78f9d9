package org.opora.platform.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.language.SourceLocation;
import org.opora.platform.errors.ErrorCode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Refusal of a whole operation before any field is resolved, with {@code extensions.code = QUERY_TOO_COMPLEX}. */
final class QueryRefusal {

    /** Which limit was broken: stable, for programs. */
    enum Rule { DEPTH, FIELDS, ALIASES, COST, INTROSPECTION }

    private QueryRefusal() {
    }

    static AbortExecutionException of(Rule rule, String message, long actual, long limit, SourceLocation location) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", ErrorCode.QUERY_TOO_COMPLEX.name());
        extensions.put("rule", rule.name());
        extensions.put("actual", actual);
        extensions.put("limit", limit);
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError().message(message).extensions(extensions);
        if (location != null) {
            error.location(location);
        }
        return new AbortExecutionException(List.of(error.build()));
    }
}
