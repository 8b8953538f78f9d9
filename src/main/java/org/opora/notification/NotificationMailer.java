package org.opora.notification;

import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Sends plain-text letters over SMTP (Jakarta Mail) with {@link MailSettings}; never logs the password or the letters. */
@Singleton
public class NotificationMailer {

    private static final String TIMEOUT_MS = "10000";

    private final MailSettings settings;

    public NotificationMailer(MailSettings settings) {
        this.settings = settings;
    }

    public boolean configured() {
        return settings.configured();
    }

    public MailSettings settings() {
        return settings;
    }

    /** One letter; throws when the server refuses it or cannot be reached. */
    public void send(String to, String subject, String text) throws MessagingException {
        Properties props = new Properties();
        String protocol = "ssl".equals(settings.security()) ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", settings.host());
        props.put("mail." + protocol + ".port", String.valueOf(settings.port()));
        props.put("mail." + protocol + ".auth", String.valueOf(settings.authenticated()));
        props.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        props.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        props.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        if ("starttls".equals(settings.security())) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if ("ssl".equals(settings.security())) {
            props.put("mail.smtps.ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(text, StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        try (Transport transport = session.getTransport(protocol)) {
            if (settings.authenticated()) {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            } else {
                transport.connect();
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }
}
