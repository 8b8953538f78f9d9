package org.opora.practice;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;
import org.opora.practice.recommend.PracticeRecommender;
import org.opora.practice.search.PracticeIndex;
import org.opora.practice.search.PracticeOutbox;
import org.opora.practice.search.PracticeSearch;
import org.opora.practice.search.PracticeSearchRequest;
import org.opora.practice.search.PracticeSearchResult;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;

/** The practice bank's GraphQL API (graphql/practice.graphqls): argument parsing only, rules live in the services. */
@Singleton
class PracticeGraphQl implements GraphQlWiring {

    /** DataLoader of a practice's adoptions by practice id. */
    static final String ADOPTIONS_LOADER = "PracticeAdoptions";

    private final PracticeService practices;
    private final PracticeSearch search;
    private final PracticeRecommender recommender;
    private final PracticeIndex index;
    private final PracticeOutbox outbox;

    PracticeGraphQl(PracticeService practices, PracticeSearch search, PracticeRecommender recommender, PracticeIndex index,
                    PracticeOutbox outbox) {
        this.practices = practices;
        this.search = search;
        this.recommender = recommender;
        this.index = index;
        this.outbox = outbox;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/practice.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("searchPractices", this::searchPractices)
                .dataFetcher("practiceSuggestions", env -> search.suggest(RequestContext.user(env), env.getArgument("prefix"),
                        env.<Integer>getArgument("limit")))
                .dataFetcher("practice", env -> practices.get(RequestContext.user(env), env.getArgument("id")))
                .dataFetcher("practiceRecommendations", env -> recommender.recommend(RequestContext.user(env),
                        env.getArgument("schoolId"), env.<Integer>getArgument("first")))
                .dataFetcher("myBookmarks", env -> practices.bookmarks(RequestContext.user(env)))
                .dataFetcher("practiceVocabulary", env -> vocabulary())
                .dataFetcher("practiceIndexStatus", env -> indexStatus()));
        wiring.type("Mutation", t -> t
                .dataFetcher("createPractice", env -> practices.create(RequestContext.user(env), input(env)))
                .dataFetcher("updatePractice", env -> practices.update(RequestContext.user(env), env.getArgument("id"), input(env),
                        env.getArgument("expectedVersion") == null ? null : ((Number) env.getArgument("expectedVersion")).longValue()))
                .dataFetcher("submitPractice", env -> practices.submit(RequestContext.user(env), env.getArgument("id")))
                .dataFetcher("approvePractice", env -> practices.approve(RequestContext.user(env), env.getArgument("id")))
                .dataFetcher("rejectPractice", env -> practices.reject(RequestContext.user(env), env.getArgument("id"),
                        env.getArgument("reason")))
                .dataFetcher("deletePractice", env -> practices.delete(RequestContext.user(env), env.getArgument("id")))
                .dataFetcher("recordPracticeAdoption", env -> practices.recordAdoption(RequestContext.user(env),
                        env.getArgument("practiceId"), env.getArgument("schoolId"), env.<LocalDate>getArgument("date"),
                        env.getArgument("note")))
                .dataFetcher("bookmarkPractice", env -> practices.bookmark(RequestContext.user(env), env.getArgument("id")))
                .dataFetcher("unbookmarkPractice", env -> practices.unbookmark(RequestContext.user(env), env.getArgument("id")))
                .dataFetcher("reindexPractices", env -> index.reindex()));
        // The practice itself was checked when it was read; its adoptions come with it.
        wiring.type("Practice", t -> t.dataFetcher("adoptions", env -> EntityLoader.<String, List<AdoptionView>>load(env,
                ADOPTIONS_LOADER, ((PracticeView) env.getSource()).id()).thenApply(a -> a == null ? List.of() : a)));
    }

    @Override
    public List<EntityLoader<?, ?>> loaders() {
        return List.of(new EntityLoader<String, List<AdoptionView>>(ADOPTIONS_LOADER, practices::adoptionsOf));
    }

    private Map<String, Object> searchPractices(DataFetchingEnvironment env) {
        Arguments filter = Arguments.of(env.getArgument("filter"));
        PracticeSearchRequest.Filter f = new PracticeSearchRequest.Filter(
                filter.stringList("subjects"),
                ints(filter, "grades"),
                filter.stringList("riskFactors"),
                filter.stringList("levels"),
                filter.stringList("municipalityIds"),
                filter.stringList("evidenceLevels"),
                filter.stringList("statuses"),
                filter.string("regionId"),
                filter.string("authorSchoolId"),
                Boolean.TRUE.equals(filter.bool("mine")));
        String sort = env.getArgument("sort");
        PracticeSearchResult result = search.search(RequestContext.user(env), new PracticeSearchRequest(
                env.getArgument("query"), f, sort == null ? null : PracticeSearchRequest.Sort.valueOf(sort),
                env.<Integer>getArgument("first"), env.getArgument("after")));
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("edges", result.hits().stream().map(hit -> {
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("cursor", hit.cursor());
            edge.put("node", hit.practice());
            edge.put("score", hit.score() == null || hit.score().isNaN() ? null : hit.score());
            edge.put("highlights", hit.highlights());
            return edge;
        }).toList());
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", result.hasNextPage());
        pageInfo.put("endCursor", result.endCursor());
        connection.put("pageInfo", pageInfo);
        connection.put("totalCount", result.totalCount());
        connection.put("facets", result.facets());
        connection.put("tookMs", result.tookMs());
        return connection;
    }

    @SuppressWarnings("unchecked")
    private static PracticeInput input(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        List<EvidenceItem> evidence = in.has("evidence")
                ? ((List<Map<String, Object>>) in.asMap().get("evidence")).stream().map(Arguments::of).map(e -> new EvidenceItem(
                e.requiredString("metric"), e.decimal("before"), e.decimal("after"), e.string("unit"), e.integer("yearBefore"),
                e.integer("yearAfter"), !Boolean.FALSE.equals(e.bool("higherIsBetter")), e.string("schoolId"))).toList()
                : List.of();
        return new PracticeInput(in.string("title"), in.string("summary"), in.string("description"), in.stringList("subjects"),
                ints(in, "grades"), in.string("level"), in.stringList("riskFactors"),
                in.stringList("authors"), in.string("resources"), in.string("evidenceSummary"), evidence, in.string("authorSchoolId"));
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> ints(Arguments arguments, String name) {
        Object value = arguments.asMap().get(name);
        return value == null ? List.of() : ((List<Number>) value).stream().map(Number::intValue).toList();
    }

    private Map<String, Object> indexStatus() {
        Map<String, Object> status = new LinkedHashMap<>();
        var counts = outbox.counts();
        status.put("outboxPending", counts.pending());
        status.put("outboxFailed", counts.failed());
        status.put("alias", index.alias());
        try {
            PracticeIndex.Status s = index.status();
            status.put("indexes", s.indexes());
            status.put("documents", s.documents());
            status.put("mappingVersion", s.mappingVersion());
            status.put("rebuilding", s.rebuilding());
            status.put("available", true);
        } catch (Exception e) {
            status.put("indexes", List.of());
            status.put("documents", 0);
            status.put("mappingVersion", "");
            status.put("rebuilding", false);
            status.put("available", false);
            status.put("error", e.toString());
        }
        return status;
    }

    private static Map<String, Object> vocabulary() {
        Map<String, Object> vocabulary = new LinkedHashMap<>();
        vocabulary.put("subjects", terms(PracticeSubject.values()));
        vocabulary.put("riskFactors", terms(PracticeRiskFactor.values()));
        vocabulary.put("levels", terms(PracticeLevel.values()));
        vocabulary.put("statuses", terms(PracticeStatus.values()));
        vocabulary.put("evidenceLevels", terms(EvidenceLevel.values()));
        return vocabulary;
    }

    private static List<Map<String, String>> terms(Labelled[] values) {
        return Arrays.stream(values).map(v -> Map.of("code", v.name(), "label", v.label())).toList();
    }
}
