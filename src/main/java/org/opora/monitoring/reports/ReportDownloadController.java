package org.opora.monitoring.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code GET /api/reports/{kind}.{format}?regionId=…[&municipalityId=…][&schoolId=…]&year=…}: a справка as PDF or
 * XLSX for a bearer token (as {@code /graphql} takes) whose holder may read the territory. Errors answer with the API's
 * codes in a small JSON body: 401 without a token, 403 outside the caller's territory, 404 for an unknown kind or
 * territory, 400 for bad parameters.
 */
@Controller("/api/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ReportDownloadController {

    private final ReportService reports;

    ReportDownloadController(ReportService reports) {
        this.reports = reports;
    }

    @Get(uri = "/{file}", produces = {"application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            MediaType.APPLICATION_JSON})
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> download(@PathVariable String file, @Nullable @QueryValue String regionId,
                             @Nullable @QueryValue String municipalityId, @Nullable @QueryValue String schoolId,
                             @Nullable @QueryValue String year, Authentication authentication) {
        int dot = file.lastIndexOf('.');
        ReportKind kind = dot < 0 ? null : ReportKind.bySlug(file.substring(0, dot)).orElse(null);
        ReportFormat format = dot < 0 ? null : ReportFormat.byExtension(file.substring(dot + 1)).orElse(null);
        if (kind == null || format == null) {
            return error(HttpStatus.NOT_FOUND, "NOT_FOUND", "Такой справки нет: ожидается адрес /api/reports/{вид}.{pdf|xlsx}, "
                    + "вид — regional, municipal, school-card или status-changes");
        }
        try {
            ReportService.ReportFile report = reports.generate(CurrentUser.of(authentication),
                    new ReportRequest(kind, regionId, blankToNull(municipalityId), blankToNull(schoolId), year(year)), format,
                    LocalDate.now());
            String encoded = URLEncoder.encode(report.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
            return HttpResponse.ok(report.content())
                    .contentType(report.contentType())
                    .header("Content-Disposition", "attachment; filename=\"" + kind.slug() + "." + format.extension()
                            + "\"; filename*=UTF-8''" + encoded)
                    .header("Cache-Control", "no-store");
        } catch (ApiException e) {
            HttpStatus status = switch (e.code()) {
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                default -> HttpStatus.BAD_REQUEST;
            };
            return error(status, e.code().name(), e.getMessage());
        }
    }

    private static int year(@Nullable String year) {
        if (year == null || year.isBlank()) {
            throw ApiException.badInput("year: не указан год");
        }
        try {
            return Integer.parseInt(year.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badInput("year: ожидается год числом, а указано «" + year + "»");
        }
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static HttpResponse<?> error(HttpStatus status, String code, String message) {
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(Map.of("code", code, "message", message));
    }
}
