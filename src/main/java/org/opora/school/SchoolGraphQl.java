package org.opora.school;

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

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wires graphql/school.graphqls: territories, schools, their results and context, import. */
@Singleton
class SchoolGraphQl implements GraphQlWiring {

    private final SchoolRepository schools;

    SchoolGraphQl(SchoolRepository schools) {
        this.schools = schools;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/school.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("regions", env -> schools.regions())
                .dataFetcher("region", env -> schools.region(env.getArgument("id")).orElse(null))
                .dataFetcher("schools", this::schoolList)
                .dataFetcher("school", env -> schools.school(env.getArgument("id")).orElse(null))
                .dataFetcher("regionalSummary", env -> summary(env.getArgument("regionId"))));
        wiring.type("Region", t -> t.dataFetcher("municipalities", env -> schools.municipalities(id(env))));
        wiring.type("School", t -> t
                .dataFetcher("municipality", env -> EntityLoader.load(env, SchoolRepository.MUNICIPALITY_LOADER,
                        (String) source(env).get("municipalityId")))
                .dataFetcher("results", env -> schools.results(id(env), env.getArgument("procedure"),
                        env.getArgument("subject"), env.getArgument("fromYear"), env.getArgument("toYear")))
                .dataFetcher("indicators", env -> schools.indicators(id(env), env.getArgument("year")))
                .dataFetcher("regionalMeans", this::regionalMeans));
    }

    @Override
    public List<EntityLoader<?, ?>> loaders() {
        return List.of(new EntityLoader<String, Map<String, Object>>(SchoolRepository.SCHOOL_LOADER, schools::schoolsByIds),
                new EntityLoader<String, Map<String, Object>>(SchoolRepository.MUNICIPALITY_LOADER, schools::municipalitiesByIds));
    }

    private Connection<Map<String, Object>> schoolList(DataFetchingEnvironment env) {
        Arguments filter = Arguments.of(env.getArgument("filter"));
        String locality = filter.string("locality");
        SchoolRepository.SchoolFilter query = new SchoolRepository.SchoolFilter(filter.string("regionId"),
                filter.string("municipalityId"), filter.string("status"), filter.string("type"),
                locality == null ? null : ("URBAN".equals(locality) ? Locality.CITY : Locality.VILLAGE).label(),
                filter.bool("smallSchool"), filter.string("nameContains"));
        Connection.Request page = Connection.request(env.getArgument("first"), env.getArgument("after"), 2);
        List<Map<String, Object>> fetched = schools.schools(query, page.after(0), page.after(1), page.fetchSize());
        return Connection.of(fetched, page, schools.count(query),
                s -> Connection.cursor((String) s.get("name"), (String) s.get("id")));
    }

    private Map<String, Object> summary(String regionId) {
        if (schools.region(regionId).isEmpty()) {
            throw ApiException.notFound("Регион", ApiException.Gender.MASCULINE, regionId);
        }
        SchoolStatus[] statuses = SchoolStatus.values();
        long[] totals = new long[statuses.length];
        long schoolCount = 0;
        String runId = null;
        List<Map<String, Object>> municipalities = new ArrayList<>();
        for (var row : schools.statusCounts(regionId)) {
            List<Long> counts = row.get("counts").asList(v -> v.asLong());
            Map<String, Object> municipality = row.get("municipality").asMap();
            schoolCount += (Long) municipality.get("schoolCount");
            if (runId == null && !row.get("runId").isNull()) {
                runId = row.get("runId").asString();
            }
            for (int i = 0; i < statuses.length; i++) {
                totals[i] += counts.get(i);
            }
            municipalities.add(Map.of("municipality", municipality, "schoolCount", municipality.get("schoolCount"),
                    "counts", statusCounts(statuses, counts.stream().mapToLong(Long::longValue).toArray())));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("regionId", regionId);
        summary.put("schoolCount", schoolCount);
        summary.put("identificationRunId", runId);
        summary.put("totals", statusCounts(statuses, totals));
        summary.put("municipalities", municipalities);
        return summary;
    }

    static List<Map<String, Object>> statusCounts(SchoolStatus[] statuses, long[] counts) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            result.add(Map.of("status", statuses[i].name(), "label", statuses[i].label(), "count", counts[i]));
        }
        return result;
    }

    private List<SchoolRepository.RegionalMean> regionalMeans(DataFetchingEnvironment env) {
        CurrentUser user = RequestContext.user(env);
        Map<String, Object> school = source(env);
        if (!user.isAdmin() && !user.scope().covers((String) school.get("regionId"), (String) school.get("municipalityId"), (String) school.get("id"))) {
            throw ApiException.forbidden("Средние по региону для школы «" + school.get("name") + "» доступны только по вашей территории");
        }
        return schools.regionalMeans(id(env), env.getArgument("procedure"), env.getArgument("subject"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> source(DataFetchingEnvironment env) {
        return (Map<String, Object>) env.getSource();
    }

    private static String id(DataFetchingEnvironment env) {
        return (String) source(env).get("id");
    }
}
