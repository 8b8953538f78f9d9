package org.opora.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.monitoring.calendar.CalendarService;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.support.SupportRegion;
import org.opora.testing.OporaTestApp;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.adminToken;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * Stored notifications: the daily job on fixed days of 2025 stores the calendar's reminders, overdue programme
 * measures and recommendations due, once per user and fact; the inbox shows them with read marks; new ones go out by
 * e-mail to a real SMTP server (GreenMail) started here. Region R9DLV (SupportRegion): S2 (ШНОР/ШНСУ, no diagnostics)
 * has not submitted the March diagnostics; S1 has an overdue programme measure and a recommendation due 20.03.2025.
 */
class NotificationDeliveryTest {

    static final String INBOX = "query($u: Boolean) { notificationInbox(unreadOnly: $u, first: 100) { unreadCount totalCount "
            + "items { id kind title message date link urgent createdAt read readAt emailed } } }";

    static SupportRegion r;
    static String programmeId;

    @BeforeAll
    static void region() {
        r = new SupportRegion("R9DLV");
        programmeId = "PRG-R9DLV";
        SupportRegion.cypher("""
                MATCH (s:School {id: $s1}), (t:Teacher {id: $t1})
                CREATE (s)-[:HAS_PROGRAMME]->(p:SchoolProgramme {id: $pid, schoolId: $s1, regionId: $r, municipalityId: $m1,
                        kind: 'SCHOOL_QUALITY', title: 'Программа повышения качества образования', status: 'IN_PROGRESS'})
                CREATE (p)-[:HAS_MEASURE]->(:ProgrammeMeasure {id: $pid + '-M1', programmeId: $pid,
                        title: 'Семинар для учителей математики', deadline: date('2025-03-01'), status: 'PLANNED'})
                CREATE (p)-[:HAS_MEASURE]->(:ProgrammeMeasure {id: $pid + '-M2', programmeId: $pid,
                        title: 'Анализ результатов ВПР', deadline: date('2025-02-01'), status: 'DONE'})
                CREATE (:Recommendation {id: 'REC-R9DLV-1', addresseeKind: 'SCHOOL', regionId: $r, municipalityId: $m1, schoolId: $s1,
                        text: 'Провести анализ результатов ВПР по математике', dueDate: date('2025-03-20'), status: 'ISSUED',
                        issuedBy: 'R9DLV-methodist', issuedAt: datetime()})-[:ADDRESSED_TO]->(s)
                CREATE (:Recommendation {id: 'REC-R9DLV-2', addresseeKind: 'TEACHER', regionId: $r, municipalityId: $m1, schoolId: $s1,
                        teacherId: $t1, text: 'Пройти курс по формирующему оцениванию', dueDate: date('2025-03-18'), status: 'ISSUED',
                        issuedBy: 'R9DLV-methodist', issuedAt: datetime()})-[:ADDRESSED_TO]->(t)
                """, Map.of("s1", r.s1, "t1", r.t1, "pid", programmeId, "r", r.region, "m1", r.m1));
        // Every login that takes part exists before the job runs.
        List.of(sa2(), r.schoolAdmin1(), r.regional(), r.municipal1(), r.municipal2(), r.teacher1());
        JsonNode report = graphql(adminToken(), "mutation { runNotificationJob(date: \"2025-03-17\") { date users created emailed mailFailures smtpConfigured } }",
                Map.of()).data().path("runNotificationJob");
        assertThat(report.path("date").asText()).isEqualTo("2025-03-17");
        assertThat(report.path("created").asInt()).isPositive();
        assertThat(report.path("smtpConfigured").asBoolean()).isFalse();
        assertThat(report.path("emailed").asInt()).isZero();
    }

    static String sa2() {
        return tokenFor(r.login("sa2"), Set.of(Role.SCHOOL_ADMIN), new Scope(r.region, r.m1, r.s2));
    }

    static JsonNode inbox(String token, boolean unreadOnly) {
        return graphql(token, INBOX, Map.of("u", unreadOnly)).data().path("notificationInbox");
    }

    static List<JsonNode> items(String token, String kind) {
        List<JsonNode> out = new ArrayList<>();
        inbox(token, false).path("items").forEach(n -> {
            if (n.path("kind").asText().equals(kind)) {
                out.add(n);
            }
        });
        return out;
    }

    static long stored() {
        return SupportRegion.count("MATCH (n:Notification) WHERE n.username STARTS WITH 'R9DLV-' RETURN count(n)", Map.of());
    }

    @Test
    void theDailyJobStoresEachFactOncePerUser() {
        long before = stored();
        OporaTestApp.bean(NotificationDelivery.class).runFor(LocalDate.parse("2025-03-17"));
        assertThat(stored()).as("the same day again stores nothing new").isEqualTo(before);

        // S2's administrator: the diagnostics are due in 14 days.
        assertThat(items(sa2(), "CALENDAR_REMINDER")).anySatisfy(n -> {
            assertThat(n.path("title").asText()).isEqualTo("Скоро срок: Диагностика профессиональных дефицитов педагогов");
            assertThat(n.path("message").asText()).isEqualTo("Школа " + r.s2 + ": сведения ещё не сданы, срок — 31.03.2025 (осталось дней: 14).");
            assertThat(n.path("date").asText()).isEqualTo("2025-03-31");
            assertThat(n.path("link").asText()).isEqualTo("/monitoring/calendar?year=2025");
            assertThat(n.path("urgent").asBoolean()).isFalse();
            assertThat(n.path("id").asText()).startsWith("NTF-");
        });
        // S1's administrator: S1 submitted through its teacher's diagnostic, so no reminder; the overdue measure (not
        // the done one) and the recommendation due on 20.03.2025.
        assertThat(items(r.schoolAdmin1(), "CALENDAR_REMINDER")).noneMatch(n -> n.path("message").asText().contains("2025"));
        assertThat(items(r.schoolAdmin1(), "PROGRAMME_MEASURE_OVERDUE")).singleElement().satisfies(n -> {
            assertThat(n.path("message").asText()).isEqualTo(
                    "«Семинар для учителей математики» (Программа повышения качества образования), срок 01.03.2025");
            assertThat(n.path("link").asText()).isEqualTo("/programmes/" + programmeId);
            assertThat(n.path("urgent").asBoolean()).isTrue();
        });
        assertThat(items(r.schoolAdmin1(), "RECOMMENDATION_DUE")).anySatisfy(n -> {
            assertThat(n.path("title").asText()).isEqualTo("Скоро срок ответа на рекомендацию");
            assertThat(n.path("message").asText()).isEqualTo("«Провести анализ результатов ВПР по математике», срок 20.03.2025");
        });
        // The teacher's own recommendation goes to the teacher's login.
        assertThat(items(r.teacher1(), "RECOMMENDATION_DUE")).extracting(n -> n.path("message").asText())
                .contains("«Пройти курс по формирующему оцениванию», срок 18.03.2025");

        // The day after the due date: S2 overdue, summaries to the regional coordinator and to M1's, none to M2's.
        OporaTestApp.bean(NotificationDelivery.class).runFor(LocalDate.parse("2025-04-01"));
        assertThat(items(sa2(), "CALENDAR_OVERDUE")).extracting(n -> n.path("title").asText())
                .contains("Просрочен срок: Диагностика профессиональных дефицитов педагогов");
        String summary = "Срок был 31.03.2025. Не сдали (1): Школа " + r.s2 + ".";
        assertThat(items(r.regional(), "CALENDAR_OVERDUE")).extracting(n -> n.path("message").asText()).contains(summary);
        assertThat(items(r.municipal1(), "CALENDAR_OVERDUE")).extracting(n -> n.path("message").asText()).contains(summary);
        assertThat(items(r.municipal2(), "CALENDAR_OVERDUE")).extracting(n -> n.path("message").asText()).doesNotContain(summary);
    }

    @Test
    void readMarksAreTheCallersOwn() {
        JsonNode mine = inbox(sa2(), false);
        int unread = mine.path("unreadCount").asInt();
        assertThat(unread).isPositive();
        String myId = mine.path("items").path(0).path("id").asText();
        String othersId = inbox(r.schoolAdmin1(), false).path("items").path(0).path("id").asText();

        // Another user's id is ignored: only the caller's own notification changes.
        int changed = graphql(sa2(), "mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }",
                Map.of("ids", List.of(myId, othersId))).data().path("markNotificationsRead").asInt();
        assertThat(changed).isEqualTo(1);
        JsonNode after = inbox(sa2(), false);
        assertThat(after.path("unreadCount").asInt()).isEqualTo(unread - 1);
        assertThat(after.path("items")).filteredOn(n -> n.path("id").asText().equals(myId)).singleElement()
                .satisfies(n -> {
                    assertThat(n.path("read").asBoolean()).isTrue();
                    assertThat(n.path("readAt").isNull()).isFalse();
                });
        assertThat(inbox(sa2(), true).path("items")).noneMatch(n -> n.path("id").asText().equals(myId));
        assertThat(inbox(r.schoolAdmin1(), false).path("items")).filteredOn(n -> n.path("id").asText().equals(othersId))
                .singleElement().satisfies(n -> assertThat(n.path("read").asBoolean()).isFalse());

        int othersUnread = inbox(r.schoolAdmin1(), false).path("unreadCount").asInt();
        assertThat(graphql(r.schoolAdmin1(), "mutation { markAllNotificationsRead }", Map.of()).data()
                .path("markAllNotificationsRead").asInt()).isEqualTo(othersUnread);
        assertThat(inbox(r.schoolAdmin1(), true).path("items")).isEmpty();
        assertThat(graphql(sa2(), "{ notificationInbox(first: 0) { unreadCount } }", Map.of()).errorMessage())
                .isEqualTo("first: от 1 до 200, получено 0");
    }

    @Test
    void newNotificationsAreEmailedOnceToARealSmtpServer() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            smtp.setUser("opora@test.example", "opora-mailer", "smtp-secret-R9DLV");
            MailSettings settings = new MailSettings("127.0.0.1", smtp.getSmtp().getPort(), "opora-mailer", "smtp-secret-R9DLV",
                    "opora@test.example", "none");
            assertThat(settings.toString()).doesNotContain("smtp-secret-R9DLV").contains("127.0.0.1");

            // The user's own address (trimmed), and one set by the regional coordinator for a user they manage.
            assertThat(graphql(sa2(), "mutation { setMyEmail(email: \"not-an-address\") { email } }", Map.of()).errorMessage())
                    .isEqualTo("email: некорректный адрес электронной почты");
            assertThat(graphql(sa2(), "mutation { setMyEmail(email: \"  sa2@school.example \") { email } }", Map.of()).data()
                    .path("setMyEmail").path("email").asText()).isEqualTo("sa2@school.example");
            assertThat(graphql(sa2(), "{ me { email } }", Map.of()).data().path("me").path("email").asText()).isEqualTo("sa2@school.example");
            assertThat(graphql(r.regional(), "mutation($u: String!) { setUserEmail(username: $u, email: \"rc-helper@region.example\") }",
                    Map.of("u", r.login("mc1"))).data().path("setUserEmail").asBoolean()).isTrue();

            NotificationDelivery mailing = new NotificationDelivery(OporaTestApp.bean(NotificationRepository.class),
                    OporaTestApp.bean(NotificationService.class), OporaTestApp.bean(CalendarService.class),
                    new NotificationMailer(settings), Clock.systemDefaultZone());
            // A week after the due date S2 is reminded again; everything new and unread goes out, one letter per user.
            NotificationDelivery.DeliveryReport report = mailing.runFor(LocalDate.parse("2025-04-07"));
            assertThat(report.smtpConfigured()).isTrue();
            assertThat(report.emailed()).isGreaterThanOrEqualTo(2);
            assertThat(report.mailFailures()).isZero();
            assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();

            List<MimeMessage> toSa2 = to(smtp, "sa2@school.example");
            assertThat(toSa2).hasSize(1);
            MimeMessage letter = toSa2.get(0);
            assertThat(letter.getSubject()).startsWith("Опора: новые уведомления (");
            assertThat(letter.getFrom()[0].toString()).isEqualTo("opora@test.example");
            String body = (String) letter.getContent();
            assertThat(body).startsWith("Здравствуйте, " + r.login("sa2") + "!")
                    .contains("[важно] Просрочен срок: Диагностика профессиональных дефицитов педагогов")
                    .contains("Школа " + r.s2 + ": сведения не сданы, срок был 31.03.2025.");
            assertThat(to(smtp, "rc-helper@region.example")).singleElement()
                    .satisfies(m -> assertThat((String) m.getContent()).contains("Не сдали (1): Школа " + r.s2));
            assertThat(inbox(sa2(), true).path("items")).isNotEmpty().allMatch(n -> n.path("emailed").asBoolean());

            // Nothing new: nothing sent again.
            mailing.runFor(LocalDate.parse("2025-04-07"));
            assertThat(to(smtp, "sa2@school.example")).hasSize(1);
        } finally {
            smtp.stop();
        }
    }

    private static List<MimeMessage> to(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
