package org.opora.practice;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.school.SchoolDirectory;
import org.opora.platform.neo4j.SchemaMigration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Singleton;

/**
 * All Cypher of the practice bank. The graph:
 * <pre>
 * (:School)-[:AUTHORED]->(:Practice {id, title, ..., status, version})
 * (:School)-[:ADOPTED {date, note, recordedBy, recordedAt}]->(:Practice)
 * (:User)-[:BOOKMARKED {at}]->(:Practice)
 * (:IndexOutbox {id, target: 'practice', entityId, op: 'UPSERT'|'DELETE', version, createdAt, attempts, lastError})
 * </pre>
 * Every change to a practice (or to what its search document shows, such as an adoption) increments
 * {@code Practice.version} and writes an {@code IndexOutbox} node <em>in the same transaction</em>, so the search
 * index can never silently miss a committed change; see {@code PracticeOutbox}.
 */
@Singleton
public class PracticeRepository implements SchemaMigration {

    static final String OUTBOX_TARGET = "practice";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<EvidenceItem>> EVIDENCE_LIST = new TypeReference<>() {
    };

    /** Writes the outbox entry for practice {@code p} (bound in the calling query) at its current version. */
    private static final String ENQUEUE_UPSERT = """
            CREATE (:IndexOutbox {id: randomUUID(), target: 'practice', entityId: p.id, op: 'UPSERT',
                                  version: p.version, createdAt: datetime(), attempts: 0})
            """;

    private final Neo4jSessions neo4j;

    public PracticeRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    @Override
    public String id() {
        return "040-practice";
    }

    @Override
    public List<String> statements() {
        return List.of(
                "CREATE CONSTRAINT practice_id IF NOT EXISTS FOR (p:Practice) REQUIRE p.id IS UNIQUE",
                "CREATE INDEX practice_status IF NOT EXISTS FOR (p:Practice) ON (p.status)",
                "CREATE CONSTRAINT index_outbox_id IF NOT EXISTS FOR (o:IndexOutbox) REQUIRE o.id IS UNIQUE",
                "CREATE INDEX index_outbox_target IF NOT EXISTS FOR (o:IndexOutbox) ON (o.target, o.createdAt)",
                "CREATE CONSTRAINT search_index_state_name IF NOT EXISTS FOR (s:SearchIndexState) REQUIRE s.name IS UNIQUE");
    }

    // -------------------------------------------------------------------------------------------------------------
    // Schools (owned by the school feature: read through its read model; matched here only as joins of practice data)

    public Optional<SchoolRef> findSchool(String schoolId) {
        return neo4j.read(tx -> SchoolDirectory.byId(tx, schoolId).map(SchoolRef::of));
    }

    // -------------------------------------------------------------------------------------------------------------
    // Writes: each one bumps the version and enqueues the search update in the same transaction

    public void create(String id, PracticeInput input, SchoolRef school, String createdBy) {
        Map<String, Object> params = contentParams(input);
        params.put("id", id);
        params.put("createdBy", createdBy);
        params.put("schoolId", school.id());
        params.put("regionId", school.regionId());
        params.put("municipalityId", school.municipalityId());
        neo4j.write(tx -> {
            tx.run("""
                    MATCH (s:School {id: $schoolId})
                    CREATE (s)-[:AUTHORED]->(p:Practice {id: $id})
                    SET p += $content, p.status = 'DRAFT', p.createdBy = $createdBy, p.createdAt = datetime(),
                        p.updatedAt = datetime(), p.version = 1, p.authorSchoolId = $schoolId,
                        p.regionId = $regionId, p.municipalityId = $municipalityId
                    WITH p
                    """ + ENQUEUE_UPSERT, params).consume();
            return null;
        });
    }

    /** Replaces the content; moves the AUTHORED link when the author school changes. False when not found. */
    public boolean update(String id, PracticeInput input, SchoolRef school, Long expectedVersion) {
        Map<String, Object> params = contentParams(input);
        params.put("id", id);
        params.put("schoolId", school.id());
        params.put("regionId", school.regionId());
        params.put("municipalityId", school.municipalityId());
        params.put("expected", expectedVersion);
        return neo4j.write(tx -> tx.run("""
                MATCH (p:Practice {id: $id}) WHERE $expected IS NULL OR p.version = $expected
                MATCH (s:School {id: $schoolId})
                OPTIONAL MATCH (old:School)-[a:AUTHORED]->(p)
                DELETE a
                MERGE (s)-[:AUTHORED]->(p)
                SET p += $content, p.updatedAt = datetime(), p.version = p.version + 1, p.authorSchoolId = $schoolId,
                    p.regionId = $regionId, p.municipalityId = $municipalityId
                WITH DISTINCT p
                """ + ENQUEUE_UPSERT + " RETURN count(*) AS n", params).single().get("n").asLong() > 0);
    }

    /**
     * Moves the practice from one of {@code from} to {@code to}, setting the given extra properties
     * ({@code submittedAt}, {@code reviewedBy}, ...). False when the practice is not (or no longer) in {@code from}:
     * the check and the change are one statement, so two reviewers cannot both act on one submission.
     */
    public boolean transition(String id, Collection<PracticeStatus> from, PracticeStatus to, Map<String, Object> extra,
                              boolean publishToday) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("from", from.stream().map(Enum::name).toList());
        params.put("to", to.name());
        params.put("extra", extra);
        params.put("publish", publishToday);
        return neo4j.write(tx -> tx.run("""
                MATCH (p:Practice {id: $id}) WHERE p.status IN $from
                SET p += $extra, p.status = $to, p.updatedAt = datetime(), p.version = p.version + 1,
                    p.publishedAt = CASE WHEN $publish THEN coalesce(p.publishedAt, date()) ELSE p.publishedAt END
                WITH p
                """ + ENQUEUE_UPSERT + " RETURN count(*) AS n", params).single().get("n").asLong() > 0);
    }

    /** Deletes the practice and enqueues the removal of its document (at a version above the last indexed one). */
    public boolean delete(String id) {
        return neo4j.write(tx -> tx.run("""
                MATCH (p:Practice {id: $id})
                CREATE (:IndexOutbox {id: randomUUID(), target: 'practice', entityId: p.id, op: 'DELETE',
                                      version: p.version + 1, createdAt: datetime(), attempts: 0})
                DETACH DELETE p
                RETURN count(*) AS n
                """, Map.of("id", id)).single().get("n").asLong() > 0);
    }

    /** The school of the teacher record the login is linked to ({@code Teacher.username}), if any. */
    public Optional<String> linkedTeacherSchool(String username) {
        // A login is linked to one teacher at most (linkTeacherLogin refuses a second one).
        return neo4j.read(tx -> tx.run("MATCH (t:Teacher {username: $u}) WHERE t.schoolId IS NOT NULL RETURN t.schoolId AS schoolId LIMIT 1",
                Map.of("u", username)).list(r -> r.get("schoolId").asString()).stream().findFirst());
    }

    /** Records (or re-dates) an adoption; the practice's document shows adoptions, so it is re-indexed too. */
    public void recordAdoption(String practiceId, String schoolId, LocalDate date, String note, String recordedBy) {
        Map<String, Object> params = new HashMap<>();
        params.put("practiceId", practiceId);
        params.put("schoolId", schoolId);
        params.put("date", date);
        params.put("note", note);
        params.put("by", recordedBy);
        neo4j.write(tx -> tx.run("""
                MATCH (p:Practice {id: $practiceId}), (s:School {id: $schoolId})
                MERGE (s)-[a:ADOPTED]->(p)
                SET a.date = $date, a.note = $note, a.recordedBy = $by, a.recordedAt = datetime(),
                    p.version = p.version + 1
                WITH p
                """ + ENQUEUE_UPSERT, params).consume());
    }

    private static Map<String, Object> contentParams(PracticeInput in) {
        Map<String, Object> params = new HashMap<>();
        params.put("content", contentProperties(in));
        return params;
    }

    /** The node properties an author's input sets (the author school is linked separately). */
    public static Map<String, Object> contentProperties(PracticeInput in) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", in.title());
        content.put("summary", in.summary());
        content.put("description", in.description());
        content.put("subjects", in.subjects());
        content.put("grades", in.grades().stream().map(Integer::longValue).toList());
        content.put("level", in.level());
        content.put("riskFactors", in.riskFactors());
        content.put("authors", in.authors());
        content.put("resources", in.resources());
        content.put("evidenceSummary", in.evidenceSummary());
        content.put("evidenceJson", toJson(in.evidence()));
        return content;
    }

    // -------------------------------------------------------------------------------------------------------------
    // Bulk import (demo seed, benchmark)

    /**
     * Creates or replaces practices as given, with their status and dates (idempotent by id). Authors are linked
     * to their school when it exists. With {@code enqueue}, each practice also gets an outbox entry; without it the
     * caller must re-index (the benchmark measures indexing separately).
     */
    public int importPractices(List<Map<String, Object>> rows, boolean enqueue) {
        return neo4j.write(tx -> tx.run("""
                UNWIND $rows AS row
                MERGE (p:Practice {id: row.id})
                SET p += row.content,
                    p.createdAt = datetime(row.createdAt), p.updatedAt = datetime(row.updatedAt),
                    p.submittedAt = CASE WHEN row.submittedAt IS NULL THEN null ELSE datetime(row.submittedAt) END,
                    p.reviewedAt = CASE WHEN row.reviewedAt IS NULL THEN null ELSE datetime(row.reviewedAt) END,
                    p.publishedAt = CASE WHEN row.publishedAt IS NULL THEN null ELSE date(row.publishedAt) END,
                    p.version = coalesce(p.version, 0) + 1
                WITH p, row
                OPTIONAL MATCH (old:School)-[a:AUTHORED]->(p)
                DELETE a
                WITH DISTINCT p, row
                OPTIONAL MATCH (s:School {id: row.content.authorSchoolId})
                FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (s)-[:AUTHORED]->(p))
                FOREACH (_ IN CASE WHEN $enqueue THEN [1] ELSE [] END |
                    CREATE (:IndexOutbox {id: randomUUID(), target: 'practice', entityId: p.id, op: 'UPSERT',
                                          version: p.version, createdAt: datetime(), attempts: 0}))
                RETURN count(p) AS n
                """, Map.of("rows", rows, "enqueue", enqueue)).single().get("n").asInt());
    }

    /** Adoption rows {practiceId, schoolId, date}; rows naming an unknown practice or school are skipped. Returns the adoptions written. */
    public int importAdoptions(List<Map<String, Object>> rows, boolean enqueue) {
        return neo4j.write(tx -> tx.run("""
                UNWIND $rows AS row
                MATCH (p:Practice {id: row.practiceId}), (s:School {id: row.schoolId})
                MERGE (s)-[a:ADOPTED]->(p)
                SET a.date = date(row.date), a.note = row.note, a.recordedBy = 'seed', a.recordedAt = datetime(),
                    p.version = p.version + 1
                WITH p, count(a) AS adoptions
                FOREACH (_ IN CASE WHEN $enqueue THEN [1] ELSE [] END |
                    CREATE (:IndexOutbox {id: randomUUID(), target: 'practice', entityId: p.id, op: 'UPSERT',
                                          version: p.version, createdAt: datetime(), attempts: 0}))
                RETURN coalesce(sum(adoptions), 0) AS n
                """, Map.of("rows", rows, "enqueue", enqueue)).single().get("n").asInt());
    }

    /** Which of these school ids have no school, sorted. */
    public List<String> missingSchools(Collection<String> schoolIds) {
        return neo4j.read(tx -> tx.run("""
                UNWIND $ids AS id
                OPTIONAL MATCH (s:School {id: id})
                WITH id, s WHERE s IS NULL
                RETURN id ORDER BY id
                """, Map.of("ids", List.copyOf(schoolIds))).list(r -> r.get("id").asString()));
    }

    /** Which of these practice ids exist already. */
    public List<String> existingIds(Collection<String> ids) {
        return neo4j.read(tx -> tx.run("MATCH (p:Practice) WHERE p.id IN $ids RETURN p.id AS id",
                Map.of("ids", List.copyOf(ids))).list(r -> r.get("id").asString()));
    }

    // -------------------------------------------------------------------------------------------------------------
    // Reads

    public Optional<StoredPractice> find(String id) {
        return neo4j.read(tx -> load(tx, List.of(id))).stream().findFirst();
    }

    /** The practices with these ids that exist, in no particular order. */
    public List<StoredPractice> findAll(Collection<String> ids) {
        return neo4j.read(tx -> load(tx, ids));
    }

    /**
     * Keyset page of ids in id order, for re-indexing everything. The plain range predicate lets Neo4j seek the
     * uniqueness index in order (an {@code $after IS NULL OR ...} disjunction made every page scan and sort all practices).
     */
    public List<String> idsAfter(String afterId, int limit) {
        return neo4j.read(tx -> tx.run("""
                MATCH (p:Practice) WHERE p.id > $after
                RETURN p.id AS id ORDER BY p.id LIMIT $limit
                """, Map.of("after", afterId == null ? "" : afterId, "limit", limit)).list(r -> r.get("id").asString()));
    }

    public long count() {
        return neo4j.read(tx -> tx.run("MATCH (p:Practice) RETURN count(p) AS n").single().get("n").asLong());
    }

    /** Assessment results per school, for adoption outcomes. */
    public Map<String, List<ResultPoint>> results(Collection<String> schoolIds) {
        if (schoolIds.isEmpty()) {
            return Map.of();
        }
        return neo4j.read(tx -> {
            Map<String, List<ResultPoint>> results = new HashMap<>();
            tx.run("""
                    UNWIND $ids AS id
                    MATCH (s:School {id: id})-[:HAS_RESULT]->(r:AssessmentResult)
                    WHERE r.year IS NOT NULL AND r.meanScore IS NOT NULL
                    RETURN id, r.year AS year, r.procedure AS procedure, r.subject AS subject, r.grade AS grade,
                           r.meanScore AS meanScore
                    """, Map.of("ids", List.copyOf(schoolIds))).forEachRemaining(r -> results
                    .computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>())
                    .add(new ResultPoint(r.get("year").asInt(), string(r.get("procedure")), string(r.get("subject")),
                            r.get("grade").isNull() ? null : r.get("grade").asInt(), r.get("meanScore").asDouble())));
            return results;
        });
    }

    private static List<StoredPractice> load(TransactionContext tx, Collection<String> ids) {
        return tx.run("""
                UNWIND $ids AS id
                MATCH (p:Practice {id: id})
                OPTIONAL MATCH (s:School)-[:AUTHORED]->(p)
                CALL {
                    WITH p
                    OPTIONAL MATCH (a:School)-[r:ADOPTED]->(p)
                    WITH a, r ORDER BY r.date, a.id
                    RETURN collect(CASE WHEN a IS NULL THEN null ELSE {
                        school: %s, date: r.date, note: r.note, recordedBy: r.recordedBy} END) AS adoptions
                }
                RETURN p {.*} AS p, %s AS s, adoptions
                """.formatted(SchoolDirectory.projection("a"), SchoolDirectory.projection("s")),
                Map.of("ids", List.copyOf(ids))).list(PracticeRepository::stored);
    }

    private static StoredPractice stored(Record r) {
        Map<String, Object> properties = new HashMap<>(r.get("p").asMap());
        SchoolRef school = r.get("s").isNull() ? null : school(r.get("s"));
        List<StoredPractice.Adoption> adoptions = r.get("adoptions").asList(a -> new StoredPractice.Adoption(
                school(a.get("school")),
                a.get("date").isNull() ? null : a.get("date").asLocalDate(),
                string(a.get("note")), string(a.get("recordedBy"))));
        return new StoredPractice(properties, school, adoptions);
    }

    /** A school read with the school read model's projection ({@link SchoolDirectory#projection}). */
    static SchoolRef school(Value s) {
        return SchoolRef.of(SchoolDirectory.read(s));
    }

    // -------------------------------------------------------------------------------------------------------------
    // Outbox

    /** One pending index operation. */
    public record OutboxEntry(String id, String entityId, String op, long version, int attempts) {
    }

    /** The oldest pending entries with fewer than {@code maxAttempts} failures, least-tried first. */
    public List<OutboxEntry> pendingOutbox(int limit, int maxAttempts) {
        return neo4j.read(tx -> tx.run("""
                MATCH (o:IndexOutbox {target: 'practice'}) WHERE o.attempts < $maxAttempts
                RETURN o.id AS id, o.entityId AS entityId, o.op AS op, o.version AS version, o.attempts AS attempts
                ORDER BY o.attempts, o.createdAt LIMIT $limit
                """, Map.of("limit", limit, "maxAttempts", maxAttempts)).list(r -> new OutboxEntry(r.get("id").asString(),
                r.get("entityId").asString(), r.get("op").asString(), r.get("version").asLong(), r.get("attempts").asInt())));
    }

    public void acknowledge(Collection<String> outboxIds) {
        if (!outboxIds.isEmpty()) {
            neo4j.write(tx -> tx.run("MATCH (o:IndexOutbox) WHERE o.id IN $ids DELETE o",
                    Map.of("ids", List.copyOf(outboxIds))).consume());
        }
    }

    public void markFailed(Collection<String> outboxIds, String error) {
        if (!outboxIds.isEmpty()) {
            neo4j.write(tx -> tx.run("""
                    MATCH (o:IndexOutbox) WHERE o.id IN $ids
                    SET o.attempts = o.attempts + 1, o.lastError = $error, o.lastAttemptAt = datetime()
                    """, Map.of("ids", List.copyOf(outboxIds), "error", error == null ? "" : error)).consume());
        }
    }

    /** Pending entries, and among them those that exhausted their attempts (only a full re-index clears those). */
    public record OutboxCounts(long pending, long failed) {
    }

    public OutboxCounts outboxCounts(int maxAttempts) {
        return neo4j.read(tx -> {
            Record r = tx.run("""
                    MATCH (o:IndexOutbox {target: 'practice'})
                    RETURN count(o) AS pending, count(CASE WHEN o.attempts >= $max THEN 1 END) AS failed
                    """, Map.of("max", maxAttempts)).single();
            return new OutboxCounts(r.get("pending").asLong(), r.get("failed").asLong());
        });
    }

    /**
     * A random id of this database's practice data, created once: the search index records it, so an index built from
     * another (or a wiped and re-created) database is recognised and rebuilt instead of serving practices that do not exist.
     */
    public String indexStoreId() {
        return neo4j.write(tx -> tx.run("""
                MERGE (s:SearchIndexState {name: 'practice'})
                ON CREATE SET s.storeId = randomUUID(), s.createdAt = datetime()
                RETURN s.storeId AS id
                """).single().get("id").asString());
    }

    /** After a full re-index that started at {@code start}, older entries are redundant. */
    public long clearOutboxBefore(ZonedDateTime start) {
        return neo4j.write(tx -> tx.run("""
                MATCH (o:IndexOutbox {target: 'practice'}) WHERE o.createdAt < $start
                DELETE o RETURN count(*) AS n
                """, Map.of("start", start)).single().get("n").asLong());
    }

    // -------------------------------------------------------------------------------------------------------------
    // Recommendations

    /** The school and its risk profile from its latest identification run (null when none). */
    public record SchoolContext(SchoolRef school, String riskProfileJson) {
    }

    public Optional<SchoolContext> schoolContext(String schoolId) {
        return neo4j.read(tx -> tx.run("""
                MATCH (s:School {id: $id})
                OPTIONAL MATCH (run:IdentificationRun {id: s.identificationRunId})-[a:ASSESSED]->(s)
                RETURN %s AS s, a.riskProfileJson AS riskProfileJson
                """.formatted(SchoolDirectory.projection("s")), Map.of("id", schoolId)).stream().findFirst().map(r -> new SchoolContext(
                school(r.get("s")), string(r.get("riskProfileJson")))));
    }

    /** A candidate for recommendation: an approved practice with its adoptions by the given (comparable) schools. */
    public record Candidate(String id, List<String> riskFactors, List<String> subjects,
                            List<StoredPractice.Adoption> comparableAdoptions) {
    }

    /**
     * Approved practices that address any of {@code factors} (all approved ones when empty), that the school has not
     * adopted yet and, with a {@code regionId}, that come from that region; each with its adoptions by the schools in
     * {@code comparableIds}.
     */
    public List<Candidate> candidates(String schoolId, String regionId, Collection<String> factors, Collection<String> comparableIds) {
        Map<String, Object> params = new HashMap<>();
        params.put("schoolId", schoolId);
        params.put("regionId", regionId);
        params.put("factors", List.copyOf(factors));
        params.put("comparable", List.copyOf(comparableIds));
        return neo4j.read(tx -> {
            List<String> adopted = tx.run("MATCH (:School {id: $schoolId})-[:ADOPTED]->(p:Practice) RETURN collect(p.id) AS ids",
                    params).single().get("ids").asList(Value::asString);
            params.put("adopted", adopted);
            return tx.run("""
                    MATCH (p:Practice {status: 'APPROVED'})
                    WHERE (size($factors) = 0 OR any(f IN p.riskFactors WHERE f IN $factors)) AND NOT p.id IN $adopted
                      AND ($regionId IS NULL OR p.regionId = $regionId)
                    OPTIONAL MATCH (c:School)-[a:ADOPTED]->(p) WHERE c.id IN $comparable
                    RETURN p.id AS id, p.riskFactors AS riskFactors, p.subjects AS subjects,
                           collect(CASE WHEN c IS NULL THEN null ELSE {school: %s, date: a.date} END) AS adoptions
                    """.formatted(SchoolDirectory.projection("c")), params).list(r -> new Candidate(r.get("id").asString(),
                    r.get("riskFactors").isNull() ? List.of() : r.get("riskFactors").asList(Value::asString),
                    r.get("subjects").isNull() ? List.of() : r.get("subjects").asList(Value::asString),
                    r.get("adoptions").asList(a -> new StoredPractice.Adoption(school(a.get("school")),
                            a.get("date").isNull() ? null : a.get("date").asLocalDate(), null, null))));
        });
    }

    // -------------------------------------------------------------------------------------------------------------
    // Bookmarks (закладки) of a login: (:User)-[:BOOKMARKED {at}]->(:Practice); they go with the practice when it is deleted.

    /** Bookmarks the practice for the user (again: keeps the first date); false when the user or practice is missing. */
    public boolean bookmark(String username, String practiceId) {
        return neo4j.write(tx -> tx.run("""
                MATCH (u:User {username: $username}), (p:Practice {id: $id})
                MERGE (u)-[b:BOOKMARKED]->(p) ON CREATE SET b.at = datetime()
                RETURN count(b) AS n
                """, Map.of("username", username, "id", practiceId)).single().get("n").asLong() > 0);
    }

    /** Removes the bookmark; false when there was none. */
    public boolean unbookmark(String username, String practiceId) {
        return neo4j.write(tx -> tx.run("""
                MATCH (:User {username: $username})-[b:BOOKMARKED]->(:Practice {id: $id})
                DELETE b RETURN count(*) AS n
                """, Map.of("username", username, "id", practiceId)).single().get("n").asLong() > 0);
    }

    /** Ids of the user's bookmarked practices, newest bookmark first. */
    public List<String> bookmarks(String username) {
        return neo4j.read(tx -> tx.run("""
                MATCH (:User {username: $username})-[b:BOOKMARKED]->(p:Practice)
                RETURN p.id AS id ORDER BY b.at DESC, p.id
                """, Map.of("username", username)).list(r -> r.get("id").asString()));
    }

    // -------------------------------------------------------------------------------------------------------------
    // Review news (for notifications)

    /** Ids of practices the user created that were approved or rejected since the given moment, newest first. */
    public List<String> reviewedSince(String username, ZonedDateTime since) {
        return neo4j.read(tx -> tx.run("""
                MATCH (p:Practice {createdBy: $username})
                WHERE p.status IN ['APPROVED', 'REJECTED'] AND p.reviewedAt >= $since
                RETURN p.id AS id ORDER BY p.reviewedAt DESC LIMIT 20
                """, Map.of("username", username, "since", since)).list(r -> r.get("id").asString()));
    }

    /** Ids of submitted practices of a region (or of every region when null), oldest submission first. */
    public List<String> submitted(String regionId, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("regionId", regionId);
        params.put("limit", limit);
        return neo4j.read(tx -> tx.run("""
                MATCH (s:School)-[:AUTHORED]->(p:Practice {status: 'SUBMITTED'})
                WHERE $regionId IS NULL OR s.regionId = $regionId
                RETURN p.id AS id ORDER BY p.submittedAt, p.id LIMIT $limit
                """, params).list(r -> r.get("id").asString()));
    }

    // -------------------------------------------------------------------------------------------------------------

    static String toJson(List<EvidenceItem> evidence) {
        try {
            return JSON.writeValueAsString(evidence == null ? List.of() : evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<EvidenceItem> evidenceFromJson(Object json) {
        if (json == null || json.toString().isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json.toString(), EVIDENCE_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Practice.evidenceJson is not valid JSON", e);
        }
    }

    private static String string(Value value) {
        return value == null || value.isNull() ? null : value.asString();
    }

}
