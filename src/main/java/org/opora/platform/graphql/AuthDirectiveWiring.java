package org.opora.platform.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.idl.SchemaDirectiveWiring;
import graphql.schema.idl.SchemaDirectiveWiringEnvironment;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;

import java.util.List;

/** Enforces {@code @auth(roles: [...])}: the field's fetcher runs only for callers with a listed role. */
final class AuthDirectiveWiring implements SchemaDirectiveWiring {

    @Override
    public GraphQLFieldDefinition onField(SchemaDirectiveWiringEnvironment<GraphQLFieldDefinition> environment) {
        GraphQLFieldDefinition field = environment.getElement();
        GraphQLFieldsContainer parent = environment.getFieldsContainer();
        List<?> names = (List<?>) environment.getAppliedDirective("auth").getArgument("roles").getValue();
        Role[] roles = names.stream().map(n -> Role.valueOf(String.valueOf(n))).toArray(Role[]::new);
        FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
        DataFetcher<?> original = environment.getCodeRegistry().getDataFetcher(coordinates, field);
        environment.getCodeRegistry().dataFetcher(coordinates, (DataFetcher<Object>) env -> {
            CurrentUser user = RequestContext.user(env);
            user.requireAny(roles);
            return original.get(env);
        });
        return field;
    }
}
