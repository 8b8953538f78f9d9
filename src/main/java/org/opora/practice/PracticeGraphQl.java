package org.opora.practice;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;

/**
 * The practice bank's GraphQL API (graphql/practice.graphqls): one named fetcher per field, argument parsing only;
 * rules live in the services. Search and recommendation fields are wired by their own packages.
 */
@Singleton
class PracticeGraphQl implements GraphQlWiring {

    /** DataLoader of a practice's adoptions by practice id. */
    static final String ADOPTIONS_LOADER = "PracticeAdoptions";

    private final PracticeService practices;

    PracticeGraphQl(PracticeService practices) {
        this.practices = practices;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/practice.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("practice", this::practice)
                .dataFetcher("myBookmarks", this::myBookmarks)
                .dataFetcher("practiceVocabulary", this::practiceVocabulary));
        wiring.type("Mutation", t -> t
                .dataFetcher("createPractice", this::createPractice)
                .dataFetcher("updatePractice", this::updatePractice)
                .dataFetcher("submitPractice", this::submitPractice)
                .dataFetcher("approvePractice", this::approvePractice)
                .dataFetcher("rejectPractice", this::rejectPractice)
                .dataFetcher("deletePractice", this::deletePractice)
                .dataFetcher("recordPracticeAdoption", this::recordPracticeAdoption)
                .dataFetcher("bookmarkPractice", this::bookmarkPractice)
                .dataFetcher("unbookmarkPractice", this::unbookmarkPractice));
        wiring.type("Practice", t -> t.dataFetcher("adoptions", this::practiceAdoptions));
    }

    @Override
    public List<EntityLoader<?, ?>> loaders() {
        return List.of(new EntityLoader<String, List<AdoptionView>>(ADOPTIONS_LOADER, practices::adoptionsOf));
    }

    private PracticeView practice(DataFetchingEnvironment env) {
        return practices.get(RequestContext.user(env), env.getArgument("id"));
    }

    private List<PracticeView> myBookmarks(DataFetchingEnvironment env) {
        return practices.bookmarks(RequestContext.user(env));
    }

    /** The vocabularies of the practice fields, each term with its Russian label. */
    record Vocabulary(List<Term> subjects, List<Term> riskFactors, List<Term> levels, List<Term> statuses,
                      List<Term> evidenceLevels) {
    }

    record Term(String code, String label) {
    }

    private Vocabulary practiceVocabulary(DataFetchingEnvironment env) {
        return new Vocabulary(terms(PracticeSubject.values()), terms(PracticeRiskFactor.values()), terms(PracticeLevel.values()),
                terms(PracticeStatus.values()), terms(EvidenceLevel.values()));
    }

    private static List<Term> terms(Labelled[] values) {
        return Arrays.stream(values).map(v -> new Term(v.name(), v.label())).toList();
    }

    private PracticeView createPractice(DataFetchingEnvironment env) {
        return practices.create(RequestContext.user(env), input(env));
    }

    private PracticeView updatePractice(DataFetchingEnvironment env) {
        Number expectedVersion = env.getArgument("expectedVersion");
        return practices.update(RequestContext.user(env), env.getArgument("id"), input(env),
                expectedVersion == null ? null : expectedVersion.longValue());
    }

    private PracticeView submitPractice(DataFetchingEnvironment env) {
        return practices.submit(RequestContext.user(env), env.getArgument("id"));
    }

    private PracticeView approvePractice(DataFetchingEnvironment env) {
        return practices.approve(RequestContext.user(env), env.getArgument("id"));
    }

    private PracticeView rejectPractice(DataFetchingEnvironment env) {
        return practices.reject(RequestContext.user(env), env.getArgument("id"), env.getArgument("reason"));
    }

    private boolean deletePractice(DataFetchingEnvironment env) {
        return practices.delete(RequestContext.user(env), env.getArgument("id"));
    }

    private AdoptionView recordPracticeAdoption(DataFetchingEnvironment env) {
        return practices.recordAdoption(RequestContext.user(env), env.getArgument("practiceId"), env.getArgument("schoolId"),
                env.<LocalDate>getArgument("date"), env.getArgument("note"));
    }

    private PracticeView bookmarkPractice(DataFetchingEnvironment env) {
        return practices.bookmark(RequestContext.user(env), env.getArgument("id"));
    }

    private PracticeView unbookmarkPractice(DataFetchingEnvironment env) {
        return practices.unbookmark(RequestContext.user(env), env.getArgument("id"));
    }

    /** The practice itself was checked when it was read; its adoptions come with it. */
    private CompletableFuture<List<AdoptionView>> practiceAdoptions(DataFetchingEnvironment env) {
        return EntityLoader.<String, List<AdoptionView>>load(env, ADOPTIONS_LOADER, ((PracticeView) env.getSource()).id())
                .thenApply(a -> a == null ? List.of() : a);
    }

    private static PracticeInput input(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        List<EvidenceItem> evidence = in.nestedList("evidence").stream().map(e -> new EvidenceItem(
                e.requiredString("metric"), e.decimal("before"), e.decimal("after"), e.string("unit"), e.integer("yearBefore"),
                e.integer("yearAfter"), !Boolean.FALSE.equals(e.bool("higherIsBetter")), e.string("schoolId"))).toList();
        return new PracticeInput(in.string("title"), in.string("summary"), in.string("description"), in.stringList("subjects"),
                in.intList("grades"), in.string("level"), in.stringList("riskFactors"),
                in.stringList("authors"), in.string("resources"), in.string("evidenceSummary"), evidence, in.string("authorSchoolId"));
    }
}
