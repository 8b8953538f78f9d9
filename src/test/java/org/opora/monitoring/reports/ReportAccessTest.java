package org.opora.monitoring.reports;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.testing.GraphQlResponse;
import org.opora.testing.OporaTestApp;

import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.graphql;

/**
 * Who may download which справка (docs/security.md «Справки»), over real HTTP with real tokens: the territory's
 * coordinators, methodists and curators, a school's admin for the card of their school; everyone else 403 (401
 * without a token), and the listing query answers FORBIDDEN the same way.
 */
class ReportAccessTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ReportRegion r;

    @BeforeAll
    static void region() {
        OporaTestApp.server();
        r = new ReportRegion("R9RAC");
    }

    private static HttpResponse<byte[]> download(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(OporaTestApp.uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String regional(String format) {
        return "/api/reports/regional." + format + "?regionId=" + r.region + "&year=2026";
    }

    private String municipal(String municipality) {
        return "/api/reports/municipal.pdf?regionId=" + r.region + "&municipalityId=" + municipality + "&year=2026";
    }

    private String card(String school) {
        return "/api/reports/school-card.pdf?regionId=" + r.region + "&schoolId=" + school + "&year=2026";
    }

    private String changes() {
        return "/api/reports/status-changes.xlsx?regionId=" + r.region + "&year=2026";
    }

    @Test
    void territoryStaffDownloadWithARussianFileName() throws Exception {
        HttpResponse<byte[]> pdf = download(regional("pdf"), r.regional());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        String disposition = pdf.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                .isEqualTo("Справка_мониторинг_региона_Тестовый_регион_R9RAC_2026.pdf");
        assertThat(ReportFiles.pdf(pdf.body()).text()).contains("Справка по итогам мониторинга ШНОР и ШНСУ за 2026 год");

        HttpResponse<byte[]> xlsx = download(regional("xlsx"), r.methodist());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        try (var book = ReportFiles.workbook(xlsx.body())) {
            assertThat(book.getSheet("Идентификация")).isNotNull();
        }

        assertThat(download(municipal(r.m1), r.municipal1()).statusCode()).isEqualTo(200);
        assertThat(download(card(r.s1), r.schoolAdmin1()).statusCode()).isEqualTo(200);
        assertThat(download(card(r.s4), r.curatorM2()).statusCode()).isEqualTo(200);
        assertThat(download(card(r.s1), r.municipal1()).statusCode()).isEqualTo(200);
        assertThat(download(changes(), r.regional()).statusCode()).isEqualTo(200);
        assertThat(download("/api/reports/status-changes.pdf?regionId=" + r.region + "&municipalityId=" + r.m2 + "&year=2026",
                r.municipal2()).statusCode()).isEqualTo(200);
        assertThat(download(regional("pdf"), OporaTestApp.adminToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void outsidersAreRefused() throws Exception {
        assertThat(download(regional("pdf"), null).statusCode()).isEqualTo(401);
        Map<String, Object[]> refused = new LinkedHashMap<>();
        refused.put("regional coordinator of another region → regional", new Object[]{regional("pdf"), r.otherRegional()});
        refused.put("municipal coordinator → regional", new Object[]{regional("xlsx"), r.municipal1()});
        refused.put("municipal coordinator of M1 → municipal M2", new Object[]{municipal(r.m2), r.municipal1()});
        refused.put("municipal coordinator of M1 → status changes of the region", new Object[]{changes(), r.municipal1()});
        refused.put("curator of M2 → card of S1 (M1)", new Object[]{card(r.s1), r.curatorM2()});
        refused.put("curator of M2 → card of S1 said to be in M2", new Object[]{card(r.s1) + "&municipalityId=" + r.m2, r.curatorM2()});
        refused.put("school admin of S1 → card of S2", new Object[]{card(r.s2), r.schoolAdmin1()});
        refused.put("school admin → municipal", new Object[]{municipal(r.m1), r.schoolAdmin1()});
        refused.put("school admin → status changes", new Object[]{changes(), r.schoolAdmin1()});
        refused.put("teacher → own school's card", new Object[]{card(r.s1), r.teacher1()});
        refused.put("teacher → regional", new Object[]{regional("pdf"), r.teacher1()});
        refused.forEach((who, request) -> {
            try {
                HttpResponse<byte[]> response = download((String) request[0], (String) request[1]);
                assertThat(response.statusCode()).as(who).isEqualTo(403);
                JsonNode body = OporaTestApp.read(new String(response.body(), StandardCharsets.UTF_8));
                assertThat(body.path("code").asText()).as(who).isEqualTo("FORBIDDEN");
                assertThat(body.path("message").asText()).as(who).startsWith("Недостаточно прав");
            } catch (Exception e) {
                throw new AssertionError(who, e);
            }
        });
    }

    @Test
    void badRequestsNameTheParameter() throws Exception {
        assertThat(download("/api/reports/annual.pdf?regionId=" + r.region + "&year=2026", r.regional()).statusCode()).isEqualTo(404);
        assertThat(download("/api/reports/regional.docx?regionId=" + r.region + "&year=2026", r.regional()).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> year = download("/api/reports/regional.pdf?regionId=" + r.region + "&year=прошлый", r.regional());
        assertThat(year.statusCode()).isEqualTo(400);
        assertThat(new String(year.body(), StandardCharsets.UTF_8)).contains("year: ожидается год числом");
        HttpResponse<byte[]> noMunicipality = download("/api/reports/municipal.xlsx?regionId=" + r.region + "&year=2026", r.regional());
        assertThat(noMunicipality.statusCode()).isEqualTo(400);
        assertThat(new String(noMunicipality.body(), StandardCharsets.UTF_8)).contains("municipalityId: для муниципальной справки нужен муниципалитет");
        assertThat(download(municipal(r.region + "-M9"), r.regional()).statusCode()).isEqualTo(404);
        assertThat(download(card(r.region + "-S9"), r.regional()).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> wrongMunicipality = download(card(r.s1) + "&municipalityId=" + r.m2, r.regional());
        assertThat(wrongMunicipality.statusCode()).isEqualTo(400);
        assertThat(new String(wrongMunicipality.body(), StandardCharsets.UTF_8)).contains("не относится к муниципалитету");
    }

    @Test
    void theListingGivesTheCallersReportsWithWorkingUrls() throws Exception {
        String query = """
                query($regionId: ID!, $municipalityId: ID, $schoolId: ID) {
                  monitoringReports(regionId: $regionId, municipalityId: $municipalityId, schoolId: $schoolId, year: 2026) {
                    kind format title url fileName } }""";
        GraphQlResponse region = graphql(r.regional(), query, Map.of("regionId", r.region));
        JsonNode list = region.data().path("monitoringReports");
        assertThat(list).hasSize(4);
        assertThat(list.get(0).path("kind").asText()).isEqualTo("REGIONAL");
        assertThat(list.get(0).path("format").asText()).isEqualTo("PDF");
        assertThat(list.get(0).path("url").asText()).isEqualTo("/api/reports/regional.pdf?regionId=" + r.region + "&year=2026");
        assertThat(list.get(3).path("kind").asText()).isEqualTo("STATUS_CHANGES");
        assertThat(list.get(3).path("fileName").asText()).isEqualTo("Вход_и_выход_ШНОР_ШНСУ_Тестовый_регион_R9RAC_2026.xlsx");
        assertThat(download(list.get(3).path("url").asText(), r.regional()).statusCode()).isEqualTo(200);

        JsonNode own = graphql(r.schoolAdmin1(), query, Map.of("regionId", r.region, "schoolId", r.s1)).data().path("monitoringReports");
        assertThat(own).hasSize(2);
        assertThat(own.get(0).path("kind").asText()).isEqualTo("SCHOOL_CARD");
        assertThat(own.get(0).path("title").asText()).isEqualTo("Карточка школы");
        assertThat(download(own.get(1).path("url").asText(), r.schoolAdmin1()).statusCode()).isEqualTo(200);

        assertThat(graphql(r.schoolAdmin1(), query, Map.of("regionId", r.region)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(r.municipal1(), query, Map.of("regionId", r.region, "municipalityId", r.m2)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(r.otherRegional(), query, Map.of("regionId", r.region)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(r.teacher1(), query, Map.of("regionId", r.region, "schoolId", r.s1)).errorCode()).isEqualTo("FORBIDDEN");
        GraphQlResponse badYear = graphql(r.regional(), query.replace("year: 2026", "year: 1990"), Map.of("regionId", r.region));
        assertThat(badYear.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(badYear.errorMessage()).contains("year: год должен быть от 2000 до 2100");
    }
}
