package org.opora.identification;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.identification.IdentificationRepository.StoredAssessment;
import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.Connection;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;
import org.opora.school.School;
import org.opora.school.SchoolDirectory;
import org.opora.school.StatusCount;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Wires graphql/identification.graphqls: one named fetcher per field that is not a record component. */
@Singleton
class IdentificationGraphQl implements GraphQlWiring {

    /** The request DataLoader of {@code School.assessment}: a school's assessment in a run. */
    static final String ASSESSMENT_LOADER = "identification.assessment";
    static final String HISTORY_LOADER = "identification.statusHistory";

    private final IdentificationService service;
    private final IdentificationHistory history;
    private final IdentificationJson json;

    IdentificationGraphQl(IdentificationService service, IdentificationHistory history, IdentificationJson json) {
        this.service = service;
        this.history = history;
        this.json = json;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/identification.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("identificationRuns", this::runs)
                .dataFetcher("identificationRun", this::run)
                .dataFetcher("compareIdentificationRuns", this::compare)
                .dataFetcher("identificationSchedule", this::schedule));
        wiring.type("Mutation", t -> t.dataFetcher("runIdentification", this::runIdentification));
        wiring.type("IdentificationRun", t -> t
                .dataFetcher("parameters", this::parameters)
                .dataFetcher("counts", this::counts)
                .dataFetcher("methodCounts", this::methodCounts)
                .dataFetcher("notes", this::notes)
                .dataFetcher("assessments", this::assessments));
        wiring.type("SchoolAssessment", t -> t
                .dataFetcher("school", this::assessedSchool)
                .dataFetcher("subjectIndex", this::subjectIndex)
                .dataFetcher("statuses", this::findings)
                .dataFetcher("riskProfile", this::riskProfile));
        wiring.type("SchoolStatusChange", t -> t.dataFetcher("school", this::changedSchool));
        wiring.type("School", t -> t
                .dataFetcher("statusHistory", this::statusHistory)
                .dataFetcher("assessment", this::schoolAssessment));
    }

    @Override
    public List<EntityLoader<?, ?>> loaders() {
        return List.of(new EntityLoader<IdentificationRepository.AssessmentKey, StoredAssessment>(ASSESSMENT_LOADER,
                        service::assessments),
                new EntityLoader<String, List<IdentificationRepository.HistoryRow>>(HISTORY_LOADER, history::histories));
    }

    // ------------------------------------------------------------------ Query and Mutation

    private Connection<IdentificationRun> runs(DataFetchingEnvironment env) {
        String regionId = env.getArgument("regionId");
        Connection.Request page = Connection.request(env.getArgument("first"), env.getArgument("after"), 1);
        List<IdentificationRun> fetched = service.runs(regionId, page.after(0), page.fetchSize());
        return Connection.of(fetched, page, service.countRuns(regionId), run -> Connection.cursor(run.createdAt().toString()));
    }

    private IdentificationRun run(DataFetchingEnvironment env) {
        return service.find(env.getArgument("id")).orElse(null);
    }

    private IdentificationHistory.Comparison compare(DataFetchingEnvironment env) {
        return history.compare(env.getArgument("fromRunId"), env.getArgument("toRunId"), RequestContext.user(env));
    }

    private IdentificationHistory.Schedule schedule(DataFetchingEnvironment env) {
        return history.schedule(env.getArgument("regionId"), RequestContext.user(env));
    }

    private IdentificationRun runIdentification(DataFetchingEnvironment env) {
        return service.run(params(Arguments.of(env.getArgument("input"))), RequestContext.user(env));
    }

    // ------------------------------------------------------------------ IdentificationRun

    private Map<String, Object> parameters(DataFetchingEnvironment env) {
        return json.parameters(env.getSource());
    }

    private List<StatusCount> counts(DataFetchingEnvironment env) {
        return json.counts(env.getSource());
    }

    private List<IdentificationService.MethodCount> methodCounts(DataFetchingEnvironment env) {
        return json.methodCounts(env.getSource());
    }

    private List<MethodNote> notes(DataFetchingEnvironment env) {
        return json.notes(env.getSource());
    }

    private Connection<StoredAssessment> assessments(DataFetchingEnvironment env) {
        IdentificationRun run = env.getSource();
        String status = env.getArgument("status");
        Connection.Request page = Connection.request(env.getArgument("first"), env.getArgument("after"), 1);
        List<StoredAssessment> fetched = service.assessments(run.id(), status, page.after(0), page.fetchSize());
        return Connection.of(fetched, page, service.countAssessments(run.id(), status),
                a -> Connection.cursor(a.schoolId()));
    }

    // ------------------------------------------------------------------ SchoolAssessment, SchoolStatusChange

    private CompletableFuture<School> assessedSchool(DataFetchingEnvironment env) {
        return EntityLoader.load(env, SchoolDirectory.LOADER, env.<StoredAssessment>getSource().schoolId());
    }

    private Map<String, Double> subjectIndex(DataFetchingEnvironment env) {
        return json.subjectIndex(env.getSource());
    }

    private List<StatusFinding> findings(DataFetchingEnvironment env) {
        return json.findings(env.getSource());
    }

    private List<Assessment.RiskFactorLevel> riskProfile(DataFetchingEnvironment env) {
        return json.riskProfile(env.getSource());
    }

    private CompletableFuture<School> changedSchool(DataFetchingEnvironment env) {
        return EntityLoader.load(env, SchoolDirectory.LOADER, env.<IdentificationHistory.SchoolChange>getSource().schoolId());
    }

    // ------------------------------------------------------------------ School

    /** Batched: a list of schools asking for their histories costs one query. */
    private CompletableFuture<List<IdentificationRepository.HistoryRow>> statusHistory(DataFetchingEnvironment env) {
        return EntityLoader.<String, List<IdentificationRepository.HistoryRow>>load(env, HISTORY_LOADER,
                env.<School>getSource().id()).thenApply(rows -> rows == null ? List.of() : rows);
    }

    /** The given run's assessment, or the current run's (the one the school's statuses come from); batched per level. */
    private CompletableFuture<StoredAssessment> schoolAssessment(DataFetchingEnvironment env) {
        School school = env.getSource();
        String runId = env.getArgument("runId");
        String effectiveRunId = runId != null ? runId : school.identificationRunId();
        if (effectiveRunId == null) {
            return CompletableFuture.completedFuture(null);
        }
        return EntityLoader.load(env, ASSESSMENT_LOADER, new IdentificationRepository.AssessmentKey(school.id(), effectiveRunId));
    }

    static IdentificationParams params(Arguments input) {
        Set<IdentificationMethod> methods = EnumSet.noneOf(IdentificationMethod.class);
        input.stringList("methods").forEach(m -> methods.add(IdentificationMethod.valueOf(m)));
        Map<String, Double> weights = new LinkedHashMap<>();
        if (input.has("contextWeights")) {
            @SuppressWarnings("unchecked") List<Map<String, Object>> list = (List<Map<String, Object>>) input.asMap().get("contextWeights");
            for (Map<String, Object> w : list) {
                String indicator = (String) w.get("indicator");
                if (org.opora.school.Indicator.fromCode(indicator).filter(i -> i.kind() == org.opora.school.Indicator.Kind.CONTEXT).isEmpty()) {
                    throw ApiException.badInput("contextWeights.indicator: неизвестный контекстный показатель «" + indicator + "»");
                }
                weights.put(indicator, ((Number) w.get("weight")).doubleValue());
            }
        }
        Map<String, RiskThresholds.Threshold> thresholds = new LinkedHashMap<>();
        if (input.has("riskThresholds")) {
            @SuppressWarnings("unchecked") List<Map<String, Object>> list = (List<Map<String, Object>>) input.asMap().get("riskThresholds");
            for (Map<String, Object> t : list) {
                thresholds.put((String) t.get("indicator"), new RiskThresholds.Threshold(((Number) t.get("medium")).doubleValue(),
                        ((Number) t.get("high")).doubleValue()));
            }
        }
        return new IdentificationParams(input.requiredString("regionId"), input.integer("year"), input.integer("years", 3),
                methods, input.stringList("subjects"), input.decimal("lowResidualSd"), input.decimal("adverseContextSd"),
                input.decimal("resilientContextSd"), input.decimal("resilientResidualSd"), input.decimal("leaderResultsSd"),
                input.decimal("riskTrendPerYear"), input.decimal("riskHighPercentile"), input.decimal("riskMediumPercentile"),
                weights, input.decimal("lowResultsMarginSd"), input.bool("kirovConditions"), input.decimal("lowOutcomeQuantile"),
                MethodCombination.valueOf(input.string("lowResultsCombination")),
                IdentificationMethod.valueOf(input.string("lowResultsPrimary")), input.decimal("confirmationSd"),
                input.decimal("resourceDeficitSd"), input.decimal("adverseFamiliesSd"), input.decimal("complexStudentBodySd"),
                input.decimal("riskRiseSd"), input.integer("riskRisingFactors"), RiskLevelMode.valueOf(input.string("riskLevels")),
                thresholds, input.has("contextIndicators") ? input.stringList("contextIndicators") : List.of());
    }

}
