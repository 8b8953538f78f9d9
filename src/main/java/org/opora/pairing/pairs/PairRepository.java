package org.opora.pairing.pairs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.opora.pairing.region.PairingSettings;
import org.opora.pairing.region.RegionSnapshot;
import org.opora.pairing.region.SchoolDataRepository;
import org.opora.pairing.region.SchoolRow;
import org.opora.platform.graphql.Connection;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.school.SchoolDirectory;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Network pairs, their plans and history, and the per-region settings node, in Neo4j:
 * <pre>
 * (:NetworkPair {id, regionId, menteeId, leaderId, status, ...})-[:MENTEE]->(:School), -[:LEADER]->(:School)
 * (:NetworkPair)-[:HAS_ACTIVITY]->(:PlanActivity {id, pairId, title, deadline, responsible, plannedResult, status, ...})
 * (:NetworkPair)-[:HAS_EVENT]->(:PairEvent {seq, at, by, action, from, to, details})
 * (:PairingSettings {regionId, capacity, ...}) — also the region's lock for pair creation
 * </pre>
 * Write methods take the caller's transaction so that a service can check and change in one transaction.
 */
@Singleton
public class PairRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPEN = PairStatus.OPEN.stream().map(Enum::name).toList();

    /** The pair bound to {@code p} with its two schools, read through the school read model's projection (one query). */
    private static final String PAIR_RETURN = """
            MATCH (p)-[:MENTEE]->(menteeSchool:School)
            MATCH (p)-[:LEADER]->(leaderSchool:School)
            RETURN p {.*} AS p, %s AS mentee, %s AS leader
            """.formatted(SchoolDirectory.projection("menteeSchool"), SchoolDirectory.projection("leaderSchool"));

    private final Neo4jSessions neo4j;

    public PairRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    // ------------------------------------------------------------------ settings and live state

    /**
     * What a candidate query needs fresh on every call, in one round trip: the region's fingerprint
     * (identification run id, read from one school, plus the number of schools), its settings and its
     * open pairs.
     */
    public record LiveState(String regionId, String fingerprint, PairingSettings settings, List<String[]> openPairs) {

        /** Open pairs per school index of the snapshot (as leader). */
        public int[] openPairsByLeader(RegionSnapshot snapshot) {
            int[] open = new int[snapshot.size];
            for (String[] pair : openPairs) {
                Integer leader = snapshot.indexOf(pair[0]);
                if (leader != null) {
                    open[leader]++;
                }
            }
            return open;
        }
    }

    // The region's schools are matched here only to count them and read the run id of one (the fingerprint of the
    // scorer's cached snapshot): no school is projected, and this query is on the path of every candidate query.
    private static final String LIVE_STATE = """
            CALL { WITH regionId MATCH (s:School {regionId: regionId}) RETURN count(s) AS schools }
            CALL { WITH regionId OPTIONAL MATCH (s:School {regionId: regionId}) RETURN s.identificationRunId AS runId LIMIT 1 }
            CALL { WITH regionId MATCH (p:NetworkPair {regionId: regionId}) WHERE p.status IN $open
                   RETURN collect([p.leaderId, p.menteeId]) AS open }
            OPTIONAL MATCH (cfg:PairingSettings {regionId: regionId})
            RETURN regionId, schools, runId, open, cfg {.*} AS cfg
            """;

    public LiveState liveState(String regionId) {
        return neo4j.read(tx -> toLiveState(tx.run("WITH $regionId AS regionId " + LIVE_STATE,
                Map.of("regionId", regionId, "open", OPEN)).single()));
    }

    /**
     * The region of a school and its live state; empty when the school is unknown. One auto-commit query:
     * this is on the path of every candidate query.
     */
    public Optional<LiveState> liveStateOfSchool(String schoolId) {
        String query = "MATCH (school:School {id: $id}) WHERE school.regionId IS NOT NULL "
                + "WITH school.regionId AS regionId " + LIVE_STATE;
        return neo4j.readOnce(query, Map.of("id", schoolId, "open", OPEN),
                result -> result.stream().findFirst().map(PairRepository::toLiveState));
    }

    private static LiveState toLiveState(Record r) {
        String fingerprint = (r.get("runId").isNull() ? "-" : r.get("runId").asString()) + "#" + r.get("schools").asLong();
        List<String[]> open = r.get("open").asList(v -> new String[]{v.get(0).asString(), v.get(1).asString()});
        return new LiveState(r.get("regionId").asString(), fingerprint, settingsFrom(r.get("cfg")), open);
    }

    /** The cheapest query there is, for the benchmark's baseline: as a managed transaction, or auto-commit. */
    public int ping(boolean managed) {
        if (managed) {
            return neo4j.read(tx -> tx.run("RETURN 1 AS one").single().get("one").asInt());
        }
        return neo4j.readOnce("RETURN 1 AS one", Map.of(), result -> result.single().get("one").asInt());
    }

    public PairingSettings settings(String regionId) {
        return neo4j.read(tx -> settingsFrom(tx.run("OPTIONAL MATCH (cfg:PairingSettings {regionId: $regionId}) RETURN cfg {.*} AS cfg",
                Map.of("regionId", regionId)).single().get("cfg")));
    }

    public PairingSettings saveSettings(String regionId, PairingSettings settings, String by) {
        Map<String, Object> params = new HashMap<>();
        params.put("regionId", regionId);
        params.put("props", settings.toProperties());
        params.put("by", by);
        return neo4j.write(tx -> settingsFrom(tx.run("""
                MERGE (cfg:PairingSettings {regionId: $regionId})
                SET cfg += $props, cfg.updatedBy = $by, cfg.updatedAt = datetime()
                RETURN cfg {.*} AS cfg
                """, params).single().get("cfg")));
    }

    private static PairingSettings settingsFrom(Value cfg) {
        return PairingSettings.fromProperties(cfg.isNull() ? null : cfg.asMap());
    }

    PairingSettings settingsIn(TransactionContext tx, String regionId) {
        return settingsFrom(tx.run("OPTIONAL MATCH (cfg:PairingSettings {regionId: $regionId}) RETURN cfg {.*} AS cfg",
                Map.of("regionId", regionId)).single().get("cfg"));
    }

    /** Serialises pair creation within a region (capacity and one-open-pair checks run under it). */
    void lockRegion(TransactionContext tx, String regionId) {
        tx.run("""
                MERGE (cfg:PairingSettings {regionId: $regionId})
                SET cfg.lockVersion = coalesce(cfg.lockVersion, 0) + 1
                """, Map.of("regionId", regionId)).consume();
    }

    // ------------------------------------------------------------------ schools inside a write transaction

    Optional<SchoolRow> school(TransactionContext tx, String schoolId) {
        return SchoolDirectory.byId(tx, schoolId).map(SchoolRow::of);
    }

    int openPairsAsLeader(TransactionContext tx, String leaderId) {
        return tx.run("MATCH (p:NetworkPair {leaderId: $id}) WHERE p.status IN $open RETURN count(p) AS n",
                Map.of("id", leaderId, "open", OPEN)).single().get("n").asInt();
    }

    Optional<String> openPairAsMentee(TransactionContext tx, String menteeId) {
        return tx.run("MATCH (p:NetworkPair {menteeId: $id}) WHERE p.status IN $open RETURN p.id AS id LIMIT 1",
                Map.of("id", menteeId, "open", OPEN)).stream().findFirst().map(r -> r.get("id").asString());
    }

    // ------------------------------------------------------------------ pairs

    /** Everything a new pair is created with. */
    record NewPair(String id, SchoolRow mentee, SchoolRow leader, @Nullable Double score, @Nullable String scoreSummary,
                   @Nullable String proposalId, @Nullable String note, String by) {
    }

    NetworkPair create(TransactionContext tx, NewPair pair) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", pair.id());
        params.put("regionId", pair.mentee().regionId());
        params.put("menteeId", pair.mentee().id());
        params.put("leaderId", pair.leader().id());
        params.put("menteeMunicipalityId", pair.mentee().municipalityId());
        params.put("leaderMunicipalityId", pair.leader().municipalityId());
        params.put("score", pair.score());
        params.put("scoreSummary", pair.scoreSummary());
        params.put("proposalId", pair.proposalId());
        params.put("note", pair.note());
        params.put("by", pair.by());
        params.put("details", json(detailsOf("score", pair.score(), "proposalId", pair.proposalId(), "note", pair.note())));
        return toPair(tx.run("""
                MATCH (m:School {id: $menteeId}), (l:School {id: $leaderId})
                CREATE (p:NetworkPair {id: $id, regionId: $regionId, menteeId: $menteeId, leaderId: $leaderId,
                        menteeMunicipalityId: $menteeMunicipalityId, leaderMunicipalityId: $leaderMunicipalityId,
                        status: 'PROPOSED', createdAt: datetime(), createdBy: $by, updatedAt: datetime(),
                        score: $score, scoreSummary: $scoreSummary, proposalId: $proposalId, note: $note, version: 0})
                CREATE (p)-[:MENTEE]->(m), (p)-[:LEADER]->(l)
                CREATE (p)-[:HAS_EVENT]->(:PairEvent {seq: 0, at: datetime(), by: $by, action: 'CREATED',
                        to: 'PROPOSED', details: $details})
                WITH p
                """ + PAIR_RETURN, params).single());
    }

    /** Takes the pair's write lock (by bumping its version) and returns it as now committed. */
    Optional<NetworkPair> lock(TransactionContext tx, String id) {
        return tx.run("MATCH (p:NetworkPair {id: $id}) SET p.version = p.version + 1 WITH p " + PAIR_RETURN, Map.of("id", id))
                .stream().findFirst().map(PairRepository::toPair);
    }

    /**
     * Moves the pair from {@code from} to {@code to} and records who did it; changes nothing (and returns
     * false) when the pair is no longer in {@code from}.
     */
    boolean transition(TransactionContext tx, String id, PairStatus from, PairStatus to, Map<String, Object> properties,
                       String by, Map<String, Object> details) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("from", from.name());
        params.put("to", to.name());
        params.put("props", properties);
        params.put("by", by);
        params.put("details", json(details));
        return tx.run("""
                MATCH (p:NetworkPair {id: $id}) WHERE p.status = $from
                SET p += $props, p.status = $to, p.updatedAt = datetime()
                CREATE (p)-[:HAS_EVENT]->(:PairEvent {seq: p.version, at: datetime(), by: $by, action: 'STATUS_CHANGED',
                        from: $from, to: $to, details: $details})
                RETURN count(p) AS n
                """, params).single().get("n").asInt() == 1;
    }

    Optional<NetworkPair> find(String id) {
        return neo4j.read(tx -> find(tx, id));
    }

    Optional<NetworkPair> find(TransactionContext tx, String id) {
        return tx.run("MATCH (p:NetworkPair {id: $id}) WITH p " + PAIR_RETURN, Map.of("id", id))
                .stream().findFirst().map(PairRepository::toPair);
    }

    /** Filters for a list of pairs; {@code visible*} narrow it to what the caller's scope covers. */
    record PairFilter(String regionId, @Nullable List<String> statuses, @Nullable String municipalityId,
                      @Nullable String schoolId, @Nullable String visibleMunicipalityId, @Nullable String visibleSchoolId) {
    }

    /** A page of pairs, newest first; the cursor is (createdAt, id) of the last pair seen. */
    Connection<NetworkPair> list(PairFilter filter, Connection.Request page) {
        Map<String, Object> params = new HashMap<>();
        params.put("regionId", filter.regionId());
        params.put("statuses", filter.statuses());
        params.put("municipalityId", filter.municipalityId());
        params.put("schoolId", filter.schoolId());
        params.put("visibleMunicipalityId", filter.visibleMunicipalityId());
        params.put("visibleSchoolId", filter.visibleSchoolId());
        params.put("afterAt", page.after(0));
        params.put("afterId", page.after(1));
        params.put("limit", page.fetchSize());
        String match = """
                MATCH (p:NetworkPair {regionId: $regionId})
                WHERE ($statuses IS NULL OR p.status IN $statuses)
                  AND ($municipalityId IS NULL OR p.menteeMunicipalityId = $municipalityId OR p.leaderMunicipalityId = $municipalityId)
                  AND ($schoolId IS NULL OR p.menteeId = $schoolId OR p.leaderId = $schoolId)
                  AND ($visibleMunicipalityId IS NULL OR p.menteeMunicipalityId = $visibleMunicipalityId
                       OR p.leaderMunicipalityId = $visibleMunicipalityId)
                  AND ($visibleSchoolId IS NULL OR p.menteeId = $visibleSchoolId OR p.leaderId = $visibleSchoolId)
                """;
        return neo4j.read(tx -> {
            long total = tx.run(match + "RETURN count(p) AS n", params).single().get("n").asLong();
            List<NetworkPair> pairs = tx.run(match + """
                      AND ($afterAt IS NULL OR p.createdAt < datetime($afterAt)
                           OR (p.createdAt = datetime($afterAt) AND p.id > $afterId))
                    WITH p ORDER BY p.createdAt DESC, p.id LIMIT $limit
                    """ + PAIR_RETURN + " ORDER BY p.createdAt DESC, p.id", params).list(PairRepository::toPair);
            return Connection.of(pairs, page, total, p -> Connection.cursor(p.createdAt().toOffsetDateTime().toString(), p.id()));
        });
    }

    /** Pairs that have started (ACTIVE or COMPLETED, with a start date), for outcomes. */
    public List<NetworkPair> started(String regionId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (p:NetworkPair {regionId: $regionId}) WHERE p.status IN ['ACTIVE', 'COMPLETED'] AND p.startDate IS NOT NULL
                WITH p ORDER BY p.startDate, p.id
                """ + PAIR_RETURN, Map.of("regionId", regionId)).list(PairRepository::toPair));
    }

    /** Schools of the region that have ever been the mentee of a pair that started. */
    public List<String> everStartedMentees(String regionId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (p:NetworkPair {regionId: $regionId}) WHERE p.startDate IS NOT NULL
                RETURN DISTINCT p.menteeId AS id
                """, Map.of("regionId", regionId)).list(r -> r.get("id").asString()));
    }

    // ------------------------------------------------------------------ plan and history

    /** The joint plans of the given pairs (every asked pair is a key), in one query. */
    Map<String, List<PlanActivity>> activitiesOf(Collection<String> pairIds) {
        Map<String, List<PlanActivity>> plans = emptyListsFor(pairIds);
        neo4j.read(tx -> tx.run("""
                UNWIND $ids AS id
                MATCH (:NetworkPair {id: id})-[:HAS_ACTIVITY]->(a:PlanActivity)
                RETURN a {.*} AS a ORDER BY a.deadline IS NULL, a.deadline, a.createdAt, a.id
                """, Map.of("ids", List.copyOf(pairIds))).list(r -> toActivity(r.get("a"))))
                .forEach(a -> plans.get(a.pairId()).add(a));
        return plans;
    }

    private static <V> Map<String, List<V>> emptyListsFor(Collection<String> ids) {
        Map<String, List<V>> lists = new HashMap<>();
        ids.forEach(id -> lists.put(id, new ArrayList<>()));
        return lists;
    }

    /** A plan activity of an open pair of the school, with the name of the partner school. */
    public record SchoolActivity(String pairId, String partnerName, PlanActivity activity) {
    }

    /**
     * Activities of the school's open pairs (either side) changed since the moment by someone other than the user,
     * or past their deadline and not finished.
     */
    List<SchoolActivity> activityNews(String schoolId, String username, ZonedDateTime since) {
        return neo4j.read(tx -> tx.run("""
                MATCH (s:School {id: $school})<-[:MENTEE|LEADER]-(p:NetworkPair)-[:HAS_ACTIVITY]->(a:PlanActivity)
                WHERE p.status IN $open
                  AND ((a.updatedAt >= $since AND coalesce(a.updatedBy, '') <> $username)
                       OR (a.deadline < date() AND NOT a.status IN ['DONE', 'CANCELLED']))
                MATCH (p)-[:MENTEE|LEADER]->(partner:School) WHERE partner.id <> s.id
                WITH p, partner, a ORDER BY a.updatedAt DESC LIMIT 20
                RETURN p.id AS pairId, %s AS partner, a {.*} AS a
                ORDER BY a.updatedAt DESC
                """.formatted(SchoolDirectory.projection("partner")), Map.of("school", schoolId, "username", username, "since", since, "open", OPEN))
                .list(r -> new SchoolActivity(r.get("pairId").asString(), SchoolDirectory.read(r.get("partner")).name(),
                        toActivity(r.get("a")))));
    }

    Optional<String> pairOfActivity(TransactionContext tx, String activityId) {
        return tx.run("MATCH (p:NetworkPair)-[:HAS_ACTIVITY]->(a:PlanActivity {id: $id}) RETURN p.id AS id", Map.of("id", activityId))
                .stream().findFirst().map(r -> r.get("id").asString());
    }

    Optional<PlanActivity> activity(TransactionContext tx, String activityId) {
        return tx.run("MATCH (a:PlanActivity {id: $id}) RETURN a {.*} AS a", Map.of("id", activityId))
                .stream().findFirst().map(r -> toActivity(r.get("a")));
    }

    PlanActivity addActivity(TransactionContext tx, String pairId, String activityId, Map<String, Object> fields, String by) {
        Map<String, Object> params = new HashMap<>();
        params.put("pairId", pairId);
        params.put("id", activityId);
        params.put("fields", fields);
        params.put("by", by);
        return toActivity(tx.run("""
                MATCH (p:NetworkPair {id: $pairId})
                CREATE (p)-[:HAS_ACTIVITY]->(a:PlanActivity {id: $id, pairId: $pairId, createdAt: datetime(), updatedAt: datetime(),
                        updatedBy: $by})
                SET a += $fields
                RETURN a {.*} AS a
                """, params).single().get("a"));
    }

    PlanActivity updateActivity(TransactionContext tx, String activityId, Map<String, Object> fields, String by) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", activityId);
        params.put("fields", fields);
        params.put("by", by);
        return toActivity(tx.run("""
                MATCH (a:PlanActivity {id: $id})
                SET a += $fields, a.updatedAt = datetime(), a.updatedBy = $by
                RETURN a {.*} AS a
                """, params).single().get("a"));
    }

    void removeActivity(TransactionContext tx, String activityId) {
        tx.run("MATCH (a:PlanActivity {id: $id}) DETACH DELETE a", Map.of("id", activityId)).consume();
    }

    /** Records a plan change in the pair's history; the pair must have been locked in this transaction. */
    void addEvent(TransactionContext tx, String pairId, PairEventAction action, String by, Map<String, Object> details) {
        tx.run("""
                MATCH (p:NetworkPair {id: $id})
                SET p.updatedAt = datetime()
                CREATE (p)-[:HAS_EVENT]->(:PairEvent {seq: p.version, at: datetime(), by: $by, action: $action, details: $details})
                """, Map.of("id", pairId, "action", action.name(), "by", by, "details", json(details))).consume();
    }

    /** The histories of the given pairs (every asked pair is a key), oldest entry first, in one query. */
    Map<String, List<PairEvent>> historyOf(Collection<String> pairIds) {
        Map<String, List<PairEvent>> histories = emptyListsFor(pairIds);
        neo4j.read(tx -> tx.run("""
                UNWIND $ids AS id
                MATCH (:NetworkPair {id: id})-[:HAS_EVENT]->(e:PairEvent)
                RETURN id, e {.*} AS e ORDER BY id, e.seq, e.at
                """, Map.of("ids", List.copyOf(pairIds))).list(r -> {
            Value e = r.get("e");
            return Map.entry(r.get("id").asString(), new PairEvent(e.get("seq").asLong(), e.get("at").asZonedDateTime(),
                    e.get("by").asString(), PairEventAction.valueOf(e.get("action").asString()),
                    e.get("from").isNull() ? null : PairStatus.valueOf(e.get("from").asString()),
                    e.get("to").isNull() ? null : PairStatus.valueOf(e.get("to").asString()),
                    parse(e.get("details").isNull() ? null : e.get("details").asString())));
        })).forEach(entry -> histories.get(entry.getKey()).add(entry.getValue()));
        return histories;
    }

    // ------------------------------------------------------------------ mapping

    private static NetworkPair toPair(Record r) {
        Value p = r.get("p");
        return new NetworkPair(p.get("id").asString(), p.get("regionId").asString(), PairStatus.valueOf(p.get("status").asString()),
                SchoolRow.of(SchoolDirectory.read(r.get("mentee"))), SchoolRow.of(SchoolDirectory.read(r.get("leader"))),
                p.get("createdAt").asZonedDateTime(), p.get("createdBy").asString(),
                p.get("updatedAt").isNull() ? null : p.get("updatedAt").asZonedDateTime(),
                date(p.get("agreementDate")), SchoolDataRepository.string(p.get("agreementRef")),
                date(p.get("startDate")), date(p.get("endDate")),
                SchoolDataRepository.string(p.get("cancelReason")), SchoolDataRepository.string(p.get("summary")),
                SchoolDataRepository.number(p.get("score")), SchoolDataRepository.string(p.get("scoreSummary")),
                SchoolDataRepository.string(p.get("proposalId")), SchoolDataRepository.string(p.get("note")),
                p.get("version").asLong(0));
    }

    private static PlanActivity toActivity(Value a) {
        return new PlanActivity(a.get("id").asString(), a.get("pairId").asString(), a.get("title").asString(),
                date(a.get("deadline")), SchoolDataRepository.string(a.get("responsible")),
                SchoolDataRepository.string(a.get("plannedResult")), ActivityStatus.valueOf(a.get("status").asString()),
                a.get("createdAt").asZonedDateTime(), a.get("updatedAt").asZonedDateTime(), a.get("updatedBy").asString(""));
    }

    private static LocalDate date(Value value) {
        return value == null || value.isNull() ? null : value.asLocalDate();
    }

    /** A details map from alternating keys and values, leaving out nulls; dates become ISO strings. */
    static Map<String, Object> detailsOf(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                details.put(String.valueOf(keysAndValues[i]), value instanceof LocalDate || value instanceof ZonedDateTime
                        ? value.toString() : value);
            }
        }
        return details;
    }

    static String json(Map<String, Object> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> parse(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
