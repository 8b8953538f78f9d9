package org.opora.identification;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;
import org.opora.school.SchoolRepository;

import java.util.List;
import java.util.Map;

/** Wires graphql/project500.graphqls. */
@Singleton
class Project500GraphQl implements GraphQlWiring {

    private final Project500 project;

    Project500GraphQl(Project500 project) {
        this.project = project;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/project500.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("project500", env -> project.read(env.getArgument("regionId"),
                env.<Integer>getArgument("year"), env.getArgument("runId"), RequestContext.user(env))));
        wiring.type("Mutation", t -> t.dataFetcher("recordProject500Schools", env -> {
            Arguments input = Arguments.of(env.getArgument("input"));
            @SuppressWarnings("unchecked") List<Map<String, Object>> schools = (List<Map<String, Object>>) input.asMap().get("schools");
            List<Project500.Entry> entries = schools.stream()
                    .map(s -> new Project500.Entry((String) s.get("schoolId"), (String) s.get("curator"))).toList();
            return project.record(input.requiredString("regionId"), input.integer("year"), entries, RequestContext.user(env));
        }));
        wiring.type("Project500Match", t -> t.dataFetcher("school", env -> EntityLoader.load(env, SchoolRepository.SCHOOL_LOADER,
                ((Project500.Match) env.getSource()).schoolId())));
    }
}
