package org.opora.platform.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
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
import org.opora.platform.errors.ErrorCode;
import org.opora.security.CurrentUser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    public GraphQlController(GraphQL graphQL, ObjectMapper json) throws IOException {
        this.graphQL = graphQL;
        this.json = json;
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
        Map<String, Object> context = new LinkedHashMap<>();
        if (authentication != null) {
            context.put(RequestContext.USER_KEY, CurrentUser.of(authentication));
        }
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(request.get("query").asText())
                .operationName(request.path("operationName").isTextual() ? request.get("operationName").asText() : null)
                .variables(variables.isObject() ? json.convertValue(variables, Map.class) : Map.of())
                .graphQLContext(context)
                .build();
        ExecutionResult result = graphQL.execute(input);
        return HttpResponse.status(statusOf(result)).body(toBody(result));
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
        return result.isDataPresent() || !ErrorMapping.isRequestError(errors) ? HttpStatus.OK : HttpStatus.BAD_REQUEST;
    }

    private static Map<String, Object> toBody(ExecutionResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!result.getErrors().isEmpty()) {
            body.put("errors", result.getErrors().stream().map(ErrorMapping::withCode).toList());
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
