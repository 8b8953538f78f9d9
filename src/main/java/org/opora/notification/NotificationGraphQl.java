package org.opora.notification;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.platform.auth.Role;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Wires graphql/notification.graphqls. */
@Singleton
class NotificationGraphQl implements GraphQlWiring {

    private final NotificationService service;
    private final NotificationDelivery delivery;
    private final Clock clock;

    NotificationGraphQl(NotificationService service, NotificationDelivery delivery, Clock clock) {
        this.service = service;
        this.delivery = delivery;
        this.clock = clock;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/notification.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("myNotifications", env -> {
            LocalDate asOf = env.getArgument("asOf");
            return service.notifications(RequestContext.user(env), asOf == null ? LocalDate.now(clock) : asOf,
                    env.<Integer>getArgument("staleWeeks"));
        }).dataFetcher("notificationInbox", env -> delivery.inbox(RequestContext.user(env),
                Boolean.TRUE.equals(env.getArgument("unreadOnly")), env.<Integer>getArgument("first"))));
        wiring.type("Mutation", t -> t
                .dataFetcher("markNotificationsRead", env -> delivery.markRead(RequestContext.user(env), env.getArgument("ids")))
                .dataFetcher("markAllNotificationsRead", env -> delivery.markRead(RequestContext.user(env), null))
                .dataFetcher("runNotificationJob", env -> {
                    RequestContext.user(env).requireAny(Role.ADMIN);
                    LocalDate date = env.getArgument("date");
                    return delivery.runFor(date == null ? LocalDate.now(clock) : date);
                }));
        wiring.type("StoredNotification", t -> t
                .dataFetcher("read", env -> env.<StoredNotification>getSource().read())
                .dataFetcher("emailed", env -> env.<StoredNotification>getSource().emailedAt() != null));
    }
}
