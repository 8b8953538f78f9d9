package org.opora.platform.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code /favicon.ico} for everybody (browsers ask for it without a token); the web app uses this one too. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class FaviconController {

    private final byte[] icon;

    FaviconController() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("public/favicon.ico")) {
            icon = in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(uri = "/favicon.ico", produces = "image/x-icon")
    HttpResponse<byte[]> favicon() {
        return HttpResponse.ok(icon).contentType(MediaType.of("image/x-icon"))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
    }
}
