package org.opora.support.programmes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.GraphQlResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.support.programmes.ProgrammeRegion.addMeasure;
import static org.opora.support.programmes.ProgrammeRegion.count;
import static org.opora.support.programmes.ProgrammeRegion.create;
import static org.opora.support.programmes.ProgrammeRegion.draft;
import static org.opora.support.programmes.ProgrammeRegion.goal;
import static org.opora.support.programmes.ProgrammeRegion.measure;
import static org.opora.support.programmes.ProgrammeRegion.move;
import static org.opora.support.programmes.ProgrammeRegion.read;
import static org.opora.support.programmes.ProgrammeRegion.updateMeasure;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * Every access rule of school programmes and of the partner catalogue: who reads, who edits, who agrees, who lists
 * the territory's gaps, who keeps partners and links them to pairs and measures; outsiders get FORBIDDEN and nothing
 * is written.
 */
class ProgrammeAccessTest {

    static final ProgrammeRegion R = new ProgrammeRegion("R-SUP-ACC");
    static String programmeId;
    static String measureId;

    @BeforeAll
    static void region() {
        R.school("ACC-S1", R.m1, List.of("LOW_RESULTS"), List.of("LOW_MOTIVATION:HIGH"), -0.9)
                .school("ACC-S2", R.m1, List.of("LOW_RESULTS"), List.of(), -0.8)
                .school("ACC-LEADER", R.m1, List.of("LEADER"), List.of(), 1.1)
                .school("ACC-S3", R.m2, List.of("UNFAVOURABLE_CONTEXT"), List.of(), 0.0)
                .save();
        JsonNode p = create(R.schoolAdmin("ACC-S1"), draft("ACC-S1", "SCHOOL_QUALITY", null,
                List.of(goal("STATUS", "LOW_RESULTS", "Повысить результаты ВПР по математике")), List.of())).data().get("createSchoolProgramme");
        programmeId = p.get("id").asText();
        measureId = addMeasure(R.schoolAdmin("ACC-S1"), programmeId, measure("Методический день", "2026-10-01")).data()
                .get("addProgrammeMeasure").get("id").asText();
    }

    @Test
    void readersAreThoseWhoseTerritoryCoversTheSchool() {
        for (String reader : List.of(R.schoolAdmin("ACC-S1"), R.municipal(R.m1), R.regional(), R.methodist(),
                org.opora.testing.OporaTestApp.adminToken())) {
            assertThat(graphql(reader, "query($s: ID!) { schoolProgrammes(schoolId: $s) { id } }", Map.of("s", "ACC-S1"))
                    .data().get("schoolProgrammes")).hasSize(1);
            assertThat(read(reader, programmeId).data().get("schoolProgramme").get("id").asText()).isEqualTo(programmeId);
        }
        assertThat(graphql(R.schoolAdmin("ACC-S1"), "query($s: ID!) { programmeBasis(schoolId: $s) { riskFactors { code level } } }",
                Map.of("s", "ACC-S1")).data().get("programmeBasis").get("riskFactors").get(0).get("code").asText()).isEqualTo("LOW_MOTIVATION");
        for (String outsider : List.of(R.schoolAdmin("ACC-S2"), R.municipal(R.m2), ProgrammeRegion.foreignRegional())) {
            assertThat(graphql(outsider, "query($s: ID!) { schoolProgrammes(schoolId: $s) { id } }", Map.of("s", "ACC-S1")).errorCode())
                    .isEqualTo("FORBIDDEN");
            assertThat(read(outsider, programmeId).errorCode()).isEqualTo("FORBIDDEN");
            assertThat(graphql(outsider, "query($s: ID!) { programmeBasis(schoolId: $s) { statuses { code } } }", Map.of("s", "ACC-S1"))
                    .errorCode()).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void onlyTheSchoolsOwnAdminEditsAndNothingIsWritten() {
        Map<String, Object> input = draft("ACC-S1", "SCHOOL_QUALITY", null, List.of(), List.of());
        long before = count("MATCH (p:SchoolProgramme {regionId: $r}) RETURN count(p)", Map.of("r", R.region));
        for (String outsider : List.of(R.schoolAdmin("ACC-S2"), R.municipal(R.m1), R.regional(), R.methodist(),
                ProgrammeRegion.foreignRegional())) {
            assertThat(create(outsider, input).errorCode()).isEqualTo("FORBIDDEN");
            assertThat(addMeasure(outsider, programmeId, measure("Чужое", "2026-01-01")).errorCode()).isEqualTo("FORBIDDEN");
            assertThat(updateMeasure(outsider, measureId, Map.of("title", "Чужое")).errorCode()).isEqualTo("FORBIDDEN");
            assertThat(graphql(outsider, "mutation($id: ID!) { updateSchoolProgramme(id: $id, input: {title: \"Чужое\"}) { id } }",
                    Map.of("id", programmeId)).errorCode()).isEqualTo("FORBIDDEN");
            assertThat(graphql(outsider, "mutation($id: ID!) { removeProgrammeMeasure(id: $id) { id } }", Map.of("id", measureId))
                    .errorCode()).isEqualTo("FORBIDDEN");
        }
        assertThat(count("MATCH (p:SchoolProgramme {regionId: $r}) RETURN count(p)", Map.of("r", R.region))).isEqualTo(before);
        assertThat(count("MATCH (m:ProgrammeMeasure {programmeId: $p}) WHERE m.title = 'Чужое' RETURN count(m)",
                Map.of("p", programmeId))).isZero();
        assertThat(read(R.regional(), programmeId).data().get("schoolProgramme").get("title").asText()).isEqualTo("Программа школы ACC-S1");
    }

    @Test
    void onlyTheMunicipalityOfTheSchoolAgrees() {
        for (String outsider : List.of(R.municipal(R.m2), R.regional(), R.schoolAdmin("ACC-S1"), R.schoolAdmin("ACC-S2"), R.methodist(),
                tokenFor("muni-foreign", Set.of(Role.MUNICIPAL_COORDINATOR), new Scope("R-ELSEWHERE", R.m1, null)))) {
            assertThat(move(outsider, programmeId, "AGREED", null).errorCode()).isEqualTo("FORBIDDEN");
        }
        assertThat(count("MATCH (p:SchoolProgramme {id: $id, status: 'DRAFT'}) RETURN count(p)", Map.of("id", programmeId))).isEqualTo(1);
    }

    @Test
    void gapsAreListedForTheCoordinatorsTerritoryOnly() {
        String query = "query($r: ID!, $m: ID) { programmeGaps(regionId: $r, municipalityId: $m) { schoolsWithStatus edges { node { school { id } kind } } } }";
        JsonNode own = graphql(R.municipal(R.m1), query, vars(R.region, null)).data().get("programmeGaps");
        assertThat(own.get("schoolsWithStatus").asInt()).isEqualTo(2);
        assertThat(own.get("edges")).extracting(e -> e.get("node").get("school").get("id").asText()).containsExactly("ACC-S2", "ACC-S1");
        assertThat(graphql(R.regional(), query, vars(R.region, null)).data().get("programmeGaps").get("schoolsWithStatus").asInt()).isEqualTo(3);
        assertThat(graphql(R.regional(), query, vars(R.region, R.m2)).data().get("programmeGaps").get("schoolsWithStatus").asInt()).isEqualTo(1);
        assertThat(graphql(R.municipal(R.m1), query, vars(R.region, R.m2)).errorCode()).isEqualTo("FORBIDDEN");
        for (String outsider : List.of(R.schoolAdmin("ACC-S1"), R.methodist(), ProgrammeRegion.foreignRegional())) {
            assertThat(graphql(outsider, query, vars(R.region, null)).errorCode()).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void partnerCatalogueAndItsUseInMeasuresAndPairs() {
        String regional = R.regional();
        String municipal1 = R.municipal(R.m1);
        JsonNode regionPartner = createPartner(regional, null, "UNIVERSITY", "Педагогический университет").data().get("createPartner");
        assertThat(regionPartner.get("kindLabel").asText()).isEqualTo("Вуз");
        assertThat(regionPartner.get("createdBy").asText()).isEqualTo("regional-" + R.region);
        String m1Partner = createPartner(municipal1, R.m1, "ADDITIONAL_EDUCATION", "Дом детского творчества").data().get("createPartner")
                .get("id").asText();
        String m2Partner = createPartner(regional, R.m2, "EMPLOYER", "Агрофирма «Заря»").data().get("createPartner").get("id").asText();

        long before = count("MATCH (p:Partner {regionId: $r}) RETURN count(p)", Map.of("r", R.region));
        assertThat(createPartner(municipal1, R.m2, "CULTURE", "Чужой музей").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(createPartner(municipal1, null, "CULTURE", "Областной музей").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(createPartner(R.schoolAdmin("ACC-S1"), R.m1, "CULTURE", "Библиотека").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(createPartner(ProgrammeRegion.foreignRegional(), null, "CULTURE", "Музей").errorCode()).isEqualTo("FORBIDDEN");
        GraphQlResponse blank = createPartner(regional, null, "CULTURE", "  ");
        assertThat(blank.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(blank.errorMessage()).startsWith("name:");
        assertThat(count("MATCH (p:Partner {regionId: $r}) RETURN count(p)", Map.of("r", R.region))).isEqualTo(before);

        String list = "query($r: ID!, $m: ID) { partners(regionId: $r, municipalityId: $m) { totalCount edges { node { id name } } } }";
        assertThat(graphql(municipal1, list, vars(R.region, null)).data().get("partners").get("edges"))
                .extracting(e -> e.get("node").get("name").asText()).containsExactly("Дом детского творчества", "Педагогический университет");
        assertThat(graphql(regional, list, vars(R.region, null)).data().get("partners").get("totalCount").asInt()).isEqualTo(3);
        assertThat(graphql(R.municipal(R.m2), list, vars(R.region, R.m1)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(ProgrammeRegion.foreignRegional(), list, vars(R.region, null)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(R.municipal(R.m2), "query($id: ID!) { partner(id: $id) { id } }", Map.of("id", m1Partner)).errorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(graphql(R.schoolAdmin("ACC-S1"), "query($id: ID!) { partner(id: $id) { name } }", Map.of("id", m1Partner))
                .data().get("partner").get("name").asText()).isEqualTo("Дом детского творчества");

        // Measures: partners of the school's region and municipality only.
        String admin = R.schoolAdmin("ACC-S1");
        JsonNode withPartners = addMeasure(admin, programmeId, Map.of("title", "Профпробы", "responsible", "Педагог-организатор",
                "deadline", "2026-04-01", "partnerIds", List.of(m1Partner, regionPartner.get("id").asText()))).data().get("addProgrammeMeasure");
        assertThat(withPartners.get("partners")).extracting(p -> p.get("name").asText())
                .containsExactlyInAnyOrder("Дом детского творчества", "Педагогический университет");
        GraphQlResponse foreignPartner = addMeasure(admin, programmeId, Map.of("title", "Экскурсия", "responsible", "Классный руководитель",
                "deadline", "2026-04-01", "partnerIds", List.of(m2Partner)));
        assertThat(foreignPartner.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(foreignPartner.errorMessage()).startsWith("partnerIds:");
        JsonNode cleared = graphql(admin, "mutation($id: ID!) { updateProgrammeMeasure(id: $id, input: {partnerIds: []}) { id partners { id } } }",
                Map.of("id", withPartners.get("id").asText())).data().get("updateProgrammeMeasure");
        assertThat(cleared.get("partners")).isEmpty();

        // Pairs: whoever edits the pair's plan adds and removes partners.
        String pairId = graphql(municipal1, "mutation { createNetworkPair(input: {menteeId: \"ACC-S2\", leaderId: \"ACC-LEADER\"}) { id } }",
                Map.of()).data().get("createNetworkPair").get("id").asText();
        String add = "mutation($p: ID!, $x: ID!) { addNetworkPairPartner(pairId: $p, partnerId: $x, role: \"Площадка профпроб\") { "
                + "partners { role partner { id } } } }";
        String remove = "mutation($p: ID!, $x: ID!) { removeNetworkPairPartner(pairId: $p, partnerId: $x) { partners { partner { id } } } }";
        for (String outsider : List.of(R.schoolAdmin("ACC-S1"), R.municipal(R.m2), ProgrammeRegion.foreignRegional())) {
            assertThat(graphql(outsider, add, Map.of("p", pairId, "x", m1Partner)).errorCode()).isEqualTo("FORBIDDEN");
        }
        assertThat(count("MATCH (:NetworkPair {id: $p})-[w:WITH_PARTNER]->() RETURN count(w)", Map.of("p", pairId))).isZero();
        JsonNode added = graphql(R.schoolAdmin("ACC-S2"), add, Map.of("p", pairId, "x", m1Partner)).data().get("addNetworkPairPartner");
        assertThat(added.get("partners").get(0).get("role").asText()).isEqualTo("Площадка профпроб");
        assertThat(graphql(R.schoolAdmin("ACC-LEADER"), add, Map.of("p", pairId, "x", m2Partner)).errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(graphql(R.schoolAdmin("ACC-S1"), remove, Map.of("p", pairId, "x", m1Partner)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(municipal1, remove, Map.of("p", pairId, "x", m1Partner)).data().get("removeNetworkPairPartner").get("partners"))
                .isEmpty();
        assertThat(graphql(municipal1, remove, Map.of("p", pairId, "x", m1Partner)).errorCode()).isEqualTo("NOT_FOUND");
    }

    private static GraphQlResponse createPartner(String token, String municipality, String kind, String name) {
        Map<String, Object> in = new HashMap<>();
        in.put("regionId", R.region);
        in.put("municipalityId", municipality);
        in.put("kind", kind);
        in.put("name", name);
        in.put("offer", "Занятия для обучающихся");
        return graphql(token, "mutation($in: PartnerInput!) { createPartner(input: $in) { id kindLabel createdBy } }", Map.of("in", in));
    }

    private static Map<String, Object> vars(String region, String municipality) {
        Map<String, Object> v = new HashMap<>();
        v.put("r", region);
        v.put("m", municipality);
        return v;
    }
}
