package org.opora.monitoring.calendar;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Wires graphql/monitoring-calendar.graphqls; a MonitoringDeadline is a {@link DeadlineStatus} (the deadline as of a day). */
@Singleton
class CalendarGraphQl implements GraphQlWiring {

    private final CalendarService calendar;

    CalendarGraphQl(CalendarService calendar) {
        this.calendar = calendar;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/monitoring-calendar.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("monitoringCalendar", this::monitoringCalendar)
                .dataFetcher("monitoringDeadline", this::monitoringDeadline));
        wiring.type("Mutation", t -> t
                .dataFetcher("createMonitoringDeadline", this::createMonitoringDeadline)
                .dataFetcher("deleteMonitoringDeadline", this::deleteMonitoringDeadline)
                .dataFetcher("markMonitoringSubmitted", this::markMonitoringSubmitted));
        wiring.type("MonitoringDeadline", t -> t
                .dataFetcher("id", deadline(MonitoringDeadline::id))
                .dataFetcher("regionId", deadline(MonitoringDeadline::regionId))
                .dataFetcher("year", deadline(MonitoringDeadline::year))
                .dataFetcher("kind", deadline(MonitoringDeadline::kind))
                .dataFetcher("title", deadline(MonitoringDeadline::title))
                .dataFetcher("description", deadline(MonitoringDeadline::description))
                .dataFetcher("startDate", deadline(MonitoringDeadline::startDate))
                .dataFetcher("dueDate", deadline(MonitoringDeadline::dueDate))
                .dataFetcher("submitterLevel", deadline(MonitoringDeadline::submitterLevel))
                .dataFetcher("supportSchoolsOnly", deadline(MonitoringDeadline::supportSchoolsOnly))
                .dataFetcher("asOf", env -> env.<DeadlineStatus>getSource().asOf())
                .dataFetcher("phase", env -> env.<DeadlineStatus>getSource().phase())
                .dataFetcher("daysLeft", env -> (int) env.<DeadlineStatus>getSource().daysLeft())
                .dataFetcher("submitterCount", env -> env.<DeadlineStatus>getSource().submitters().size())
                .dataFetcher("submittedCount", env -> (int) env.<DeadlineStatus>getSource().submittedCount())
                .dataFetcher("pendingCount", env -> env.<DeadlineStatus>getSource().pending().size())
                .dataFetcher("submitters", this::submitters)
                .dataFetcher("reminderDates", this::reminderDates));
        wiring.type("MonitoringSubmitter", t -> t.dataFetcher("submitted", env -> env.<Submitter>getSource().submitted()));
    }

    private List<DeadlineStatus> monitoringCalendar(DataFetchingEnvironment env) {
        return calendar.calendar(user(env), env.getArgument("regionId"), env.getArgument("municipalityId"),
                env.<Integer>getArgument("year"), env.getArgument("asOf"));
    }

    private DeadlineStatus monitoringDeadline(DataFetchingEnvironment env) {
        return calendar.deadline(user(env), env.getArgument("id"), env.getArgument("asOf"));
    }

    private DeadlineStatus createMonitoringDeadline(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        Boolean supportOnly = in.bool("supportSchoolsOnly");
        return calendar.create(user(env), new CalendarService.NewDeadline(in.requiredString("regionId"), in.string("title"),
                in.string("description"), in.date("startDate"), in.date("dueDate"),
                SubmitterLevel.valueOf(in.requiredString("submitterLevel")), Boolean.TRUE.equals(supportOnly)));
    }

    private boolean deleteMonitoringDeadline(DataFetchingEnvironment env) {
        return calendar.delete(user(env), env.getArgument("id"));
    }

    private DeadlineStatus markMonitoringSubmitted(DataFetchingEnvironment env) {
        Boolean submitted = env.getArgument("submitted");
        return calendar.mark(user(env), env.getArgument("deadlineId"), env.getArgument("territoryId"),
                submitted == null || submitted, env.getArgument("submittedOn"));
    }

    private List<Submitter> submitters(DataFetchingEnvironment env) {
        DeadlineStatus status = env.getSource();
        return Boolean.TRUE.equals(env.getArgument("pendingOnly")) ? status.pending() : status.submitters();
    }

    private List<LocalDate> reminderDates(DataFetchingEnvironment env) {
        LocalDate due = env.<DeadlineStatus>getSource().deadline().dueDate();
        return Arrays.stream(ReminderStage.values()).map(s -> due.plusDays(s.offsetDays())).toList();
    }

    private static <T> graphql.schema.DataFetcher<T> deadline(Function<MonitoringDeadline, T> field) {
        return env -> field.apply(env.<DeadlineStatus>getSource().deadline());
    }

    private static CurrentUser user(DataFetchingEnvironment env) {
        return RequestContext.user(env);
    }
}
