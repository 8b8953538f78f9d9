package org.opora.monitoring.indicators;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.mentoring.teachers.Teacher;
import org.opora.mentoring.teachers.TeacherAccess;
import org.opora.mentoring.teachers.TeacherGraphQl;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.Connection;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;
import org.opora.school.SchoolDirectory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** graphql/monitoring-indicators.graphqls: the catalogue, dashboards, drill-downs and targets. */
@Singleton
public class IndicatorGraphQl implements GraphQlWiring {

    private final IndicatorService indicators;

    IndicatorGraphQl(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/monitoring-indicators.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("monitoringIndicators", env -> indicators.catalogue())
                .dataFetcher("monitoringDashboard", this::monitoringDashboard)
                .dataFetcher("monitoringDrillDown", this::monitoringDrillDown));
        wiring.type("Mutation", t -> t.dataFetcher("setMonitoringTarget", this::setMonitoringTarget));
        wiring.type("MonitoringDrillDownRow", t -> t
                .dataFetcher("school", env -> EntityLoader.load(env, SchoolDirectory.LOADER, env.<DrillDownRow>getSource().schoolId()))
                .dataFetcher("teacher", this::teacher));
    }

    private MonitoringDashboard monitoringDashboard(DataFetchingEnvironment env) {
        return indicators.dashboard(territory(env.getArgument("territory")), env.<Integer>getArgument("year"), user(env), LocalDate.now());
    }

    private Connection<DrillDownRow> monitoringDrillDown(DataFetchingEnvironment env) {
        Boolean countedOnly = env.getArgument("countedOnly");
        return indicators.drillDown(territory(env.getArgument("territory")), env.<Integer>getArgument("year"),
                env.getArgument("code"), countedOnly == null || countedOnly,
                Connection.request(env.getArgument("first"), env.getArgument("after"), 1), user(env), LocalDate.now());
    }

    private MonitoringFigure setMonitoringTarget(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        return indicators.setTarget(territory(in.nested("territory").asMap()), in.requiredString("code"), in.integer("year"),
                in.decimal("plannedValue"), user(env), LocalDate.now());
    }

    /** The teacher of a row, only for callers who may read that teacher's diagnostics; otherwise null. */
    private CompletableFuture<Teacher> teacher(DataFetchingEnvironment env) {
        String teacherId = env.<DrillDownRow>getSource().teacherId();
        if (teacherId == null) {
            return CompletableFuture.completedFuture(null);
        }
        CurrentUser user = user(env);
        return EntityLoader.<String, Teacher>load(env, TeacherGraphQl.TEACHER_LOADER, teacherId)
                .thenApply(t -> t != null && TeacherAccess.canReadDiagnostics(user, t) ? t : null);
    }

    private static IndicatorService.TerritoryRequest territory(Map<String, Object> input) {
        Arguments t = Arguments.of(input);
        return new IndicatorService.TerritoryRequest(t.requiredString("regionId"), blankToNull(t.string("municipalityId")),
                blankToNull(t.string("schoolId")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static CurrentUser user(DataFetchingEnvironment env) {
        return RequestContext.user(env);
    }
}
