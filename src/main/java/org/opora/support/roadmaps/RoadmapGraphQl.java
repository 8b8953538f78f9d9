package org.opora.support.roadmaps;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.platform.errors.ErrorCode;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.Connection;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** The roadmap API (graphql/support-roadmaps.graphqls): one named fetcher per field; the rules live in the service. */
@Singleton
class RoadmapGraphQl implements GraphQlWiring {

    static final String ACTIVITIES_LOADER = "roadmapActivities";

    private final RoadmapService roadmaps;

    RoadmapGraphQl(RoadmapService roadmaps) {
        this.roadmaps = roadmaps;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/support-roadmaps.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("roadmap", this::roadmap)
                .dataFetcher("roadmaps", this::roadmaps));
        wiring.type("Mutation", t -> t
                .dataFetcher("createRoadmap", this::createRoadmap)
                .dataFetcher("addRoadmapActivity", this::addRoadmapActivity)
                .dataFetcher("updateRoadmapActivity", this::updateRoadmapActivity)
                .dataFetcher("removeRoadmapActivity", this::removeRoadmapActivity)
                .dataFetcher("setRoadmapActivityStatus", this::setRoadmapActivityStatus)
                .dataFetcher("importRoadmapXlsx", this::importRoadmapXlsx));
        wiring.type("Roadmap", t -> t
                .dataFetcher("activities", this::roadmapActivities)
                .dataFetcher("canEdit", this::roadmapCanEdit));
        wiring.type("RoadmapActivity", t -> t.dataFetcher("overdue", this::activityOverdue));
    }

    @Override
    public List<EntityLoader<?, ?>> loaders() {
        return List.of(new EntityLoader<>(ACTIVITIES_LOADER, roadmaps::activitiesOf));
    }

    // ------------------------------------------------------------------ queries

    private Roadmap roadmap(DataFetchingEnvironment env) {
        try {
            return roadmaps.roadmap(user(env), env.getArgument("id"));
        } catch (ApiException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private Connection<Roadmap> roadmaps(DataFetchingEnvironment env) {
        Arguments args = Arguments.of(env.getArguments());
        String level = args.string("level");
        return roadmaps.roadmaps(user(env), args.requiredString("regionId"), args.string("municipalityId"), args.string("schoolId"),
                level == null ? null : RoadmapLevel.valueOf(level),
                Connection.request(env.getArgument("first"), env.getArgument("after"), 3));
    }

    // ------------------------------------------------------------------ child fields

    private CompletableFuture<List<RoadmapActivity>> roadmapActivities(DataFetchingEnvironment env) {
        Arguments args = Arguments.of(env.getArguments());
        Set<RoadmapActivityStatus> statuses = args.stringList("status").stream().map(RoadmapActivityStatus::valueOf)
                .collect(Collectors.toSet());
        boolean overdueOnly = Boolean.TRUE.equals(args.bool("overdueOnly"));
        LocalDate today = RoadmapService.today();
        CompletableFuture<List<RoadmapActivity>> all = EntityLoader.load(env, ACTIVITIES_LOADER, env.<Roadmap>getSource().id());
        return all.thenApply(list -> list.stream()
                .filter(a -> statuses.isEmpty() || statuses.contains(a.status()))
                .filter(a -> !overdueOnly || a.overdueOn(today))
                .toList());
    }

    private boolean roadmapCanEdit(DataFetchingEnvironment env) {
        return RoadmapAccess.canKeep(user(env), env.<Roadmap>getSource());
    }

    private boolean activityOverdue(DataFetchingEnvironment env) {
        return env.<RoadmapActivity>getSource().overdueOn(RoadmapService.today());
    }

    // ------------------------------------------------------------------ mutations

    private Roadmap createRoadmap(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        return roadmaps.create(user(env), RoadmapLevel.valueOf(in.requiredString("level")), in.requiredString("territoryId"),
                in.string("title"), in.date("periodStart"), in.date("periodEnd"));
    }

    private RoadmapActivity addRoadmapActivity(DataFetchingEnvironment env) {
        return roadmaps.addActivity(user(env), env.getArgument("roadmapId"), draft(Arguments.of(env.getArgument("input"))));
    }

    private RoadmapActivity updateRoadmapActivity(DataFetchingEnvironment env) {
        return roadmaps.updateActivity(user(env), env.getArgument("id"), draft(Arguments.of(env.getArgument("input"))));
    }

    private Roadmap removeRoadmapActivity(DataFetchingEnvironment env) {
        return roadmaps.removeActivity(user(env), env.getArgument("id"));
    }

    private RoadmapActivity setRoadmapActivityStatus(DataFetchingEnvironment env) {
        Arguments args = Arguments.of(env.getArguments());
        return roadmaps.setStatus(user(env), args.requiredString("id"), RoadmapActivityStatus.valueOf(args.requiredString("status")),
                args.string("actualResult"));
    }

    private Roadmap importRoadmapXlsx(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        return roadmaps.importXlsx(user(env), in.requiredString("roadmapId"), in.string("content"));
    }

    private static ActivityDraft draft(Arguments in) {
        String status = in.string("status");
        return new ActivityDraft(in.string("section"), in.string("title"), in.date("deadline"), in.string("responsible"),
                in.string("plannedResult"), status == null ? null : RoadmapActivityStatus.valueOf(status), in.string("actualResult"));
    }

    private static CurrentUser user(DataFetchingEnvironment env) {
        return RequestContext.user(env);
    }
}
