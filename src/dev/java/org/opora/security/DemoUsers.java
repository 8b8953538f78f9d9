package org.opora.security;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.demo.DemoDataLoader;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Demo logins, one per kind of user, with passwords generated at each start. */
@Singleton
@Requires(property = "opora.demo", value = "true")
class DemoUsers implements DemoDataLoader {

    static final String DEMO_REGION = "R74";

    private final DemoLogins logins;

    DemoUsers(DemoLogins logins) {
        this.logins = logins;
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

    private void add(List<String> lines, String username, String name, EnumSet<Role> roles, Scope scope) {
        lines.add(logins.create(username, name, roles, scope));
    }
}
