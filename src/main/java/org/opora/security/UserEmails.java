package org.opora.security;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.platform.neo4j.Neo4jSessions;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The optional e-mail address of a user ({@code User.email}), where notifications are sent when SMTP is configured.
 * The caller sets their own; a manager (UserAccess.manages) sets it for the users they manage. Each change is audited
 * as EMAIL_CHANGED without the address.
 */
@Singleton
public class UserEmails {

    /** Deliberately simple: one @, no spaces, a dot in the domain; the SMTP server has the last word. */
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_LENGTH = 254;

    private final Neo4jSessions neo4j;
    private final UserRepository users;

    UserEmails(Neo4jSessions neo4j, UserRepository users) {
        this.neo4j = neo4j;
        this.users = users;
    }

    public Optional<String> of(String username) {
        return neo4j.readOnce("MATCH (u:User {username: $username}) RETURN u.email AS email", Map.of("username", username),
                r -> r.list(row -> row.get("email")).stream().filter(v -> !v.isNull()).map(v -> v.asString()).findFirst());
    }

    void setOwn(CurrentUser caller, @Nullable String email) {
        if (users.find(caller.username()).isEmpty()) {
            throw ApiException.notFound("Пользователь", ApiException.Gender.MASCULINE, caller.username());
        }
        write(caller.username(), normalised(email), caller.username());
    }

    void setFor(CurrentUser caller, String username, @Nullable String email) {
        StoredUser user = users.find(username)
                .orElseThrow(() -> ApiException.notFound("Пользователь", ApiException.Gender.MASCULINE, username));
        if (!UserAccess.manages(caller, user.account())) {
            throw ApiException.forbidden("Недостаточно прав: адрес электронной почты меняют сам пользователь и тот, "
                    + "кто управляет его учётной записью");
        }
        write(username, normalised(email), caller.username());
    }

    private void write(String username, @Nullable String email, String actor) {
        Map<String, Object> p = new HashMap<>();
        p.put("username", username);
        p.put("email", email);
        p.put("actor", actor);
        p.put("eventId", UUID.randomUUID().toString());
        p.put("action", UserAuditAction.EMAIL_CHANGED.name());
        neo4j.write(tx -> tx.run("""
                MATCH (u:User {username: $username})
                SET u.email = $email, u.updatedAt = datetime(), u.updatedBy = $actor
                CREATE (e:UserAuditEvent {id: $eventId, at: datetime(), actor: $actor, username: $username,
                                          action: $action, changes: '[]'})-[:ABOUT]->(u)
                """, p).consume());
    }

    static @Nullable String normalised(@Nullable String email) {
        String text = email == null ? "" : email.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > MAX_LENGTH || !ADDRESS.matcher(text).matches()) {
            throw ApiException.badInput("email: некорректный адрес электронной почты");
        }
        return text;
    }
}
