package org.opora.practice.search;

import java.util.List;

import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.Connection;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;
import org.opora.practice.PracticeView;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;

/** The search fields of the practice API (graphql/practice.graphqls, owned by the practice feature): one fetcher each. */
@Singleton
class PracticeSearchGraphQl implements GraphQlWiring {

    private final PracticeSearch search;
    private final PracticeIndex index;
    private final PracticeOutbox outbox;

    PracticeSearchGraphQl(PracticeSearch search, PracticeIndex index, PracticeOutbox outbox) {
        this.search = search;
        this.index = index;
        this.outbox = outbox;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of();
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("searchPractices", this::searchPractices)
                .dataFetcher("practiceSuggestions", this::practiceSuggestions)
                .dataFetcher("practiceIndexStatus", this::practiceIndexStatus));
        wiring.type("Mutation", t -> t
                .dataFetcher("reindexPractices", this::reindexPractices));
    }

    /** The PracticeSearchConnection: a connection whose edges carry the score and highlighted fragments. */
    record SearchConnection(List<SearchEdge> edges, Connection.PageInfo pageInfo, long totalCount,
                            PracticeSearchResult.Facets facets, long tookMs) {
    }

    record SearchEdge(String cursor, PracticeView node, Double score, List<PracticeSearchResult.Highlight> highlights) {
    }

    /** What practiceIndexStatus shows; when the index cannot be read, {@code available} is false with the error. */
    record IndexStatus(String alias, List<String> indexes, long documents, String mappingVersion, boolean rebuilding,
                       long outboxPending, long outboxFailed, boolean available, String error) {
    }

    private SearchConnection searchPractices(DataFetchingEnvironment env) {
        Arguments filter = Arguments.of(env.getArgument("filter"));
        PracticeSearchRequest.Filter f = new PracticeSearchRequest.Filter(
                filter.stringList("subjects"),
                filter.intList("grades"),
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
        List<SearchEdge> edges = result.hits().stream().map(hit -> new SearchEdge(hit.cursor(), hit.practice(),
                hit.score() == null || hit.score().isNaN() ? null : hit.score(), hit.highlights())).toList();
        return new SearchConnection(edges, new Connection.PageInfo(result.hasNextPage(), result.endCursor()),
                result.totalCount(), result.facets(), result.tookMs());
    }

    private List<PracticeSearchResult.Suggestion> practiceSuggestions(DataFetchingEnvironment env) {
        return search.suggest(RequestContext.user(env), env.getArgument("prefix"), env.<Integer>getArgument("limit"));
    }

    private IndexStatus practiceIndexStatus(DataFetchingEnvironment env) {
        var counts = outbox.counts();
        try {
            PracticeIndex.Status s = index.status();
            return new IndexStatus(index.alias(), s.indexes(), s.documents(), s.mappingVersion(), s.rebuilding(),
                    counts.pending(), counts.failed(), true, null);
        } catch (Exception e) {
            return new IndexStatus(index.alias(), List.of(), 0, "", false, counts.pending(), counts.failed(), false, e.toString());
        }
    }

    private PracticeIndex.ReindexReport reindexPractices(DataFetchingEnvironment env) throws Exception {
        return index.reindex();
    }
}
