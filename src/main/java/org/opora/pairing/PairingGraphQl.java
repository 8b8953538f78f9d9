package org.opora.pairing;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.pairing.candidates.CandidateService;
import org.opora.pairing.outcomes.OutcomeService;
import org.opora.pairing.pairs.ActivityStatus;
import org.opora.pairing.pairs.NetworkPair;
import org.opora.pairing.pairs.PairEvent;
import org.opora.pairing.pairs.PairService;
import org.opora.pairing.pairs.PairStatus;
import org.opora.pairing.pairs.PlanActivity;
import org.opora.pairing.proposals.PairingProposal;
import org.opora.pairing.proposals.ProposalService;
import org.opora.pairing.region.ContextFeature;
import org.opora.pairing.region.PairingSettings;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.platform.errors.ErrorCode;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.Connection;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The pairing API: one named fetcher per field, each parsing its arguments into typed values and calling a
 * service; no rules live here. A pair's plan, history and outcome load through request DataLoaders, so a
 * page of pairs costs one query per child field, not one per pair.
 */
@Singleton
class PairingGraphQl implements GraphQlWiring {

    static final String PLAN_LOADER = "pairPlan";
    static final String HISTORY_LOADER = "pairHistory";
    static final String OUTCOME_LOADER = "pairOutcome";

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
                .dataFetcher("pairingSettings", this::pairingSettings)
                .dataFetcher("pairingProposal", this::pairingProposal)
                .dataFetcher("pairingProposals", this::pairingProposals)
                .dataFetcher("networkPair", this::networkPair)
                .dataFetcher("networkPairs", this::networkPairs)
                .dataFetcher("pairingOutcomeSummary", this::pairingOutcomeSummary));
        wiring.type("Mutation", t -> t
                .dataFetcher("updatePairingSettings", this::updatePairingSettings)
                .dataFetcher("proposeNetworkPairs", this::proposeNetworkPairs)
                .dataFetcher("createPairsFromProposal", this::createPairsFromProposal)
                .dataFetcher("createNetworkPair", this::createNetworkPair)
                .dataFetcher("agreeNetworkPair", this::agreeNetworkPair)
                .dataFetcher("activateNetworkPair", this::activateNetworkPair)
                .dataFetcher("completeNetworkPair", this::completeNetworkPair)
                .dataFetcher("cancelNetworkPair", this::cancelNetworkPair)
                .dataFetcher("addPairActivity", this::addPairActivity)
                .dataFetcher("updatePairActivity", this::updatePairActivity)
                .dataFetcher("removePairActivity", this::removePairActivity));
        wiring.type("NetworkPair", t -> t
                .dataFetcher("plan", this::pairPlan)
                .dataFetcher("history", this::pairHistory)
                .dataFetcher("outcome", this::pairOutcome));
        wiring.type("PairingProposal", t -> t
                .dataFetcher("items", this::proposalItems));
    }

    @Override
    public List<EntityLoader<?, ?>> loaders() {
        return List.of(new EntityLoader<>(PLAN_LOADER, pairs::plans),
                new EntityLoader<>(HISTORY_LOADER, pairs::histories),
                new EntityLoader<>(OUTCOME_LOADER, outcomes::outcomes));
    }

    // ------------------------------------------------------------------ queries

    private CandidateService.CandidateList pairCandidates(DataFetchingEnvironment env) {
        Arguments args = Arguments.of(env.getArguments());
        return candidates.candidates(user(env), args.requiredString("schoolId"), page(env, 1), args.decimal("maxDistanceKm"));
    }

    private PairingSettings.View pairingSettings(DataFetchingEnvironment env) {
        return candidates.settings(user(env), env.getArgument("regionId"));
    }

    private PairingProposal pairingProposal(DataFetchingEnvironment env) {
        return nullWhenNotFound(() -> proposals.proposal(user(env), env.getArgument("id")));
    }

    private Connection<PairingProposal> pairingProposals(DataFetchingEnvironment env) {
        return proposals.list(user(env), env.getArgument("regionId"), page(env, 2));
    }

    private NetworkPair networkPair(DataFetchingEnvironment env) {
        return nullWhenNotFound(() -> pairs.pair(user(env), env.getArgument("id")));
    }

    private Connection<NetworkPair> networkPairs(DataFetchingEnvironment env) {
        Arguments filter = Arguments.of(env.getArgument("filter"));
        List<PairStatus> statuses = filter.stringList("statuses").stream().map(PairStatus::valueOf).toList();
        return pairs.list(user(env), env.getArgument("regionId"), statuses, filter.string("municipalityId"),
                filter.string("schoolId"), page(env, 2));
    }

    private OutcomeService.Summary pairingOutcomeSummary(DataFetchingEnvironment env) {
        return outcomes.summary(user(env), env.getArgument("regionId"));
    }

    // ------------------------------------------------------------------ child fields

    private CompletableFuture<List<PlanActivity>> pairPlan(DataFetchingEnvironment env) {
        return EntityLoader.load(env, PLAN_LOADER, env.<NetworkPair>getSource().id());
    }

    private CompletableFuture<List<PairEvent>> pairHistory(DataFetchingEnvironment env) {
        return EntityLoader.load(env, HISTORY_LOADER, env.<NetworkPair>getSource().id());
    }

    private CompletableFuture<OutcomeService.PairOutcome> pairOutcome(DataFetchingEnvironment env) {
        return EntityLoader.load(env, OUTCOME_LOADER, env.<NetworkPair>getSource());
    }

    private Connection<PairingProposal.Item> proposalItems(DataFetchingEnvironment env) {
        return proposals.items(env.getSource(), env.getArgument("matched"), page(env, 1));
    }

    // ------------------------------------------------------------------ mutations

    private PairingSettings.View updatePairingSettings(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        Map<ContextFeature, Double> weights = new EnumMap<>(ContextFeature.class);
        for (Arguments weight : in.nestedList("featureWeights")) {
            String code = weight.requiredString("indicator");
            ContextFeature feature = ContextFeature.fromCode(code).orElseThrow(() -> ApiException.badInput(
                    "featureWeights: неизвестный показатель «" + code + "»"));
            weights.put(feature, weight.decimal("weight"));
        }
        PairingSettings.Change change = new PairingSettings.Change(in.integer("capacity"), in.decimal("maxDistanceKm"),
                Boolean.TRUE.equals(in.bool("clearMaxDistance")), in.decimal("minScore"), in.decimal("weightContext"),
                in.decimal("weightResultGap"), in.decimal("weightTypeSize"), in.decimal("weightProximity"),
                in.decimal("weightCapacity"), in.decimal("distanceScaleKm"), in.decimal("gapSaturation"), weights);
        return candidates.updateSettings(user(env), env.getArgument("regionId"), change);
    }

    private PairingProposal proposeNetworkPairs(DataFetchingEnvironment env) {
        Arguments args = Arguments.of(env.getArguments());
        return proposals.propose(user(env), args.requiredString("regionId"), args.string("municipalityId"),
                args.decimal("maxDistanceKm"));
    }

    private ProposalService.CreatedFromProposal createPairsFromProposal(DataFetchingEnvironment env) {
        return proposals.createPairs(user(env), env.getArgument("proposalId"), env.getArgument("schoolIds"));
    }

    private NetworkPair createNetworkPair(DataFetchingEnvironment env) {
        Arguments input = Arguments.of(env.getArgument("input"));
        return pairs.create(user(env), input.requiredString("menteeId"), input.requiredString("leaderId"),
                input.string("note"), null);
    }

    private NetworkPair agreeNetworkPair(DataFetchingEnvironment env) {
        Arguments args = Arguments.of(env.getArguments());
        return pairs.agree(user(env), args.requiredString("id"), args.date("agreementDate"), args.string("agreementRef"));
    }

    private NetworkPair activateNetworkPair(DataFetchingEnvironment env) {
        Arguments args = Arguments.of(env.getArguments());
        return pairs.activate(user(env), args.requiredString("id"), args.date("startDate"));
    }

    private NetworkPair completeNetworkPair(DataFetchingEnvironment env) {
        Arguments args = Arguments.of(env.getArguments());
        return pairs.complete(user(env), args.requiredString("id"), args.date("endDate"), args.string("summary"));
    }

    private NetworkPair cancelNetworkPair(DataFetchingEnvironment env) {
        Arguments args = Arguments.of(env.getArguments());
        return pairs.cancel(user(env), args.requiredString("id"), args.string("reason"));
    }

    private PlanActivity addPairActivity(DataFetchingEnvironment env) {
        return pairs.addActivity(user(env), env.getArgument("pairId"), activity(Arguments.of(env.getArgument("input"))));
    }

    private PlanActivity updatePairActivity(DataFetchingEnvironment env) {
        return pairs.updateActivity(user(env), env.getArgument("id"), activity(Arguments.of(env.getArgument("input"))));
    }

    private NetworkPair removePairActivity(DataFetchingEnvironment env) {
        return pairs.removeActivity(user(env), env.getArgument("id"));
    }

    // ------------------------------------------------------------------ parsing

    private static PairService.ActivityInput activity(Arguments in) {
        return new PairService.ActivityInput(in.string("title"), in.date("deadline"), in.string("responsible"),
                in.string("plannedResult"), in.has("status") ? ActivityStatus.valueOf(in.string("status")) : null,
                Boolean.TRUE.equals(in.bool("clearDeadline")));
    }

    private static Connection.Request page(DataFetchingEnvironment env, int cursorParts) {
        return Connection.request(env.getArgument("first"), env.getArgument("after"), cursorParts);
    }

    private static CurrentUser user(DataFetchingEnvironment env) {
        return RequestContext.user(env);
    }

    /** A read by id answers null for a missing record; another territory's record is still FORBIDDEN. */
    private static <T> T nullWhenNotFound(Supplier<T> lookup) {
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
