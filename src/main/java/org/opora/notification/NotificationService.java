package org.opora.notification;

import jakarta.inject.Singleton;
import org.opora.mentoring.plans.GoalStatus;
import org.opora.mentoring.plans.IndividualPlan;
import org.opora.mentoring.plans.PlanGoal;
import org.opora.mentoring.relations.MentoringRelation;
import org.opora.mentoring.relations.WorkspaceService;
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

/**
 * The caller's notifications, derived on each request from the features' own data and rules: only what concerns the
 * caller themselves (their mentoring relations and plans, their practices, their school's pair, their review queue).
 * A later issue brings stored and delivered notifications; this one keeps no state.
 */
@Singleton
public class NotificationService {

    /** How far back review results and plan changes count as news. */
    static final int NEWS_DAYS = 30;

    private final WorkspaceService mentoring;
    private final PracticeService practices;
    private final PairService pairs;

    NotificationService(WorkspaceService mentoring, PracticeService practices, PairService pairs) {
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

    private void mentoringNews(CurrentUser user, LocalDate asOf, int staleWeeks, List<Notification> out) {
        WorkspaceService.Digest digest = mentoring.digest(user, asOf, staleWeeks);
        for (WorkspaceService.MenteeStatus mentee : digest.mentees()) {
            MentoringRelation relation = mentee.card().relation();
            String name = mentee.mentee() == null ? "наставляемый" : mentee.mentee().fullName();
            String link = "/mentoring/" + relation.id();
            if (mentee.card().stale()) {
                long days = mentee.card().daysSinceContact();
                out.add(new Notification("stale-" + relation.id(), NotificationKind.MENTORING_REMINDER,
                        "Давно не было встречи", name + ": без встреч " + days + " дн.", asOf.minusDays(days), link, true));
            }
            for (PlanGoal goal : mentee.goals().overdue()) {
                out.add(new Notification("goal-" + goal.id(), NotificationKind.OVERDUE_GOAL,
                        "Просрочена цель ИОМ педагога у наставляемого", name + ": «" + goal.target() + "»",
                        goal.deadline(), link, true));
            }
        }
        for (IndividualPlan plan : digest.myPlans()) {
            for (PlanGoal goal : plan.goals()) {
                if (goal.deadline().isBefore(asOf) && goal.status() != GoalStatus.DONE && goal.status() != GoalStatus.CANCELLED) {
                    out.add(new Notification("goal-" + goal.id(), NotificationKind.OVERDUE_GOAL,
                            "Просрочена цель моего ИОМ педагога", "«" + goal.target() + "» (" + plan.title() + ")",
                            goal.deadline(), "/development", true));
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
