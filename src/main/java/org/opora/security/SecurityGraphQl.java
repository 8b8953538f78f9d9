package org.opora.security;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Singleton
class SecurityGraphQl implements GraphQlWiring {

    private final UserRepository users;

    SecurityGraphQl(UserRepository users) {
        this.users = users;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/security.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("me", env -> {
            CurrentUser user = RequestContext.user(env);
            return users.find(user.username()).map(SecurityGraphQl::toMap)
                    .orElseGet(() -> toMap(new UserAccount(user.username(), user.username(), user.roles(), user.scope())));
        }));
        wiring.type("Mutation", t -> t.dataFetcher("saveUser", this::saveUser));
    }

    private Map<String, Object> saveUser(DataFetchingEnvironment env) {
        CurrentUser caller = RequestContext.user(env);
        Arguments input = Arguments.of(env.getArgument("input"));
        String password = input.requiredString("password");
        if (password.length() < 8) {
            throw ApiException.badInput("input.password: пароль должен содержать не менее 8 символов");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        input.stringList("roles").forEach(r -> roles.add(Role.valueOf(r)));
        Scope scope = new Scope(input.string("regionId"), input.string("municipalityId"), input.string("schoolId"));
        if (!caller.isAdmin() && (roles.contains(Role.ADMIN) || caller.scope().regionId() == null
                || !caller.scope().regionId().equals(scope.regionId()))) {
            throw ApiException.forbidden("Региональный координатор может создавать пользователей только своего региона");
        }
        UserAccount saved = users.save(new UserAccount(input.requiredString("username"),
                input.requiredString("displayName"), roles, scope), password);
        return toMap(saved);
    }

    private static Map<String, Object> toMap(UserAccount user) {
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
