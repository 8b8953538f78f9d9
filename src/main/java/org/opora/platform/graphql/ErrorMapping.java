package org.opora.platform.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import org.opora.platform.errors.ApiException;
import org.opora.platform.errors.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns every failure into a GraphQL error with a stable {@code extensions.code}. Messages of
 * {@link ApiException} are for people and are shown as they are; anything unexpected is logged with
 * an incident id and shown only as that id, so no internals leak to clients.
 */
final class ErrorMapping implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters parameters) {
        Throwable failure = parameters.getException();
        if (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        GraphQLError error = toError(failure, parameters.getPath(), parameters.getSourceLocation());
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    static GraphQLError toError(Throwable failure, ResultPath path, SourceLocation location) {
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().path(path).location(location);
        if (failure instanceof ApiException api) {
            Map<String, Object> extensions = new HashMap<>(api.details());
            extensions.put("code", api.code().name());
            return builder.message(api.getMessage()).extensions(extensions).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected failure at {} (incident {})", path, incident, failure);
        return builder.message("Внутренняя ошибка сервера (инцидент " + incident + ")")
                .extensions(Map.of("code", ErrorCode.INTERNAL.name(), "incident", incident)).build();
    }

    /** Adds a code to errors that graphql-java produced itself (syntax, validation, limits). */
    static Map<String, Object> withCode(GraphQLError error) {
        Map<String, Object> spec = new HashMap<>(error.toSpecification());
        Map<String, Object> extensions = error.getExtensions() == null ? new HashMap<>() : new HashMap<>(error.getExtensions());
        if (!extensions.containsKey("code")) {
            extensions.put("code", codeOf(error).name());
            if (error.getErrorType() != null) {
                extensions.put("classification", error.getErrorType().toString());
            }
            spec.put("extensions", extensions);
        }
        return spec;
    }

    private static ErrorCode codeOf(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        if (error instanceof ExceptionWhileDataFetching) {
            return ErrorCode.INTERNAL;
        }
        if (type == ErrorType.InvalidSyntax || type == ErrorType.ValidationError || type == ErrorType.ExecutionAborted) {
            return ErrorCode.BAD_USER_INPUT;
        }
        return type == ErrorType.DataFetchingException ? ErrorCode.INTERNAL : ErrorCode.BAD_USER_INPUT;
    }

    /**
     * Once the time budget is used up every field still to fetch fails the same way, and non-null parents of
     * those fields fail in turn: one QUERY_TIMEOUT error (the first, with its path) tells the client all of it,
     * with the number of fields left unresolved.
     */
    static List<GraphQLError> afterTimeout(List<GraphQLError> errors, boolean expired) {
        GraphQLError first = errors.stream().filter(ErrorMapping::isTimeout).findFirst().orElse(null);
        if (first == null && !expired) {
            return errors;
        }
        long unresolved = errors.stream().filter(e -> isTimeout(e) || e instanceof NonNullableFieldWasNullError).count();
        List<GraphQLError> kept = new ArrayList<>();
        for (GraphQLError error : errors) {
            if (error == first) {
                Map<String, Object> extensions = new HashMap<>(error.getExtensions());
                extensions.put("unresolvedFields", unresolved);
                kept.add(GraphqlErrorBuilder.newError().message(error.getMessage()).path(error.getPath())
                        .locations(error.getLocations()).extensions(extensions).build());
            } else if (first == null || !(isTimeout(error) || error instanceof NonNullableFieldWasNullError)) {
                kept.add(error);
            }
        }
        return kept;
    }

    private static boolean isTimeout(GraphQLError error) {
        return error.getExtensions() != null && ErrorCode.QUERY_TIMEOUT.name().equals(error.getExtensions().get("code"));
    }

    static boolean isRequestError(List<GraphQLError> errors) {
        return errors.stream().anyMatch(e -> e.getErrorType() == ErrorType.InvalidSyntax || e.getErrorType() == ErrorType.ValidationError);
    }
}
