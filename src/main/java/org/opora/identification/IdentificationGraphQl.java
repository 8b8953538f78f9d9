package org.opora.identification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.opora.school.SchoolRepository;
import org.opora.school.SchoolStatus;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Wires graphql/identification.graphqls. */
@Singleton
class IdentificationGraphQl implements GraphQlWiring {

    private final IdentificationService service;
    private final IdentificationRepository repository;
    private final IdentificationHistory history;
    private final ObjectMapper json;

    IdentificationGraphQl(IdentificationService service, IdentificationRepository repository, IdentificationHistory history,
                          ObjectMapper json) {
        this.service = service;
        this.repository = repository;
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
                .dataFetcher("identificationRun", env -> repository.find(env.getArgument("id")).orElse(null))
                .dataFetcher("compareIdentificationRuns", env -> history.compare(env.getArgument("fromRunId"),
                        env.getArgument("toRunId"), RequestContext.user(env)))
                .dataFetcher("identificationSchedule", env -> history.schedule(env.getArgument("regionId"), RequestContext.user(env))));
        wiring.type("SchoolStatusChange", t -> t.dataFetcher("school", env -> EntityLoader.load(env, SchoolRepository.SCHOOL_LOADER,
                ((IdentificationHistory.SchoolChange) env.getSource()).schoolId())));
        wiring.type("Mutation", t -> t.dataFetcher("runIdentification",
                env -> service.run(params(Arguments.of(env.getArgument("input"))), RequestContext.user(env))));
        wiring.type("IdentificationRun", t -> t
                .dataFetcher("parameters", env -> read(run(env).parametersJson(), new TypeReference<Map<String, Object>>() { }))
                .dataFetcher("counts", env -> counts(run(env)))
                .dataFetcher("methodCounts", env -> {
                    List<Map<String, Object>> counts = read(run(env).methodCountsJson(), new TypeReference<List<Map<String, Object>>>() { });
                    counts.forEach(c -> c.put("label", SchoolStatus.valueOf((String) c.get("status")).label()));
                    return counts;
                })
                .dataFetcher("notes", env -> read(run(env).notesJson(), new TypeReference<List<Map<String, Object>>>() { }))
                .dataFetcher("regression", env -> {
                    IdentificationRun run = run(env);
                    Map<String, Object> regression = new LinkedHashMap<>();
                    regression.put("intercept", run.intercept());
                    regression.put("slope", run.slope());
                    regression.put("r2", run.r2());
                    regression.put("residualSd", run.residualSd());
                    regression.put("schools", run.regressionSchools());
                    return regression;
                })
                .dataFetcher("assessments", this::assessments));
        wiring.type("School", t -> t.dataFetcher("statusHistory", env -> {
            @SuppressWarnings("unchecked") Map<String, Object> school = (Map<String, Object>) env.getSource();
            return history.history((String) school.get("id"));
        }).dataFetcher("assessment", env -> {
            @SuppressWarnings("unchecked") Map<String, Object> school = (Map<String, Object>) env.getSource();
            String runId = env.getArgument("runId");
            return repository.assessment((String) school.get("id"), runId)
                    .map(a -> toGraph(a, runId != null ? runId : (String) school.get("identificationRunId"))).orElse(null);
        }));
        wiring.type("SchoolAssessment", t -> t.dataFetcher("school", env -> EntityLoader.load(env, SchoolRepository.SCHOOL_LOADER,
                (String) ((Map<?, ?>) env.getSource()).get("schoolId"))));
    }

    private Connection<IdentificationRun> runs(DataFetchingEnvironment env) {
        String regionId = env.getArgument("regionId");
        Connection.Request page = Connection.request(env.getArgument("first"), env.getArgument("after"), 1);
        List<IdentificationRun> fetched = service.runs(regionId, page.after(0), page.fetchSize());
        return Connection.of(fetched, page, repository.countRuns(regionId), run -> Connection.cursor(run.createdAt().toString()));
    }

    private Connection<Map<String, Object>> assessments(DataFetchingEnvironment env) {
        IdentificationRun run = run(env);
        String status = env.getArgument("status");
        Connection.Request page = Connection.request(env.getArgument("first"), env.getArgument("after"), 1);
        List<Map<String, Object>> fetched = repository.assessments(run.id(), status, page.after(0), page.fetchSize())
                .stream().map(a -> toGraph(a, run.id())).toList();
        return Connection.of(fetched, page, repository.countAssessments(run.id(), status),
                a -> Connection.cursor((String) a.get("schoolId")));
    }

    private Map<String, Object> toGraph(StoredAssessment a, String runId) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("schoolId", a.schoolId());
        map.put("runId", runId);
        map.put("resultsIndex", a.resultsIndex());
        map.put("contextIndex", a.contextIndex());
        map.put("expected", a.expected());
        map.put("residual", a.residual());
        map.put("trend", a.trend());
        map.put("subjectIndex", read(a.subjectIndexJson(), new TypeReference<Map<String, Object>>() { }));
        List<Map<String, Object>> findings = read(a.findingsJson(), new TypeReference<List<Map<String, Object>>>() { });
        findings.forEach(f -> {
            f.put("label", SchoolStatus.valueOf((String) f.get("status")).label());
            f.putIfAbsent("decisive", true); // runs stored before combinations existed: every finding counted
        });
        map.put("statuses", findings);
        List<Map<String, Object>> risk = read(a.riskProfileJson(), new TypeReference<List<Map<String, Object>>>() { });
        risk.forEach(r -> r.put("label", RiskFactor.valueOf((String) r.get("factor")).label()));
        map.put("riskProfile", risk);
        return map;
    }

    private List<Map<String, Object>> counts(IdentificationRun run) {
        Map<String, Integer> counts = read(run.statusCountsJson(), new TypeReference<Map<String, Integer>>() { });
        List<Map<String, Object>> result = new ArrayList<>();
        for (SchoolStatus status : SchoolStatus.values()) {
            result.add(Map.of("status", status.name(), "label", status.label(), "count", counts.getOrDefault(status.name(), 0)));
        }
        return result;
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

    private static IdentificationRun run(DataFetchingEnvironment env) {
        return env.getSource();
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
