package org.opora.platform.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import org.opora.platform.input.TextInput;

import java.util.Map;

/**
 * Applies {@link TextInput} to the arguments of every field that has any, before its fetcher runs: free text of every
 * query and mutation, present and future, is checked in one place and nothing is written when it fails.
 */
final class ControlCharacterGuard extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.getExecutionStepInfo().getFieldDefinition().getArguments().isEmpty()) {
            return dataFetcher;
        }
        return env -> {
            for (Map.Entry<String, Object> argument : env.getArguments().entrySet()) {
                TextInput.requireCleanDeep(argument.getKey(), argument.getValue());
            }
            return dataFetcher.get(env);
        };
    }
}
