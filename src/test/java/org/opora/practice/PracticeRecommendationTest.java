package org.opora.practice;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.practice.PracticeFixtures.approved;
import static org.opora.practice.PracticeFixtures.cypher;
import static org.opora.practice.PracticeFixtures.input;
import static org.opora.practice.PracticeFixtures.school;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * Recommendations: the school's risk profile picks the practices, adoptions by comparable schools (similar social
 * context, as pairing measures it) with improved results rank them, and each carries its reasons. Works in region
 * R-PREC.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PracticeRecommendationTest {

    static final String REGION = "R-PREC";
    static final String RECOMMEND = """
            query($s: ID!) { practiceRecommendations(schoolId: $s) {
              score reasons practice { id title evidenceLevel }
              matchedRiskFactors { factor label level }
              comparableAdoptions { school { id name } date contextSimilarity outcome { change improved description } }
            } }
            """;

    String target;
    String staffImprovedNearby;
    String staffImprovedFarAway;
    String motivation;
    String remoteness;
    String alreadyAdopted;
    String lowLevelFactor;

    @BeforeAll
    void graph() {
        school(REGION, "R-PREC-M1", "R-PREC-TARGET", "Целевая сельская школа", "СОШ", "село", 1.0);
        school(REGION, "R-PREC-M1", "R-PREC-C1", "Похожая школа с ростом", "СОШ", "село", 1.2);
        school(REGION, "R-PREC-M1", "R-PREC-C2", "Похожая школа без роста", "СОШ", "село", 0.7);
        school(REGION, "R-PREC-M2", "R-PREC-CITY", "Городская школа", "СОШ", "город", 1.0);
        school(REGION, "R-PREC-M1", "R-PREC-FAR", "Сельская школа в других условиях", "СОШ", "село", 2.6);
        school(REGION, "R-PREC-M1", "R-PREC-AUTHOR", "Школа-автор", "СОШ", "село", -1.0);
        // Social context: C1 and C2 live in the target's conditions, the city school and FAR in very different ones.
        indicators("R-PREC-TARGET", 0.40, 120, 0.20, 0.50);
        indicators("R-PREC-C1", 0.41, 115, 0.21, 0.50);
        indicators("R-PREC-C2", 0.39, 125, 0.19, 0.48);
        indicators("R-PREC-CITY", 0.08, 3, 0.02, 0.90);
        indicators("R-PREC-FAR", 0.85, 420, 0.55, 0.10);
        indicators("R-PREC-AUTHOR", 0.25, 60, 0.10, 0.70);
        cypher("""
                MATCH (s:School {id: 'R-PREC-TARGET'})
                MERGE (run:IdentificationRun {id: 'RUN-PREC'})
                MERGE (run)-[a:ASSESSED]->(s)
                SET a.riskProfileJson = $profile, s.identificationRunId = 'RUN-PREC', s.statuses = ['LOW_RESULTS']
                """, Map.of("profile", """
                [{"factor":"LOW_MOTIVATION","level":"MEDIUM","indicators":["OLYMPIAD_PARTICIPATION_SHARE"]},
                 {"factor":"STAFF_SHORTAGE","level":"HIGH","indicators":["STAFF_SHORTAGE_SHARE"]},
                 {"factor":"SPECIAL_NEEDS","level":"LOW","indicators":[]}]"""));
        // Assessed, but every factor of its profile is LOW (most low-result schools of the demo look like this).
        school(REGION, "R-PREC-M1", "R-PREC-LOWONLY", "Школа с низкими рисками", "СОШ", "село", 1.0);
        indicators("R-PREC-LOWONLY", 0.40, 121, 0.20, 0.49);
        cypher("""
                MATCH (s:School {id: 'R-PREC-LOWONLY'})
                MERGE (run:IdentificationRun {id: 'RUN-PREC-LOWONLY'})
                MERGE (run)-[a:ASSESSED]->(s)
                SET a.riskProfileJson = $profile, s.identificationRunId = 'RUN-PREC-LOWONLY'
                """, Map.of("profile", """
                [{"factor":"STAFF_SHORTAGE","level":"LOW","indicators":["STAFF_SHORTAGE_SHARE"]},
                 {"factor":"SPECIAL_NEEDS","level":"LOW","indicators":[]}]"""));
        results("R-PREC-C1", 3.1, 3.2, 3.6, 3.7);   // up after a 2022 adoption
        results("R-PREC-C2", 3.3, 3.3, 3.3, 3.2);   // flat
        results("R-PREC-CITY", 3.0, 3.1, 3.6, 3.8); // up, but not comparable (a city school)

        String author = tokenFor("prec-author", Set.of(Role.TEACHER), new Scope(REGION, "R-PREC-M1", "R-PREC-AUTHOR"));
        String methodist = tokenFor("prec-methodist", Set.of(Role.METHODIST), new Scope(REGION, null, null));
        staffImprovedNearby = approved(author, methodist, input("Сетевые уроки математики с опорной школой",
                "Уроки математики по видеосвязи ведёт учитель опорной школы, на месте работает тьютор.",
                List.of("MATHEMATICS"), List.of(5, 6), List.of("STAFF_SHORTAGE"), "R-PREC-AUTHOR"));
        staffImprovedFarAway = approved(author, methodist, input("Межшкольное совместительство учителей математики",
                "Учителя математики из соседних школ ведут часы по единому муниципальному расписанию.",
                List.of("MATHEMATICS"), List.of(5, 6), List.of("STAFF_SHORTAGE"), "R-PREC-AUTHOR"));
        motivation = approved(author, methodist, input("Проектная неделя по математике",
                "Дети решают задачи на материале своего села и защищают решения перед родителями.",
                List.of("MATHEMATICS"), List.of(5, 6), List.of("LOW_MOTIVATION"), "R-PREC-AUTHOR"));
        remoteness = approved(author, methodist, input("Выездные интенсивы для отдалённых сёл",
                "В каникулы дети из отдалённых сёл приезжают на трёхдневные интенсивы в районный центр.",
                List.of("CROSS_SUBJECT"), List.of(5, 6), List.of("REMOTENESS"), "R-PREC-AUTHOR"));
        alreadyAdopted = approved(author, methodist, input("Закрепление молодых учителей",
                "Молодой учитель первые три года работает с наставником, муниципалитет помогает с жильём.",
                List.of("SCHOOL_MANAGEMENT"), List.of(5, 6), List.of("STAFF_SHORTAGE"), "R-PREC-AUTHOR"));
        lowLevelFactor = approved(author, methodist, input("Адаптация заданий для детей с ОВЗ",
                "Учителя собирают банк адаптированных заданий с опорами и пошаговыми инструкциями.",
                List.of("MATHEMATICS"), List.of(5, 6), List.of("SPECIAL_NEEDS"), "R-PREC-AUTHOR"));

        // Adoptions through the API (school administrators of the adopting schools).
        adopt("R-PREC-C1", staffImprovedNearby, "2022-09-01");
        adopt("R-PREC-C2", staffImprovedFarAway, "2022-09-01");
        adopt("R-PREC-CITY", staffImprovedFarAway, "2022-09-01");
        adopt("R-PREC-TARGET", alreadyAdopted, "2023-09-01");
    }

    @Test
    void ranksByRiskFactorsAndComparableSchoolsResultsAndExplains() {
        String token = tokenFor("prec-school-admin", Set.of(Role.SCHOOL_ADMIN), new Scope(REGION, "R-PREC-M1", "R-PREC-TARGET"));
        JsonNode recommendations = graphql(token, RECOMMEND, Map.of("s", "R-PREC-TARGET")).data().get("practiceRecommendations");
        List<String> order = new ArrayList<>();
        recommendations.forEach(r -> order.add(r.get("practice").get("id").asText()));
        assertThat(order).containsExactly(staffImprovedNearby, staffImprovedFarAway, motivation);
        assertThat(order).doesNotContain(remoteness, alreadyAdopted, lowLevelFactor);

        JsonNode best = recommendations.get(0);
        assertThat(best.get("matchedRiskFactors").get(0).get("factor").asText()).isEqualTo("STAFF_SHORTAGE");
        assertThat(best.get("matchedRiskFactors").get(0).get("level").asText()).isEqualTo("HIGH");
        JsonNode adoption = best.get("comparableAdoptions").get(0);
        assertThat(adoption.get("school").get("id").asText()).isEqualTo("R-PREC-C1");
        assertThat(adoption.get("outcome").get("improved").asBoolean()).isTrue();
        assertThat(adoption.get("outcome").get("change").asDouble()).isGreaterThan(10);
        assertThat(adoption.get("contextSimilarity").asDouble()).isBetween(0.9, 1.0);
        String reasons = best.get("reasons").toString();
        assertThat(reasons).contains("«Дефицит педагогических кадров» (высокий уровень)")
                .contains("внедривших практику: 1; результаты после внедрения выросли у 1 из них")
                .contains("«Похожая школа с ростом» (сходство контекста 1,00)")
                .contains("ВПР, Математика, 5 кл.");

        // The city school's improvement does not count as comparable; the flat village school does, without growth.
        JsonNode second = recommendations.get(1);
        assertThat(second.get("comparableAdoptions")).hasSize(1);
        assertThat(second.get("comparableAdoptions").get(0).get("school").get("id").asText()).isEqualTo("R-PREC-C2");
        assertThat(second.get("reasons").toString()).contains("внедривших практику: 1; роста результатов после внедрения пока не видно");
        assertThat(second.get("practice").get("evidenceLevel").asText()).isEqualTo("MEASURED"); // the city school improved

        assertThat(recommendations.get(2).get("matchedRiskFactors").get(0).get("level").asText()).isEqualTo("MEDIUM");
    }

    @Test
    void onlyForSchoolsOfTheCallersTerritory() {
        String outsider = tokenFor("prec-outsider", Set.of(Role.SCHOOL_ADMIN), new Scope(REGION, "R-PREC-M2", "R-PREC-CITY"));
        assertThat(graphql(outsider, RECOMMEND, Map.of("s", "R-PREC-TARGET")).errorCode()).isEqualTo("FORBIDDEN");
        String curator = tokenFor("prec-curator", Set.of(Role.CURATOR), new Scope(REGION, null, null));
        assertThat(graphql(curator, RECOMMEND, Map.of("s", "R-PREC-TARGET")).data().get("practiceRecommendations")).hasSize(3);
        assertThat(graphql(curator, RECOMMEND, Map.of("s", "R-PREC-NOPE")).errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void withoutARiskProfileComparableSchoolsExperienceDecides() {
        String curator = tokenFor("prec-curator", Set.of(Role.CURATOR), new Scope(REGION, null, null));
        JsonNode recommendations = graphql(curator, RECOMMEND, Map.of("s", "R-PREC-C2")).data().get("practiceRecommendations");
        assertThat(recommendations.get(0).get("practice").get("id").asText()).isEqualTo(staffImprovedNearby); // C1 improved
        assertThat(recommendations.get(0).get("reasons").get(0).asText()).contains("Профиль рисков школы ещё не рассчитан");
    }

    @Test
    void aProfileWithOnlyLowFactorsIsNotCalledMissing() {
        String curator = tokenFor("prec-curator", Set.of(Role.CURATOR), new Scope(REGION, null, null));
        JsonNode recommendations = graphql(curator, RECOMMEND, Map.of("s", "R-PREC-LOWONLY")).data().get("practiceRecommendations");
        assertThat(recommendations).isNotEmpty();
        String first = recommendations.get(0).get("reasons").get(0).asText();
        assertThat(first).startsWith("В профиле рисков школы нет факторов среднего или высокого уровня")
                .doesNotContain("не рассчитан");
        recommendations.forEach(r -> assertThat(r.get("matchedRiskFactors")).isEmpty());
    }

    private static void adopt(String schoolId, String practiceId, String date) {
        String admin = tokenFor("prec-admin-" + schoolId, Set.of(Role.SCHOOL_ADMIN),
                new Scope(REGION, schoolId.equals("R-PREC-CITY") ? "R-PREC-M2" : "R-PREC-M1", schoolId));
        graphql(admin, "mutation($p: ID!, $s: ID!, $d: Date!) { recordPracticeAdoption(practiceId: $p, schoolId: $s, date: $d) { date } }",
                Map.of("p", practiceId, "s", schoolId, "d", date)).data();
    }

    /** The latest context indicators: low-income share, distance to the regional centre, staff shortage, parents. */
    private static void indicators(String schoolId, double lowIncome, double remotenessKm, double staffShortage,
                                   double parentalInvolvement) {
        cypher("""
                MATCH (s:School {id: $id})
                UNWIND [['low_income_share', $a], ['remoteness_km', $b], ['staff_shortage_share', $c],
                        ['parental_involvement_index', $d]] AS i
                CREATE (s)-[:HAS_INDICATOR]->(:IndicatorValue {schoolId: $id, indicator: i[0], year: 2024, value: i[1]})
                """, Map.of("id", schoolId, "a", lowIncome, "b", remotenessKm, "c", staffShortage, "d", parentalInvolvement));
    }

    /** ВПР mathematics grade 5 results for 2021..2024. */
    private static void results(String schoolId, double y2021, double y2022, double y2023, double y2024) {
        cypher("""
                MATCH (s:School {id: $id})
                UNWIND [[2021, $a], [2022, $b], [2023, $c], [2024, $d]] AS r
                CREATE (s)-[:HAS_RESULT]->(:AssessmentResult {schoolId: $id, year: r[0], procedure: 'ВПР', subject: 'MATHEMATICS',
                        grade: 5, meanScore: r[1], shareFailing: 0.1, shareHigh: 0.3})
                """, Map.of("id", schoolId, "a", y2021, "b", y2022, "c", y2023, "d", y2024));
    }
}
