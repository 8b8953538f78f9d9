package org.opora.support.help;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.support.SupportRegion;
import org.opora.testing.GraphQlResponse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.graphql;

/**
 * The methodological help log on region T-HELP: logging, the filters, the coverage of ШНОР/ШНСУ schools counted from
 * it, bad input, and who may log and read.
 */
class HelpLogTest {

    static SupportRegion r;
    static final String LOG = """
            mutation($in: HelpRecordInput!) { logHelp(input: $in) {
              id kind kindLabel date topic result school { id } teacher { id } givenBy giverName recordedAt } }""";
    static final String LIST = """
            query($f: HelpRecordFilter!, $first: Int, $after: String) { helpRecords(filter: $f, first: $first, after: $after) {
              totalCount pageInfo { hasNextPage endCursor } edges { node { id kind date topic school { id } teacher { id } givenBy } } } }""";
    static final String COVERAGE = """
            query($r: ID!, $m: ID, $y: Int!) { methodicalSupportCoverage(regionId: $r, municipalityId: $m, year: $y) {
              regionId municipalityId year schools covered share uncoveredSchools { id name } } }""";

    @BeforeAll
    static void region() {
        r = new SupportRegion("T-HELP");
        // 2025: a visit to S1, a consultation of T3 (school S3), an expert review at the leader S4 (not counted);
        // 2024: a consultation at S2 (another year)
        log(r.methodist(), "VISIT", "2025-03-12", r.s1, null, "Выезд: анализ уроков математики", "Даны рекомендации по ВПР");
        log(r.curator(), "CONSULTATION", "2025-04-02", null, r.t3, "Формирующее оценивание", "Составлен план на четверть");
        log(r.regional(), "EXPERT_REVIEW", "2025-05-20", r.s4, null, "Экспертиза программы развития", "Программа одобрена");
        log(r.methodist(), "CONSULTATION", "2024-11-15", r.s2, null, "Работа с родителями", "Проведено собрание");
    }

    static JsonNode log(String token, String kind, String date, String school, String teacher, String topic, String result) {
        Map<String, Object> in = new HashMap<>();
        in.put("kind", kind);
        in.put("date", date);
        in.put("schoolId", school);
        in.put("teacherId", teacher);
        in.put("topic", topic);
        in.put("result", result);
        return graphql(token, LOG, Map.of("in", in)).data().path("logHelp");
    }

    long count() {
        return SupportRegion.count("MATCH (h:HelpRecord) WHERE h.regionId IN [$r, $x] RETURN count(h)",
                Map.of("r", r.region, "x", r.otherRegion));
    }

    @Test
    void aLoggedActIsReadBackAndFiltered() {
        JsonNode logged = log(r.methodistM2(), "CONSULTATION", LocalDate.now().toString(), null, r.t3, "Подготовка к ОГЭ",
                "Разобраны типичные ошибки");
        assertThat(logged.path("id").asText()).startsWith("HLP-");
        assertThat(logged.path("school").path("id").asText()).isEqualTo(r.s3);
        assertThat(logged.path("teacher").path("id").asText()).isEqualTo(r.t3);
        assertThat(logged.path("kindLabel").asText()).isEqualTo("Консультация");
        assertThat(logged.path("givenBy").asText()).isEqualTo(r.login("methodist-m2"));

        JsonNode byTeacher = graphql(r.methodist(), LIST, Map.of("f", Map.of("regionId", r.region, "teacherId", r.t3))).data()
                .path("helpRecords");
        assertThat(byTeacher.path("totalCount").asInt()).isEqualTo(2);
        assertThat(byTeacher.path("edges").get(0).path("node").path("topic").asText()).isEqualTo("Подготовка к ОГЭ");
        JsonNode visits2025 = graphql(r.regional(), LIST, Map.of("f", Map.of("regionId", r.region, "kind", "VISIT",
                "from", "2025-01-01", "to", "2025-12-31"))).data().path("helpRecords");
        assertThat(visits2025.path("totalCount").asInt()).isEqualTo(1);
        assertThat(visits2025.path("edges").get(0).path("node").path("school").path("id").asText()).isEqualTo(r.s1);
        JsonNode m1 = graphql(r.municipal1(), LIST, Map.of("f", Map.of("regionId", r.region, "municipalityId", r.m1))).data()
                .path("helpRecords");
        assertThat(m1.path("totalCount").asInt()).isEqualTo(2);
        JsonNode byGiver = graphql(r.methodist(), LIST, Map.of("f", Map.of("regionId", r.region, "givenBy", r.login("curator"))))
                .data().path("helpRecords");
        assertThat(byGiver.path("totalCount").asInt()).isEqualTo(1);
        // paging, newest first
        JsonNode page1 = graphql(r.methodist(), LIST, Map.of("f", Map.of("regionId", r.region), "first", 2)).data().path("helpRecords");
        JsonNode page2 = graphql(r.methodist(), LIST, Map.of("f", Map.of("regionId", r.region), "first", 10,
                "after", page1.path("pageInfo").path("endCursor").asText())).data().path("helpRecords");
        assertThat(page1.path("edges").get(1).path("node").path("date").asText()).isEqualTo("2025-05-20");
        assertThat(page2.path("edges").get(0).path("node").path("date").asText()).isEqualTo("2025-04-02");
        assertThat(page2.path("edges").size() + 2).isEqualTo(page1.path("totalCount").asInt());
    }

    @Test
    void coverageCountsШнорАndШнсуSchoolsWithHelpInTheYear() {
        // ШНОР/ШНСУ schools of the region: S1, S2 (M1), S3 (M2); 2025 help reached S1 and S3 (via T3); S4 is a leader
        JsonNode region = graphql(r.methodist(), COVERAGE, Map.of("r", r.region, "y", 2025)).data().path("methodicalSupportCoverage");
        assertThat(region.path("schools").asInt()).isEqualTo(3);
        assertThat(region.path("covered").asInt()).isEqualTo(2);
        assertThat(region.path("share").asDouble()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(region.path("uncoveredSchools").get(0).path("id").asText()).isEqualTo(r.s2);
        JsonNode m1in2024 = graphql(r.municipal1(), COVERAGE, Map.of("r", r.region, "m", r.m1, "y", 2024)).data()
                .path("methodicalSupportCoverage");
        assertThat(m1in2024.path("schools").asInt()).isEqualTo(2);
        assertThat(m1in2024.path("covered").asInt()).isEqualTo(1);
        assertThat(m1in2024.path("share").asDouble()).isEqualTo(0.5);
        JsonNode none = graphql(r.regional(), COVERAGE, Map.of("r", r.region, "y", 2020)).data().path("methodicalSupportCoverage");
        assertThat(none.path("covered").asInt()).isZero();
        assertThat(none.path("uncoveredSchools").size()).isEqualTo(3);
        JsonNode nothing = graphql(r.otherMethodist(), COVERAGE, Map.of("r", r.otherRegion, "y", 2025)).data()
                .path("methodicalSupportCoverage");
        assertThat(nothing.path("schools").asInt()).isEqualTo(1);
        assertThat(nothing.path("share").asDouble()).isZero();
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        long before = count();
        Map<String, Map<String, Object>> inputs = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        inputs.put("future", Map.of("kind", "VISIT", "date", LocalDate.now().plusDays(1).toString(), "schoolId", r.s1,
                "topic", "Т", "result", "Р"));
        expected.put("future", "date: помощь ещё не оказана");
        inputs.put("no place", Map.of("kind", "VISIT", "date", "2025-01-10", "topic", "Т", "result", "Р"));
        expected.put("no place", "schoolId: укажите школу или педагога");
        inputs.put("teacher of another school", Map.of("kind", "CONSULTATION", "date", "2025-01-10", "schoolId", r.s1,
                "teacherId", r.t3, "topic", "Т", "result", "Р"));
        expected.put("teacher of another school", "schoolId: педагог " + r.t3 + " работает в другой школе");
        inputs.put("blank topic", Map.of("kind", "VISIT", "date", "2025-01-10", "schoolId", r.s1, "topic", " ", "result", "Р"));
        expected.put("blank topic", "topic: обязательное поле не заполнено");
        inputs.put("blank result", Map.of("kind", "VISIT", "date", "2025-01-10", "schoolId", r.s1, "topic", "Т", "result", ""));
        expected.put("blank result", "result: обязательное поле не заполнено");
        List<String> failures = new ArrayList<>();
        inputs.forEach((name, in) -> {
            GraphQlResponse response = graphql(r.methodist(), LOG, Map.of("in", in));
            if (!"BAD_USER_INPUT".equals(response.errorCode()) || !response.errorMessage().startsWith(expected.get(name))) {
                failures.add(name + ": " + response.body());
            }
        });
        assertThat(failures).isEmpty();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void onlySupportRolesOfTheTerritoryLogAndTheSchoolAndTeacherReadTheirOwn() {
        Map<String, Object> toS1 = Map.of("in", Map.of("kind", "VISIT", "date", "2025-06-01", "schoolId", r.s1, "topic", "Т",
                "result", "Р"));
        Map<String, String> forbidden = r.outsidersOfS1();
        List<String> failures = new ArrayList<>();
        forbidden.forEach((who, token) -> {
            long before = count();
            GraphQlResponse response = graphql(token, LOG, toS1);
            if (!"FORBIDDEN".equals(response.errorCode()) || count() != before) {
                failures.add("log by " + who + ": " + response.body());
            }
        });
        // reading: the school admin their school only, the teacher their own help only
        Map<String, Object> s1 = Map.of("f", Map.of("regionId", r.region, "schoolId", r.s1));
        Map<String, Object> s3 = Map.of("f", Map.of("regionId", r.region, "schoolId", r.s3));
        Map<String, Object> t3 = Map.of("f", Map.of("regionId", r.region, "teacherId", r.t3));
        Map<String, Object> whole = Map.of("f", Map.of("regionId", r.region));
        expect(failures, r.schoolAdmin1(), s1, null);
        expect(failures, r.schoolAdmin1(), s3, "FORBIDDEN");
        expect(failures, r.schoolAdmin1(), whole, "FORBIDDEN");
        expect(failures, r.teacher3(), t3, null);
        expect(failures, r.teacher1(), t3, "FORBIDDEN");
        expect(failures, r.teacher3(), s3, "FORBIDDEN");
        expect(failures, r.mentor(), s1, "FORBIDDEN");
        expect(failures, r.methodistM2(), whole, "FORBIDDEN");
        expect(failures, r.methodistM2(), s3, null);
        expect(failures, r.otherMethodist(), whole, "FORBIDDEN");
        expect(failures, r.municipal2(), Map.of("f", Map.of("regionId", r.region, "municipalityId", r.m1)), "FORBIDDEN");
        // coverage: support roles of the territory only
        for (String token : List.of(r.schoolAdmin1(), r.teacher1(), r.otherMethodist(), r.methodistM2())) {
            GraphQlResponse response = graphql(token, COVERAGE, Map.of("r", r.region, "y", 2025));
            if (!"FORBIDDEN".equals(response.errorCode())) {
                failures.add("coverage: " + response.body());
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void expect(List<String> failures, String token, Map<String, Object> variables, String code) {
        GraphQlResponse response = graphql(token, LIST, variables);
        if (code == null ? response.errorCode() != null : !code.equals(response.errorCode())) {
            failures.add(variables + " expected " + code + ": " + response.body());
        }
    }
}
