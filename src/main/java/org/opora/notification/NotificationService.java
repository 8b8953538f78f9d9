package org.opora.notification;

import jakarta.inject.Singleton;
import org.opora.mentoring.MentoringService;
import org.opora.pairing.pairs.ActivityStatus;
import org.opora.pairing.pairs.PairService;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.practice.PracticeService;
import org.opora.practice.PracticeView;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The caller's notifications, derived on each request from the features' own data and rules: only what concerns the
 * caller themselves (their mentoring relations and plans, their practices, their school's pair, their review queue).
 * A later issue brings stored and delivered notifications; this one keeps no state.
 */
@Singleton
public class NotificationService {

    /** How far back review results and plan changes count as news. */
    static final int NEWS_DAYS = 30;

    private final MentoringService mentoring;
    private final PracticeService practices;
    private final PairService pairs;

    NotificationService(MentoringService mentoring, PracticeService practices, PairService pairs) {
        this.mentoring = mentoring;
        this.practices = practices;
        this.pairs = pairs;
    }

    public List<Notification> notifications(CurrentUser user, LocalDate asOf, int staleWeeks) {
        if (staleWeeks < 1 || staleWeeks > 52) {
            throw ApiException.badInput("staleWeeks: от 1 до 52, получено " + staleWeeks);
        }
        ZonedDateTime since = asOf.minusDays(NEWS_DAYS).atStartOfDay(ZoneId.systemDefault());
        List<Notification> all = new ArrayList<>();
        mentoringNews(user, asOf, staleWeeks, all);
        for (PracticeView p : practices.reviewedSince(user, since)) {
            boolean approved = "APPROVED".equals(p.status());
            all.add(new Notification("review-" + p.id(), NotificationKind.PRACTICE_REVIEWED,
                    approved ? "Практика одобрена" : "Практика отклонена",
                    approved ? "«" + p.title() + "» опубликована в банке практик"
                            : "«" + p.title() + "»: " + p.rejectionReason(),
                    date(p.reviewedAt()), "/practices/" + p.id(), !approved));
        }
        List<PracticeView> queue = practices.awaitingReview(user, 100);
        if (!queue.isEmpty()) {
            all.add(new Notification("review-queue", NotificationKind.PRACTICE_TO_REVIEW,
                    "Практики на рассмотрении", "Ждут вашего решения: " + queue.size(),
                    date(queue.get(0).submittedAt()), "/review", true));
        }
        for (var news : pairs.activityNews(user, since)) {
            var a = news.activity();
            boolean overdue = a.overdue();
            all.add(new Notification("pair-activity-" + a.id(), NotificationKind.PAIR_ACTIVITY,
                    overdue ? "Просрочено мероприятие совместного плана" : "Изменение в совместном плане",
                    "«" + a.title() + "» (пара со школой «" + news.partnerName() + "»)"
                            + (overdue ? ", срок " + a.deadline() : ", статус: " + statusLabel(a.status())),
                    overdue ? a.deadline() : a.updatedAt().toLocalDate(), "/my-school", overdue));
        }
        all.sort(Comparator.comparing(Notification::urgent).reversed()
                .thenComparing(Notification::date, Comparator.nullsLast(Comparator.reverseOrder())));
        return all;
    }

    @SuppressWarnings("unchecked")
    private void mentoringNews(CurrentUser user, LocalDate asOf, int staleWeeks, List<Notification> out) {
        Map<String, Object> workspace = mentoring.workspace(user, asOf, staleWeeks);
        for (Map<String, Object> card : (List<Map<String, Object>>) workspace.get("mentees")) {
            Map<String, Object> relation = (Map<String, Object>) card.get("relation");
            Map<String, Object> mentee = (Map<String, Object>) card.get("mentee");
            String name = mentee == null ? "наставляемый" : (String) mentee.get("fullName");
            String link = "/mentoring/" + relation.get("id");
            if (Boolean.TRUE.equals(card.get("stale"))) {
                out.add(new Notification("stale-" + relation.get("id"), NotificationKind.MENTORING_REMINDER,
                        "Давно не было встречи", name + ": без встреч " + card.get("daysSinceContact") + " дн.",
                        asOf.minusDays(((Number) card.get("daysSinceContact")).longValue()), link, true));
            }
            for (Map<String, Object> goal : (List<Map<String, Object>>) card.get("overdueGoals")) {
                out.add(new Notification("goal-" + goal.get("id"), NotificationKind.OVERDUE_GOAL,
                        "Просрочена цель ИОМ педагога у наставляемого", name + ": «" + goal.get("target") + "»",
                        (LocalDate) goal.get("deadline"), link, true));
            }
        }
        for (Map<String, Object> plan : (List<Map<String, Object>>) workspace.get("myPlans")) {
            for (Map<String, Object> goal : (List<Map<String, Object>>) plan.get("goals")) {
                LocalDate deadline = (LocalDate) goal.get("deadline");
                Object status = goal.get("status");
                if (deadline.isBefore(asOf) && !"DONE".equals(status) && !"CANCELLED".equals(status)) {
                    out.add(new Notification("goal-" + goal.get("id"), NotificationKind.OVERDUE_GOAL,
                            "Просрочена цель моего ИОМ педагога", "«" + goal.get("target") + "» (" + plan.get("title") + ")",
                            deadline, "/development", true));
                }
            }
        }
    }

    private static String statusLabel(ActivityStatus status) {
        return switch (status) {
            case PLANNED -> "запланировано";
            case IN_PROGRESS -> "выполняется";
            case DONE -> "выполнено";
            case CANCELLED -> "отменено";
        };
    }

    private static LocalDate date(String isoDateTime) {
        if (isoDateTime == null) {
            return null;
        }
        return isoDateTime.length() <= 10 ? LocalDate.parse(isoDateTime) : OffsetDateTime.parse(isoDateTime).toLocalDate();
    }
}
