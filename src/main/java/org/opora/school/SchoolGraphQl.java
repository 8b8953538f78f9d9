package org.opora.school;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.Connection;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Wires graphql/school.graphqls: territories, schools, their results and context. */
@Singleton
class SchoolGraphQl implements GraphQlWiring {

    /**
     * The GraphQL {@code School} type's scalar fields, read from the {@link School} record (graphql-java would
     * otherwise read them by key, since a {@code School} is also a read-only map for the mentoring feature).
     */
    private static final Map<String, Function<School, Object>> SCALARS = scalars();

    private final SchoolRepository schools;
    private final SchoolDirectory directory;
    private final RegionalMeans regionalMeans;

    SchoolGraphQl(SchoolRepository schools, SchoolDirectory directory, RegionalMeans regionalMeans) {
        this.schools = schools;
        this.directory = directory;
        this.regionalMeans = regionalMeans;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/school.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("regions", this::regions)
                .dataFetcher("region", this::region)
                .dataFetcher("schools", this::schoolList)
                .dataFetcher("school", this::schoolById)
                .dataFetcher("regionalSummary", this::regionalSummary));
        wiring.type("Region", t -> t.dataFetcher("municipalities", this::municipalities));
        wiring.type("School", t -> {
            SCALARS.forEach((field, read) -> t.dataFetcher(field, scalar(read)));
            return t.dataFetcher("municipality", this::municipality)
                    .dataFetcher("results", this::results)
                    .dataFetcher("indicators", this::indicators)
                    .dataFetcher("regionalMeans", this::regionalMeans);
        });
    }

    @Override
    public List<EntityLoader<?, ?>> loaders() {
        return List.of(new EntityLoader<>(SchoolDirectory.LOADER, directory::byIds),
                new EntityLoader<>(SchoolRepository.MUNICIPALITY_LOADER, schools::municipalitiesByIds));
    }

    private List<SchoolRepository.Region> regions(DataFetchingEnvironment env) {
        return schools.regions();
    }

    private SchoolRepository.Region region(DataFetchingEnvironment env) {
        return schools.region(env.getArgument("id")).orElse(null);
    }

    private Connection<School> schoolList(DataFetchingEnvironment env) {
        Arguments filter = Arguments.of(env.getArgument("filter"));
        String locality = filter.string("locality");
        SchoolRepository.SchoolFilter query = new SchoolRepository.SchoolFilter(filter.string("regionId"),
                filter.string("municipalityId"), filter.string("status"), filter.string("type"),
                locality == null ? null : ("URBAN".equals(locality) ? Locality.CITY : Locality.VILLAGE).label(),
                filter.bool("smallSchool"), filter.string("nameContains"));
        Connection.Request page = Connection.request(env.getArgument("first"), env.getArgument("after"), 2);
        List<School> fetched = schools.schools(query, page.after(0), page.after(1), page.fetchSize());
        return Connection.of(fetched, page, schools.count(query), s -> Connection.cursor(s.name(), s.id()));
    }

    private CompletableFuture<School> schoolById(DataFetchingEnvironment env) {
        return EntityLoader.load(env, SchoolDirectory.LOADER, env.<String>getArgument("id"));
    }

    private RegionalSummary regionalSummary(DataFetchingEnvironment env) {
        String regionId = env.getArgument("regionId");
        if (schools.region(regionId).isEmpty()) {
            throw ApiException.notFound("Регион", ApiException.Gender.MASCULINE, regionId);
        }
        long[] totals = new long[SchoolStatus.values().length];
        long schoolCount = 0;
        String runId = null;
        List<RegionalSummary.MunicipalitySummary> municipalities = new ArrayList<>();
        for (SchoolRepository.MunicipalityCounts row : schools.statusCounts(regionId)) {
            long[] counts = row.counts().stream().mapToLong(Long::longValue).toArray();
            schoolCount += row.municipality().schoolCount();
            runId = runId == null ? row.runId() : runId;
            for (int i = 0; i < totals.length; i++) {
                totals[i] += counts[i];
            }
            municipalities.add(new RegionalSummary.MunicipalitySummary(row.municipality(), StatusCount.of(counts)));
        }
        return new RegionalSummary(regionId, schoolCount, runId, StatusCount.of(totals), municipalities);
    }

    private List<SchoolRepository.Municipality> municipalities(DataFetchingEnvironment env) {
        SchoolRepository.Region region = env.getSource();
        return schools.municipalities(region.id());
    }

    private CompletableFuture<SchoolRepository.Municipality> municipality(DataFetchingEnvironment env) {
        return EntityLoader.load(env, SchoolRepository.MUNICIPALITY_LOADER, school(env.getSource()).municipalityId());
    }

    private List<SchoolRepository.AssessmentResult> results(DataFetchingEnvironment env) {
        return schools.results(school(env.getSource()).id(), env.getArgument("procedure"), env.getArgument("subject"),
                env.getArgument("fromYear"), env.getArgument("toYear"));
    }

    private List<SchoolRepository.IndicatorValue> indicators(DataFetchingEnvironment env) {
        return schools.indicators(school(env.getSource()).id(), env.getArgument("year"));
    }

    private List<SchoolRepository.RegionalMean> regionalMeans(DataFetchingEnvironment env) {
        CurrentUser user = RequestContext.user(env);
        School school = school(env.getSource());
        if (!user.isAdmin() && !user.scope().covers(school.regionId(), school.municipalityId(), school.id())) {
            throw ApiException.forbidden("Средние по региону для школы «" + school.name() + "» доступны только по вашей территории");
        }
        return regionalMeans.forSchool(school, env.getArgument("procedure"), env.getArgument("subject"));
    }

    /** The source of a {@code School} field: the read model (see {@link School}). */
    static School school(Object source) {
        return (School) source;
    }

    private static DataFetcher<Object> scalar(Function<School, Object> read) {
        return env -> read.apply(school(env.getSource()));
    }

    private static Map<String, Function<School, Object>> scalars() {
        Map<String, Function<School, Object>> fields = new LinkedHashMap<>();
        fields.put("id", School::id);
        fields.put("name", School::name);
        fields.put("type", School::type);
        fields.put("locality", School::locality);
        fields.put("enrolment", School::enrolment);
        fields.put("smallSchool", School::smallSchool);
        fields.put("latitude", School::latitude);
        fields.put("longitude", School::longitude);
        fields.put("regionId", School::regionId);
        fields.put("currentStatuses", School::currentStatuses);
        return fields;
    }
}
