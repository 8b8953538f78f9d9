package org.opora.school.roles;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;
import org.opora.school.School;
import org.opora.school.SchoolDirectory;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** School roles in graphql/support-events.graphqls (the file is registered by the events' wiring). */
@Singleton
public class SchoolRoleGraphQl implements GraphQlWiring {

    public static final String ROLES_LOADER = "SchoolSupportRoles";

    private final SchoolRoleService roles;

    SchoolRoleGraphQl(SchoolRoleService roles) {
        this.roles = roles;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of();
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("schoolsWithRole", this::schoolsWithRole));
        wiring.type("Mutation", t -> t.dataFetcher("setSchoolSupportRole", this::setSchoolSupportRole));
        wiring.type("School", t -> t.dataFetcher("supportRoles", this::supportRoles));
        wiring.type("SchoolRoleAssignment", t -> t.dataFetcher("school", this::school));
    }

    @Override
    public List<EntityLoader<?, ?>> loaders() {
        return List.of(new EntityLoader<>(ROLES_LOADER, roles::rolesOf));
    }

    private List<SchoolRoleAssignment> schoolsWithRole(DataFetchingEnvironment env) {
        String role = env.getArgument("role");
        return roles.inRegion(RequestContext.user(env), env.getArgument("regionId"), role == null ? null : SchoolSupportRole.valueOf(role));
    }

    private School setSchoolSupportRole(DataFetchingEnvironment env) {
        return roles.setRole(RequestContext.user(env), env.getArgument("schoolId"), SchoolSupportRole.valueOf(env.getArgument("role")),
                Boolean.TRUE.equals(env.getArgument("assigned")), env.getArgument("note"), LocalDate.now());
    }

    /** A school's roles are public within its region, like the school itself. */
    private CompletableFuture<List<SchoolRoleAssignment>> supportRoles(DataFetchingEnvironment env) {
        School school = env.getSource();
        SchoolRoleService.requireRegion(RequestContext.user(env), school.regionId());
        return EntityLoader.load(env, ROLES_LOADER, school.id());
    }

    private CompletableFuture<School> school(DataFetchingEnvironment env) {
        return EntityLoader.load(env, SchoolDirectory.LOADER, env.<SchoolRoleAssignment>getSource().schoolId());
    }
}
