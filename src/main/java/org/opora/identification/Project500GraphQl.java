package org.opora.identification;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;
import org.opora.school.School;
import org.opora.school.SchoolDirectory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
        wiring.type("Query", t -> t.dataFetcher("project500", this::project500));
        wiring.type("Mutation", t -> t.dataFetcher("recordProject500Schools", this::recordProject500Schools));
        wiring.type("Project500Match", t -> t.dataFetcher("school", this::school));
    }

    private Project500.Comparison project500(DataFetchingEnvironment env) {
        return project.read(env.getArgument("regionId"), env.<Integer>getArgument("year"), env.getArgument("runId"),
                RequestContext.user(env));
    }

    private Project500.Comparison recordProject500Schools(DataFetchingEnvironment env) {
        Arguments input = Arguments.of(env.getArgument("input"));
        @SuppressWarnings("unchecked") List<Map<String, Object>> schools = (List<Map<String, Object>>) input.asMap().get("schools");
        List<Project500.Entry> entries = schools.stream()
                .map(s -> new Project500.Entry((String) s.get("schoolId"), (String) s.get("curator"))).toList();
        return project.record(input.requiredString("regionId"), input.integer("year"), entries, RequestContext.user(env));
    }

    private CompletableFuture<School> school(DataFetchingEnvironment env) {
        return EntityLoader.load(env, SchoolDirectory.LOADER, env.<Project500.Match>getSource().schoolId());
    }
}
