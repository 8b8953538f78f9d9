package org.opora.mentoring.indicators;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;

import java.util.List;

/** mentoringIndicators in graphql/mentoring.graphqls. */
@Singleton
public class IndicatorGraphQl implements GraphQlWiring {

    private final IndicatorService indicators;

    IndicatorGraphQl(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of();
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("mentoringIndicators", this::mentoringIndicators));
    }

    private MentoringIndicators mentoringIndicators(DataFetchingEnvironment env) {
        return indicators.indicators(env.getArgument("regionId"), RequestContext.user(env));
    }
}
