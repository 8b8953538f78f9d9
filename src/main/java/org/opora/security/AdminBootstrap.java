package org.opora.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;

/**
 * On an empty installation, creates the {@code admin} user from {@code OPORA_ADMIN_PASSWORD},
 * so a production deployment starts with one known, non-committed credential.
 */
@Singleton
@Requires(property = "opora.admin-password")
public class AdminBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserRepository users;
    private final String password;

    public AdminBootstrap(UserRepository users, @Value("${opora.admin-password}") String password) {
        this.users = users;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (users.find("admin").isEmpty()) {
            users.provision(new UserAccount("admin", "Администратор", EnumSet.of(Role.ADMIN), Scope.EVERYWHERE), password);
            LOG.info("Created user 'admin' from OPORA_ADMIN_PASSWORD");
        }
    }
}
