package org.opora.security;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wires graphql/security.graphqls. */
@Singleton
class SecurityGraphQl implements GraphQlWiring {

    private final UserRepository users;
    private final UserService service;
    private final UserEmails emails;

    SecurityGraphQl(UserRepository users, UserService service, UserEmails emails) {
        this.users = users;
        this.service = service;
        this.emails = emails;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/security.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("me", env -> {
                    CurrentUser user = RequestContext.user(env);
                    return users.find(user.username()).map(u -> toMe(u.account()))
                            .orElseGet(() -> toMe(new UserAccount(user.username(), user.username(), user.roles(), user.scope())));
                })
                .dataFetcher("users", env -> service.list(Arguments.of(env.getArgument("filter")),
                        env.getArgument("first"), env.getArgument("after"), RequestContext.user(env)))
                .dataFetcher("user", env -> {
                    CurrentUser caller = RequestContext.user(env);
                    StoredUser user = service.user(env.getArgument("username"), caller);
                    return user == null ? null : UserView.of(user, caller);
                })
                .dataFetcher("userAudit", env -> service.audit(env.getArgument("username"), env.getArgument("first"),
                        env.getArgument("after"), RequestContext.user(env))));
        wiring.type("Mutation", t -> t
                .dataFetcher("createUser", env -> view(env, service.create(input(env), RequestContext.user(env))))
                .dataFetcher("updateUser", env -> view(env, service.update(env.getArgument("username"), input(env),
                        RequestContext.user(env))))
                .dataFetcher("resetUserPassword", env -> view(env, service.resetPassword(env.getArgument("username"),
                        env.getArgument("password"), RequestContext.user(env))))
                .dataFetcher("changeMyPassword", env -> service.changeOwnPassword(env.getArgument("currentPassword"),
                        env.getArgument("newPassword"), RequestContext.user(env)))
                .dataFetcher("setMyEmail", env -> {
                    CurrentUser user = RequestContext.user(env);
                    emails.setOwn(user, env.getArgument("email"));
                    return users.find(user.username()).map(u -> toMe(u.account())).orElseThrow();
                })
                .dataFetcher("setUserEmail", env -> {
                    emails.setFor(RequestContext.user(env), env.getArgument("username"), env.getArgument("email"));
                    return true;
                }));
        wiring.type("Me", t -> t.dataFetcher("email", env -> emails.of((String) env.<Map<String, Object>>getSource().get("username"))
                .orElse(null)));
        wiring.type("UserAuditEntry", t -> t.dataFetcher("action", env -> ((UserAuditEntry) env.getSource()).action().name()));
    }

    private static Arguments input(DataFetchingEnvironment env) {
        return Arguments.of(env.getArgument("input"));
    }

    private static UserView view(DataFetchingEnvironment env, StoredUser user) {
        return UserView.of(user, RequestContext.user(env));
    }

    private static Map<String, Object> toMe(UserAccount user) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("username", user.username());
        map.put("displayName", user.displayName());
        map.put("roles", user.roles().stream().map(Enum::name).toList());
        map.put("regionId", user.scope().regionId());
        map.put("municipalityId", user.scope().municipalityId());
        map.put("schoolId", user.scope().schoolId());
        return map;
    }
}
