package org.opora.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.security.DemoLogins;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.bean;
import static org.opora.testing.OporaTestApp.graphql;

/**
 * The demo loader of recommendations and help on two constructed regions of the same shape: recommendations rest on
 * the schools' own risk factors, statuses and teachers' diagnostics; the same seed gives the same data; a second load
 * adds nothing; the API reads what it wrote.
 */
class RecommendationDemoDataTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    static SupportRegion region(String id) {
        SupportRegion r = new SupportRegion(id);
        // S1's assessment: motivation HIGH, staff MEDIUM, remoteness LOW (the loader takes HIGH and MEDIUM factors only)
        SupportRegion.cypher("""
                MATCH (s:School {id: $s1})
                CREATE (run:IdentificationRun {id: $run, regionId: $r})-[:ASSESSED {statuses: s.statuses,
                  riskProfileJson: '[{"factor":"LOW_MOTIVATION","level":"HIGH","indicators":[]},{"factor":"STAFF_SHORTAGE","level":"MEDIUM","indicators":[]},{"factor":"REMOTENESS","level":"LOW","indicators":[]}]'}]->(s)
                SET s.identificationRunId = $run""", Map.of("s1", r.s1, "run", id + "-RUN", "r", r.region));
        return r;
    }

    static List<String> shape(String region) {
        return bean(Neo4jSessions.class).read(tx -> tx.run("""
                MATCH (x:Recommendation {regionId: $r})
                RETURN x.addresseeKind + '|' + x.basisKind + '|' + coalesce(x.basisRiskFactor, x.basisStatus, '-') + '|' + x.status + '|'
                       + toString(x.dueDate) + '|' + x.text AS row ORDER BY x.id""", Map.of("r", region)).list(r -> r.get("row").asString()));
    }

    @Test
    void loadsRecommendationsAndHelpFromTheSchoolsOwnDataOnceAndDeterministically() {
        SupportRegion a = region("T-RDEMO-A");
        SupportRegion b = region("T-RDEMO-B");
        RecommendationDemoData loader = new RecommendationDemoData(bean(Neo4jSessions.class), bean(DemoLogins.class));
        long started = System.nanoTime();
        List<String> lines = loader.load(a.region, DAY);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("RecommendationDemoData.load on " + a.region + ": " + millis + " ms");
        assertThat(String.join("\n", lines)).contains("methodist", "curator", "рекомендаций");
        loader.load(b.region, DAY);

        List<String> shapeA = shape(a.region);
        assertThat(shapeA).isNotEmpty().isEqualTo(shape(b.region));
        // S1's factor-based recommendation rests on its HIGH or MEDIUM factor, never on the LOW one
        List<String> s1Factors = bean(Neo4jSessions.class).read(tx -> tx.run("""
                MATCH (x:Recommendation {schoolId: $s, basisKind: 'RISK_FACTOR'}) RETURN x.basisRiskFactor AS f""",
                Map.of("s", a.s1)).list(r -> r.get("f").asString()));
        assertThat(s1Factors).hasSize(1).containsAnyOf("LOW_MOTIVATION", "STAFF_SHORTAGE");
        // only ШНОР/ШНСУ schools and their teachers are addressed (not S4, the leader, nor S5)
        long outside = bean(Neo4jSessions.class).read(tx -> tx.run("""
                MATCH (x:Recommendation {regionId: $r}) WHERE x.schoolId IN [$s4, $s5] RETURN count(x) AS n""",
                Map.of("r", a.region, "s4", a.s4, "s5", a.s5)).single().get("n").asLong());
        assertThat(outside).isZero();
        // every closed one has a check, every answered or closed-with-answer one a response
        long inconsistent = bean(Neo4jSessions.class).read(tx -> tx.run("""
                MATCH (x:Recommendation {regionId: $r})
                WHERE (x.status = 'CLOSED' AND x.checkOutcome IS NULL) OR (x.status = 'ANSWERED' AND x.responseText IS NULL)
                   OR NOT EXISTS { (x)-[:ADDRESSED_TO]->() } OR x.dueDate < date(x.issuedAt)
                RETURN count(x) AS n""", Map.of("r", a.region)).single().get("n").asLong());
        assertThat(inconsistent).isZero();

        loader.load(a.region, DAY.plusDays(1));
        assertThat(shape(a.region)).isEqualTo(shapeA);

        JsonNode received = graphql(a.methodist(), """
                query($s: ID!) { recommendationsReceived(addressee: {schoolId: $s}) { totalCount edges { node { issuerName basis { label } } } } }""",
                Map.of("s", a.s1)).data().path("recommendationsReceived");
        assertThat(received.path("totalCount").asInt()).isPositive();
        assertThat(received.toString()).contains("методист ЦНППМ").doesNotContain("REMOTENESS");
        JsonNode help = graphql(a.methodist(), "query($r: ID!) { helpRecords(filter: {regionId: $r}) { totalCount } }",
                Map.of("r", a.region)).data().path("helpRecords");
        assertThat(help.path("totalCount").asInt()).isPositive();
    }
}
