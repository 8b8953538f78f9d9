package org.opora.identification;

import jakarta.inject.Singleton;
import org.opora.identification.IdentificationRepository.StoredAssessment;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.school.SchoolStatus;

import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs over time: what changed between two runs and why, and whether this year's identification
 * (due by 1 November, as the documents' monitoring calendar has it) has been made.
 */
@Singleton
public class IdentificationHistory {

    /** The yearly identification is due by this day of the year it is for. */
    static final Month DUE_MONTH = Month.NOVEMBER;
    static final int DUE_DAY = 1;

    private final IdentificationRepository repository;
    private final IdentificationJson json;

    IdentificationHistory(IdentificationRepository repository, IdentificationJson json) {
        this.repository = repository;
        this.json = json;
    }

    /** Readers of a region's identification: its own users and the admin. */
    static void requireReader(CurrentUser user, String regionId) {
        if (!user.isAdmin() && !Objects.equals(user.scope().regionId(), regionId)) {
            throw ApiException.forbidden("Данные идентификации доступны пользователям своего региона");
        }
    }

    /** One school that entered or left a status, with the numbers of both runs and the reason in words. */
    public record SchoolChange(String schoolId, Double resultsIndexBefore, Double resultsIndexAfter, Double residualBefore,
                               Double residualAfter, Double contextIndexBefore, Double contextIndexAfter, String explanation) {
    }

    public record StatusChange(SchoolStatus status, int before, int after, List<SchoolChange> entered, List<SchoolChange> left) {
        public String label() {
            return status.label();
        }
    }

    public record Comparison(IdentificationRun from, IdentificationRun to, List<StatusChange> statuses) {
    }

    public Comparison compare(String fromRunId, String toRunId, CurrentUser user) {
        IdentificationRun from = repository.find(fromRunId)
                .orElseThrow(() -> ApiException.notFound("Запуск идентификации", ApiException.Gender.MASCULINE, fromRunId));
        IdentificationRun to = repository.find(toRunId)
                .orElseThrow(() -> ApiException.notFound("Запуск идентификации", ApiException.Gender.MASCULINE, toRunId));
        requireReader(user, from.regionId());
        if (!from.regionId().equals(to.regionId())) {
            throw ApiException.badInput("toRunId: запуск относится к региону " + to.regionId() + ", а fromRunId — к региону "
                    + from.regionId() + "; сравнивать можно запуски одного региона");
        }
        Map<String, StoredAssessment> before = repository.allAssessments(fromRunId);
        Map<String, StoredAssessment> after = repository.allAssessments(toRunId);
        List<StatusChange> changes = new ArrayList<>();
        for (SchoolStatus status : SchoolStatus.values()) {
            List<SchoolChange> entered = new ArrayList<>();
            List<SchoolChange> left = new ArrayList<>();
            int countBefore = 0;
            int countAfter = 0;
            java.util.Set<String> schools = new java.util.TreeSet<>(before.keySet());
            schools.addAll(after.keySet());
            for (String schoolId : schools) {
                StoredAssessment a = before.get(schoolId);
                StoredAssessment b = after.get(schoolId);
                boolean was = a != null && a.statuses().contains(status.name());
                boolean is = b != null && b.statuses().contains(status.name());
                countBefore += was ? 1 : 0;
                countAfter += is ? 1 : 0;
                if (was != is) {
                    String why = is
                            ? "Вошла: " + finding(b, status).orElse("статус присвоен")
                            : "Вышла: в " + from.year() + " — " + finding(a, status).orElse("статус был") + "; теперь "
                                    + (b == null ? "школы нет в запуске" : numbers(b));
                    (is ? entered : left).add(new SchoolChange(schoolId, a == null ? null : a.resultsIndex(),
                            b == null ? null : b.resultsIndex(), a == null ? null : a.residual(), b == null ? null : b.residual(),
                            a == null ? null : a.contextIndex(), b == null ? null : b.contextIndex(), why));
                }
            }
            changes.add(new StatusChange(status, countBefore, countAfter, entered, left));
        }
        return new Comparison(from, to, changes);
    }

    /** The explanation of the finding that gave the school the status in that run. */
    private Optional<String> finding(StoredAssessment a, SchoolStatus status) {
        return json.findings(a).stream().filter(f -> f.status() == status && f.decisive())
                .map(StatusFinding::explanation).findFirst();
    }

    private static String numbers(StoredAssessment a) {
        return String.format(Locale.ROOT, "индекс результатов %s, отклонение от ожидаемого %s, индекс контекста %s",
                number(a.resultsIndex()), number(a.residual()), number(a.contextIndex()));
    }

    private static String number(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%+.2f", value).replace('-', '−');
    }

    public record Schedule(String regionId, int year, LocalDate dueDate, IdentificationRun currentRun, IdentificationRun latestRun,
                           boolean missing, boolean overdue, String message) {
    }

    public Schedule schedule(String regionId, CurrentUser user) {
        requireReader(user, regionId);
        if (!repository.regionExists(regionId)) {
            throw ApiException.notFound("Регион", ApiException.Gender.MASCULINE, regionId);
        }
        return schedule(regionId, LocalDate.now(ZoneOffset.UTC));
    }

    Schedule schedule(String regionId, LocalDate today) {
        int year = today.getYear();
        LocalDate due = LocalDate.of(year, DUE_MONTH, DUE_DAY);
        IdentificationRun current = repository.newestRunOfYear(regionId, year).orElse(null);
        IdentificationRun latest = repository.runs(regionId, null, 1).stream().findFirst().orElse(null);
        boolean missing = current == null;
        boolean overdue = missing && today.isAfter(due);
        String message;
        if (!missing) {
            message = "Идентификация за " + year + " год проведена " + current.createdAt().toLocalDate()
                    + (current.createdAt().toLocalDate().isAfter(due) ? " (после срока — 1 ноября)" : " (в срок — до 1 ноября)");
        } else if (overdue) {
            message = "Идентификация за " + year + " год не проведена: срок — 1 ноября " + year + " г., просрочено на "
                    + ChronoUnit.DAYS.between(due, today) + " дн." + (latest == null ? " Запусков ещё не было"
                    : " Последний запуск — за " + latest.year() + " год, " + latest.createdAt().toLocalDate());
        } else {
            message = "Идентификация за " + year + " год ещё не проведена: срок — 1 ноября " + year + " г., осталось "
                    + ChronoUnit.DAYS.between(today, due) + " дн.";
        }
        return new Schedule(regionId, year, due, current, latest, missing, overdue, message);
    }

    /** Each school's assessment in the newest run of each year, oldest year first; schools with none are absent. */
    public Map<String, List<IdentificationRepository.HistoryRow>> histories(Collection<String> schoolIds) {
        return repository.statusHistories(schoolIds);
    }
}
