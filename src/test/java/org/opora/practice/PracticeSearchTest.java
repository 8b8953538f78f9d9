package org.opora.practice;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.practice.PracticeFixtures.GET;
import static org.opora.practice.PracticeFixtures.SUBMIT;
import static org.opora.practice.PracticeFixtures.UPDATE;
import static org.opora.practice.PracticeFixtures.approved;
import static org.opora.practice.PracticeFixtures.await;
import static org.opora.practice.PracticeFixtures.call;
import static org.opora.practice.PracticeFixtures.create;
import static org.opora.practice.PracticeFixtures.facet;
import static org.opora.practice.PracticeFixtures.ids;
import static org.opora.practice.PracticeFixtures.input;
import static org.opora.practice.PracticeFixtures.school;
import static org.opora.practice.PracticeFixtures.search;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * Search in the practice bank against the real Elasticsearch node: morphology, typos, phrases and prefixes,
 * highlights, facet counts, visibility of drafts, sync of updates, cursors and suggestions. Works in region R-PS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PracticeSearchTest {

    static final String REGION = "R-PS";
    static final Map<String, Object> IN_REGION = Map.of("regionId", REGION);

    String author;
    String methodist;
    String teacher;
    String otherMethodist;
    String mentoring;
    String olympiad;
    String language;
    String draft;
    String submitted;

    @BeforeAll
    void practices() {
        school(REGION, "R-PS-M1", "R-PS-S1", "Сельская школа № 1", "СОШ", "село", 0.8);
        school(REGION, "R-PS-M2", "R-PS-S2", "Городская гимназия № 2", "Гимназия", "город", -0.5);
        author = tokenFor("ps-author", Set.of(Role.TEACHER), new Scope(REGION, "R-PS-M1", "R-PS-S1"));
        methodist = tokenFor("ps-methodist", Set.of(Role.METHODIST), new Scope(REGION, null, null));
        teacher = tokenFor("ps-teacher", Set.of(Role.TEACHER), new Scope(REGION, "R-PS-M2", "R-PS-S2"));
        otherMethodist = tokenFor("ps-other-methodist", Set.of(Role.METHODIST), new Scope("R-PS-OTHER", null, null));

        Map<String, Object> m = input("Школа молодого педагога",
                "Каждому молодому учителю математики назначается опытный наставник, который посещает его уроки.",
                List.of("MATHEMATICS", "SCHOOL_MANAGEMENT"), List.of(5, 6), List.of("STAFF_SHORTAGE"), "R-PS-S1");
        m.put("evidence", List.of(
                Map.of("metric", "Доля молодых педагогов, оставшихся в школе", "before", 40.0, "after", 75.0, "unit", "%"),
                Map.of("metric", "Доля молодых педагогов, оставшихся в школе-партнёре", "before", 35.0, "after", 60.0, "unit", "%",
                        "schoolId", "R-PS-S2")));
        mentoring = approved(author, methodist, m);

        Map<String, Object> o = input("Решение олимпиадных задач в сельской школе",
                "Еженедельный кружок по математике: дети решают олимпиадные задачи и готовятся к муниципальному этапу.",
                List.of("MATHEMATICS"), List.of(7, 8), List.of("LOW_MOTIVATION"), "R-PS-S1");
        o.put("evidence", List.of(Map.of("metric", "Доля участников муниципального этапа олимпиады", "before", 2.0, "after", 7.0,
                "unit", "%")));
        olympiad = approved(author, methodist, o);

        String author2 = tokenFor("ps-author2", Set.of(Role.SCHOOL_ADMIN), new Scope(REGION, "R-PS-M2", "R-PS-S2"));
        language = approved(author2, methodist, input("Языковая поддержка детей-инофонов на уроках биологии",
                "Учитель готовит словарь предметных терминов с картинками к каждой теме, и дети-инофоны понимают объяснение.",
                List.of("BIOLOGY"), List.of(7), List.of("LANGUAGE_BARRIER"), "R-PS-S2"));

        draft = create(author, input("Секретная практика про шахматы",
                "Черновик: шахматный кружок для развития логического мышления.",
                List.of("MATHEMATICS"), List.of(3), List.of("LOW_MOTIVATION"), "R-PS-S1")).get("id").asText();

        submitted = create(author, input("Театральная студия для подростков",
                "Подростки ставят спектакли, и это помогает им раскрыться.",
                List.of("EDUCATIONAL_WORK"), List.of(8), List.of("DEVIANT_BEHAVIOUR"), "R-PS-S1")).get("id").asText();
        call(author, SUBMIT, "submitPractice", Map.of("id", submitted));
    }

    @Test
    void morphologyFindsDerivedAndInflectedForms() {
        // "наставничество" is in none of the texts; the description says "наставник".
        GraphQlResponse response = search(teacher, "наставничество", IN_REGION);
        assertThat(ids(response)).containsExactly(mentoring);
        JsonNode highlights = response.data().get("searchPractices").get("edges").get(0).get("highlights");
        assertThat(highlights.toString()).contains("<em>наставник</em>");
        // Inflection: plural genitive in the query, singular in the text.
        assertThat(ids(search(teacher, "олимпиадными задачами", IN_REGION))).containsExactly(olympiad);
    }

    @Test
    void typosPhrasesAndPrefixes() {
        assertThat(ids(search(teacher, "математека", IN_REGION))).contains(mentoring, olympiad).doesNotContain(language);
        GraphQlResponse typos = search(teacher, "олимпиадых здач", IN_REGION);
        assertThat(ids(typos)).contains(olympiad);
        // Words matched only with a typo are highlighted in the title too.
        JsonNode olympiadHit = null;
        for (JsonNode edge : typos.data().get("searchPractices").get("edges")) {
            if (edge.get("node").get("id").asText().equals(olympiad)) {
                olympiadHit = edge;
            }
        }
        assertThat(olympiadHit.get("highlights").toString()).contains("<em>олимпиадных</em>").contains("<em>задач</em>");
        // A phrase in quotes must occur as written (words in this order).
        assertThat(ids(search(teacher, "\"словарь предметных терминов\"", IN_REGION))).containsExactly(language);
        assertThat(ids(search(teacher, "\"терминов предметных словарь\"", IN_REGION))).isEmpty();
        // The last word may be unfinished.
        assertThat(ids(search(teacher, "языковая подде", IN_REGION))).containsExactly(language);
        // Risk factor labels are searchable too.
        assertThat(ids(search(teacher, "русский язык как неродной", IN_REGION))).contains(language);
    }

    @Test
    void facetCountsAreMultiSelectAndRespectVisibility() {
        GraphQlResponse all = search(teacher, null, IN_REGION);
        assertThat(all.data().get("searchPractices").get("totalCount").asInt()).isEqualTo(3); // drafts and submissions hidden
        assertThat(facet(all, "subjects")).containsExactlyInAnyOrderEntriesOf(
                Map.of("MATHEMATICS", 2, "SCHOOL_MANAGEMENT", 1, "BIOLOGY", 1));
        assertThat(facet(all, "grades")).containsExactlyInAnyOrderEntriesOf(Map.of("5", 1, "6", 1, "7", 2, "8", 1));
        assertThat(facet(all, "municipalities")).containsExactlyInAnyOrderEntriesOf(Map.of("R-PS-M1", 2, "R-PS-M2", 1));
        assertThat(facet(all, "evidenceLevels")).containsExactlyInAnyOrderEntriesOf(
                Map.of("REPLICATED", 1, "MEASURED", 1, "DESCRIBED", 1));
        assertThat(facet(all, "statuses")).containsExactlyEntriesOf(Map.of("APPROVED", 3));
        JsonNode labels = all.data().get("searchPractices").get("facets");
        assertThat(labels.get("subjects").toString()).contains("Математика");
        assertThat(labels.get("municipalities").toString()).contains("Муниципалитет R-PS-M1");

        Map<String, Object> mathsOnly = new HashMap<>(IN_REGION);
        mathsOnly.put("subjects", List.of("MATHEMATICS"));
        GraphQlResponse maths = search(teacher, null, mathsOnly);
        assertThat(ids(maths)).containsExactlyInAnyOrder(mentoring, olympiad);
        // Its own facet keeps counting the other values (multi-select) ...
        assertThat(facet(maths, "subjects")).containsEntry("BIOLOGY", 1).containsEntry("MATHEMATICS", 2);
        // ... the others count within the selection.
        assertThat(facet(maths, "riskFactors")).containsExactlyInAnyOrderEntriesOf(Map.of("STAFF_SHORTAGE", 1, "LOW_MOTIVATION", 1));
        assertThat(maths.data().get("searchPractices").get("facets").get("subjects").toString()).contains("\"selected\":true");

        // The reviewer of the region also sees the submission; the author sees the draft too.
        assertThat(facet(search(methodist, null, IN_REGION), "statuses")).containsEntry("SUBMITTED", 1).doesNotContainKey("DRAFT");
        assertThat(facet(search(author, null, IN_REGION), "statuses")).containsEntry("DRAFT", 1).containsEntry("SUBMITTED", 1);
    }

    @Test
    void draftIsInvisibleToOthersButVisibleToItsAuthor() {
        assertThat(ids(search(teacher, "шахматы", IN_REGION))).isEmpty();
        assertThat(ids(search(methodist, "шахматы", IN_REGION))).isEmpty();
        assertThat(graphql(teacher, GET, Map.of("id", draft)).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(ids(search(author, "шахматы", IN_REGION))).containsExactly(draft);
        assertThat(graphql(author, GET, Map.of("id", draft)).data().get("practice").get("status").asText()).isEqualTo("DRAFT");
        Map<String, Object> mine = new HashMap<>(IN_REGION);
        mine.put("mine", true);
        assertThat(ids(search(author, null, mine))).contains(draft, submitted, mentoring);
        // A submission: its territory's reviewer sees it, another region's does not, nor does a teacher.
        assertThat(ids(search(methodist, "театральная студия", IN_REGION))).containsExactly(submitted);
        assertThat(ids(search(otherMethodist, "театральная студия", null))).doesNotContain(submitted);
        assertThat(ids(search(teacher, "театральная студия", IN_REGION))).isEmpty();
        // Suggestions follow the same rule.
        assertThat(suggestions(teacher, "секретн")).isEmpty();
        assertThat(suggestions(author, "секретн")).contains("Секретная практика про шахматы");
    }

    @Test
    void anUpdateInNeo4jShowsInSearch() {
        String id = approved(author, methodist, input("Утренний круг в начальной школе",
                "Каждый день начинается с короткого разговора класса о планах на день и о том, что получилось вчера.",
                List.of("EDUCATIONAL_WORK"), List.of(1, 2), List.of("LOW_MOTIVATION"), "R-PS-S1"));
        Map<String, Object> changed = input("Утренний круг и игровые карточки в начальной школе",
                "Каждый день начинается с короткого разговора класса, а игровые карточки помогают детям рассказать о своих планах.",
                List.of("EDUCATIONAL_WORK", "RUSSIAN"), List.of(1, 2), List.of("LOW_MOTIVATION"), "R-PS-S1");
        JsonNode before = graphql(methodist, GET, Map.of("id", id)).data().get("practice");
        JsonNode after = call(methodist, UPDATE, "updatePractice", Map.of("id", id, "in", changed, "v", before.get("version").asInt()));
        assertThat(after.get("version").asInt()).isEqualTo(before.get("version").asInt() + 1);
        assertThat(after.get("status").asText()).isEqualTo("APPROVED");
        GraphQlResponse found = await(() -> search(teacher, "карточки", IN_REGION), r -> ids(r).contains(id), Duration.ofSeconds(10));
        assertThat(ids(found)).containsExactly(id);
        assertThat(found.data().get("searchPractices").get("edges").get(0).get("node").get("title").asText())
                .isEqualTo("Утренний круг и игровые карточки в начальной школе");
        Map<String, Object> russian = new HashMap<>(IN_REGION);
        russian.put("subjects", List.of("RUSSIAN"));
        assertThat(ids(search(teacher, null, russian))).containsExactly(id);
        // Deleting it (the other tests of this class count the region's practices) removes it from search too.
        cleanUp(id);
        assertThat(ids(await(() -> search(teacher, "карточки", IN_REGION), r -> ids(r).isEmpty(), Duration.ofSeconds(10)))).isEmpty();
    }

    /** Removes a practice that only one test needed (the admin may delete in any status). */
    private static void cleanUp(String id) {
        String admin = org.opora.testing.OporaTestApp.adminToken();
        assertThat(graphql(admin, "mutation($id: ID!) { deletePractice(id: $id) }", Map.of("id", id)).data()
                .get("deletePractice").asBoolean()).isTrue();
    }

    @Test
    void sortsByEvidenceAndPagesWithCursors() {
        assertThat(ids(search(teacher, null, IN_REGION, "EVIDENCE", 20, null)))
                .startsWith(mentoring, olympiad);
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 3; page++) {
            GraphQlResponse response = search(teacher, null, IN_REGION, "NEWEST", 1, after);
            JsonNode connection = response.data().get("searchPractices");
            assertThat(connection.get("totalCount").asInt()).isEqualTo(3);
            seen.addAll(ids(response));
            assertThat(connection.get("pageInfo").get("hasNextPage").asBoolean()).isEqualTo(page < 2);
            after = connection.get("pageInfo").get("endCursor").asText();
        }
        assertThat(seen).containsExactlyInAnyOrder(mentoring, olympiad, language);
        // A cursor belongs to its sort.
        assertThat(search(teacher, null, IN_REGION, "RELEVANCE", 1, after).errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(search(teacher, null, IN_REGION, "NEWEST", 1, "garbage").errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void suggestsTitlesAsYouType() {
        assertThat(suggestions(teacher, "школа мол")).contains("Школа молодого педагога");
        // Middle words; the seed loaded by the relevance test has many "олимпиадная школа" titles, so two words.
        assertThat(suggestions(teacher, "олимпиадных зад")).contains("Решение олимпиадных задач в сельской школе");
        assertThat(suggestions(teacher, "языковя подд")).anyMatch(t -> t.startsWith("Языковая поддержка")); // a typo
    }

    @Test
    void searchNeedsALoginAndValidatesItsArguments() {
        assertThat(search(null, "практика", null).errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(search(teacher, "практика", null, null, 500, null).errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(search(teacher, "x".repeat(400), null).errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    private static List<String> suggestions(String token, String prefix) {
        List<String> titles = new ArrayList<>();
        graphql(token, "query($p: String!) { practiceSuggestions(prefix: $p) { id title text } }", Map.of("p", prefix))
                .data().get("practiceSuggestions").forEach(s -> titles.add(s.get("title").asText()));
        return titles;
    }
}
