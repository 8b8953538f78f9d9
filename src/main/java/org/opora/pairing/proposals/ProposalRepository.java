package org.opora.pairing.proposals;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.opora.pairing.region.SchoolDataRepository;
import org.opora.pairing.region.SchoolRow;
import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Connection;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.school.SchoolDirectory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stored proposals: {@code (:PairingProposal {id, regionId, ...})-[:HAS_ITEM]->(:ProposalItem {proposalId,
 * menteeId, leaderId, score, reason, ...})}. The schools are joined by id when read.
 */
@Singleton
public class ProposalRepository {

    /** Items bound to {@code i} with their schools, read through the school read model's projection (one query). */
    private static final String ITEM_RETURN = """
            OPTIONAL MATCH (menteeSchool:School {id: i.menteeId})
            OPTIONAL MATCH (leaderSchool:School {id: i.leaderId})
            RETURN i {.*} AS i, %s AS mentee, %s AS leader ORDER BY i.position
            """.formatted(SchoolDirectory.projection("menteeSchool"), SchoolDirectory.projection("leaderSchool"));

    private final Neo4jSessions neo4j;

    public ProposalRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    void save(PairingProposal proposal, List<PairingProposal.Item> items) {
        Map<String, Object> props = new HashMap<>();
        props.put("id", proposal.id());
        props.put("regionId", proposal.regionId());
        props.put("municipalityId", proposal.municipalityId());
        props.put("createdBy", proposal.createdBy());
        props.put("method", proposal.method());
        props.put("capacity", proposal.capacity());
        props.put("minScore", proposal.minScore());
        props.put("maxDistanceKm", proposal.maxDistanceKm());
        props.put("menteeCount", proposal.menteeCount());
        props.put("alreadyPairedCount", proposal.alreadyPairedCount());
        props.put("leaderCount", proposal.leaderCount());
        props.put("slotCount", proposal.slotCount());
        props.put("pairedCount", proposal.pairedCount());
        props.put("unmatchedCount", proposal.unmatchedCount());
        props.put("totalScore", proposal.totalScore());
        props.put("scoringMillis", proposal.scoringMillis());
        props.put("solveMillis", proposal.solveMillis());
        props.put("greedyMethod", proposal.greedy().method());
        props.put("greedyPairedCount", proposal.greedy().pairedCount());
        props.put("greedyTotalScore", proposal.greedy().totalScore());
        props.put("greedySolveMillis", proposal.greedy().solveMillis());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PairingProposal.Item item : items) {
            Map<String, Object> row = new HashMap<>();
            row.put("position", item.position());
            row.put("menteeId", item.mentee().id());
            row.put("leaderId", item.leader() == null ? null : item.leader().id());
            row.put("score", item.score());
            row.put("summary", item.summary());
            row.put("reason", item.reason() == null ? null : item.reason().name());
            row.put("message", item.message());
            row.put("greedyLeaderId", item.greedyLeaderId());
            row.put("greedyScore", item.greedyScore());
            if (item.components() != null) {
                row.put("components", List.of(item.components().context(), item.components().resultGap(),
                        item.components().typeSize(), item.components().proximity(), item.components().capacity()));
            }
            rows.add(row);
        }
        neo4j.write(tx -> {
            tx.run("""
                    CREATE (p:PairingProposal)
                    SET p = $props, p.createdAt = $createdAt
                    WITH p
                    UNWIND $rows AS row
                    CREATE (p)-[:HAS_ITEM]->(i:ProposalItem)
                    SET i = row, i.proposalId = p.id
                    """, Map.of("props", props, "rows", rows, "createdAt", proposal.createdAt())).consume();
            return null;
        });
    }

    Optional<PairingProposal> find(String id) {
        return neo4j.read(tx -> tx.run("MATCH (p:PairingProposal {id: $id}) RETURN p {.*} AS p", Map.of("id", id))
                .stream().findFirst().map(r -> toProposal(r.get("p"))));
    }

    /** A page of proposals, newest first; the cursor is (createdAt, id) of the last proposal seen. */
    Connection<PairingProposal> list(String regionId, @Nullable String municipalityId, Connection.Request page) {
        Map<String, Object> params = new HashMap<>();
        params.put("regionId", regionId);
        params.put("municipalityId", municipalityId);
        params.put("afterAt", page.after(0));
        params.put("afterId", page.after(1));
        params.put("limit", page.fetchSize());
        // The same rule as ProposalAccess.proposalVisible, which guards the read by id.
        String match = """
                MATCH (p:PairingProposal {regionId: $regionId})
                WHERE ($municipalityId IS NULL OR p.municipalityId IS NULL OR p.municipalityId = $municipalityId)
                """;
        return neo4j.read(tx -> {
            long total = tx.run(match + "RETURN count(p) AS n", params).single().get("n").asLong();
            List<PairingProposal> proposals = tx.run(match + """
                      AND ($afterAt IS NULL OR p.createdAt < datetime($afterAt)
                           OR (p.createdAt = datetime($afterAt) AND p.id > $afterId))
                    RETURN p {.*} AS p ORDER BY p.createdAt DESC, p.id LIMIT $limit
                    """, params).list(r -> toProposal(r.get("p")));
            return Connection.of(proposals, page, total,
                    p -> Connection.cursor(p.createdAt().toOffsetDateTime().toString(), p.id()));
        });
    }

    /** A page of a proposal's items in the order the proposal ranked them; the cursor is the last item's position. */
    Connection<PairingProposal.Item> items(String proposalId, @Nullable Boolean matched, Connection.Request page) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", proposalId);
        params.put("matched", matched);
        params.put("afterPosition", page.after(0) == null ? -1 : positionOf(page.after(0)));
        params.put("limit", page.fetchSize());
        String match = """
                MATCH (:PairingProposal {id: $id})-[:HAS_ITEM]->(i:ProposalItem)
                WHERE ($matched IS NULL OR (i.leaderId IS NOT NULL) = $matched)
                """;
        return neo4j.read(tx -> {
            long total = tx.run(match + "RETURN count(i) AS n", params).single().get("n").asLong();
            List<PairingProposal.Item> items = tx.run(match + """
                      AND i.position > $afterPosition
                    WITH i ORDER BY i.position LIMIT $limit
                    """ + ITEM_RETURN, params).list(ProposalRepository::toItem);
            return Connection.of(items, page, total, item -> Connection.cursor(Integer.toString(item.position())));
        });
    }

    private static int positionOf(String cursorPart) {
        try {
            return Integer.parseInt(cursorPart);
        } catch (NumberFormatException e) {
            throw ApiException.badInput("after: недействительный курсор");
        }
    }

    /** Every item of a proposal, in order. */
    List<PairingProposal.Item> allItems(String proposalId) {
        return neo4j.read(tx -> tx.run("MATCH (:PairingProposal {id: $id})-[:HAS_ITEM]->(i:ProposalItem) WITH i ORDER BY i.position "
                + ITEM_RETURN, Map.of("id", proposalId)).list(ProposalRepository::toItem));
    }

    void linkPair(String proposalId, String menteeId, String pairId) {
        neo4j.write(tx -> tx.run("""
                MATCH (:PairingProposal {id: $id})-[:HAS_ITEM]->(i:ProposalItem {menteeId: $menteeId})
                SET i.pairId = $pairId
                """, Map.of("id", proposalId, "menteeId", menteeId, "pairId", pairId)).consume());
    }

    private static PairingProposal toProposal(Value p) {
        return new PairingProposal(p.get("id").asString(), p.get("regionId").asString(),
                SchoolDataRepository.string(p.get("municipalityId")), p.get("createdAt").asZonedDateTime(),
                p.get("createdBy").asString(), p.get("method").asString(), p.get("capacity").asInt(),
                p.get("minScore").asDouble(), SchoolDataRepository.number(p.get("maxDistanceKm")),
                p.get("menteeCount").asInt(), p.get("alreadyPairedCount").asInt(), p.get("leaderCount").asInt(),
                p.get("slotCount").asInt(), p.get("pairedCount").asInt(), p.get("unmatchedCount").asInt(),
                p.get("totalScore").asDouble(), p.get("scoringMillis").asDouble(0), p.get("solveMillis").asDouble(),
                new PairingProposal.Baseline(p.get("greedyMethod").asString(), p.get("greedyPairedCount").asInt(),
                        p.get("greedyTotalScore").asDouble(), p.get("greedySolveMillis").asDouble()));
    }

    private static PairingProposal.Item toItem(Record r) {
        Value i = r.get("i");
        PairingProposal.Components components = null;
        if (!i.get("components").isNull()) {
            List<Double> c = i.get("components").asList(Value::asDouble);
            components = new PairingProposal.Components(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4));
        }
        Value mentee = r.get("mentee");
        SchoolRow menteeRow = mentee.isNull() ? missingSchool(i.get("menteeId").asString()) : SchoolRow.of(SchoolDirectory.read(mentee));
        return new PairingProposal.Item(i.get("proposalId").asString(), i.get("position").asInt(), menteeRow,
                r.get("leader").isNull() ? null : SchoolRow.of(SchoolDirectory.read(r.get("leader"))),
                SchoolDataRepository.number(i.get("score")), SchoolDataRepository.string(i.get("summary")), components,
                i.get("reason").isNull() ? null : PairingProposal.UnmatchedReason.valueOf(i.get("reason").asString()),
                SchoolDataRepository.string(i.get("message")), SchoolDataRepository.string(i.get("greedyLeaderId")),
                SchoolDataRepository.number(i.get("greedyScore")), SchoolDataRepository.string(i.get("pairId")));
    }

    /** A school deleted since the proposal was made still shows up by id. */
    private static SchoolRow missingSchool(String id) {
        return new SchoolRow(id, null, id, null, null, null, null, null, null, null, List.of(), null, null, null, null, null);
    }

}
