package org.opora.practice.seed;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.practice.PracticeRepository;
import org.opora.practice.search.PracticeOutbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.adminToken;
import static org.opora.testing.OporaTestApp.bean;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * The demo loader takes generated seed files into Neo4j and search; a seed naming schools the database lacks is
 * refused as a whole; loading twice adds nothing. Works in region R-PSEED (not the demo region, to keep out of others' way).
 */
class PracticeSeedLoadTest {

    static final String REGION = "R-PSEED";
    static final String SEARCH = """
            query($q: String, $f: PracticeFilter) { searchPractices(query: $q, filter: $f, first: 5) {
              totalCount edges { node { id title authorSchool { id } } }
              facets { riskFactors { value count } statuses { value count } }
            } }
            """;

    @Test
    void loadsSeedPracticesIntoNeo4jAndSearch(@TempDir Path dir) throws Exception {
        List<SeedSchool> schools = IntStream.rangeClosed(1, 12).mapToObj(i -> new SeedSchool(REGION + "-S" + i, "Школа " + i,
                REGION, REGION + "-M" + (i % 3 + 1), "Район " + (i % 3 + 1), i % 4 == 0 ? "Гимназия" : "СОШ",
                i % 2 == 0 ? "город" : "село")).toList();
        PracticeGenerator.Output output = PracticeGenerator.generate(schools, 320, 74, "PSEED-");
        PracticeGenerator.write(output, dir);
        // First the region has only ten of the twelve schools the seed names: nothing is loaded.
        for (SeedSchool s : schools.subList(0, 10)) {
            org.opora.practice.PracticeFixtures.school(REGION, s.municipalityId(), s.id(), s.name(), s.type(), s.locality(), 0.0);
        }
        PracticeDemoLoader loader = new PracticeDemoLoader(bean(PracticeRepository.class), bean(PracticeOutbox.class), dir.toString());
        assertThat(loader.loadFrom(dir.resolve("practices.jsonl"), dir.resolve("adoptions.csv")))
                .startsWith("Банк практик не загружен: в базе нет 2 школ").contains(REGION + "-S11", REGION + "-S12");
        assertThat(bean(PracticeRepository.class).existingIds(output.practices().stream().map(SeedPractice::id).toList())).isEmpty();

        for (SeedSchool s : schools.subList(10, 12)) {
            org.opora.practice.PracticeFixtures.school(REGION, s.municipalityId(), s.id(), s.name(), s.type(), s.locality(), 0.0);
        }
        String line = loader.loadFrom(dir.resolve("practices.jsonl"), dir.resolve("adoptions.csv"));
        assertThat(line).contains("320 практик").contains("загружено новых 320")
                .contains("внедрений " + output.adoptions().size());
        assertThat(loader.loadFrom(dir.resolve("practices.jsonl"), dir.resolve("adoptions.csv"))).contains("загружено новых 0");

        // A backlog drain does not wait for Elasticsearch's refresh (1 s); the documents show up right after it.
        JsonNode all = org.opora.practice.PracticeFixtures.await(
                () -> graphql(adminToken(), SEARCH, Map.of("f", Map.of("regionId", REGION))).data().get("searchPractices"),
                r -> r.get("totalCount").asInt() == 320, java.time.Duration.ofSeconds(10));
        assertThat(all.get("totalCount").asInt()).isEqualTo(320);
        assertThat(all.get("facets").get("riskFactors")).hasSize(11);
        all.get("edges").forEach(e -> assertThat(e.get("node").get("authorSchool").get("id").asText())
                .isIn(schools.stream().map(SeedSchool::id).toList()));

        long approved = output.practices().stream().filter(p -> "APPROVED".equals(p.status())).count();
        String teacher = tokenFor("pseed-teacher", Set.of(Role.TEACHER), new Scope(REGION, null, null));
        JsonNode visible = graphql(teacher, SEARCH, Map.of("f", Map.of("regionId", REGION))).data().get("searchPractices");
        assertThat(visible.get("totalCount").asLong()).isEqualTo(approved);
        JsonNode mentoring = graphql(teacher, SEARCH, Map.of("q", "наставничество молодых учителей", "f", Map.of("regionId", REGION)))
                .data().get("searchPractices");
        assertThat(mentoring.get("totalCount").asInt()).isPositive();
        assertThat(mentoring.get("edges").get(0).get("node").get("title").asText().toLowerCase()).contains("настав");
    }
}
