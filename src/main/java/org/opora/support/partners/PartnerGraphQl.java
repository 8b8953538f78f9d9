package org.opora.support.partners;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.pairing.pairs.NetworkPair;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.Connection;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Wires graphql/support-partners.graphqls; a pair's partners load through a request DataLoader. A measure's partners
 * ({@code ProgrammeMeasure.partners}) are wired by the programmes feature with {@link PartnerService#LOADER}, so that
 * partners do not depend on programmes.
 */
@Singleton
class PartnerGraphQl implements GraphQlWiring {

    static final String PAIR_PARTNERS_LOADER = "pairPartners";

    private final PartnerService partners;

    PartnerGraphQl(PartnerService partners) {
        this.partners = partners;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/support-partners.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("partners", this::partnerList)
                .dataFetcher("partner", this::partner));
        wiring.type("Mutation", t -> t
                .dataFetcher("createPartner", this::createPartner)
                .dataFetcher("addNetworkPairPartner", this::addNetworkPairPartner)
                .dataFetcher("removeNetworkPairPartner", this::removeNetworkPairPartner));
        wiring.type("NetworkPair", t -> t.dataFetcher("partners", this::pairPartners));
    }

    @Override
    public List<EntityLoader<?, ?>> loaders() {
        return List.of(new EntityLoader<>(PartnerService.LOADER, partners::byIds),
                new EntityLoader<>(PAIR_PARTNERS_LOADER, partners::ofPairs));
    }

    private Connection<Partner> partnerList(DataFetchingEnvironment env) {
        String kind = env.getArgument("kind");
        return partners.list(user(env), env.getArgument("regionId"), env.getArgument("municipalityId"),
                kind == null ? null : PartnerKind.valueOf(kind),
                Connection.request(env.getArgument("first"), env.getArgument("after"), 2));
    }

    private Partner partner(DataFetchingEnvironment env) {
        return partners.find(user(env), env.getArgument("id")).orElse(null);
    }

    private Partner createPartner(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        return partners.create(user(env), new PartnerService.NewPartner(in.requiredString("regionId"), in.string("municipalityId"),
                PartnerKind.valueOf(in.requiredString("kind")), in.requiredString("name"), in.string("offer"), in.string("contact")));
    }

    private NetworkPair addNetworkPairPartner(DataFetchingEnvironment env) {
        return partners.addToPair(user(env), env.getArgument("pairId"), env.getArgument("partnerId"), env.getArgument("role"));
    }

    private NetworkPair removeNetworkPairPartner(DataFetchingEnvironment env) {
        return partners.removeFromPair(user(env), env.getArgument("pairId"), env.getArgument("partnerId"));
    }

    private CompletableFuture<List<PairPartner>> pairPartners(DataFetchingEnvironment env) {
        return EntityLoader.load(env, PAIR_PARTNERS_LOADER, env.<NetworkPair>getSource().id());
    }

    private static CurrentUser user(DataFetchingEnvironment env) {
        return RequestContext.user(env);
    }
}
