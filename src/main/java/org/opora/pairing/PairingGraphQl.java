package org.opora.pairing;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.platform.errors.ApiException;
import org.opora.platform.errors.ErrorCode;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;
import org.opora.security.CurrentUser;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pairing API: parses arguments and calls the services; no rules live here. */
@Singleton
class PairingGraphQl implements GraphQlWiring {

    private final CandidateService candidates;
    private final ProposalService proposals;
    private final PairService pairs;
    private final OutcomeService outcomes;

    PairingGraphQl(CandidateService candidates, ProposalService proposals, PairService pairs, OutcomeService outcomes) {
        this.candidates = candidates;
        this.proposals = proposals;
        this.pairs = pairs;
        this.outcomes = outcomes;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/pairing.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("pairCandidates", this::pairCandidates)
                .dataFetcher("pairingSettings", env -> settingsView(env.getArgument("regionId"),
                        candidates.settings(user(env), env.getArgument("regionId"))))
                .dataFetcher("pairingProposal", env -> nullWhenNotFound(() -> proposals.proposal(user(env), env.getArgument("id"))))
                .dataFetcher("pairingProposals", env -> proposals.list(user(env), env.getArgument("regionId"), page(env))
                        .connection(p -> p))
                .dataFetcher("networkPair", env -> nullWhenNotFound(() -> pairs.pair(user(env), env.getArgument("id"))))
                .dataFetcher("networkPairs", this::networkPairs)
                .dataFetcher("pairingOutcomeSummary", env -> outcomes.summary(user(env), env.getArgument("regionId"))));
        wiring.type("Mutation", t -> t
                .dataFetcher("updatePairingSettings", this::updateSettings)
                .dataFetcher("proposeNetworkPairs", env -> proposals.propose(user(env), env.getArgument("regionId"),
                        env.getArgument("municipalityId"), Arguments.of(env.getArguments()).decimal("maxDistanceKm")))
                .dataFetcher("createPairsFromProposal", env -> proposals.createPairs(user(env), env.getArgument("proposalId"),
                        env.getArgument("schoolIds")))
                .dataFetcher("createNetworkPair", env -> {
                    Arguments input = Arguments.of(env.getArgument("input"));
                    return pairs.create(user(env), input.requiredString("menteeId"), input.requiredString("leaderId"),
                            input.string("note"), null);
                })
                .dataFetcher("agreeNetworkPair", env -> {
                    Arguments args = Arguments.of(env.getArguments());
                    return pairs.agree(user(env), args.requiredString("id"), args.date("agreementDate"), args.string("agreementRef"));
                })
                .dataFetcher("activateNetworkPair", env -> {
                    Arguments args = Arguments.of(env.getArguments());
                    return pairs.activate(user(env), args.requiredString("id"), args.date("startDate"));
                })
                .dataFetcher("completeNetworkPair", env -> {
                    Arguments args = Arguments.of(env.getArguments());
                    return pairs.complete(user(env), args.requiredString("id"), args.date("endDate"), args.string("summary"));
                })
                .dataFetcher("cancelNetworkPair", env -> {
                    Arguments args = Arguments.of(env.getArguments());
                    return pairs.cancel(user(env), args.requiredString("id"), args.string("reason"));
                })
                .dataFetcher("addPairActivity", env -> pairs.addActivity(user(env), env.getArgument("pairId"),
                        activity(Arguments.of(env.getArgument("input")))))
                .dataFetcher("updatePairActivity", env -> pairs.updateActivity(user(env), env.getArgument("id"),
                        activity(Arguments.of(env.getArgument("input")))))
                .dataFetcher("removePairActivity", env -> pairs.removeActivity(user(env), env.getArgument("id"))));
        wiring.type("NetworkPair", t -> t
                .dataFetcher("plan", env -> pairs.plan(env.getSource()))
                .dataFetcher("history", env -> pairs.history(env.getSource()))
                .dataFetcher("outcome", env -> outcomes.outcome(env.getSource())));
        wiring.type("PairingProposal", t -> t
                .dataFetcher("items", env -> proposals.items(env.getSource(), env.getArgument("matched"), page(env))
                        .connection(i -> i)));
    }

    private Map<String, Object> pairCandidates(DataFetchingEnvironment env) {
        Arguments args = Arguments.of(env.getArguments());
        CandidateService.CandidateList list = candidates.candidates(user(env), args.requiredString("schoolId"), page(env),
                args.decimal("maxDistanceKm"));
        Map<String, Object> connection = list.page().connection(c -> c);
        connection.put("school", list.school());
        List<Map<String, Object>> excluded = new ArrayList<>();
        list.excluded().forEach((reason, count) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("reason", reason.name());
            e.put("label", reason.label());
            e.put("count", count);
            excluded.add(e);
        });
        connection.put("excluded", excluded);
        connection.put("settings", settingsView(list.school().regionId(), list.settings()));
        return connection;
    }

    private Map<String, Object> networkPairs(DataFetchingEnvironment env) {
        Arguments filter = Arguments.of(env.getArgument("filter"));
        List<PairStatus> statuses = filter.stringList("statuses").stream().map(PairStatus::valueOf).toList();
        return pairs.list(user(env), env.getArgument("regionId"), statuses, filter.string("municipalityId"),
                filter.string("schoolId"), page(env)).connection(p -> p);
    }

    private Map<String, Object> updateSettings(DataFetchingEnvironment env) {
        String regionId = env.getArgument("regionId");
        CurrentUser user = user(env);
        PairingSettings current = candidates.currentSettings(regionId);
        Arguments in = Arguments.of(env.getArgument("input"));
        Map<ContextFeature, Double> weights = new EnumMap<>(current.featureWeights());
        if (in.has("featureWeights")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> given = (List<Map<String, Object>>) in.asMap().get("featureWeights");
            for (Map<String, Object> entry : given) {
                Arguments w = Arguments.of(entry);
                String code = w.requiredString("indicator");
                ContextFeature feature = ContextFeature.fromCode(code).orElseThrow(() -> ApiException.badInput(
                        "featureWeights: неизвестный показатель «" + code + "»"));
                weights.put(feature, w.decimal("weight"));
            }
        }
        Double maxDistance = Boolean.TRUE.equals(in.bool("clearMaxDistance")) ? null
                : in.has("maxDistanceKm") ? in.decimal("maxDistanceKm") : current.maxDistanceKm();
        PairingSettings updated = new PairingSettings(
                in.integer("capacity", current.capacity()), maxDistance,
                or(in.decimal("minScore"), current.minScore()),
                or(in.decimal("weightContext"), current.weightContext()),
                or(in.decimal("weightResultGap"), current.weightResultGap()),
                or(in.decimal("weightTypeSize"), current.weightTypeSize()),
                or(in.decimal("weightProximity"), current.weightProximity()),
                or(in.decimal("weightCapacity"), current.weightCapacity()),
                or(in.decimal("distanceScaleKm"), current.distanceScaleKm()),
                or(in.decimal("gapSaturation"), current.gapSaturation()),
                weights, null, null);
        return settingsView(regionId, candidates.updateSettings(user, regionId, updated));
    }

    private static PairService.ActivityInput activity(Arguments in) {
        return new PairService.ActivityInput(in.string("title"), in.date("deadline"), in.string("responsible"),
                in.string("plannedResult"), in.has("status") ? ActivityStatus.valueOf(in.string("status")) : null,
                Boolean.TRUE.equals(in.bool("clearDeadline")));
    }

    static Map<String, Object> settingsView(String regionId, PairingSettings s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("regionId", regionId);
        view.put("isDefault", s.updatedAt() == null);
        view.put("capacity", s.capacity());
        view.put("maxDistanceKm", s.maxDistanceKm());
        view.put("minScore", s.minScore());
        view.put("weightContext", s.weightContext());
        view.put("weightResultGap", s.weightResultGap());
        view.put("weightTypeSize", s.weightTypeSize());
        view.put("weightProximity", s.weightProximity());
        view.put("weightCapacity", s.weightCapacity());
        view.put("distanceScaleKm", s.distanceScaleKm());
        view.put("gapSaturation", s.gapSaturation());
        List<Map<String, Object>> weights = new ArrayList<>();
        s.featureWeights().forEach((feature, weight) -> weights.add(Map.of("indicator", feature.code(),
                "label", feature.label(), "weight", weight)));
        view.put("featureWeights", weights);
        view.put("updatedBy", s.updatedBy());
        view.put("updatedAt", s.updatedAt());
        return view;
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    private static Page.Request page(DataFetchingEnvironment env) {
        return Page.request(env.getArgument("first"), env.getArgument("after"));
    }

    private static CurrentUser user(DataFetchingEnvironment env) {
        return RequestContext.user(env);
    }

    private interface Lookup<T> {
        T get();
    }

    private static <T> T nullWhenNotFound(Lookup<T> lookup) {
        try {
            return lookup.get();
        } catch (ApiException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }
}
