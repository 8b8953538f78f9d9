package org.opora.school.importing;

import org.opora.platform.errors.ApiException;
import org.opora.platform.errors.ErrorCode;

import java.util.List;
import java.util.Map;

/**
 * An import refused because its files had errors; nothing was written. Carries every error found
 * (up to {@link SchoolDataValidator#MAX_REPORTED_ERRORS} per file) and, through
 * {@link ApiException}, reaches GraphQL clients as BAD_USER_INPUT with the list in
 * {@code extensions.details.problems}.
 */
public class ImportRejectedException extends ApiException {

    private final List<RowError> errors;
    private final long totalErrors;

    public ImportRejectedException(List<RowError> errors, long totalErrors) {
        super(ErrorCode.BAD_USER_INPUT, message(errors, totalErrors),
                Map.of("problems", errors.stream().map(RowError::toMap).toList(), "totalErrors", totalErrors));
        this.errors = List.copyOf(errors);
        this.totalErrors = totalErrors;
    }

    public ImportRejectedException(List<RowError> errors) {
        this(errors, errors.size());
    }

    public List<RowError> errors() {
        return errors;
    }

    /** May exceed {@code errors().size()} when a file had more errors than are kept. */
    public long totalErrors() {
        return totalErrors;
    }

    private static String message(List<RowError> errors, long total) {
        StringBuilder text = new StringBuilder("Импорт отклонён, ничего не записано: ошибок — ").append(total);
        errors.stream().limit(5).forEach(e -> text.append("\n  ").append(e));
        if (total > 5) {
            text.append("\n  …");
        }
        return text.toString();
    }
}
