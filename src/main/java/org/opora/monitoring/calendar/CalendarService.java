package org.opora.monitoring.calendar;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The monitoring calendar of a region and year: the documents' fixed deadlines plus the region's own, each with the
 * territories that have to submit and whether they have, as of a day; and the reminders due on a day.
 */
@Singleton
public class CalendarService {

    private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    /** Reminders after the due date stop this many days after it (the last stage fires at most a week late). */
    private static final int LAST_REMINDER_DAYS = 14;
    /** How many pending names a summary lists before «и ещё N». */
    private static final int SUMMARY_NAMES = 5;

    private final CalendarRepository repository;
    private final Clock clock;

    CalendarService(CalendarRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A new deadline of the region's own; the year is its due date's. */
    public record NewDeadline(String regionId, String title, @Nullable String description, @Nullable LocalDate startDate,
                              LocalDate dueDate, SubmitterLevel submitterLevel, boolean supportSchoolsOnly) {
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<DeadlineStatus> calendar(CurrentUser user, String regionId, @Nullable String municipalityId, int year,
                                         @Nullable LocalDate asOf) {
        CalendarAccess.requireRead(user, regionId, municipalityId);
        if (year < 2000 || year > 2100) {
            throw ApiException.badInput("year: год от 2000 до 2100, получено " + year);
        }
        LocalDate day = asOf == null ? today() : asOf;
        return deadlines(regionId, year).stream()
                .map(d -> visible(user, d, day, municipalityId))
                .toList();
    }

    public DeadlineStatus deadline(CurrentUser user, String id, @Nullable LocalDate asOf) {
        MonitoringDeadline d = find(id);
        CalendarAccess.requireRead(user, d.regionId(), null);
        return visible(user, d, asOf == null ? today() : asOf, null);
    }

    public DeadlineStatus create(CurrentUser user, NewDeadline in) {
        CalendarAccess.requireManage(user, in.regionId());
        String title = text(in.title(), "title", 300, true);
        String description = text(in.description(), "description", 2000, false);
        if (in.dueDate() == null) {
            throw ApiException.badInput("dueDate: укажите срок сдачи");
        }
        LocalDate start = in.startDate() == null ? in.dueDate() : in.startDate();
        if (start.isAfter(in.dueDate())) {
            throw ApiException.badInput("startDate: дата начала " + start.format(RU_DATE) + " позже срока сдачи "
                    + in.dueDate().format(RU_DATE));
        }
        if (in.supportSchoolsOnly() && in.submitterLevel() != SubmitterLevel.SCHOOL) {
            throw ApiException.badInput("supportSchoolsOnly: только для сроков, которые сдают школы");
        }
        if (!repository.regionExists(in.regionId())) {
            throw ApiException.notFound("Регион", ApiException.Gender.MASCULINE, in.regionId());
        }
        MonitoringDeadline created = repository.create(new MonitoringDeadline("MD-" + UUID.randomUUID(), in.regionId(),
                in.dueDate().getYear(), DeadlineKind.REGIONAL, title, description, start, in.dueDate(), in.submitterLevel(),
                in.supportSchoolsOnly(), user.username()));
        return visible(user, created, today(), null);
    }

    public boolean delete(CurrentUser user, String id) {
        if (DocumentDeadlines.isDocumentId(id)) {
            throw ApiException.badInput("id: сроки, установленные документами, удалить нельзя");
        }
        MonitoringDeadline d = repository.regionalDeadline(id)
                .orElseThrow(() -> ApiException.notFound("Срок мониторинга", ApiException.Gender.MASCULINE, id));
        CalendarAccess.requireManage(user, d.regionId());
        return repository.delete(id);
    }

    /** Marks (or unmarks) a territory's submission on a day (today by default, never in the future). */
    public DeadlineStatus mark(CurrentUser user, String deadlineId, String territoryId, boolean submitted,
                               @Nullable LocalDate submittedOn) {
        MonitoringDeadline d = find(deadlineId);
        CalendarRepository.Territory t = repository.territory(d.regionId(), territoryId)
                .orElseThrow(() -> ApiException.notFound("Территория", ApiException.Gender.FEMININE, territoryId));
        CalendarAccess.requireMark(user, t);
        if (t.level() != d.submitterLevel()) {
            throw ApiException.badInput("territoryId: по этому сроку сдают " + levelLabel(d.submitterLevel())
                    + ", а «" + territoryId + "» — " + levelLabel(t.level()));
        }
        LocalDate today = today();
        LocalDate on = submittedOn == null ? today : submittedOn;
        if (on.isAfter(today)) {
            throw ApiException.badInput("submittedOn: дата сдачи " + on.format(RU_DATE) + " ещё не наступила");
        }
        if (submitted) {
            repository.mark(d.id(), d.regionId(), territoryId, on, user.username());
        } else {
            repository.unmark(d.id(), territoryId);
        }
        return visible(user, d, today, null);
    }

    /**
     * The reminders due on {@code date} for the region: for each deadline whose reminder stage is in force that day
     * (see {@link ReminderStage}), one to each territory that has not submitted by then (its school administrators,
     * municipal or regional coordinators), and after the due date a summary to the coordinators above them.
     */
    public List<CalendarReminder> remindersOn(String regionId, LocalDate date) {
        List<CalendarReminder> out = new ArrayList<>();
        List<MonitoringDeadline> candidates = Stream.of(date.getYear() - 1, date.getYear(), date.getYear() + 1)
                .flatMap(y -> deadlines(regionId, y).stream()).toList();
        for (MonitoringDeadline d : candidates) {
            ReminderStage stage = ReminderStage.on(d.dueDate(), date);
            if (stage == null || date.isAfter(d.dueDate().plusDays(LAST_REMINDER_DAYS))) {
                continue;
            }
            List<Submitter> pending = repository.submitters(d, date).stream().filter(s -> !s.submitted()).toList();
            String link = "/monitoring/calendar?year=" + d.year();
            for (Submitter s : pending) {
                String key = "calendar:" + d.id() + ":" + s.territoryId() + ":" + stage.name();
                String title = (stage.afterDeadline() ? "Просрочен срок: " : "Скоро срок: ") + d.title();
                String message = stage.afterDeadline()
                        ? s.name() + ": сведения не сданы, срок был " + d.dueDate().format(RU_DATE) + "."
                        : s.name() + ": сведения ещё не сданы, срок — " + d.dueDate().format(RU_DATE)
                          + " (осталось дней: " + java.time.temporal.ChronoUnit.DAYS.between(date, d.dueDate()) + ").";
                Role role = switch (d.submitterLevel()) {
                    case SCHOOL -> Role.SCHOOL_ADMIN;
                    case MUNICIPALITY -> Role.MUNICIPAL_COORDINATOR;
                    case REGION -> Role.REGIONAL_COORDINATOR;
                };
                out.add(new CalendarReminder(key, role, regionId, s.municipalityId(), s.schoolId(), title, message,
                        d.dueDate(), link, stage.afterDeadline()));
            }
            if (stage.afterDeadline() && !pending.isEmpty() && d.submitterLevel() != SubmitterLevel.REGION) {
                out.add(summary(d, stage, pending, Role.REGIONAL_COORDINATOR, null, link));
                if (d.submitterLevel() == SubmitterLevel.SCHOOL) {
                    Map<String, List<Submitter>> byMunicipality = pending.stream().collect(Collectors.groupingBy(
                            Submitter::municipalityId, LinkedHashMap::new, Collectors.toList()));
                    byMunicipality.forEach((m, schools) -> out.add(summary(d, stage, schools, Role.MUNICIPAL_COORDINATOR, m, link)));
                }
            }
        }
        return out;
    }

    private CalendarReminder summary(MonitoringDeadline d, ReminderStage stage, List<Submitter> pending, Role role,
                                     @Nullable String municipalityId, String link) {
        String names = pending.stream().limit(SUMMARY_NAMES).map(Submitter::name).collect(Collectors.joining(", "));
        if (pending.size() > SUMMARY_NAMES) {
            names += " и ещё " + (pending.size() - SUMMARY_NAMES);
        }
        String key = "calendar:" + d.id() + ":summary:" + (municipalityId == null ? d.regionId() : municipalityId) + ":" + stage.name();
        return new CalendarReminder(key, role, d.regionId(), municipalityId, null, "Не сдано в срок: " + d.title(),
                "Срок был " + d.dueDate().format(RU_DATE) + ". Не сдали (" + pending.size() + "): " + names + ".",
                d.dueDate(), link, true);
    }

    private List<MonitoringDeadline> deadlines(String regionId, int year) {
        List<MonitoringDeadline> all = new ArrayList<>(DocumentDeadlines.of(regionId, year));
        all.addAll(repository.regionalDeadlines(regionId, year));
        all.sort(Comparator.comparing(MonitoringDeadline::dueDate).thenComparing(MonitoringDeadline::id));
        return all;
    }

    private MonitoringDeadline find(String id) {
        return DocumentDeadlines.byId(id).or(() -> repository.regionalDeadline(id))
                .orElseThrow(() -> ApiException.notFound("Срок мониторинга", ApiException.Gender.MASCULINE, id));
    }

    private DeadlineStatus visible(CurrentUser user, MonitoringDeadline d, LocalDate asOf, @Nullable String municipalityId) {
        List<Submitter> all = repository.submitters(d, asOf);
        long pendingOverall = all.stream().filter(s -> !s.submitted()).count();
        List<Submitter> mine = all.stream()
                .filter(s -> CalendarAccess.sees(user, s, d.regionId()))
                .filter(s -> municipalityId == null || municipalityId.equals(s.municipalityId()))
                .toList();
        return new DeadlineStatus(d, asOf, mine, pendingOverall);
    }

    private static String text(@Nullable String value, String field, int max, boolean required) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                throw ApiException.badInput(field + ": обязательное поле не заполнено");
            }
            return null;
        }
        if (text.length() > max) {
            throw ApiException.badInput(field + ": не длиннее " + max + " символов, получено " + text.length());
        }
        return text;
    }

    private static String levelLabel(SubmitterLevel level) {
        return switch (level) {
            case REGION -> "регион";
            case MUNICIPALITY -> "муниципалитеты";
            case SCHOOL -> "школы";
        };
    }
}
