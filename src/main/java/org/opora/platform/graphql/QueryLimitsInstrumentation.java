package org.opora.platform.graphql;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.validation.ValidationError;
import org.opora.platform.graphql.QueryRefusal.Rule;
import org.opora.platform.neo4j.RequestBudget;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Enforces {@link QueryLimits} before anything runs (shape before validation, cost before execution) and the
 * request's time budget while it runs (a mutation's budget is longer: imports and re-indexing take minutes): once the budget is used up, no further data fetcher starts (each
 * answers QUERY_TIMEOUT), and the transaction already running is cancelled by the database
 * ({@code Neo4jSessions} gives it the remaining time as its timeout).
 */
final class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final QueryLimits limits;
    private final Duration queryBudget;
    private final Duration mutationBudget;

    QueryLimitsInstrumentation(QueryLimits limits, Duration queryBudget, Duration mutationBudget) {
        this.limits = limits;
        this.queryBudget = queryBudget;
        this.mutationBudget = mutationBudget;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                        InstrumentationState state) {
        QueryAnalysis.checkShape(parameters.getDocument(), limits);
        return super.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        RequestBudget budget = execution.getGraphQLContext().get(RequestContext.BUDGET_KEY);
        if (budget != null && execution.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION
                && budget.budget().equals(queryBudget)) {
            // Writes are all-or-nothing and some are long by nature (imports, re-indexing): they get their own budget,
            // unless the client asked for a shorter one.
            budget.reset(mutationBudget);
        }
        QueryAnalysis.Cost cost = QueryAnalysis.cost(execution.getGraphQLSchema(), execution.getOperationDefinition(),
                execution.getFragmentsByName(), execution.getCoercedVariables().toMap(), limits);
        execution.getGraphQLContext().put(RequestContext.COST_KEY, cost.value());
        if (cost.value() > limits.maxCost()) {
            NumberFormat number = NumberFormat.getIntegerInstance(Locale.forLanguageTag("ru"));
            throw QueryRefusal.of(Rule.COST, "Запрос слишком дорогой: оценка " + number.format(cost.value())
                    + " при пределе " + number.format(limits.maxCost()) + ". Оценка — число полей, которые придётся вычислить:"
                    + " каждый список умножает вложенные в него поля на свой размер (first/limit или обычный размер списка)."
                    + " Дороже всего ветка " + cost.path() + ": уменьшите first/limit или уберите вложенные списки",
                    cost.value(), limits.maxCost(), execution.getOperationDefinition().getSourceLocation());
        }
        return super.beginExecuteOperation(parameters, state);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()) {
            return dataFetcher;
        }
        return env -> {
            RequestBudget budget = env.getGraphQlContext().get(RequestContext.BUDGET_KEY);
            if (budget != null) {
                budget.check();
            }
            return dataFetcher.get(env);
        };
    }
}
