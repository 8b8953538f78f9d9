package org.opora.support.recommendations;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.Value;
import org.opora.identification.RiskFactor;
import org.opora.mentoring.teachers.Rows;
import org.opora.platform.graphql.Connection;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.platform.neo4j.SchemaMigration;
import org.opora.school.SchoolStatus;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cypher of addressed recommendations: {@code (:Recommendation)-[:ADDRESSED_TO]->(:School|:Teacher|:Municipality)},
 * {@code -[:BASED_ON]->(:Diagnostic)} for a diagnostic basis. The addressee's territory is copied onto the node
 * (regionId, municipalityId, schoolId, teacherId) so that lists filter on indexed properties.
 */
@Singleton
public class RecommendationRepository implements SchemaMigration {

    private static final String PROJECTION = """
            r {.*, issuerName: head(COLLECT { MATCH (iu:User {username: r.issuedBy}) RETURN iu.displayName }),
               answeredByName: head(COLLECT { MATCH (au:User {username: r.answeredBy}) RETURN au.displayName }),
               checkedByName: head(COLLECT { MATCH (cu:User {username: r.checkedBy}) RETURN cu.displayName }),
               municipalityName: head(COLLECT { MATCH (rm:Municipality {id: r.municipalityId}) RETURN rm.name }),
               diagnosticDate: head([(r)-[:BASED_ON]->(rd:Diagnostic) | rd.date])}""";

    private final Neo4jSessions neo4j;

    RecommendationRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    @Override
    public String id() {
        return "620-support-recommendations";
    }

    @Override
    public List<String> statements() {
        return List.of(
                "CREATE CONSTRAINT recommendation_id IF NOT EXISTS FOR (r:Recommendation) REQUIRE r.id IS UNIQUE",
                "CREATE INDEX recommendation_school IF NOT EXISTS FOR (r:Recommendation) ON (r.schoolId)",
                "CREATE INDEX recommendation_teacher IF NOT EXISTS FOR (r:Recommendation) ON (r.teacherId)",
                "CREATE INDEX recommendation_municipality IF NOT EXISTS FOR (r:Recommendation) ON (r.municipalityId)",
                "CREATE INDEX recommendation_issuer IF NOT EXISTS FOR (r:Recommendation) ON (r.issuedBy)");
    }

    /** What a new recommendation stores; ids of the addressee's territory come from the addressee itself. */
    record NewRow(String id, AddresseeKind kind, String regionId, @Nullable String municipalityId, @Nullable String schoolId,
                  @Nullable String teacherId, Recommendation.Basis basis, String text, LocalDate dueDate, String issuedBy) {
    }

    void create(NewRow row) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", row.id());
        p.put("kind", row.kind().name());
        p.put("regionId", row.regionId());
        p.put("municipalityId", row.municipalityId());
        p.put("schoolId", row.schoolId());
        p.put("teacherId", row.teacherId());
        p.put("basisKind", row.basis().kind().name());
        p.put("basisStatus", row.basis().status() == null ? null : row.basis().status().name());
        p.put("basisRiskFactor", row.basis().riskFactorName());
        p.put("diagnosticId", row.basis().diagnosticId());
        p.put("text", row.text());
        p.put("dueDate", row.dueDate());
        p.put("issuedBy", row.issuedBy());
        String addressee = switch (row.kind()) {
            case TEACHER -> "MATCH (a:Teacher {id: $teacherId})";
            case SCHOOL, PARENTS -> "MATCH (a:School {id: $schoolId})";
            case MUNICIPALITY -> "MATCH (a:Municipality {id: $municipalityId})";
        };
        neo4j.write(tx -> {
            tx.run(addressee + """

                    CREATE (r:Recommendation {id: $id, addresseeKind: $kind, regionId: $regionId, municipalityId: $municipalityId,
                            schoolId: $schoolId, teacherId: $teacherId, basisKind: $basisKind, basisStatus: $basisStatus,
                            basisRiskFactor: $basisRiskFactor, diagnosticId: $diagnosticId, text: $text, dueDate: $dueDate,
                            status: 'ISSUED', issuedBy: $issuedBy, issuedAt: datetime()})-[:ADDRESSED_TO]->(a)
                    WITH r
                    OPTIONAL MATCH (d:Diagnostic {id: $diagnosticId})
                    FOREACH (x IN CASE WHEN d IS NULL THEN [] ELSE [d] END | CREATE (r)-[:BASED_ON]->(x))
                    """, p).consume();
            return null;
        });
    }

    Optional<Recommendation> find(String id, LocalDate today) {
        return neo4j.read(tx -> tx.run("MATCH (r:Recommendation {id: $id}) RETURN " + PROJECTION + " AS r", Map.of("id", id))
                .stream().findFirst().map(row -> read(row.get("r"), today)));
    }

    /** Sets the answer if the recommendation is still ISSUED; false when someone changed it meanwhile. */
    boolean answer(String id, String text, String by) {
        return neo4j.write(tx -> tx.run("""
                MATCH (r:Recommendation {id: $id}) WHERE r.status = 'ISSUED'
                SET r.status = 'ANSWERED', r.responseText = $text, r.answeredBy = $by, r.answeredAt = datetime()
                RETURN count(r) AS n""", Map.of("id", id, "text", text, "by", by)).single().get("n").asInt() == 1);
    }

    /** Closes it if its status is still the one checked; false when someone changed it meanwhile. */
    boolean close(String id, RecommendationStatus expected, CheckOutcome outcome, @Nullable String comment, String by, LocalDate on) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("expected", expected.name());
        p.put("outcome", outcome.name());
        p.put("comment", comment);
        p.put("by", by);
        p.put("on", on);
        return neo4j.write(tx -> tx.run("""
                MATCH (r:Recommendation {id: $id}) WHERE r.status = $expected
                SET r.status = 'CLOSED', r.checkOutcome = $outcome, r.checkComment = $comment, r.checkedBy = $by, r.checkedOn = $on
                RETURN count(r) AS n""", p).single().get("n").asInt() == 1);
    }

    /** The diagnostic's teacher, if the diagnostic exists. */
    Optional<String> diagnosticTeacher(String diagnosticId) {
        return neo4j.read(tx -> tx.run("MATCH (t:Teacher)-[:HAS_DIAGNOSTIC]->(d:Diagnostic {id: $id}) RETURN t.id AS t",
                Map.of("id", diagnosticId)).stream().findFirst().map(r -> r.get("t").asString()));
    }

    /** A municipality's region and name, if it exists. */
    Optional<MunicipalityPlace> municipality(String id) {
        return neo4j.read(tx -> tx.run("MATCH (m:Municipality {id: $id}) RETURN m.regionId AS r, m.name AS n", Map.of("id", id))
                .stream().findFirst().map(r -> new MunicipalityPlace(id, Rows.string(r.get("r")), Rows.string(r.get("n")))));
    }

    /** How many of the municipality's schools currently hold the status. */
    long schoolsWithStatus(String municipalityId, SchoolStatus status) {
        return neo4j.read(tx -> tx.run("MATCH (s:School {municipalityId: $m}) WHERE $status IN coalesce(s.statuses, []) RETURN count(s) AS n",
                Map.of("m", municipalityId, "status", status.name())).single().get("n").asLong());
    }

    /**
     * Which recommendations a list holds: those received by one addressee (school with its parents, teacher or
     * municipality), or those given by one issuer inside a territory (null ids: no restriction).
     */
    record ListFilter(@Nullable String schoolAddressee, @Nullable String teacherAddressee, @Nullable String municipalityAddressee,
                      @Nullable String issuedBy, @Nullable String regionId, @Nullable String municipalityId, @Nullable String schoolId,
                      @Nullable RecommendationStatus status, boolean overdueOnly, LocalDate today) {
    }

    /** A page, newest first; the cursor is (issuedAt, id) of the last one seen. */
    Connection<Recommendation> list(ListFilter f, Connection.Request page) {
        Map<String, Object> p = new HashMap<>();
        p.put("school", f.schoolAddressee());
        p.put("teacher", f.teacherAddressee());
        p.put("municipality", f.municipalityAddressee());
        p.put("issuedBy", f.issuedBy());
        p.put("regionId", f.regionId());
        p.put("municipalityId", f.municipalityId());
        p.put("schoolId", f.schoolId());
        p.put("status", f.status() == null ? null : f.status().name());
        p.put("overdueOnly", f.overdueOnly());
        p.put("today", f.today());
        p.put("afterAt", page.after(0));
        p.put("afterId", page.after(1));
        p.put("limit", page.fetchSize());
        String where = """
                WHERE ($school IS NULL OR (r.schoolId = $school AND r.addresseeKind IN ['SCHOOL', 'PARENTS']))
                  AND ($teacher IS NULL OR r.teacherId = $teacher)
                  AND ($municipality IS NULL OR (r.municipalityId = $municipality AND r.addresseeKind = 'MUNICIPALITY'))
                  AND ($issuedBy IS NULL OR r.issuedBy = $issuedBy)
                  AND ($regionId IS NULL OR r.regionId = $regionId)
                  AND ($municipalityId IS NULL OR r.municipalityId = $municipalityId)
                  AND ($schoolId IS NULL OR r.schoolId = $schoolId)
                  AND ($status IS NULL OR r.status = $status)
                  AND (NOT $overdueOnly OR (r.status <> 'CLOSED' AND r.dueDate < $today))
                """;
        return neo4j.read(tx -> {
            long total = tx.run("MATCH (r:Recommendation) " + where + " RETURN count(r) AS n", p).single().get("n").asLong();
            List<Recommendation> rows = tx.run("MATCH (r:Recommendation) " + where + """
                      AND ($afterAt IS NULL OR r.issuedAt < datetime($afterAt)
                           OR (r.issuedAt = datetime($afterAt) AND r.id > $afterId))
                    WITH r ORDER BY r.issuedAt DESC, r.id LIMIT $limit
                    """ + "RETURN " + PROJECTION + " AS r", p).list(row -> read(row.get("r"), f.today()));
            return Connection.of(rows, page, total, r -> Connection.cursor(r.issuedAt().toOffsetDateTime().toString(), r.id()));
        });
    }

    /** A municipality as an addressee. */
    record MunicipalityPlace(String id, @Nullable String regionId, @Nullable String name) {
    }

    private static Recommendation read(Value r, LocalDate today) {
        RecommendationStatus status = RecommendationStatus.valueOf(r.get("status").asString());
        LocalDate due = r.get("dueDate").asLocalDate();
        String issuedBy = r.get("issuedBy").asString();
        Recommendation.Basis basis = new Recommendation.Basis(BasisKind.valueOf(r.get("basisKind").asString()),
                Rows.enumValue(r.get("basisStatus"), SchoolStatus.class), Rows.enumValue(r.get("basisRiskFactor"), RiskFactor.class),
                Rows.string(r.get("diagnosticId")), Rows.date(r.get("diagnosticDate")), Rows.string(r.get("teacherId")));
        Recommendation.Response response = r.get("answeredBy").isNull() ? null : new Recommendation.Response(
                r.get("responseText").asString(), r.get("answeredBy").asString(),
                orLogin(r.get("answeredByName"), r.get("answeredBy").asString()), r.get("answeredAt").asZonedDateTime());
        Recommendation.Check check = r.get("checkedBy").isNull() ? null : new Recommendation.Check(
                CheckOutcome.valueOf(r.get("checkOutcome").asString()), Rows.string(r.get("checkComment")),
                r.get("checkedBy").asString(), orLogin(r.get("checkedByName"), r.get("checkedBy").asString()),
                r.get("checkedOn").asLocalDate());
        return new Recommendation(r.get("id").asString(), AddresseeKind.valueOf(r.get("addresseeKind").asString()),
                r.get("regionId").asString(), Rows.string(r.get("municipalityId")), Rows.string(r.get("municipalityName")),
                Rows.string(r.get("schoolId")), Rows.string(r.get("teacherId")), basis, r.get("text").asString(), due, status,
                issuedBy, orLogin(r.get("issuerName"), issuedBy), r.get("issuedAt").asZonedDateTime(), response, check,
                RecommendationStatus.overdue(status, due, today));
    }

    private static String orLogin(Value name, String login) {
        return name == null || name.isNull() || name.asString().isBlank() ? login : name.asString();
    }
}
