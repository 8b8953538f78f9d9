package org.opora.support.partners;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.Value;
import org.opora.mentoring.teachers.Rows;
import org.opora.platform.graphql.Connection;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.platform.neo4j.SchemaMigration;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cypher of the partner catalogue: (:Partner), (:NetworkPair)-[:WITH_PARTNER {role}]->(:Partner). */
@Singleton
public class PartnerRepository implements SchemaMigration {

    private final Neo4jSessions neo4j;

    PartnerRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    @Override
    public String id() {
        return "061-support-partners";
    }

    @Override
    public List<String> statements() {
        return List.of(
                "CREATE CONSTRAINT partner_id IF NOT EXISTS FOR (p:Partner) REQUIRE p.id IS UNIQUE",
                "CREATE INDEX partner_region IF NOT EXISTS FOR (p:Partner) ON (p.regionId)");
    }

    /** A new partner as stored (the creation time is set by the database). */
    public record StoredPartner(String id, String regionId, @Nullable String municipalityId, PartnerKind kind, String name,
                                @Nullable String offer, @Nullable String contact, String createdBy) {
    }

    public Partner create(StoredPartner partner) {
        return neo4j.write(tx -> partner(tx.run("CREATE (p:Partner) SET p = $p, p.createdAt = datetime() RETURN p {.*} AS p",
                Map.of("p", row(partner))).single().get("p")));
    }

    public Map<String, Partner> byIds(Collection<String> ids) {
        Map<String, Partner> result = new LinkedHashMap<>();
        neo4j.readOnce("MATCH (p:Partner) WHERE p.id IN $ids RETURN p {.*} AS p", Map.of("ids", List.copyOf(ids)),
                r -> r.list(row -> partner(row.get("p")))).forEach(p -> result.put(p.id(), p));
        return result;
    }

    /**
     * A page of a region's partners ordered by name and id; {@code municipalityId} narrows to the region's own partners
     * and that municipality's, null means all of the region.
     */
    public Connection<Partner> list(String regionId, @Nullable String municipalityId, @Nullable PartnerKind kind,
                                    Connection.Request page) {
        Map<String, Object> p = new HashMap<>();
        p.put("regionId", regionId);
        p.put("municipalityId", municipalityId);
        p.put("kind", kind == null ? null : kind.name());
        p.put("afterName", page.after(0));
        p.put("afterId", page.after(1));
        p.put("limit", page.fetchSize());
        String where = """
                WHERE ($municipalityId IS NULL OR p.municipalityId IS NULL OR p.municipalityId = $municipalityId)
                  AND ($kind IS NULL OR p.kind = $kind)""";
        return neo4j.read(tx -> {
            long total = tx.run("MATCH (p:Partner {regionId: $regionId}) " + where + " RETURN count(p) AS n", p).single().get("n").asLong();
            List<Partner> rows = tx.run("MATCH (p:Partner {regionId: $regionId}) " + where + """
                      AND ($afterName IS NULL OR p.name > $afterName OR (p.name = $afterName AND p.id > $afterId))
                    RETURN p {.*} AS p ORDER BY p.name, p.id LIMIT $limit""", p).list(r -> partner(r.get("p")));
            return Connection.of(rows, page, total, x -> Connection.cursor(x.name(), x.id()));
        });
    }

    /** Partners of each pair (one query for many pairs); every pair id gets a list. */
    public Map<String, List<PairPartner>> ofPairs(Collection<String> pairIds) {
        return Rows.groupedBy(pairIds, neo4j.read(tx -> tx.run("""
                MATCH (n:NetworkPair)-[w:WITH_PARTNER]->(p:Partner) WHERE n.id IN $ids
                RETURN n.id AS pairId, p {.*} AS p, w.role AS role ORDER BY p.name, p.id""", Map.of("ids", List.copyOf(pairIds)))
                .list(r -> Map.entry(r.get("pairId").asString(), new PairPartner(partner(r.get("p")), Rows.string(r.get("role")))))));
    }

    public void linkPair(String pairId, String partnerId, @Nullable String role) {
        Map<String, Object> p = new HashMap<>();
        p.put("pairId", pairId);
        p.put("partnerId", partnerId);
        p.put("role", role);
        neo4j.write(tx -> tx.run("""
                MATCH (n:NetworkPair {id: $pairId}), (p:Partner {id: $partnerId})
                MERGE (n)-[w:WITH_PARTNER]->(p) SET w.role = $role""", p).consume());
    }

    /** Removes the link; false when the partner was not a party to the pair. */
    public boolean unlinkPair(String pairId, String partnerId) {
        return neo4j.write(tx -> tx.run("""
                MATCH (:NetworkPair {id: $pairId})-[w:WITH_PARTNER]->(:Partner {id: $partnerId})
                DELETE w RETURN count(*) AS n""", Map.of("pairId", pairId, "partnerId", partnerId)).single().get("n").asLong() > 0);
    }

    // Written with SET p = $p: a null value stores no property.
    private static Map<String, Object> row(StoredPartner partner) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", partner.id());
        row.put("regionId", partner.regionId());
        row.put("municipalityId", partner.municipalityId());
        row.put("kind", partner.kind().name());
        row.put("name", partner.name());
        row.put("offer", partner.offer());
        row.put("contact", partner.contact());
        row.put("createdBy", partner.createdBy());
        return row;
    }

    private static Partner partner(Value p) {
        return new Partner(p.get("id").asString(), p.get("regionId").asString(), Rows.string(p.get("municipalityId")),
                PartnerKind.valueOf(p.get("kind").asString()), p.get("name").asString(), Rows.string(p.get("offer")),
                Rows.string(p.get("contact")), p.get("createdAt").asZonedDateTime(), p.get("createdBy").asString());
    }
}
