package org.opora.mentoring.indicators;

import jakarta.inject.Singleton;
import org.opora.platform.neo4j.Neo4jSessions;

import java.util.Map;

/** Cypher of the mentoring indicators: counts over the region's teachers, relations and associations. */
@Singleton
class IndicatorRepository {

    private final Neo4jSessions neo4j;

    IndicatorRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Counts over the teachers of the region (and of its ШНОР schools). Competence dynamics compare the total deficit
     * weight (sum of level weights) of a teacher's latest diagnostic with the earliest one.
     */
    MentoringIndicators.Counts counts(String regionId) {
        return neo4j.read(tx -> {
            var row = tx.run("""
                    MATCH (t:Teacher {regionId: $regionId})
                    OPTIONAL MATCH (t)-[:WORKS_AT]->(s:School)
                    WITH t, 'LOW_RESULTS' IN coalesce(s.statuses, []) AS low,
                         COLLECT { MATCH (t)-[:HAS_DIAGNOSTIC]->(d:Diagnostic) RETURN d ORDER BY d.date, d.id } AS diagnostics,
                         EXISTS { MATCH (t)<-[:MENTEE]-(r:MentoringRelation) WHERE r.status IN ['ACTIVE', 'COMPLETED'] } AS mentored,
                         EXISTS { MATCH (t)-[:MEMBER_OF]->(:Association) } AS member
                    WITH t, low, mentored, member,
                         [d IN diagnostics | reduce(w = 0, level IN [(d)-[:FOUND]->(x:Deficit) | x.level] |
                             w + CASE level WHEN 'CRITICAL' THEN 3 WHEN 'MODERATE' THEN 2 ELSE 1 END)] AS weights
                    RETURN count(t) AS teachers,
                           count(CASE WHEN low THEN 1 END) AS low,
                           count(CASE WHEN low AND size(weights) > 0 THEN 1 END) AS diagnosed,
                           count(CASE WHEN low AND size(weights) > 1 THEN 1 END) AS repeat,
                           count(CASE WHEN low AND size(weights) > 1 AND last(weights) < head(weights) THEN 1 END) AS positive,
                           count(CASE WHEN low AND mentored THEN 1 END) AS mentored,
                           count(CASE WHEN low AND member THEN 1 END) AS members,
                           count(CASE WHEN size(weights) > 0 THEN 1 END) AS diagnosedAll,
                           count(CASE WHEN mentored THEN 1 END) AS mentoredAll,
                           count(CASE WHEN member THEN 1 END) AS membersAll
                    """, Map.of("regionId", regionId)).single();
            var other = tx.run("""
                    RETURN COUNT { (a:Association {regionId: $regionId}) } AS associations,
                           COUNT { (r:MentoringRelation {regionId: $regionId}) WHERE r.status = 'ACTIVE' } AS activeRelations
                    """, Map.of("regionId", regionId)).single();
            return new MentoringIndicators.Counts(row.get("teachers").asLong(), row.get("low").asLong(),
                    row.get("diagnosed").asLong(), row.get("repeat").asLong(), row.get("positive").asLong(),
                    row.get("mentored").asLong(), row.get("members").asLong(), row.get("diagnosedAll").asLong(),
                    row.get("mentoredAll").asLong(), row.get("membersAll").asLong(), other.get("associations").asLong(),
                    other.get("activeRelations").asLong());
        });
    }
}
