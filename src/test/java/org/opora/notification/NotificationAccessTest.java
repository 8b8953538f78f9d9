package org.opora.notification;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.support.SupportRegion;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.graphql;

/**
 * Who may run the notification job and set e-mail addresses (docs/security.md «Notifications»); the inbox is the
 * caller's own (NotificationDeliveryTest shows another user's ids change nothing). Region R9NAC.
 */
class NotificationAccessTest {

    static SupportRegion r;

    @BeforeAll
    static void region() {
        r = new SupportRegion("R9NAC");
    }

    static long emails() {
        return SupportRegion.count("MATCH (u:User) WHERE u.username STARTS WITH 'R9NAC-' AND u.email IS NOT NULL RETURN count(u)", Map.of());
    }

    @Test
    void onlyTheAdminRunsTheJob() {
        for (String caller : new String[] {r.regional(), r.methodist(), r.schoolAdmin1(), r.teacher1()}) {
            assertThat(graphql(caller, "mutation { runNotificationJob(date: \"2025-03-17\") { created } }", Map.of()).errorCode())
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(graphql(null, "{ notificationInbox { unreadCount } }", Map.of()).status()).isEqualTo(401);
        assertThat(graphql(null, "mutation { markAllNotificationsRead }", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void anAddressIsSetByTheUserOrByWhoManagesThem() {
        r.schoolAdmin1();
        String setFor = "mutation($u: String!) { setUserEmail(username: $u, email: \"x@school.example\") }";
        // Outside the caller's territory, below the rank needed, or not a manager at all: FORBIDDEN, nothing written.
        assertThat(graphql(r.municipal2(), setFor, Map.of("u", r.login("sa1"))).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(r.methodist(), setFor, Map.of("u", r.login("sa1"))).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(r.municipal1(), setFor, Map.of("u", r.login("rc"))).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(r.municipal1(), setFor, Map.of("u", "nobody-R9NAC")).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(emails()).isZero();
        // M1's coordinator manages S1's administrator; the teacher sets their own.
        assertThat(graphql(r.municipal1(), setFor, Map.of("u", r.login("sa1"))).data().path("setUserEmail").asBoolean()).isTrue();
        assertThat(graphql(r.teacher1(), "mutation { setMyEmail(email: \"t1@school.example\") { email } }", Map.of()).data()
                .path("setMyEmail").path("email").asText()).isEqualTo("t1@school.example");
        assertThat(emails()).isEqualTo(2);
        // Removing it; the audit records the change without the address.
        graphql(r.teacher1(), "mutation { setMyEmail(email: null) { email } }", Map.of()).data();
        assertThat(emails()).isEqualTo(1);
        assertThat(SupportRegion.count("MATCH (e:UserAuditEvent {username: $u, action: 'EMAIL_CHANGED'}) WHERE e.changes = '[]' RETURN count(e)",
                Map.of("u", r.login("teacher1")))).isEqualTo(2);
    }
}
