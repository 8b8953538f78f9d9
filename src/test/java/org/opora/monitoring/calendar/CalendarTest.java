package org.opora.monitoring.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.support.SupportRegion;
import org.opora.testing.GraphQlResponse;
import org.opora.testing.OporaTestApp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.graphql;

/**
 * The monitoring calendar on a constructed region (SupportRegion R9CAL): ШНОР/ШНСУ schools S1, S2 (M1) and S3 (M2);
 * teachers of S1 and S3 were diagnosed on 10.02.2025, nobody at S2. Everything runs on fixed days of 2024/2025.
 */
class CalendarTest {

    static final String FIELDS = """
            id kind title startDate dueDate submitterLevel supportSchoolsOnly asOf phase daysLeft submitterCount
            submittedCount pendingCount reminderDates submitters { territoryId name level municipalityId submitted submittedOn source }
            pending: submitters(pendingOnly: true) { territoryId }""";
    static final String CALENDAR = "query($r: ID!, $m: ID, $y: Int!, $d: Date) { monitoringCalendar(regionId: $r, municipalityId: $m, year: $y, asOf: $d) { "
            + FIELDS + " } }";

    static SupportRegion r;

    @BeforeAll
    static void region() {
        r = new SupportRegion("R9CAL");
    }

    static JsonNode calendar(String token, int year, String asOf) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("r", r.region);
        vars.put("y", year);
        vars.put("d", asOf);
        return graphql(token, CALENDAR, vars).data().path("monitoringCalendar");
    }

    static JsonNode byKind(JsonNode calendar, String kind) {
        for (JsonNode d : calendar) {
            if (d.path("kind").asText().equals(kind)) {
                return d;
            }
        }
        throw new AssertionError("no " + kind + " in " + calendar);
    }

    static List<String> ids(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void theDocumentsDatesWithWhoHasSubmittedAsOfADay() {
        JsonNode march20 = calendar(r.regional(), 2025, "2025-03-20");
        assertThat(ids(march20, "kind")).containsExactly("TEACHER_DIAGNOSTICS", "PARTICIPATION_MONITORING", "IDENTIFICATION");
        assertThat(ids(march20, "dueDate")).containsExactly("2025-03-31", "2025-06-30", "2025-11-01");

        JsonNode diagnostics = byKind(march20, "TEACHER_DIAGNOSTICS");
        assertThat(diagnostics.path("id").asText()).isEqualTo("doc:TEACHER_DIAGNOSTICS:2025:" + r.region);
        assertThat(diagnostics.path("startDate").asText()).isEqualTo("2025-03-01");
        // Only the ШНОР/ШНСУ schools submit: S1 and S3 through their teachers' diagnostics, S2 has nothing.
        assertThat(ids(diagnostics.path("submitters"), "territoryId")).containsExactlyInAnyOrder(r.s1, r.s2, r.s3);
        assertThat(diagnostics.path("submittedCount").asInt()).isEqualTo(2);
        assertThat(ids(diagnostics.path("pending"), "territoryId")).containsExactly(r.s2);
        assertThat(diagnostics.path("submitters")).filteredOn(s -> s.path("territoryId").asText().equals(r.s1)).singleElement()
                .satisfies(s -> {
                    assertThat(s.path("submittedOn").asText()).isEqualTo("2025-02-10");
                    assertThat(s.path("source").asText()).isEqualTo("DATA");
                    assertThat(s.path("municipalityId").asText()).isEqualTo(r.m1);
                });
        assertThat(diagnostics.path("phase").asText()).isEqualTo("OPEN");
        assertThat(diagnostics.path("daysLeft").asInt()).isEqualTo(11);
        assertThat(ids(diagnostics.path("reminderDates"), "x")).hasSize(4);
        assertThat(diagnostics.path("reminderDates").toString()).isEqualTo("[\"2025-03-17\",\"2025-03-28\",\"2025-04-01\",\"2025-04-07\"]");

        // The region submits the identification: nothing yet, and its window has not opened.
        JsonNode identification = byKind(march20, "IDENTIFICATION");
        assertThat(identification.path("submitterLevel").asText()).isEqualTo("REGION");
        assertThat(ids(identification.path("pending"), "territoryId")).containsExactly(r.region);
        assertThat(identification.path("phase").asText()).isEqualTo("UPCOMING");

        // Before the diagnostics took place nobody had submitted; a later day does not count earlier.
        JsonNode february = byKind(calendar(r.regional(), 2025, "2025-02-01"), "TEACHER_DIAGNOSTICS");
        assertThat(february.path("submittedCount").asInt()).isZero();
        assertThat(february.path("phase").asText()).isEqualTo("UPCOMING");

        // A municipality narrows the rows.
        Map<String, Object> vars = new HashMap<>(Map.of("r", r.region, "m", r.m2, "y", 2025, "d", "2025-03-20"));
        JsonNode m2 = graphql(r.regional(), CALENDAR, vars).data().path("monitoringCalendar");
        assertThat(ids(byKind(m2, "TEACHER_DIAGNOSTICS").path("submitters"), "territoryId")).containsExactly(r.s3);
    }

    @Test
    void remindersFireOnFixedDaysBeforeAndAfterTheDueDate() {
        CalendarService calendar = OporaTestApp.bean(CalendarService.class);
        String diagnostics = "doc:TEACHER_DIAGNOSTICS:2025:" + r.region;

        assertThat(calendar.remindersOn(r.region, LocalDate.parse("2025-03-16"))).isEmpty();

        // 14 days before: S2, the only school still to submit, is reminded (its administrators).
        List<CalendarReminder> march17 = calendar.remindersOn(r.region, LocalDate.parse("2025-03-17"));
        assertThat(march17).singleElement().satisfies(x -> {
            assertThat(x.key()).isEqualTo("calendar:" + diagnostics + ":" + r.s2 + ":BEFORE_14");
            assertThat(x.role()).isEqualTo(Role.SCHOOL_ADMIN);
            assertThat(x.schoolId()).isEqualTo(r.s2);
            assertThat(x.municipalityId()).isEqualTo(r.m1);
            assertThat(x.title()).isEqualTo("Скоро срок: Диагностика профессиональных дефицитов педагогов");
            assertThat(x.message()).isEqualTo("Школа " + r.s2 + ": сведения ещё не сданы, срок — 31.03.2025 (осталось дней: 14).");
            assertThat(x.overdue()).isFalse();
        });
        // Between stages the stage in force stays the same (the store keeps one per stage).
        assertThat(calendar.remindersOn(r.region, LocalDate.parse("2025-03-20"))).extracting(CalendarReminder::key)
                .containsExactly("calendar:" + diagnostics + ":" + r.s2 + ":BEFORE_14");
        assertThat(calendar.remindersOn(r.region, LocalDate.parse("2025-03-28"))).extracting(CalendarReminder::key)
                .containsExactly("calendar:" + diagnostics + ":" + r.s2 + ":BEFORE_3");

        // The day after: S2 again, and summaries to the regional coordinator and M1's coordinator.
        List<CalendarReminder> april1 = calendar.remindersOn(r.region, LocalDate.parse("2025-04-01"));
        assertThat(april1).extracting(CalendarReminder::key).containsExactly(
                "calendar:" + diagnostics + ":" + r.s2 + ":AFTER_1",
                "calendar:" + diagnostics + ":summary:" + r.region + ":AFTER_1",
                "calendar:" + diagnostics + ":summary:" + r.m1 + ":AFTER_1");
        assertThat(april1).allMatch(CalendarReminder::overdue);
        assertThat(april1.get(1).role()).isEqualTo(Role.REGIONAL_COORDINATOR);
        assertThat(april1.get(1).municipalityId()).isNull();
        assertThat(april1.get(1).message()).isEqualTo("Срок был 31.03.2025. Не сдали (1): Школа " + r.s2 + ".");
        assertThat(april1.get(2).role()).isEqualTo(Role.MUNICIPAL_COORDINATOR);
        assertThat(april1.get(2).municipalityId()).isEqualTo(r.m1);

        // S2 reports late (marked by its own administrator on 03.04.2025): the week-after reminder no longer fires.
        graphql(r.schoolAdmin1(), "query { me { username } }", Map.of()).data();
        String sa2 = OporaTestApp.tokenFor(r.login("sa2"), java.util.Set.of(Role.SCHOOL_ADMIN),
                new org.opora.platform.auth.Scope(r.region, r.m1, r.s2));
        JsonNode marked = graphql(sa2, """
                mutation($d: ID!, $t: ID!) { markMonitoringSubmitted(deadlineId: $d, territoryId: $t, submittedOn: "2025-04-03") {
                  submitters { territoryId submitted submittedOn source } } }""", Map.of("d", diagnostics, "t", r.s2))
                .data().path("markMonitoringSubmitted");
        assertThat(marked.path("submitters")).singleElement().satisfies(s -> {
            assertThat(s.path("territoryId").asText()).isEqualTo(r.s2);
            assertThat(s.path("submittedOn").asText()).isEqualTo("2025-04-03");
            assertThat(s.path("source").asText()).isEqualTo("MARK");
        });
        assertThat(calendar.remindersOn(r.region, LocalDate.parse("2025-04-07"))).isEmpty();
        // ...but as of a day before the mark, S2 was still overdue.
        assertThat(calendar.remindersOn(r.region, LocalDate.parse("2025-04-02"))).hasSize(3);
        // Two weeks after the due date reminders stop.
        graphql(sa2, "mutation($d: ID!, $t: ID!) { markMonitoringSubmitted(deadlineId: $d, territoryId: $t, submitted: false) { id } }",
                Map.of("d", diagnostics, "t", r.s2)).data();
        assertThat(calendar.remindersOn(r.region, LocalDate.parse("2025-04-07"))).hasSize(3);
        assertThat(calendar.remindersOn(r.region, LocalDate.parse("2025-04-15"))).isEmpty();
    }

    @Test
    void theRegionsOwnDeadlinesAreAddedMarkedAndDeleted() {
        GraphQlResponse bad = create(Map.of("regionId", r.region, "title", "Отчёт", "startDate", "2024-12-21",
                "dueDate", "2024-12-20", "submitterLevel", "MUNICIPALITY"));
        assertThat(bad.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(bad.errorMessage()).isEqualTo("startDate: дата начала 21.12.2024 позже срока сдачи 20.12.2024");
        assertThat(create(Map.of("regionId", r.region, "title", "  ", "dueDate", "2024-12-20", "submitterLevel", "MUNICIPALITY"))
                .errorMessage()).isEqualTo("title: обязательное поле не заполнено");
        assertThat(create(Map.of("regionId", r.region, "title", "Отчёт", "dueDate", "2024-12-20", "submitterLevel", "REGION",
                "supportSchoolsOnly", true)).errorMessage()).startsWith("supportSchoolsOnly:");

        JsonNode created = create(Map.of("regionId", r.region, "title", "Отчёт о реализации муниципальных дорожных карт",
                "description", "Форма 3-ДК", "startDate", "2024-12-01", "dueDate", "2024-12-20", "submitterLevel", "MUNICIPALITY"))
                .data().path("createMonitoringDeadline");
        String id = created.path("id").asText();
        assertThat(id).startsWith("MD-");
        assertThat(created.path("kind").asText()).isEqualTo("REGIONAL");
        assertThat(ids(created.path("submitters"), "territoryId")).containsExactly(r.m1, r.m2);

        // M1's coordinator marks their municipality on 10.12.2024; a school cannot be marked on a municipal deadline.
        graphql(r.municipal1(), "mutation($d: ID!, $t: ID!) { markMonitoringSubmitted(deadlineId: $d, territoryId: $t, submittedOn: \"2024-12-10\") { id } }",
                Map.of("d", id, "t", r.m1)).data();
        GraphQlResponse wrongLevel = graphql(r.regional(), "mutation($d: ID!, $t: ID!) { markMonitoringSubmitted(deadlineId: $d, territoryId: $t) { id } }",
                Map.of("d", id, "t", r.s1));
        assertThat(wrongLevel.errorMessage()).isEqualTo("territoryId: по этому сроку сдают муниципалитеты, а «" + r.s1 + "» — школы");
        GraphQlResponse future = graphql(r.regional(), "mutation($d: ID!, $t: ID!) { markMonitoringSubmitted(deadlineId: $d, territoryId: $t, submittedOn: \"2999-01-01\") { id } }",
                Map.of("d", id, "t", r.m2));
        assertThat(future.errorMessage()).isEqualTo("submittedOn: дата сдачи 01.01.2999 ещё не наступила");
        assertThat(graphql(r.regional(), "{ monitoringDeadline(id: \"MD-nope\") { id } }", Map.of()).errorCode()).isEqualTo("NOT_FOUND");

        JsonNode december15 = graphql(r.regional(), "query($id: ID!) { monitoringDeadline(id: $id, asOf: \"2024-12-15\") { " + FIELDS + " } }",
                Map.of("id", id)).data().path("monitoringDeadline");
        assertThat(december15.path("submittedCount").asInt()).isEqualTo(1);
        assertThat(ids(december15.path("pending"), "territoryId")).containsExactly(r.m2);
        assertThat(december15.path("phase").asText()).isEqualTo("OPEN");
        JsonNode byCalendar = calendar(r.regional(), 2024, "2024-12-21");
        assertThat(ids(byCalendar, "id")).containsExactly("doc:TEACHER_DIAGNOSTICS:2024:" + r.region,
                "doc:PARTICIPATION_MONITORING:2024:" + r.region, "doc:IDENTIFICATION:2024:" + r.region, id);
        assertThat(byKind(byCalendar, "REGIONAL").path("phase").asText()).isEqualTo("OVERDUE");

        // The day after the due date: M2's coordinator and, as a summary, the regional coordinator.
        List<CalendarReminder> reminders = OporaTestApp.bean(CalendarService.class).remindersOn(r.region, LocalDate.parse("2024-12-21"));
        assertThat(reminders).extracting(CalendarReminder::key).containsExactly(
                "calendar:" + id + ":" + r.m2 + ":AFTER_1", "calendar:" + id + ":summary:" + r.region + ":AFTER_1");
        assertThat(reminders.get(0).role()).isEqualTo(Role.MUNICIPAL_COORDINATOR);

        // The documents' dates cannot be deleted; the region's own can, with their marks.
        assertThat(graphql(r.regional(), "mutation { deleteMonitoringDeadline(id: \"doc:IDENTIFICATION:2024:" + r.region + "\") }",
                Map.of()).errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(graphql(r.regional(), "mutation($id: ID!) { deleteMonitoringDeadline(id: $id) }", Map.of("id", id))
                .data().path("deleteMonitoringDeadline").asBoolean()).isTrue();
        assertThat(SupportRegion.count("MATCH (x:MonitoringSubmission {deadlineId: $id}) RETURN count(x)", Map.of("id", id))).isZero();
        assertThat(ids(calendar(r.regional(), 2024, "2024-12-21"), "kind")).doesNotContain("REGIONAL");
    }

    static GraphQlResponse create(Map<String, Object> input) {
        return graphql(r.regional(), "mutation($in: MonitoringDeadlineInput!) { createMonitoringDeadline(input: $in) { " + FIELDS + " } }",
                Map.of("in", input));
    }
}
