package org.opora.platform.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ErrorCode;
import org.opora.platform.neo4j.RequestBudget;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GraphQL over HTTP: {@code POST /graphql} with {@code {"query", "variables", "operationName"}}.
 * The route itself is open; who may run what is decided per operation ({@link PublicOperationGuard},
 * {@code @auth}), so anonymous calls get a GraphQL error body with HTTP 401.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class GraphQlController {

    private final GraphQL graphQL;
    private final ObjectMapper json;
    private final byte[] idePage;
    private final RequestLoaders loaders;
    private final QueryLimits limits;
    private final Duration timeBudget;

    GraphQlController(GraphQL graphQL, ObjectMapper json, RequestLoaders loaders, QueryLimits limits,
                      @Value("${opora.graphql.time-budget:10s}") Duration timeBudget) throws IOException {
        this.graphQL = graphQL;
        this.json = json;
        this.loaders = loaders;
        this.limits = limits;
        this.timeBudget = timeBudget;
        try (InputStream page = getClass().getClassLoader().getResourceAsStream("public/graphiql.html")) {
            this.idePage = page == null ? new byte[0] : page.readAllBytes();
        }
    }

    @Post(uri = "/graphql", consumes = {MediaType.APPLICATION_JSON, "application/graphql-response+json"},
            produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Map<String, Object>> execute(@Body String body, @Nullable Authentication authentication) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JsonProcessingException e) {
            return requestError("Тело запроса не является корректным JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject() || !request.path("query").isTextual() || request.path("query").asText().isBlank()) {
            return requestError("Ожидается JSON-объект с непустым полем \"query\" (строка)");
        }
        JsonNode variables = request.path("variables");
        if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
            return requestError("Поле \"variables\" должно быть JSON-объектом");
        }
        RequestBudget budget = RequestBudget.start(budgetOf(request));
        Map<String, Object> context = new LinkedHashMap<>();
        if (authentication != null) {
            context.put(RequestContext.USER_KEY, CurrentUser.of(authentication));
        }
        context.put(RequestContext.BUDGET_KEY, budget);
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(request.get("query").asText())
                .operationName(request.path("operationName").isTextual() ? request.get("operationName").asText() : null)
                .variables(variables.isObject() ? json.convertValue(variables, Map.class) : Map.of())
                .graphQLContext(context)
                .dataLoaderRegistry(loaders.newRegistry())
                .build();
        ExecutionResult result = budget.run(() -> graphQL.execute(input));
        Map<String, Object> response = toBody(result, budget);
        response.put("extensions", Map.of("cost", cost(input, budget)));
        return HttpResponse.status(statusOf(result)).body(response);
    }

    /**
     * The server's budget, or a shorter one the client asks for in the request's {@code extensions.timeBudgetMs}
     * (a client that gives up after 2 s need not keep the database busy for 10).
     */
    private Duration budgetOf(JsonNode request) {
        JsonNode asked = request.path("extensions").path("timeBudgetMs");
        if (asked.canConvertToLong() && asked.asLong() > 0 && asked.asLong() < timeBudget.toMillis()) {
            return Duration.ofMillis(asked.asLong());
        }
        return timeBudget;
    }

    /** What the operation was estimated to cost and what it used, so clients can see how near the limits they are. */
    private Map<String, Object> cost(ExecutionInput input, RequestBudget budget) {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("estimated", input.getGraphQLContext().get(RequestContext.COST_KEY));
        cost.put("limit", limits.maxCost());
        cost.put("databaseTransactions", budget.transactions());
        cost.put("millis", budget.elapsedMillis());
        cost.put("budgetMillis", budget.budget().toMillis());
        return cost;
    }

    /** The GraphQL IDE (GraphiQL from WebJars, no CDN), with a login box that fills the bearer header. */
    @Get(uri = "/graphiql", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> ide() {
        return HttpResponse.ok(new String(idePage, StandardCharsets.UTF_8));
    }

    private static HttpStatus statusOf(ExecutionResult result) {
        List<GraphQLError> errors = result.getErrors();
        if (errors.stream().anyMatch(e -> e.getExtensions() != null
                && ErrorCode.UNAUTHENTICATED.name().equals(e.getExtensions().get("code")))) {
            return HttpStatus.UNAUTHORIZED;
        }
        if (!result.isDataPresent() && errors.stream().anyMatch(e -> e.getExtensions() != null
                && ErrorCode.QUERY_TOO_COMPLEX.name().equals(e.getExtensions().get("code")))) {
            return HttpStatus.BAD_REQUEST;
        }
        return result.isDataPresent() || !ErrorMapping.isRequestError(errors) ? HttpStatus.OK : HttpStatus.BAD_REQUEST;
    }

    private static Map<String, Object> toBody(ExecutionResult result, RequestBudget budget) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!result.getErrors().isEmpty()) {
            body.put("errors", ErrorMapping.afterTimeout(result.getErrors(), budget.expired()).stream()
                    .map(ErrorMapping::withCode).toList());
        }
        if (result.isDataPresent()) {
            body.put("data", result.getData());
        }
        return body;
    }

    private static HttpResponse<Map<String, Object>> requestError(String message) {
        return HttpResponse.<Map<String, Object>>status(HttpStatus.BAD_REQUEST).body(Map.of("errors",
                List.of(Map.of("message", message, "extensions", Map.of("code", ErrorCode.BAD_USER_INPUT.name())))));
    }
}
