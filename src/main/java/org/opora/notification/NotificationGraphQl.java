package org.opora.notification;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;

import java.time.LocalDate;
import java.util.List;

/** Wires graphql/notification.graphqls. */
@Singleton
class NotificationGraphQl implements GraphQlWiring {

    private final NotificationService service;

    NotificationGraphQl(NotificationService service) {
        this.service = service;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/notification.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("myNotifications", env -> {
            LocalDate asOf = env.getArgument("asOf");
            return service.notifications(RequestContext.user(env), asOf == null ? LocalDate.now() : asOf,
                    env.<Integer>getArgument("staleWeeks"));
        }));
    }
}
