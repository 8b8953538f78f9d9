package org.opora.practice.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionContext;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Suggestion.Kind;
import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;
import org.opora.platform.errors.ErrorCode;
import org.opora.practice.EvidenceLevel;
import org.opora.practice.Labelled;
import org.opora.practice.PracticeAccess;
import org.opora.practice.PracticeDocuments;
import org.opora.practice.PracticeLevel;
import org.opora.practice.PracticeRiskFactor;
import org.opora.practice.PracticeStatus;
import org.opora.practice.PracticeSubject;
import org.opora.practice.PracticeView;
import org.opora.practice.search.PracticeSearchRequest.Filter;
import org.opora.practice.search.PracticeSearchResult.Bucket;
import org.opora.practice.search.PracticeSearchResult.Facets;
import org.opora.practice.search.PracticeSearchResult.Highlight;
import org.opora.practice.search.PracticeSearchResult.Hit;
import org.opora.practice.search.PracticeSearchResult.Suggestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Searches the practice bank in Elasticsearch.
 *
 * <p>Matching, for the free text of a query (all on the {@code opora_russian} analyzer unless noted):
 * <ul>
 *   <li>morphology: words match in any inflection and common derivations (наставничество ~ наставника);</li>
 *   <li>typos: fuzzy variants of the same query at a lower weight, one edit per word of four letters or more, first
 *       letter fixed ({@link #FUZZINESS}), on the unstemmed surface form ({@code *.plain}) and on the stems;</li>
 *   <li>the domain dictionary ({@link SearchDictionary}): equivalent and narrower phrases, and boosts for the subjects,
 *       risk factors and grades the words name; grades typed as «8 класс» boost (or, alone, filter) the grades;</li>
 *   <li>ranking: at least half of the words must match, practices covering all of them score higher;</li>
 *   <li>prefixes: the last word may be unfinished ({@code bool_prefix} on the unstemmed {@code title.plain},
 *       {@code summary.plain});</li>
 *   <li>phrases: text in double quotes must occur as a phrase; unquoted text scores higher where its words stand
 *       together; {@code -word} and {@code NOT word} exclude (syntax in {@link PracticeQuery}).</li>
 * </ul>
 * Facets are "multi-select": each facet's counts apply every selected filter except its own (filters go to
 * {@code post_filter}, each facet is a {@code filter} aggregation). Visibility ({@link PracticeAccess}) is a
 * query filter, so counts never reveal what the caller may not see.
 */
@Singleton
public class PracticeSearch {

    private static final Logger LOG = LoggerFactory.getLogger(PracticeSearch.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Serialises requests into cache keys (no dependency on a live client). */
    private static final co.elastic.clients.json.jackson.JacksonJsonpMapper KEY_MAPPER = new co.elastic.clients.json.jackson.JacksonJsonpMapper();
    private static final int MAX_QUERY_LENGTH = 300;
    private static final int MAX_PAGE = 100;
    /** Searched text fields with their weights. */
    private static final List<String> TEXT_FIELDS = List.of("title^4", "summary^2", "description", "evidenceSummary",
            "riskFactorLabels^1.5", "subjectLabels^1.5", "resources^0.5", "authorSchoolName^0.5", "authors");
    private static final List<String> PHRASE_FIELDS = List.of("title^3", "summary^2", "description", "evidenceSummary");
    private static final List<String> EXPANSION_PHRASE_FIELDS = List.of("title^4", "summary^2", "description", "evidenceSummary",
            "riskFactorLabels^1.5", "subjectLabels^1.5");
    /**
     * Words a practice must contain (in any field): one of two, two of three or four, three of five... Partial matches
     * stay in the result; {@link #COVERAGE_BOOST} and the phrase boost put the complete ones first.
     */
    private static final String MIN_MATCH = "1<-50%";
    private static final float COVERAGE_BOOST = 1f;
    /** Constant scores for a practice in a grade the text names, and in a facet value a word points at. */
    private static final float GRADE_BOOST = 3f;
    private static final float HINT_BOOST = 1.5f;
    /** Typos on the unstemmed text: a misspelt word in any inflection is one edit from the same inflection. */
    private static final List<String> SURFACE_FUZZY_FIELDS = List.of("title.plain^4", "summary.plain^2", "description.plain");
    /**
     * Typo tolerance: one edit in words of four letters or more ("AUTO:4,50"), on the main fields only. Two-edit
     * automata over all nine fields cost 5-10 times more per query (measured: 56-86 ms against 8-14 ms on 300
     * documents) and conflate Russian stems such as карточк/картинк.
     */
    private static final String FUZZINESS = "AUTO:4,50";
    private static final List<String> FUZZY_FIELDS = List.of("title^4", "summary^2", "description", "riskFactorLabels^1.5");

    /** The facets: name, document field, and how to label a value. */
    private enum Facet {
        SUBJECTS("subjects", v -> label(PracticeSubject.class, v)),
        GRADES("grades", v -> v + " класс"),
        RISK_FACTORS("riskFactors", v -> label(PracticeRiskFactor.class, v)),
        LEVELS("level", v -> label(PracticeLevel.class, v)),
        MUNICIPALITIES("municipalityId", v -> v),
        EVIDENCE_LEVELS("evidenceLevel", v -> label(EvidenceLevel.class, v)),
        STATUSES("status", v -> label(PracticeStatus.class, v));

        final String field;
        final Function<String, String> labeller;

        Facet(String field, Function<String, String> labeller) {
            this.field = field;
            this.labeller = labeller;
        }

        String aggName() {
            return name().toLowerCase();
        }
    }

    private final PracticeIndex index;
    private final PracticeSearchCache cache;
    private final SearchDictionary dictionary = SearchDictionary.load();

    public PracticeSearch(PracticeIndex index, PracticeSearchCache cache) {
        this.index = index;
        this.cache = cache;
    }

    public PracticeSearchResult search(CurrentUser user, PracticeSearchRequest request) {
        Filter filter = request.filter() == null ? Filter.NONE : request.filter();
        int first = request.first();
        if (first < 1 || first > MAX_PAGE) {
            throw ApiException.badInput("first: от 1 до " + MAX_PAGE);
        }
        PracticeSearchRequest.Sort sort = request.sort() == null ? PracticeSearchRequest.Sort.RELEVANCE : request.sort();
        String text = request.query() == null ? "" : request.query().strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            throw ApiException.badInput("query: не длиннее " + MAX_QUERY_LENGTH + " символов");
        }
        List<SortOptions> sortOptions = sortOptions(sort);
        List<FieldValue> searchAfter = request.after() == null ? null : decodeCursor(request.after(), sort.name(), sortOptions.size());

        Map<Facet, Query> facetFilters = facetFilters(filter);
        List<Query> restrictions = new ArrayList<>();
        visibility(user).ifPresent(restrictions::add);
        if (filter.mine()) {
            restrictions.add(term("createdBy", user.username()));
        }
        if (filter.regionId() != null) {
            restrictions.add(term("regionId", filter.regionId()));
        }
        if (filter.authorSchoolId() != null) {
            restrictions.add(term("authorSchoolId", filter.authorSchoolId()));
        }
        PracticeQuery parsed = PracticeQuery.parse(text, dictionary);
        Query query = textQuery(parsed, restrictions);
        Highlighting highlighting = highlighting(parsed);

        SearchRequest.Builder search = new SearchRequest.Builder()
                .index(index.alias())
                .query(query)
                .size(first + 1)
                .trackTotalHits(t -> t.enabled(true))
                .sort(sortOptions)
                .source(s -> s.filter(f -> f.excludes("suggest")));
        if (highlighting != null) {
            // Own highlight query without the fuzzy and prefix clauses of the search: highlighting those means
            // expanding them against the text of every hit, which costs more than the search itself. Typos are
            // highlighted afterwards, only for the hits that need it (typoHighlights).
            search.highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                    .highlightQuery(highlighting.all())
                    .fields("title", f -> f.numberOfFragments(0))
                    .fields("title.plain", f -> f.numberOfFragments(0))
                    .fields("summary", f -> f.numberOfFragments(0))
                    .fields("summary.plain", f -> f.numberOfFragments(0))
                    .fields("description", f -> f.fragmentSize(180).numberOfFragments(2))
                    .fields("evidenceSummary", f -> f.fragmentSize(180).numberOfFragments(1)));
        }
        if (!facetFilters.isEmpty()) {
            search.postFilter(Query.of(q -> q.bool(b -> b.filter(List.copyOf(facetFilters.values())))));
        }
        for (Facet facet : Facet.values()) {
            List<Query> others = facetFilters.entrySet().stream().filter(e -> e.getKey() != facet).map(Map.Entry::getValue).toList();
            Aggregation terms = Aggregation.of(a -> {
                var t = a.terms(tt -> tt.field(facet.field).size(facet == Facet.MUNICIPALITIES ? 200 : 50));
                return facet == Facet.MUNICIPALITIES
                        ? t.aggregations("name", n -> n.terms(tt -> tt.field("municipalityName").size(1)))
                        : t;
            });
            search.aggregations(facet.aggName(), a -> a
                    .filter(others.isEmpty() ? Query.of(q -> q.matchAll(m -> m)) : Query.of(q -> q.bool(b -> b.filter(others))))
                    .aggregations("values", terms));
        }
        if (searchAfter != null) {
            search.searchAfter(searchAfter);
        }

        // The shard request cache keeps the query phase (hits and facet counts) until the next refresh; without the
        // flag Elasticsearch only caches requests with size 0.
        search.requestCache(true);
        SearchRequest built = search.build();
        if (!cache.enabled()) {
            return run(built, highlighting, sort, first, filter);
        }
        long generation = index.generation();
        String key = JsonpUtils.toJsonString(built, KEY_MAPPER);
        return cache.get(key, generation, () -> run(built, highlighting, sort, first, filter));
    }

    private PracticeSearchResult run(SearchRequest built, Highlighting highlighting, PracticeSearchRequest.Sort sort, int first,
                                     Filter filter) {
        SearchResponse<PracticeView> response = execute(built);
        List<co.elastic.clients.elasticsearch.core.search.Hit<PracticeView>> raw = response.hits().hits();
        boolean hasNext = raw.size() > first;
        List<co.elastic.clients.elasticsearch.core.search.Hit<PracticeView>> page = raw.subList(0, Math.min(first, raw.size()));
        Map<String, Map<String, List<String>>> typos = highlighting == null ? Map.of() : typoHighlights(page, highlighting);
        List<Hit> hits = new ArrayList<>();
        for (var hit : page) {
            Map<String, List<String>> highlight = new HashMap<>(hit.highlight() == null ? Map.of() : hit.highlight());
            typos.getOrDefault(hit.id(), Map.of()).forEach(highlight::putIfAbsent);
            hits.add(new Hit(hit.source(), hit.score(), highlights(highlight), encodeCursor(sort.name(), hit.sort())));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new PracticeSearchResult(hits, hasNext, hits.isEmpty() ? null : hits.get(hits.size() - 1).cursor(), total,
                facets(response, filter), response.took());
    }

    /** Titles completing what the user typed: approved practices, and the caller's own in any status. */
    public List<Suggestion> suggest(CurrentUser user, String prefix, int limit) {
        if (limit < 1 || limit > 20) {
            throw ApiException.badInput("limit: от 1 до 20, получено " + limit);
        }
        String text = prefix == null ? "" : prefix.strip();
        if (text.length() > 100) {
            throw ApiException.badInput("prefix: не длиннее 100 символов, получено " + text.length());
        }
        if (text.isEmpty()) {
            return List.of();
        }
        List<CompletionContext> contexts = List.of(
                CompletionContext.of(c -> c.context(x -> x.category(PracticeDocuments.PUBLIC_CONTEXT))),
                CompletionContext.of(c -> c.context(x -> x.category(PracticeDocuments.userContext(user.username())))));
        SearchRequest request = SearchRequest.of(s -> s
                .index(index.alias())
                .source(src -> src.filter(f -> f.includes("id", "title", "status")))
                .suggest(sg -> sg.suggesters("titles", fs -> fs.prefix(text).completion(c -> c
                        .field("suggest").size(limit).skipDuplicates(true)
                        .fuzzy(f -> f.fuzziness(text.length() < 4 ? "0" : "1").prefixLength(1).unicodeAware(true)) // edits in letters, not bytes
                        .contexts("visibility", contexts)))));
        SearchResponse<PracticeView> response = execute(request);
        List<Suggestion> suggestions = new ArrayList<>();
        var options = response.suggest().getOrDefault("titles", List.of());
        for (var suggestion : options) {
            if (suggestion._kind() == Kind.Completion) {
                for (var option : suggestion.completion().options()) {
                    PracticeView source = option.source();
                    if (source != null && suggestions.stream().noneMatch(s -> s.id().equals(source.id()))) {
                        suggestions.add(new Suggestion(source.id(), source.title(), option.text()));
                    }
                }
            }
        }
        return suggestions;
    }

    private SearchResponse<PracticeView> execute(SearchRequest request) {
        try {
            index.ensureReady();
            try {
                return index.client().search(request, PracticeView.class);
            } catch (ElasticsearchException | org.elasticsearch.client.ResponseException e) {
                if (!transientFailure(e)) {
                    throw e;
                }
                LOG.debug("Transient search failure, retrying once", e);
                return index.client().search(request, PracticeView.class);
            }
        } catch (ElasticsearchException e) {
            if (e.status() == 400) {
                LOG.debug("Search rejected by Elasticsearch", e);
                throw ApiException.badInput("Некорректный поисковый запрос: " + e.error().reason());
            }
            LOG.warn("Practice search failed", e);
            throw unavailable();
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            LOG.warn("Practice search failed: {}", e.toString());
            throw unavailable();
        }
    }

    /** 503 (shards briefly unavailable, e.g. around an alias swap) and 429 (queue full) are worth one retry. */
    private static boolean transientFailure(Exception e) {
        int status = e instanceof ElasticsearchException es ? es.status()
                : ((org.elasticsearch.client.ResponseException) e).getResponse().getStatusLine().getStatusCode();
        return status == 503 || status == 429;
    }

    private static ApiException unavailable() {
        return new ApiException(ErrorCode.SEARCH_UNAVAILABLE,
                "Поиск практик временно недоступен. Изменения практик сохранены и появятся в поиске, когда он заработает.");
    }

    // -------------------------------------------------------------------------------------------------------------
    // Query building (package-private for tests)

    /**
     * The search query: the free text matches when it covers enough of its words in any of the text fields
     * (cross-fields, {@link #MIN_MATCH}), or with typos on the surface form or the stem, or by a dictionary expansion;
     * practices score more for covering every word, for the words standing together, and for the grades, subjects
     * and risk factors the text names. Quoted phrases must occur; excluded words and phrases must not.
     */
    static Query textQuery(PracticeQuery parsed, List<Query> restrictions) {
        List<String> phrases = parsed.phrases();
        String free = parsed.free();
        List<Query> must = new ArrayList<>();
        List<Query> should = new ArrayList<>();
        List<Query> mustNot = new ArrayList<>();
        List<Query> filter = new ArrayList<>(restrictions);
        for (String phrase : phrases) {
            must.add(Query.of(q -> q.multiMatch(m -> m.query(phrase).fields(PHRASE_FIELDS).type(TextQueryType.Phrase))));
        }
        List<Query> anyOf = new ArrayList<>();
        if (!free.isEmpty()) {
            anyOf.add(Query.of(q -> q.multiMatch(m -> m.query(free).fields(TEXT_FIELDS).type(TextQueryType.CrossFields)
                    .operator(Operator.Or).minimumShouldMatch(MIN_MATCH))));
            anyOf.add(Query.of(q -> q.multiMatch(m -> m.query(free).fields(SURFACE_FUZZY_FIELDS).type(TextQueryType.MostFields)
                    .fuzziness(FUZZINESS).prefixLength(1).maxExpansions(20).minimumShouldMatch(MIN_MATCH).boost(0.5f))));
            anyOf.add(Query.of(q -> q.multiMatch(m -> m.query(free).fields(FUZZY_FIELDS).type(TextQueryType.BestFields)
                    .fuzziness(FUZZINESS).prefixLength(1).maxExpansions(30).minimumShouldMatch(MIN_MATCH).boost(0.3f))));
            anyOf.add(Query.of(q -> q.multiMatch(m -> m.query(free).fields("title.plain^2", "summary.plain")
                    .type(TextQueryType.BoolPrefix).operator(Operator.And).boost(0.6f))));
            // Coverage: every word present (in any field) scores on top of the partial match.
            should.add(Query.of(q -> q.multiMatch(m -> m.query(free).fields(TEXT_FIELDS).type(TextQueryType.CrossFields)
                    .operator(Operator.And).boost(COVERAGE_BOOST))));
            should.add(Query.of(q -> q.multiMatch(m -> m.query(free).fields(PHRASE_FIELDS).type(TextQueryType.Phrase)
                    .slop(2).boost(2f))));
        }
        for (PracticeQuery.Expansion expansion : parsed.expansions()) {
            anyOf.add(expansionQuery(expansion.text(), expansion.weight()));
        }
        if (!anyOf.isEmpty()) {
            must.add(Query.of(q -> q.bool(b -> b.should(anyOf).minimumShouldMatch("1"))));
        }
        if (parsed.onlyGrades()) {
            filter.add(terms("grades", parsed.grades().stream().map(String::valueOf).toList()));
        } else {
            facetBoost(should, "grades", parsed.grades(), GRADE_BOOST);
            Set<Integer> hinted = new java.util.TreeSet<>(parsed.hintGrades());
            hinted.removeAll(parsed.grades());
            facetBoost(should, "grades", hinted, HINT_BOOST);
        }
        facetBoost(should, "subjects", parsed.subjects(), HINT_BOOST);
        facetBoost(should, "riskFactors", parsed.risks(), HINT_BOOST);
        for (String excluded : parsed.excluded()) {
            mustNot.add(Query.of(q -> q.multiMatch(m -> m.query(excluded).fields(PHRASE_FIELDS).type(TextQueryType.Phrase))));
        }
        if (must.isEmpty()) {
            must.add(Query.of(q -> q.matchAll(m -> m)));
        }
        return Query.of(q -> q.bool(b -> b.must(must).should(should).mustNot(mustNot).filter(filter)));
    }

    /**
     * A dictionary phrase: one word anywhere in the text fields; several words close together (slop 2) in the main
     * texts and labels, since their words one by one («школы», «результаты») are in almost every practice.
     */
    private static Query expansionQuery(String text, float weight) {
        boolean oneWord = SearchDictionary.stems(text).size() == 1;
        return oneWord
                ? Query.of(q -> q.multiMatch(m -> m.query(text).fields(TEXT_FIELDS).type(TextQueryType.CrossFields).boost(weight)))
                : Query.of(q -> q.multiMatch(m -> m.query(text).fields(EXPANSION_PHRASE_FIELDS).type(TextQueryType.Phrase).slop(2)
                        .boost(weight)));
    }

    /** A constant score for practices carrying any of the values in a facet field. */
    private static void facetBoost(List<Query> should, String field, java.util.Collection<?> values, float boost) {
        if (!values.isEmpty()) {
            Query match = terms(field, values.stream().map(String::valueOf).toList());
            should.add(Query.of(q -> q.constantScore(c -> c.filter(match).boost(boost))));
        }
    }

    /** {@code all}: exact words, phrases and prefixes; {@code typos}: the fuzzy words (null without free text). */
    record Highlighting(Query all, Query typos) {
    }

    private static final List<String> HIGHLIGHTED_SHORT_FIELDS = List.of("title", "title.plain", "summary", "summary.plain");

    /**
     * Queries for highlighting: exact (stemmed) words, phrases and prefixes everywhere, typos only in the short title
     * and summary. Null when there is nothing to highlight.
     */
    static Highlighting highlighting(PracticeQuery parsed) {
        List<String> phrases = parsed.phrases();
        String free = parsed.free();
        List<Query> exact = new ArrayList<>();
        for (String phrase : phrases) {
            exact.add(Query.of(q -> q.multiMatch(m -> m.query(phrase).fields(PHRASE_FIELDS).type(TextQueryType.Phrase))));
        }
        if (!free.isEmpty()) {
            exact.add(Query.of(q -> q.multiMatch(m -> m.query(free).fields(TEXT_FIELDS).type(TextQueryType.CrossFields))));
        }
        for (PracticeQuery.Expansion expansion : parsed.expansions()) {
            exact.add(expansionQuery(expansion.text(), 1f));
        }
        if (exact.isEmpty()) {
            return null;
        }
        List<Query> all = new ArrayList<>(exact);
        Query typos = null;
        if (!free.isEmpty()) {
            all.add(Query.of(q -> q.multiMatch(m -> m.query(free).fields("title.plain", "summary.plain").type(TextQueryType.BoolPrefix))));
            typos = Query.of(q -> q.multiMatch(m -> m.query(free).fields("title", "summary").fuzziness(FUZZINESS)
                    .prefixLength(1).maxExpansions(30)));
        }
        return new Highlighting(Query.of(q -> q.bool(b -> b.should(all))), typos);
    }

    /**
     * What the caller may find; empty for the administrator. Mirrors {@link PracticeAccess#canView}.
     */
    static java.util.Optional<Query> visibility(CurrentUser user) {
        if (user.isAdmin()) {
            return java.util.Optional.empty();
        }
        List<Query> anyOf = new ArrayList<>();
        anyOf.add(term("status", PracticeStatus.APPROVED.name()));
        anyOf.add(term("createdBy", user.username()));
        if (user.has(Role.SCHOOL_ADMIN) && user.scope().schoolId() != null) {
            anyOf.add(term("authorSchoolId", user.scope().schoolId()));
        }
        if (PracticeAccess.isReviewer(user)) {
            List<Query> territory = new ArrayList<>();
            territory.add(terms("status", List.of(PracticeStatus.SUBMITTED.name(), PracticeStatus.APPROVED.name(),
                    PracticeStatus.REJECTED.name())));
            if (user.scope().regionId() != null) {
                territory.add(term("regionId", user.scope().regionId()));
            }
            if (user.scope().municipalityId() != null) {
                territory.add(term("municipalityId", user.scope().municipalityId()));
            }
            if (user.scope().schoolId() != null) {
                territory.add(term("authorSchoolId", user.scope().schoolId()));
            }
            anyOf.add(Query.of(q -> q.bool(b -> b.filter(territory))));
        }
        return java.util.Optional.of(Query.of(q -> q.bool(b -> b.should(anyOf).minimumShouldMatch("1"))));
    }

    private static Map<Facet, Query> facetFilters(Filter filter) {
        Map<Facet, Query> filters = new LinkedHashMap<>();
        putTerms(filters, Facet.SUBJECTS, filter.subjects());
        putTerms(filters, Facet.GRADES, filter.grades() == null ? null : filter.grades().stream().map(String::valueOf).toList());
        putTerms(filters, Facet.RISK_FACTORS, filter.riskFactors());
        putTerms(filters, Facet.LEVELS, filter.levels());
        putTerms(filters, Facet.MUNICIPALITIES, filter.municipalityIds());
        putTerms(filters, Facet.EVIDENCE_LEVELS, filter.evidenceLevels());
        putTerms(filters, Facet.STATUSES, filter.statuses());
        return filters;
    }

    private static void putTerms(Map<Facet, Query> filters, Facet facet, List<String> values) {
        if (values != null && !values.isEmpty()) {
            filters.put(facet, terms(facet.field, values));
        }
    }

    private static List<SortOptions> sortOptions(PracticeSearchRequest.Sort sort) {
        SortOptions score = SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc)));
        SortOptions evidence = SortOptions.of(s -> s.field(f -> f.field("evidenceScore").order(SortOrder.Desc).missing("_last")));
        SortOptions id = SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc)));
        return switch (sort) {
            case RELEVANCE -> List.of(score, evidence, id);
            case EVIDENCE -> List.of(evidence, score, id);
            case NEWEST -> List.of(
                    SortOptions.of(s -> s.field(f -> f.field("publishedAt").order(SortOrder.Desc).missing("_last"))),
                    SortOptions.of(s -> s.field(f -> f.field("updatedAt").order(SortOrder.Desc).missing("_last"))),
                    id);
        };
    }

    /**
     * Title and summary highlights of the words a hit matched only with a typo (no exact highlight in either field):
     * one more request for just those hits, so a query without typos never pays for fuzzy highlighting.
     */
    private Map<String, Map<String, List<String>>> typoHighlights(
            List<co.elastic.clients.elasticsearch.core.search.Hit<PracticeView>> page, Highlighting highlighting) {
        if (highlighting.typos() == null) {
            return Map.of();
        }
        List<String> ids = page.stream()
                .filter(h -> h.highlight() == null || HIGHLIGHTED_SHORT_FIELDS.stream().noneMatch(h.highlight()::containsKey))
                .map(co.elastic.clients.elasticsearch.core.search.Hit::id).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        SearchRequest request = SearchRequest.of(s -> s
                .index(index.alias())
                .query(q -> q.ids(i -> i.values(ids)))
                .size(ids.size())
                .source(src -> src.fetch(false))
                .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                        .highlightQuery(highlighting.typos())
                        .fields("title", f -> f.numberOfFragments(0))
                        .fields("summary", f -> f.numberOfFragments(0))));
        Map<String, Map<String, List<String>>> result = new HashMap<>();
        for (var hit : execute(request).hits().hits()) {
            if (hit.highlight() != null && !hit.highlight().isEmpty()) {
                result.put(hit.id(), hit.highlight());
            }
        }
        return result;
    }

    private static List<Highlight> highlights(Map<String, List<String>> highlight) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        for (String field : List.of("title", "title.plain", "summary", "summary.plain", "description", "evidenceSummary")) {
            List<String> fragments = highlight == null ? null : highlight.get(field);
            if (fragments != null && !fragments.isEmpty()) {
                merged.putIfAbsent(field.replace(".plain", ""), fragments);
            }
        }
        return merged.entrySet().stream().map(e -> new Highlight(e.getKey(), e.getValue())).toList();
    }

    private static Facets facets(SearchResponse<PracticeView> response, Filter filter) {
        Map<Facet, List<Bucket>> result = new LinkedHashMap<>();
        Map<Facet, List<String>> selected = Map.of(
                Facet.SUBJECTS, nonNull(filter.subjects()),
                Facet.GRADES, filter.grades() == null ? List.of() : filter.grades().stream().map(String::valueOf).toList(),
                Facet.RISK_FACTORS, nonNull(filter.riskFactors()),
                Facet.LEVELS, nonNull(filter.levels()),
                Facet.MUNICIPALITIES, nonNull(filter.municipalityIds()),
                Facet.EVIDENCE_LEVELS, nonNull(filter.evidenceLevels()),
                Facet.STATUSES, nonNull(filter.statuses()));
        for (Facet facet : Facet.values()) {
            Aggregate values = response.aggregations().get(facet.aggName()).filter().aggregations().get("values");
            List<Bucket> buckets = new ArrayList<>();
            if (values.isSterms()) {
                for (StringTermsBucket b : values.sterms().buckets().array()) {
                    String key = b.key().stringValue();
                    String label = facet.labeller.apply(key);
                    if (facet == Facet.MUNICIPALITIES) {
                        var names = b.aggregations().get("name").sterms().buckets().array();
                        label = names.isEmpty() ? key : names.get(0).key().stringValue();
                    }
                    buckets.add(new Bucket(key, label, b.docCount(), selected.get(facet).contains(key)));
                }
            } else if (values.isLterms()) {
                for (LongTermsBucket b : values.lterms().buckets().array()) {
                    String key = String.valueOf(b.key());
                    buckets.add(new Bucket(key, facet.labeller.apply(key), b.docCount(), selected.get(facet).contains(key)));
                }
            }
            if (facet == Facet.GRADES) {
                buckets.sort(java.util.Comparator.comparingInt(b -> Integer.parseInt(b.value())));
            }
            result.put(facet, buckets);
        }
        return new Facets(result.get(Facet.SUBJECTS), result.get(Facet.GRADES), result.get(Facet.RISK_FACTORS),
                result.get(Facet.LEVELS), result.get(Facet.MUNICIPALITIES), result.get(Facet.EVIDENCE_LEVELS),
                result.get(Facet.STATUSES));
    }

    // -------------------------------------------------------------------------------------------------------------
    // Cursors: the sort and the sort values of the last hit, as base64url JSON with a type tag per value

    static String encodeCursor(String sort, List<FieldValue> sortValues) {
        if (sortValues == null) {
            return null;
        }
        com.fasterxml.jackson.databind.node.ObjectNode cursor = JSON.createObjectNode().put("sort", sort);
        ArrayNode array = cursor.putArray("after");
        for (FieldValue v : sortValues) {
            switch (v._kind()) {
                case Double -> array.addObject().put("d", v.doubleValue());
                case Long -> array.addObject().put("l", v.longValue());
                case String -> array.addObject().put("s", v.stringValue());
                case Boolean -> array.addObject().put("b", v.booleanValue());
                default -> array.addObject().putNull("n");
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.toString().getBytes(StandardCharsets.UTF_8));
    }

    static List<FieldValue> decodeCursor(String cursor, String sort, int expectedSize) {
        try {
            JsonNode decoded = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            JsonNode array = decoded == null ? null : decoded.get("after");
            if (!sort.equals(decoded.path("sort").asText()) || array == null || !array.isArray() || array.size() != expectedSize) {
                throw new IllegalArgumentException("not a cursor of this sort");
            }
            List<FieldValue> values = new ArrayList<>();
            for (JsonNode v : array) {
                if (v.has("d")) {
                    values.add(FieldValue.of(v.get("d").asDouble()));
                } else if (v.has("l")) {
                    values.add(FieldValue.of(v.get("l").asLong()));
                } else if (v.has("s")) {
                    values.add(FieldValue.of(v.get("s").asText()));
                } else if (v.has("b")) {
                    values.add(FieldValue.of(v.get("b").asBoolean()));
                } else {
                    values.add(FieldValue.NULL);
                }
            }
            return values;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw ApiException.badInput("after: неверный курсор (он относится к другой сортировке или повреждён)");
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query terms(String field, List<String> values) {
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static <E extends Enum<E> & Labelled> String label(Class<E> type, String code) {
        try {
            return Enum.valueOf(type, code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
