package org.opora.notification;

import io.micronaut.core.annotation.Nullable;

/**
 * SMTP settings ({@code opora.mail.*}, environment OPORA_SMTP_*): e-mail is sent only when {@code host} is set.
 * {@code toString} leaves the password out, so the settings can be logged.
 *
 * @param security {@code none}, {@code starttls} (required when chosen) or {@code ssl} (SMTPS)
 */
public record MailSettings(@Nullable String host, int port, @Nullable String username, @Nullable String password, String from,
                           String security) {

    public boolean configured() {
        return host != null && !host.isBlank();
    }

    public boolean authenticated() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "smtp " + (configured() ? host + ":" + port + " (" + security + (authenticated() ? ", user " + username : "") + ")"
                : "not configured");
    }
}
