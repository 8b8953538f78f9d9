package org.opora.support.roadmaps;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opora.testing.GraphQlResponse;
import org.opora.testing.OporaTestApp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.support.roadmaps.RoadmapFixture.activities;
import static org.opora.support.roadmaps.RoadmapFixture.add;
import static org.opora.support.roadmaps.RoadmapFixture.create;
import static org.opora.testing.OporaTestApp.graphql;

/**
 * Keeping a municipal roadmap over the API: activities added, edited, closed and removed; overdue judged on the
 * server's date (deadlines far in the past or future, so the test does not depend on the day it runs); the XLSX
 * download and the all-or-nothing import, round trip included. Region T-RMI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoadmapApiTest {

    static final String ROADMAP = """
            query($id: ID!, $status: [RoadmapActivityStatus!], $overdueOnly: Boolean) {
              roadmap(id: $id) {
                id title activityCount overdueCount doneCount updatedBy updatedAt
                activities(status: $status, overdueOnly: $overdueOnly) {
                  id position section title deadline responsible plannedResult status actualResult overdue
                }
              }
            }""";
    static final String IMPORT = """
            mutation($id: ID!, $content: String!) {
              importRoadmapXlsx(input: {roadmapId: $id, content: $content}) { id activityCount overdueCount }
            }""";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    RoadmapFixture f;
    String roadmapId;

    @BeforeAll
    void aMunicipalRoadmapWithActivities() {
        f = new RoadmapFixture("T-RMI");
        JsonNode created = create(f.municipal1, "MUNICIPALITY", f.m1, "Дорожная карта по повышению качества образования в ШНОР");
        roadmapId = created.get("id").asText();
        assertThat(created.get("territoryName").asText()).isEqualTo("Округ T-RMI-M1");
        assertThat(created.get("regionId").asText()).isEqualTo("T-RMI");
        assertThat(created.get("municipalityId").asText()).isEqualTo(f.m1);
        assertThat(created.get("schoolId").isNull()).isTrue();
        assertThat(created.get("canEdit").asBoolean()).isTrue();
        add(f.municipal1, roadmapId, activity("Организационные мероприятия", "Приказ о закреплении кураторов за ШНОР", "2020-02-01",
                "Управление образования", "PLANNED"));
        add(f.municipal1, roadmapId, activity("Организационные мероприятия", "Совещание с директорами ШНОР", "2020-03-01",
                "Управление образования", "DONE"));
        add(f.municipal1, roadmapId, activity("Методическое сопровождение", "Семинар по формирующему оцениванию", "2020-04-01",
                "ММЦ", "IN_PROGRESS"));
        add(f.municipal1, roadmapId, activity("Методическое сопровождение", "Стажировка на базе школы-лидера", "2099-10-01",
                "МБОУ СОШ № 2", null));
    }

    static Map<String, Object> activity(String section, String title, String deadline, String responsible, String status) {
        Map<String, Object> input = new HashMap<>();
        input.put("section", section);
        input.put("title", title);
        input.put("deadline", deadline);
        input.put("responsible", responsible);
        input.put("plannedResult", "Результат: " + title.toLowerCase());
        input.put("status", status);
        return input;
    }

    JsonNode read(String id) {
        return graphql(f.municipal1, ROADMAP, Map.of("id", id)).data().get("roadmap");
    }

    @Test
    void overdueItemsAreFlaggedAndCounted() {
        JsonNode roadmap = read(roadmapId);
        JsonNode items = roadmap.get("activities");
        assertThat(items.findValuesAsText("position")).containsExactly("1", "2", "3", "4");
        assertThat(items.findValuesAsText("overdue")).containsExactly("true", "false", "true", "false");
        assertThat(items.get(3).get("status").asText()).isEqualTo("PLANNED"); // the default
        assertThat(roadmap.get("activityCount").asInt()).isEqualTo(4);
        assertThat(roadmap.get("overdueCount").asInt()).isEqualTo(2);
        assertThat(roadmap.get("doneCount").asInt()).isEqualTo(1);
        assertThat(roadmap.get("updatedBy").asText()).isEqualTo("T-RMI-municipal1");
        JsonNode overdueOnly = graphql(f.municipal1, ROADMAP, Map.of("id", roadmapId, "overdueOnly", true)).data().get("roadmap");
        assertThat(overdueOnly.get("activities").findValuesAsText("position")).containsExactly("1", "3");
        JsonNode done = graphql(f.municipal1, ROADMAP, Map.of("id", roadmapId, "status", List.of("DONE", "CANCELLED"))).data().get("roadmap");
        assertThat(done.get("activities").findValuesAsText("title")).containsExactly("Совещание с директорами ШНОР");
        JsonNode list = graphql(f.regional, """
                query($r: ID!) { roadmaps(regionId: $r, level: MUNICIPALITY) { totalCount edges { node { id overdueCount activityCount } } } }""",
                Map.of("r", f.region)).data().get("roadmaps");
        JsonNode listed = list.get("edges").get(0).get("node");
        assertThat(listed.get("id").asText()).isEqualTo(roadmapId);
        assertThat(listed.get("overdueCount").asInt()).isEqualTo(2);
    }

    @Test
    void anActivityIsEditedClosedAndRemoved() {
        String id = create(f.municipal1, "MUNICIPALITY", f.m1, "Карта для правок").get("id").asText();
        String a = add(f.municipal1, id, activity(null, "Мониторинг посещаемости", "2020-05-01", "Куратор", null)).get("id").asText();
        String b = add(f.municipal1, id, activity(null, "Отчёт в министерство", "2099-12-01", "Управление образования", null)).get("id").asText();
        assertThat(read(id).get("overdueCount").asInt()).isEqualTo(1);

        JsonNode closed = graphql(f.municipal1, """
                mutation($id: ID!) { setRoadmapActivityStatus(id: $id, status: DONE, actualResult: "Проведён в 12 школах") { status actualResult overdue } }""",
                Map.of("id", a)).data().get("setRoadmapActivityStatus");
        assertThat(closed.get("status").asText()).isEqualTo("DONE");
        assertThat(closed.get("actualResult").asText()).isEqualTo("Проведён в 12 школах");
        assertThat(closed.get("overdue").asBoolean()).isFalse();
        assertThat(read(id).get("overdueCount").asInt()).isZero();

        Map<String, Object> edit = activity("Отчётность", "Отчёт в министерство образования", "2021-01-15", "Отдел качества", "CANCELLED");
        JsonNode edited = graphql(f.municipal1, """
                mutation($id: ID!, $input: RoadmapActivityInput!) {
                  updateRoadmapActivity(id: $id, input: $input) { id position section title deadline responsible status overdue }
                }""", Map.of("id", b, "input", edit)).data().get("updateRoadmapActivity");
        assertThat(edited.get("position").asInt()).isEqualTo(2);
        assertThat(edited.get("section").asText()).isEqualTo("Отчётность");
        assertThat(edited.get("deadline").asText()).isEqualTo("2021-01-15");
        assertThat(edited.get("responsible").asText()).isEqualTo("Отдел качества");
        assertThat(edited.get("overdue").asBoolean()).isFalse(); // cancelled

        JsonNode after = graphql(f.municipal1, "mutation($id: ID!) { removeRoadmapActivity(id: $id) { id activityCount } }",
                Map.of("id", a)).data().get("removeRoadmapActivity");
        assertThat(after.get("activityCount").asInt()).isEqualTo(1);
        assertThat(activities(id)).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        GraphQlResponse noTitle = graphql(f.municipal1, RoadmapFixture.ADD, Map.of("roadmapId", roadmapId,
                "input", Map.of("title", "  ", "deadline", "2026-01-01", "responsible", "ММЦ")));
        assertThat(noTitle.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(noTitle.errorMessage()).isEqualTo("title: укажите мероприятие");
        GraphQlResponse noResponsible = graphql(f.municipal1, RoadmapFixture.ADD, Map.of("roadmapId", roadmapId,
                "input", Map.of("title", "Семинар", "deadline", "2026-01-01", "responsible", "")));
        assertThat(noResponsible.errorMessage()).isEqualTo("responsible: укажите ответственного (человека или организацию)");
        GraphQlResponse period = graphql(f.municipal1, """
                mutation($m: ID!) { createRoadmap(input: {level: MUNICIPALITY, territoryId: $m, title: "Карта",
                  periodStart: "2026-12-31", periodEnd: "2026-01-01"}) { id } }""", Map.of("m", f.m1));
        assertThat(period.errorMessage()).isEqualTo("periodEnd: окончание периода (2026-01-01) раньше его начала (2026-12-31)");
        GraphQlResponse unknown = graphql(f.municipal1, RoadmapFixture.CREATE, Map.of("level", "MUNICIPALITY", "territoryId", "NO-SUCH", "title", "x"));
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(unknown.errorMessage()).isEqualTo("Муниципалитет не найден: NO-SUCH");
        assertThat(activities(roadmapId)).isEqualTo(4);
        assertThat(graphql(f.municipal1, ROADMAP, Map.of("id", "RM-none")).data().get("roadmap").isNull()).isTrue();
    }

    // ------------------------------------------------------------------ XLSX

    HttpResponse<byte[]> download(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(OporaTestApp.uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDownloadIsTheWorkbookForReadersOnly() throws IOException {
        HttpResponse<byte[]> file = download(f.curator1, "/api/roadmaps/" + roadmapId + ".xlsx");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains(RoadmapXlsx.CONTENT_TYPE);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains("filename*=UTF-8''");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Приказ о закреплении кураторов за ШНОР");
            assertThat(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(3))).isTrue();
            assertThat(sheet.getRow(1).getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2020, 2, 1));
            assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("да");
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo("Выполнено");
            assertThat(sheet.getRow(4).getCell(4).getStringCellValue()).isEqualTo("МБОУ СОШ № 2");
        }
        assertThat(download(null, "/api/roadmaps/" + roadmapId + ".xlsx").statusCode()).isEqualTo(401);
        HttpResponse<byte[]> outsider = download(f.outsider, "/api/roadmaps/" + roadmapId + ".xlsx");
        assertThat(outsider.statusCode()).isEqualTo(403);
        assertThat(new String(outsider.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("FORBIDDEN")
                .doesNotContain("Приказ");
        assertThat(download(f.municipal2, "/api/roadmaps/" + roadmapId + ".xlsx").statusCode()).isEqualTo(403);
        assertThat(download(f.municipal1, "/api/roadmaps/RM-none.xlsx").statusCode()).isEqualTo(404);
    }

    @Test
    void exportThenImportGivesTheSameActivities() {
        byte[] file = download(f.municipal1, "/api/roadmaps/" + roadmapId + ".xlsx").body();
        String copy = create(f.municipal1, "MUNICIPALITY", f.m1, "Копия из файла").get("id").asText();
        add(f.municipal1, copy, activity(null, "Будет заменено импортом", "2026-01-01", "Никто", null));
        JsonNode imported = graphql(f.municipal1, IMPORT, Map.of("id", copy, "content", Base64.getEncoder().encodeToString(file)))
                .data().get("importRoadmapXlsx");
        assertThat(imported.get("activityCount").asInt()).isEqualTo(4);
        assertThat(imported.get("overdueCount").asInt()).isEqualTo(2);
        assertThat(withoutIds(read(copy).get("activities"))).isEqualTo(withoutIds(read(roadmapId).get("activities")));
        // Importing the same file into the roadmap it came from changes nothing but the ids.
        List<Map<String, String>> before = withoutIds(read(roadmapId).get("activities"));
        graphql(f.municipal1, IMPORT, Map.of("id", roadmapId, "content", Base64.getEncoder().encodeToString(file))).data();
        assertThat(withoutIds(read(roadmapId).get("activities"))).isEqualTo(before);
    }

    private static List<Map<String, String>> withoutIds(JsonNode activities) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode a : activities) {
            Map<String, String> row = new HashMap<>();
            a.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("id")) {
                    row.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
                }
            });
            rows.add(row);
        }
        return rows;
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithEveryRowListedAndNothingWritten() {
        String target = create(f.municipal1, "MUNICIPALITY", f.m1, "Карта для неудачного импорта").get("id").asText();
        add(f.municipal1, target, activity(null, "Остаётся как было", "2026-06-01", "ММЦ", null));
        byte[] file = RoadmapWorkbooks.sheet(RoadmapWorkbooks.HEADERS, List.of(
                Arrays.asList("Раздел", "Годная строка", LocalDate.of(2026, 3, 1), "ММЦ", null, null, null),
                Arrays.asList("Раздел", "Без срока", null, "ММЦ", null, null, null),
                Arrays.asList("Раздел", "Кривая дата", "32.13.2026", "ММЦ", null, null, null),
                Arrays.asList("Раздел", "Странный статус", "01.04.2026", "ММЦ", null, "на паузе", null)));
        GraphQlResponse response = graphql(f.municipal1, IMPORT, Map.of("id", target, "content", Base64.getEncoder().encodeToString(file)));
        assertThat(response.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(response.errorMessage()).startsWith("Файл отклонён, ничего не записано: ошибок 3. Первая: строка 3, столбец «Срок»: не указан срок");
        JsonNode problems = response.body().path("errors").path(0).path("extensions").path("problems");
        assertThat(problems).hasSize(3);
        assertThat(problems.findValuesAsText("row")).containsExactly("3", "4", "5");
        assertThat(problems.findValuesAsText("column")).containsExactly("Срок", "Срок", "Статус");
        assertThat(problems.get(1).get("reason").asText()).isEqualTo("не удалось распознать дату «32.13.2026»: ожидается ДД.ММ.ГГГГ");
        assertThat(problems.get(2).get("reason").asText()).startsWith("неизвестный статус «на паузе»");
        JsonNode after = read(target);
        assertThat(after.get("activities").findValuesAsText("title")).containsExactly("Остаётся как было");

        GraphQlResponse garbage = graphql(f.municipal1, IMPORT, Map.of("id", target, "content", "не base64!"));
        assertThat(garbage.errorMessage()).isEqualTo("content: ожидается содержимое файла XLSX в кодировке Base64");
        assertThat(activities(target)).isEqualTo(1);
    }
}
