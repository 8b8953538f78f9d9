package org.opora.mentoring;

import org.junit.jupiter.api.Test;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.OporaTestApp;
import org.opora.testing.TestRegion;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/** joinAssociation: a teacher joins associations of their own territory only, as themselves. Region R-AJ. */
class AssociationJoinTest {

    static final String REGION = "R-AJ";
    static final String JOIN = "mutation($a: ID!) { joinAssociation(associationId: $a) { id memberCount members { id } } }";

    @Test
    void aTeacherJoinsOnlyAssociationsOfTheirTerritory() {
        new TestRegion(REGION).school("AJ-S1", "AJ-M1", "СОШ", "город", 400).school("AJ-S2", "AJ-M2", "СОШ", "село", 150).save();
        String coordinator = tokenFor("aj-coord", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null));
        TeacherFixtures.create(coordinator, "AJ-T1", Map.of("fullName", "Смирнова Елена Юрьевна", "schoolId", "AJ-S1",
                "subjects", List.of("Русский язык")), "aj-teacher");
        String teacher = tokenFor("aj-teacher", Set.of(Role.TEACHER), new Scope(REGION, "AJ-M1", "AJ-S1"));
        String unlinked = tokenFor("aj-unlinked", Set.of(Role.TEACHER), new Scope(REGION, "AJ-M1", "AJ-S1"));
        String create = "mutation($in: AssociationInput!) { createAssociation(input: $in) { id } }";
        String municipal = graphql(coordinator, create, Map.of("in", Map.of("kind", "METHODOLOGICAL_ASSOCIATION",
                "name", "РМО учителей русского языка", "level", "MUNICIPAL", "regionId", REGION, "municipalityId", "AJ-M1")))
                .data().path("createAssociation").path("id").asText();
        String elsewhere = graphql(coordinator, create, Map.of("in", Map.of("kind", "METHODOLOGICAL_ASSOCIATION",
                "name", "РМО другого округа", "level", "MUNICIPAL", "regionId", REGION, "municipalityId", "AJ-M2")))
                .data().path("createAssociation").path("id").asText();

        var joined = graphql(teacher, JOIN, Map.of("a", municipal)).data().path("joinAssociation");
        assertThat(joined.path("members").findValuesAsText("id")).containsExactly("AJ-T1");
        assertThat(graphql(teacher, JOIN, Map.of("a", municipal)).data().path("joinAssociation").path("memberCount").asInt())
                .isEqualTo(1);

        // Another municipality's association, and a login without a teacher profile: FORBIDDEN, nothing written.
        assertThat(graphql(teacher, JOIN, Map.of("a", elsewhere)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql(unlinked, JOIN, Map.of("a", municipal)).errorCode()).isEqualTo("FORBIDDEN");
        try (var session = OporaTestApp.driver().session()) {
            assertThat(session.run("MATCH (:Teacher)-[m:MEMBER_OF]->(a:Association) WHERE a.id IN $ids RETURN count(m) AS n",
                    Map.of("ids", List.of(municipal, elsewhere))).single().get("n").asLong()).isEqualTo(1);
        }
        assertThat(graphql(null, JOIN, Map.of("a", municipal)).status()).isEqualTo(401);
    }
}
