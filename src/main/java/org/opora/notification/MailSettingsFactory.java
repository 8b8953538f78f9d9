package org.opora.notification;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.Locale;

/** {@link MailSettings} from the application's configuration (application.yml, opora.mail). */
@Factory
class MailSettingsFactory {

    @Singleton
    MailSettings mailSettings(@Value("${opora.mail.host:}") String host, @Value("${opora.mail.port:587}") int port,
                              @Value("${opora.mail.username:}") String username, @Value("${opora.mail.password:}") String password,
                              @Value("${opora.mail.from:opora@localhost}") String from,
                              @Value("${opora.mail.security:starttls}") String security) {
        return new MailSettings(host, port, username, password, from, security.strip().toLowerCase(Locale.ROOT));
    }
}
