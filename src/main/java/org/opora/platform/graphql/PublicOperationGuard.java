package org.opora.platform.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;
import graphql.language.Field;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import org.opora.platform.errors.ErrorCode;

import java.util.List;
import java.util.Map;

/**
 * Refuses an anonymous operation unless every top-level field it selects is marked {@code @public}
 * (introspection is public: the schema is the published contract anyway).
 */
final class PublicOperationGuard extends SimplePerformantInstrumentation {

    static final String UNAUTHENTICATED_MESSAGE = "Требуется вход в систему: передайте токен (POST /login) в заголовке Authorization: Bearer …";

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        if (execution.getGraphQLContext().get(RequestContext.USER_KEY) == null) {
            GraphQLObjectType root = switch (execution.getOperationDefinition().getOperation()) {
                case MUTATION -> execution.getGraphQLSchema().getMutationType();
                case SUBSCRIPTION -> execution.getGraphQLSchema().getSubscriptionType();
                default -> execution.getGraphQLSchema().getQueryType();
            };
            if (!allPublic(execution.getOperationDefinition().getSelectionSet(), root, execution)) {
                throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                        .message(UNAUTHENTICATED_MESSAGE)
                        .extensions(Map.of("code", ErrorCode.UNAUTHENTICATED.name()))
                        .build()));
            }
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static boolean allPublic(SelectionSet selections, GraphQLObjectType root, ExecutionContext execution) {
        for (Selection<?> selection : selections.getSelections()) {
            boolean ok;
            if (selection instanceof Field field) {
                GraphQLFieldDefinition definition = root.getFieldDefinition(field.getName());
                ok = field.getName().startsWith("__")
                        || (definition != null && definition.getAppliedDirective("public") != null);
            } else if (selection instanceof InlineFragment inline) {
                ok = allPublic(inline.getSelectionSet(), root, execution);
            } else if (selection instanceof FragmentSpread spread) {
                var fragment = execution.getFragmentsByName().get(spread.getName());
                ok = fragment != null && allPublic(fragment.getSelectionSet(), root, execution);
            } else {
                ok = false;
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
