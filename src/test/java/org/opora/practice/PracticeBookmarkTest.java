package org.opora.practice;

import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.practice.PracticeFixtures.approved;
import static org.opora.practice.PracticeFixtures.create;
import static org.opora.practice.PracticeFixtures.input;
import static org.opora.practice.PracticeFixtures.school;
import static org.opora.testing.OporaTestApp.driver;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/** Bookmarks: per login, only on practices the caller may see, nothing written otherwise. Region R-BM. */
class PracticeBookmarkTest {

    static final String REGION = "R-BM";
    static final String BOOKMARK = "mutation($id: ID!) { bookmarkPractice(id: $id) { id title } }";
    static final String UNBOOKMARK = "mutation($id: ID!) { unbookmarkPractice(id: $id) { id } }";
    static final String MINE = "{ myBookmarks { id title status } }";

    @Test
    void bookmarksArePersonalAndOnlyOnVisiblePractices() {
        school(REGION, "R-BM-M1", "R-BM-S1", "Школа закладок", "СОШ", "город", 0.1);
        String author = tokenFor("bm-author", Set.of(Role.TEACHER), new Scope(REGION, "R-BM-M1", "R-BM-S1"));
        String reader = tokenFor("bm-reader", Set.of(Role.TEACHER), new Scope(REGION, "R-BM-M1", "R-BM-S1"));
        String other = tokenFor("bm-other", Set.of(Role.TEACHER), new Scope(REGION, "R-BM-M1", "R-BM-S1"));
        String methodist = tokenFor("bm-methodist", Set.of(Role.METHODIST), new Scope(REGION, null, null));
        String published = approved(author, methodist, input("Клуб чтения для пятиклассников", "Еженедельные встречи.",
                List.of("READING_LITERACY"), List.of(5), List.of("LOW_MOTIVATION"), "R-BM-S1"));
        String draft = create(author, input("Черновик автора", "Ещё не готово.", List.of("RUSSIAN"), List.of(6),
                List.of("LOW_MOTIVATION"), "R-BM-S1")).get("id").asText();

        assertThat(graphql(reader, BOOKMARK, Map.of("id", published)).data().path("bookmarkPractice").path("id").asText())
                .isEqualTo(published);
        graphql(reader, BOOKMARK, Map.of("id", published)).data(); // idempotent
        assertThat(graphql(reader, MINE, Map.of()).data().path("myBookmarks").findValuesAsText("id")).containsExactly(published);
        // Another login sees none of them.
        assertThat(graphql(other, MINE, Map.of()).data().path("myBookmarks")).isEmpty();

        // Someone else's draft: NOT_FOUND, as reading it would be, and no bookmark is written.
        assertThat(graphql(reader, BOOKMARK, Map.of("id", draft)).errorCode()).isEqualTo("NOT_FOUND");
        try (var session = driver().session()) {
            assertThat(session.run("MATCH (:User {username: 'bm-reader'})-[b:BOOKMARKED]->(p:Practice) RETURN collect(p.id) AS ids")
                    .single().get("ids").asList()).containsExactly(published);
        }
        // Without a token: refused.
        assertThat(graphql(null, BOOKMARK, Map.of("id", published)).status()).isEqualTo(401);

        graphql(reader, UNBOOKMARK, Map.of("id", published)).data();
        assertThat(graphql(reader, MINE, Map.of()).data().path("myBookmarks")).isEmpty();
    }
}
