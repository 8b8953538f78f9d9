package org.opora.security;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.opora.platform.demo.DemoDataLoader;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Demo logins, one per kind of user, with passwords generated at each start. */
@Singleton
@Requires(property = "opora.demo", value = "true")
class DemoUsers implements DemoDataLoader {

    static final String DEMO_REGION = "R74";

    private final UserRepository users;

    DemoUsers(UserRepository users) {
        this.users = users;
    }

    @Override
    public int order() {
        return 1_000;
    }

    @Override
    public List<String> load() {
        List<String> lines = new ArrayList<>();
        lines.add("Демо-пользователи (пароли созданы при этом запуске):");
        add(lines, "admin", "Администратор", EnumSet.of(Role.ADMIN), Scope.EVERYWHERE);
        add(lines, "region", "Региональный координатор", EnumSet.of(Role.REGIONAL_COORDINATOR, Role.METHODIST),
                new Scope(DEMO_REGION, null, null));
        return lines;
    }

    void add(List<String> lines, String username, String name, EnumSet<Role> roles, Scope scope) {
        String password = randomPassword();
        users.save(new UserAccount(username, name, roles, scope), password);
        lines.add(String.format("  %-12s %-14s %s", username, password, name));
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
