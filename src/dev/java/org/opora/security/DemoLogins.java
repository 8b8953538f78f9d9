package org.opora.security;

import jakarta.inject.Singleton;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;

import java.security.SecureRandom;
import java.util.Set;

/**
 * Demo logins for the features' demo loaders: a fresh random password per start, shown once in the
 * start-up banner and never stored anywhere but as its BCrypt hash.
 */
@Singleton
public class DemoLogins {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserRepository users;
    private final SecureRandom random = new SecureRandom();

    public DemoLogins(UserRepository users) {
        this.users = users;
    }

    /** Creates or replaces the user and returns the banner line with its password. */
    public String create(String username, String displayName, Set<Role> roles, Scope scope) {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        users.provision(new UserAccount(username, displayName, roles, scope), password.toString());
        return String.format("  %-12s %-14s %s", username, password, displayName);
    }
}
