package org.opora.support.roadmaps;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /api/roadmaps/{id}.xlsx}: the roadmap as a workbook, for a bearer token (as {@code /graphql} takes) whose
 * holder may read the roadmap. Errors answer with the API's codes in a small JSON body: 401 without a token, 403 outside
 * the caller's territory, 404 when there is no such roadmap.
 */
@Controller("/api/roadmaps")
@Secured(SecurityRule.IS_AUTHENTICATED)
class RoadmapDownloadController {

    private static final String SUFFIX = ".xlsx";

    private final RoadmapService roadmaps;

    RoadmapDownloadController(RoadmapService roadmaps) {
        this.roadmaps = roadmaps;
    }

    @Get(uri = "/{file}", produces = {RoadmapXlsx.CONTENT_TYPE, MediaType.APPLICATION_JSON})
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> download(@PathVariable String file, Authentication authentication) {
        if (!file.endsWith(SUFFIX) || file.length() == SUFFIX.length()) {
            return HttpResponse.notFound(Map.of("code", "NOT_FOUND", "message", "Ожидается адрес /api/roadmaps/{id}.xlsx"));
        }
        String id = file.substring(0, file.length() - SUFFIX.length());
        try {
            RoadmapService.Export export = roadmaps.export(CurrentUser.of(authentication), id);
            String encoded = URLEncoder.encode(export.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
            return HttpResponse.ok(export.content())
                    .contentType(RoadmapXlsx.CONTENT_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"roadmap-" + id + ".xlsx\"; filename*=UTF-8''" + encoded)
                    .header("Cache-Control", "no-store");
        } catch (ApiException e) {
            HttpStatus status = switch (e.code()) {
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                default -> HttpStatus.BAD_REQUEST;
            };
            return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(Map.of("code", e.code().name(), "message", e.getMessage()));
        }
    }
}
