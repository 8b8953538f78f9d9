package org.opora.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** An HTTP status with the GraphQL response body, plus the checks tests keep repeating. */
public record GraphQlResponse(int status, JsonNode body) {

    public JsonNode data() {
        if (body.has("errors")) {
            throw new AssertionError("unexpected GraphQL errors (HTTP " + status + "): " + body.get("errors"));
        }
        return body.get("data");
    }

    /** The code of the first error, or null when there is none. */
    public String errorCode() {
        JsonNode errors = body.path("errors");
        return errors.isArray() && !errors.isEmpty() ? errors.get(0).path("extensions").path("code").asText() : null;
    }

    public String errorMessage() {
        return body.path("errors").path(0).path("message").asText();
    }
}
