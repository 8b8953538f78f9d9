package org.opora.monitoring.reports;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;

import java.time.LocalDate;
import java.util.List;

/** graphql/monitoring-reports.graphqls: the справки available for a territory and year. */
@Singleton
public class ReportGraphQl implements GraphQlWiring {

    private final ReportService reports;

    ReportGraphQl(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/monitoring-reports.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("monitoringReports", this::monitoringReports));
    }

    private List<ReportService.AvailableReport> monitoringReports(DataFetchingEnvironment env) {
        return reports.available(RequestContext.user(env), env.getArgument("regionId"), env.getArgument("municipalityId"),
                env.getArgument("schoolId"), env.<Integer>getArgument("year"), LocalDate.now());
    }
}
