package org.opora.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.errors.ApiException;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.platform.neo4j.SchemaMigration;
import org.opora.school.SchoolDirectory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Users as {@code (:User)} nodes with BCrypt password hashes, and their audit trail as
 * {@code (:UserAuditEvent)-[:ABOUT]->(:User)}, each event written in the transaction of its change.
 * A user's {@code securityStamp} changes whenever their rights or password change; tokens carry the stamp
 * they were issued with, so older tokens stop working at once (see {@link CurrentRightsFilter}).
 */
@Singleton
public class UserRepository implements SchemaMigration {

    /** The actor of changes made outside the API (start-up provisioning, tests). */
    public static final String SYSTEM_ACTOR = "system";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<UserAuditEntry.FieldChange>> CHANGES = new TypeReference<>() {
    };

    private static final String USER_FIELDS = """
            u {.username, .displayName, .roles, .regionId, .municipalityId, .schoolId,
               enabled: coalesce(u.enabled, true), .createdAt, .createdBy, .updatedAt, .updatedBy} AS user""";

    private static final String CREATE = """
            CREATE (u:User {username: $username, displayName: $displayName, roles: $roles, regionId: $regionId,
                            municipalityId: $municipalityId, schoolId: $schoolId, passwordHash: $hash, enabled: true,
                            securityStamp: $stamp, version: 1, createdAt: datetime(), createdBy: $actor,
                            updatedAt: datetime(), updatedBy: $actor, passwordChangedAt: datetime()})
            CREATE (e:UserAuditEvent {id: $eventId, at: datetime(), actor: $actor, username: $username,
                                      action: $action, changes: $changes})-[:ABOUT]->(u)
            RETURN\s""" + USER_FIELDS;

    /** Taking the write lock first serialises concurrent changes of one user: the decision sees the latest state. */
    private static final String LOCK_AND_READ = """
            MATCH (u:User {username: $username})
            SET u.version = coalesce(u.version, 0) + 1
            RETURN\s""" + USER_FIELDS;

    private static final String UPDATE = """
            MATCH (u:User {username: $username})
            SET u.displayName = $displayName, u.roles = $roles, u.regionId = $regionId,
                u.municipalityId = $municipalityId, u.schoolId = $schoolId, u.enabled = $enabled,
                u.securityStamp = coalesce($stamp, u.securityStamp), u.updatedAt = datetime(), u.updatedBy = $actor
            CREATE (e:UserAuditEvent {id: $eventId, at: datetime(), actor: $actor, username: $username,
                                      action: $action, changes: $changes})-[:ABOUT]->(u)
            RETURN\s""" + USER_FIELDS;

    private static final String SET_PASSWORD = """
            MATCH (u:User {username: $username})
            SET u.passwordHash = $hash, u.passwordChangedAt = datetime(), u.securityStamp = $stamp,
                u.version = coalesce(u.version, 0) + 1, u.updatedAt = datetime(), u.updatedBy = $actor
            CREATE (e:UserAuditEvent {id: $eventId, at: datetime(), actor: $actor, username: $username,
                                      action: $action, changes: '[]'})-[:ABOUT]->(u)
            RETURN\s""" + USER_FIELDS;

    private static final String PROVISION = """
            MERGE (u:User {username: $username})
            ON CREATE SET u.createdAt = datetime(), u.createdBy = $actor
            SET u.displayName = $displayName, u.roles = $roles, u.regionId = $regionId,
                u.municipalityId = $municipalityId, u.schoolId = $schoolId, u.passwordHash = $hash, u.enabled = true,
                u.securityStamp = $stamp, u.version = coalesce(u.version, 0) + 1, u.updatedAt = datetime(),
                u.updatedBy = $actor, u.passwordChangedAt = datetime()
            CREATE (e:UserAuditEvent {id: $eventId, at: datetime(), actor: $actor, username: $username,
                                      action: $action, changes: $changes})-[:ABOUT]->(u)""";

    /** The caller's territory and the filter, both as "null means any". */
    private static final String LIST_WHERE = """
            WHERE ($visibleRegion IS NULL OR u.regionId = $visibleRegion)
              AND ($visibleMunicipality IS NULL OR u.municipalityId = $visibleMunicipality)
              AND ($visibleSchool IS NULL OR u.schoolId = $visibleSchool)
              AND ($regionId IS NULL OR u.regionId = $regionId)
              AND ($municipalityId IS NULL OR u.municipalityId = $municipalityId)
              AND ($schoolId IS NULL OR u.schoolId = $schoolId)
              AND ($role IS NULL OR $role IN u.roles)
              AND ($enabled IS NULL OR coalesce(u.enabled, true) = $enabled)
              AND ($search IS NULL OR toLower(u.username) CONTAINS $search
                   OR toLower(coalesce(u.displayName, '')) CONTAINS $search)
            """;

    private final Neo4jSessions neo4j;

    public UserRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    @Override
    public String id() {
        return "001-security";
    }

    @Override
    public List<String> statements() {
        return List.of("CREATE CONSTRAINT user_username IF NOT EXISTS FOR (u:User) REQUIRE u.username IS UNIQUE",
                "CREATE INDEX user_region IF NOT EXISTS FOR (u:User) ON (u.regionId)",
                "CREATE CONSTRAINT user_audit_id IF NOT EXISTS FOR (e:UserAuditEvent) REQUIRE e.id IS UNIQUE",
                "CREATE INDEX user_audit_username IF NOT EXISTS FOR (e:UserAuditEvent) ON (e.username)",
                // Users from before stamps existed: give each one, so that their new tokens carry it.
                "MATCH (u:User) WHERE u.securityStamp IS NULL SET u.securityStamp = randomUUID()");
    }

    public Optional<StoredUser> find(String username) {
        return neo4j.read(tx -> tx.run("MATCH (u:User {username: $username}) RETURN " + USER_FIELDS,
                Map.of("username", username)).stream().findFirst().map(UserRepository::toStoredUser));
    }

    Optional<LoginCredentials> credentials(String username) {
        return neo4j.read(tx -> tx.run("""
                        MATCH (u:User {username: $username})
                        RETURN u.passwordHash AS hash, coalesce(u.enabled, true) AS enabled, u.securityStamp AS stamp,
                        """ + USER_FIELDS, Map.of("username", username)).stream().findFirst()
                .map(r -> new LoginCredentials(toStoredUser(r).account(), r.get("hash").asString(),
                        r.get("enabled").asBoolean(), r.get("stamp").asString(null))));
    }

    /** The current stamp of an enabled user; empty for a disabled or unknown one. */
    Optional<String> activeStamp(String username) {
        return neo4j.read(tx -> tx.run("""
                        MATCH (u:User {username: $username}) WHERE coalesce(u.enabled, true)
                        RETURN u.securityStamp AS stamp""", Map.of("username", username)).stream().findFirst()
                .map(r -> r.get("stamp").asString(null)));
    }

    /** Creates a new user with the audit event; CONFLICT when the username is taken. */
    StoredUser create(UserAccount account, String passwordHash, String actor) {
        Map<String, Object> params = accountParams(account);
        params.put("hash", passwordHash);
        params.put("stamp", UUID.randomUUID().toString());
        params.put("actor", actor);
        params.put("eventId", UUID.randomUUID().toString());
        params.put("action", UserAuditAction.CREATED.name());
        params.put("changes", json(changes(null, new UserState(account, true))));
        try {
            return neo4j.write(tx -> {
                if (tx.run("MATCH (u:User {username: $username}) RETURN u.username",
                        Map.of("username", account.username())).hasNext()) {
                    throw taken(account.username());
                }
                return toStoredUser(tx.run(CREATE, params).single());
            });
        } catch (ClientException e) {
            if (e.code() != null && e.code().contains("ConstraintValidationFailed")) {
                throw taken(account.username());
            }
            throw e;
        }
    }

    /**
     * Changes a user in one transaction: locks it, lets {@code decide} check the caller's rights against the
     * current state (it throws to refuse), writes the new state and its audit event. Nothing is written when
     * nothing changes. A change of roles, territory or the enabled flag gives the user a new stamp.
     */
    StoredUser update(String username, String actor, Function<StoredUser, UserState> decide) {
        return neo4j.write(tx -> {
            StoredUser current = lockAndRead(tx, username);
            UserState next = decide.apply(current);
            List<UserAuditEntry.FieldChange> changes = changes(current.state(), next);
            if (changes.isEmpty()) {
                return current;
            }
            Map<String, Object> params = accountParams(next.account());
            params.put("enabled", next.enabled());
            params.put("stamp", next.sameRights(current.state()) ? null : UUID.randomUUID().toString());
            params.put("actor", actor);
            params.put("eventId", UUID.randomUUID().toString());
            params.put("action", UserAuditAction.UPDATED.name());
            params.put("changes", json(changes));
            return toStoredUser(tx.run(UPDATE, params).single());
        });
    }

    /** Sets a new password hash (a reset or the user's own change) and revokes the user's tokens. */
    StoredUser setPassword(String username, String passwordHash, String actor, UserAuditAction action) {
        return neo4j.write(tx -> {
            lockAndRead(tx, username);
            return toStoredUser(tx.run(SET_PASSWORD, Map.of("username", username, "hash", passwordHash,
                    "stamp", UUID.randomUUID().toString(), "actor", actor, "eventId", UUID.randomUUID().toString(),
                    "action", action.name())).single());
        });
    }

    /**
     * Creates or replaces a user outside the API: demo logins, the admin bootstrap and tests. Not reachable from
     * GraphQL. Leaves an unchanged user (same roles, territory and password) and its tokens alone.
     */
    public UserAccount provision(UserAccount account, String password) {
        Optional<LoginCredentials> existing = credentials(account.username());
        if (existing.isPresent() && existing.get().enabled() && existing.get().securityStamp() != null
                && existing.get().account().equals(account) && Passwords.matches(password, existing.get().passwordHash())) {
            return account;
        }
        Map<String, Object> params = accountParams(account);
        params.put("hash", Passwords.hash(password));
        params.put("stamp", UUID.randomUUID().toString());
        params.put("actor", SYSTEM_ACTOR);
        params.put("eventId", UUID.randomUUID().toString());
        params.put("action", UserAuditAction.PROVISIONED.name());
        params.put("changes", json(changes(existing.map(c -> new UserState(c.account(), c.enabled())).orElse(null),
                new UserState(account, true))));
        neo4j.write(tx -> tx.run(PROVISION, params).consume());
        return account;
    }

    List<StoredUser> list(UserQuery query, String afterUsername, int limit) {
        Map<String, Object> params = queryParams(query);
        params.put("after", afterUsername);
        params.put("limit", limit);
        return neo4j.read(tx -> tx.run("MATCH (u:User) " + LIST_WHERE
                        + " AND ($after IS NULL OR u.username > $after) RETURN " + USER_FIELDS
                        + " ORDER BY u.username LIMIT $limit", params)
                .list(UserRepository::toStoredUser));
    }

    long count(UserQuery query) {
        return neo4j.read(tx -> tx.run("MATCH (u:User) " + LIST_WHERE + " RETURN count(u) AS n", queryParams(query))
                .single().get("n").asLong());
    }

    /** Newest first; {@code after} is the (time, id) of the last entry of the previous page. */
    List<UserAuditEntry> audit(String username, String afterAt, String afterId, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("username", username);
        params.put("afterAt", afterAt);
        params.put("afterId", afterId);
        params.put("limit", limit);
        return neo4j.read(tx -> tx.run("""
                        MATCH (e:UserAuditEvent {username: $username})
                        WHERE $afterAt IS NULL OR e.at < datetime($afterAt) OR (e.at = datetime($afterAt) AND e.id < $afterId)
                        RETURN e ORDER BY e.at DESC, e.id DESC LIMIT $limit""", params)
                .list(r -> toAuditEntry(r.get("e"))));
    }

    long auditCount(String username) {
        return neo4j.read(tx -> tx.run("MATCH (e:UserAuditEvent {username: $username}) RETURN count(e) AS n",
                Map.of("username", username)).single().get("n").asLong());
    }

    /** The region of a municipality, if it exists. */
    Optional<String> municipalityRegion(String municipalityId) {
        return neo4j.read(tx -> tx.run("MATCH (m:Municipality {id: $id}) RETURN m.regionId AS regionId",
                Map.of("id", municipalityId)).stream().findFirst().map(r -> r.get("regionId").asString(null)));
    }

    /** The region and municipality of a school, if it exists (as a two-element scope without school id). */
    Optional<Scope> schoolPlace(String schoolId) {
        return neo4j.read(tx -> SchoolDirectory.byId(tx, schoolId))
                .map(school -> new Scope(school.regionId(), school.municipalityId(), null));
    }

    public long count() {
        return neo4j.read(tx -> tx.run("MATCH (u:User) RETURN count(u) AS n").single().get("n").asLong());
    }

    private static StoredUser lockAndRead(TransactionContext tx, String username) {
        return tx.run(LOCK_AND_READ, Map.of("username", username)).stream().findFirst()
                .map(UserRepository::toStoredUser)
                .orElseThrow(() -> ApiException.notFound("Пользователь", ApiException.Gender.MASCULINE, username));
    }

    private static ApiException taken(String username) {
        return ApiException.conflict("username: логин «" + username + "» уже занят");
    }

    /** The fields that differ, as text; roles sorted by name so that order never counts as a change. */
    static List<UserAuditEntry.FieldChange> changes(UserState before, UserState after) {
        List<UserAuditEntry.FieldChange> changes = new ArrayList<>();
        UserAccount b = before == null ? null : before.account();
        UserAccount a = after.account();
        add(changes, "displayName", b == null ? null : b.displayName(), a.displayName());
        add(changes, "roles", b == null ? null : rolesText(b.roles()), rolesText(a.roles()));
        add(changes, "regionId", b == null ? null : b.scope().regionId(), a.scope().regionId());
        add(changes, "municipalityId", b == null ? null : b.scope().municipalityId(), a.scope().municipalityId());
        add(changes, "schoolId", b == null ? null : b.scope().schoolId(), a.scope().schoolId());
        add(changes, "enabled", before == null ? null : String.valueOf(before.enabled()), String.valueOf(after.enabled()));
        return changes;
    }

    private static void add(List<UserAuditEntry.FieldChange> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new UserAuditEntry.FieldChange(field, before, after));
        }
    }

    private static String rolesText(Set<Role> roles) {
        return String.join(",", new TreeSet<>(roles.stream().map(Enum::name).toList()));
    }

    private static Map<String, Object> accountParams(UserAccount account) {
        Map<String, Object> params = new HashMap<>();
        params.put("username", account.username());
        params.put("displayName", account.displayName());
        params.put("roles", account.roles().stream().map(Enum::name).sorted().toList());
        params.put("regionId", account.scope().regionId());
        params.put("municipalityId", account.scope().municipalityId());
        params.put("schoolId", account.scope().schoolId());
        return params;
    }

    private static Map<String, Object> queryParams(UserQuery query) {
        Map<String, Object> params = new HashMap<>();
        params.put("visibleRegion", query.visibleTo().regionId());
        params.put("visibleMunicipality", query.visibleTo().municipalityId());
        params.put("visibleSchool", query.visibleTo().schoolId());
        params.put("regionId", query.regionId());
        params.put("municipalityId", query.municipalityId());
        params.put("schoolId", query.schoolId());
        params.put("role", query.role() == null ? null : query.role().name());
        params.put("enabled", query.enabled());
        params.put("search", query.search() == null || query.search().isBlank() ? null : query.search().trim().toLowerCase());
        return params;
    }

    private static StoredUser toStoredUser(Record record) {
        Value u = record.get("user");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        u.get("roles").asList(Value::asString).forEach(r -> roles.add(Role.valueOf(r)));
        String username = u.get("username").asString();
        UserAccount account = new UserAccount(username, u.get("displayName").asString(username), roles,
                new Scope(u.get("regionId").asString(null), u.get("municipalityId").asString(null),
                        u.get("schoolId").asString(null)));
        return new StoredUser(account, u.get("enabled").asBoolean(true),
                u.get("createdAt").isNull() ? null : u.get("createdAt").asZonedDateTime(),
                u.get("createdBy").asString(null),
                u.get("updatedAt").isNull() ? null : u.get("updatedAt").asZonedDateTime(),
                u.get("updatedBy").asString(null));
    }

    private static UserAuditEntry toAuditEntry(Value e) {
        try {
            return new UserAuditEntry(e.get("id").asString(), e.get("at").asZonedDateTime(), e.get("actor").asString(),
                    e.get("username").asString(), UserAuditAction.valueOf(e.get("action").asString()),
                    e.get("changes").isNull() || e.get("changes").asString().isEmpty()
                            ? List.of() : JSON.readValue(e.get("changes").asString(), CHANGES));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("unreadable audit event " + e.get("id"), ex);
        }
    }

    private static String json(List<UserAuditEntry.FieldChange> changes) {
        try {
            return JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
