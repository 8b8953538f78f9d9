package org.opora.platform.graphql;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.input.TextInput;
import org.opora.school.importing.FileKind;
import org.opora.school.importing.ImportRejectedException;
import org.opora.school.importing.SchoolDataImporter;
import org.opora.testing.GraphQlResponse;
import org.opora.testing.OporaTestApp;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * Control characters are refused at the door, wherever free text enters: a practice whose text held a NUL used to be
 * stored and then refused by Elasticsearch forever. Works in region T-CTRL.
 */
class ControlCharacterTest {

    static final String REGION = "T-CTRL";
    static final String CREATE = "mutation($in: PracticeInput!) { createPractice(input: $in) { id title description } }";

    static String author;

    @BeforeAll
    static void school() {
        try (Session session = OporaTestApp.driver().session()) {
            session.run("""
                    MERGE (r:Region {id: 'T-CTRL'}) SET r.name = 'Регион T-CTRL'
                    MERGE (m:Municipality {id: 'T-CTRL-M'}) SET m.name = 'Округ', m.regionId = 'T-CTRL'
                    MERGE (r)-[:HAS_MUNICIPALITY]->(m)
                    MERGE (s:School {id: 'T-CTRL-S'}) SET s.name = 'Школа', s.regionId = 'T-CTRL', s.municipalityId = 'T-CTRL-M'
                    MERGE (m)-[:HAS_SCHOOL]->(s)
                    """).consume();
        }
        author = tokenFor("ctrl-author", Set.of(Role.TEACHER), new Scope(REGION, "T-CTRL-M", "T-CTRL-S"));
    }

    static Map<String, Object> practice(String title, String description) {
        Map<String, Object> in = new HashMap<>();
        in.put("title", title);
        in.put("summary", "Кратко о практике");
        in.put("description", description);
        in.put("subjects", List.of("MATHEMATICS"));
        in.put("grades", List.of(5));
        in.put("riskFactors", List.of());
        in.put("authors", List.of("Иванова А. П."));
        in.put("level", "SCHOOL");
        in.put("authorSchoolId", "T-CTRL-S");
        return in;
    }

    static long practicesTitled(String title) {
        try (Session session = OporaTestApp.driver().session()) {
            return session.run("MATCH (p:Practice {title: $t}) RETURN count(p)", Map.of("t", title)).single().get(0).asLong();
        }
    }

    @Test
    void aNulInAPracticeIsRefusedNamingTheFieldAndNothingIsStored() {
        GraphQlResponse response = graphql(author, CREATE, Map.of("in", practice("Практика с NUL\u0000 внутри", "Описание")));
        assertThat(response.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(response.errorMessage()).startsWith("input.title: недопустимый управляющий символ U+0000 (позиция 15)");
        assertThat(practicesTitled("Практика с NUL\u0000 внутри")).isZero();
    }

    @Test
    void nestedListsAndOtherControlCharactersAreNamedByTheirPath() {
        Map<String, Object> in = practice("Практика с авторами", "Описание");
        in.put("authors", List.of("Иванова А. П.", "Петров\u001fБ. В."));
        GraphQlResponse response = graphql(author, CREATE, Map.of("in", in));
        assertThat(response.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(response.errorMessage()).startsWith("input.authors[1]: недопустимый управляющий символ U+001F");
        assertThat(practicesTitled("Практика с авторами")).isZero();

        GraphQlResponse search = graphql(author, "query($q: String) { searchPractices(query: $q) { totalCount } }",
                Map.of("q", "сетевые\u0007уроки"));
        assertThat(search.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(search.errorMessage()).startsWith("query: недопустимый управляющий символ U+0007");
    }

    @Test
    void tabsAndLineBreaksStayAllowed() {
        String title = "Практика\tс табуляцией";
        var created = graphql(author, CREATE, Map.of("in", practice(title, "Строка 1\r\nСтрока 2\nСтрока 3"))).data()
                .get("createPractice");
        assertThat(created.get("title").asText()).isEqualTo(title);
        assertThat(created.get("description").asText()).contains("Строка 1\r\nСтрока 2\nСтрока 3");
        assertThat(practicesTitled(title)).isOne();
    }

    @Test
    void csvImportNamesTheRowAndColumn() {
        SchoolDataImporter importer = OporaTestApp.bean(SchoolDataImporter.class);
        String csv = "school_id,name,region_id,region_name,municipality_id,municipality_name,type,locality\n"
                + "T-CTRL-CSV,Школа\u0000 № 1,T-CTRL,Регион T-CTRL,T-CTRL-M,Округ,СОШ,город\n";
        assertThatThrownBy(() -> importer.importCsv(FileKind.SCHOOLS, new StringReader(csv), null))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("строка 2, столбец name: недопустимый управляющий символ U+0000");
        try (Session session = OporaTestApp.driver().session()) {
            assertThat(session.run("MATCH (s:School {id: 'T-CTRL-CSV'}) RETURN count(s)").single().get(0).asLong()).isZero();
        }
    }

    @Test
    void theRuleItself() {
        assertThat(TextInput.problem("ok\t\n\r")).isEmpty();
        assertThat(TextInput.problem("\u007f")).isPresent();
        assertThat(TextInput.problem("\u0085")).isPresent();
        assertThat(TextInput.problem("ёжик «в тумане» — 100%")).isEmpty();
    }
}
