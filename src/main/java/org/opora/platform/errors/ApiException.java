package org.opora.platform.errors;

import java.util.List;
import java.util.Map;

/**
 * An error meant for the API client: its message is shown as is (in Russian, for people),
 * its code is stable for programs, and {@code details} carries structured facts such as the
 * list of rejected rows of an import.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    public ApiException(ErrorCode code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = details;
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public static ApiException badInput(String message) {
        return new ApiException(ErrorCode.BAD_USER_INPUT, message);
    }

    public static ApiException badInput(String message, List<?> problems) {
        return new ApiException(ErrorCode.BAD_USER_INPUT, message, Map.of("problems", problems));
    }

    /** The grammatical gender (or number) of a noun, so that «не найден» agrees with it. */
    public enum Gender {
        MASCULINE("не найден"), FEMININE("не найдена"), NEUTER("не найдено"), PLURAL("не найдены");

        private final String notFound;

        Gender(String notFound) {
            this.notFound = notFound;
        }
    }

    /** «Практика не найдена: P-1» — {@code what} is the noun in the nominative, {@code gender} makes the verb agree. */
    public static ApiException notFound(String what, Gender gender, String id) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " " + gender.notFound + ": " + id, Map.of("id", id));
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
