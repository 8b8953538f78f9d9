package org.opora.practice.recommend;

import java.util.List;

import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;

/** The recommendation field of the practice API (graphql/practice.graphqls, owned by the practice feature). */
@Singleton
class PracticeRecommendGraphQl implements GraphQlWiring {

    private final PracticeRecommender recommender;

    PracticeRecommendGraphQl(PracticeRecommender recommender) {
        this.recommender = recommender;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of();
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("practiceRecommendations", this::practiceRecommendations));
    }

    private List<PracticeRecommendation> practiceRecommendations(DataFetchingEnvironment env) {
        return recommender.recommend(RequestContext.user(env), env.getArgument("schoolId"), env.<Integer>getArgument("first"));
    }
}
