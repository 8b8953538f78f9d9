package org.opora.security;

import org.mindrot.jbcrypt.BCrypt;
import org.opora.platform.errors.ApiException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** BCrypt hashing and the password rules; the one place that knows the cost factor. */
final class Passwords {

    static final int MIN_LENGTH = 8;
    /** BCrypt ignores everything after 72 bytes, so a longer password would only look stronger. */
    static final int MAX_BYTES = 72;
    private static final int COST = 10;

    /** Checked when the username is unknown, so that both answers cost one BCrypt check. */
    private static final String DUMMY_HASH = hash(randomSecret());

    private Passwords() {
    }

    static String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(COST));
    }

    static boolean matches(String password, String hash) {
        return BCrypt.checkpw(password, hash);
    }

    /** Spends the same time as {@link #matches} against a real hash, and is always false. */
    static boolean matchesNothing(String password) {
        BCrypt.checkpw(password, DUMMY_HASH);
        return false;
    }

    /** Refuses a password that breaks the rules, naming the field. */
    static void validate(String field, String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ApiException.badInput(field + ": пароль должен содержать не менее " + MIN_LENGTH + " символов");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiException.badInput(field + ": пароль длиннее " + MAX_BYTES
                    + " байт в UTF-8 (около 36 русских или 72 латинских символов)");
        }
        if (password.equalsIgnoreCase(username)) {
            throw ApiException.badInput(field + ": пароль не должен совпадать с логином");
        }
    }

    static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
