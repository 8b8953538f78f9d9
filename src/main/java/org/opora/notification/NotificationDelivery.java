package org.opora.notification;

import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import org.opora.monitoring.calendar.CalendarService;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Stored and delivered notifications. The daily job ({@link #runFor}) collects, for every enabled user, the computed
 * facts of {@link NotificationService} plus the calendar reminders due that day, overdue programme measures and
 * recommendations due; stores each new fact once per user; then e-mails the unread new ones when SMTP is configured.
 * Reading the inbox does the same for the caller alone (without e-mail), so the panel is never behind the live facts.
 */
@Singleton
public class NotificationDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);
    /** Mentoring relations without a meeting this long are reminded (the panel's default). */
    static final int STALE_WEEKS = 4;
    /** Recommendations due within this many days are reminded. */
    static final int RECOMMENDATION_SOON_DAYS = 7;
    /** Unread notifications up to this old are still e-mailed (e.g. after SMTP was configured or failed). */
    static final int MAIL_WINDOW_DAYS = 7;
    static final int MAX_PAGE = 200;

    private final NotificationRepository repository;
    private final NotificationService computed;
    private final CalendarService calendar;
    private final NotificationMailer mailer;
    private final Clock clock;

    public NotificationDelivery(NotificationRepository repository, NotificationService computed, CalendarService calendar,
                                NotificationMailer mailer, Clock clock) {
        this.repository = repository;
        this.computed = computed;
        this.calendar = calendar;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** What a run of the daily job did. */
    public record DeliveryReport(LocalDate date, int users, int created, int emailed, int mailFailures, boolean smtpConfigured) {
    }

    /** The daily job for {@code date} (tests and the admin's runNotificationJob pass a fixed day). */
    public DeliveryReport runFor(LocalDate date) {
        List<Recipient> users = repository.recipients(null);
        List<NotificationRepository.Fact> facts = new ArrayList<>();
        for (String regionId : repository.regionsWithUsers()) {
            facts.addAll(repository.calendarFacts(calendar.remindersOn(regionId, date), null));
        }
        facts.addAll(repository.overdueMeasures(date, null));
        facts.addAll(repository.recommendationsDue(date, RECOMMENDATION_SOON_DAYS, null, null));
        for (Recipient user : users) {
            try {
                computedFacts(user.asUser(), date, facts);
            } catch (RuntimeException e) {
                // One user's broken data must not stop everybody's notifications.
                LOG.warn("Notifications of user {} skipped: {}", user.username(), e.toString());
            }
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        int created = repository.store(facts, now).size();
        int[] mail = mail(now);
        DeliveryReport report = new DeliveryReport(date, users.size(), created, mail[0], mail[1], mailer.configured());
        LOG.info("Notification job for {}: {} users, {} new notifications, {} letters sent, {} failed ({})", date,
                report.users(), created, mail[0], mail[1], mailer.settings());
        return report;
    }

    /** The caller's stored notifications, after storing their facts of today. */
    public NotificationInbox inbox(CurrentUser user, boolean unreadOnly, int first) {
        if (first < 1 || first > MAX_PAGE) {
            throw ApiException.badInput("first: от 1 до " + MAX_PAGE + ", получено " + first);
        }
        refresh(user, LocalDate.now(clock));
        return repository.inbox(user.username(), unreadOnly, first);
    }

    /** Marks the caller's notifications read: the given ids (others' are ignored), or all when ids is null. */
    public int markRead(CurrentUser user, List<String> ids) {
        if (ids != null && ids.size() > MAX_PAGE) {
            throw ApiException.badInput("ids: не больше " + MAX_PAGE + " за раз, получено " + ids.size());
        }
        return repository.markRead(user.username(), ids, ZonedDateTime.now(clock));
    }

    private void refresh(CurrentUser user, LocalDate date) {
        List<NotificationRepository.Fact> facts = new ArrayList<>();
        if (user.scope().regionId() != null) {
            facts.addAll(repository.calendarFacts(calendar.remindersOn(user.scope().regionId(), date), user.username()));
        }
        facts.addAll(repository.overdueMeasures(date, user.username()));
        facts.addAll(repository.recommendationsDue(date, RECOMMENDATION_SOON_DAYS, user.username(), user.scope().regionId()));
        computedFacts(user, date, facts);
        repository.store(facts, ZonedDateTime.now(clock));
    }

    private void computedFacts(CurrentUser user, LocalDate date, List<NotificationRepository.Fact> out) {
        for (Notification n : computed.notifications(user, date, STALE_WEEKS)) {
            out.add(new NotificationRepository.Fact(user.username(), n));
        }
    }

    /** Sends each user with an address one letter listing their new unread notifications; {sent, failed}. */
    private int[] mail(ZonedDateTime now) {
        if (!mailer.configured()) {
            return new int[] {0, 0};
        }
        int sent = 0;
        int failed = 0;
        for (NotificationRepository.Unsent u : repository.unsent(now.minusDays(MAIL_WINDOW_DAYS))) {
            try {
                mailer.send(u.email(), subject(u.notifications().size()), letter(u));
                repository.markEmailed(u.notifications().stream().map(StoredNotification::id).toList(), now);
                sent++;
            } catch (MessagingException | RuntimeException e) {
                failed++;
                // The username only: neither the address nor the server's credentials go to the log.
                LOG.warn("Notification letter to user {} not sent: {}", u.username(), e.getClass().getSimpleName());
            }
        }
        return new int[] {sent, failed};
    }

    static String subject(int count) {
        return "Опора: новые уведомления (" + count + ")";
    }

    static String letter(NotificationRepository.Unsent u) {
        StringBuilder text = new StringBuilder("Здравствуйте, ").append(u.displayName()).append("!\n\n")
                .append("В системе «Опора» для вас новые уведомления:\n\n");
        for (StoredNotification n : u.notifications()) {
            text.append(n.urgent() ? "[важно] " : "").append(n.title()).append("\n  ").append(n.message());
            if (n.date() != null) {
                text.append(" (").append(Dates.ru(n.date())).append(")");
            }
            text.append("\n\n");
        }
        return text.append("Откройте «Опору», чтобы посмотреть подробности и отметить уведомления прочитанными.\n").toString();
    }
}
