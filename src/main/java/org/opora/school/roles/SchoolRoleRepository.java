package org.opora.school.roles;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.opora.platform.neo4j.Neo4jSessions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cypher of school roles: {@code (:School)-[:HAS_SUPPORT_ROLE]->(:SchoolRole {schoolId, role, regionId, ...})}, one node
 * per school and role (the key {@code schoolId|role} is unique).
 */
@Singleton
public class SchoolRoleRepository {

    private static final String ROLE = "x {.*, municipalityId: s.municipalityId}";

    private final Neo4jSessions neo4j;

    SchoolRoleRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    /** Gives the role (keeping the first assignment's date and author when it is already there, updating the note). */
    void assign(TransactionContext tx, String schoolId, SchoolSupportRole role, String by, LocalDate on, @Nullable String note) {
        Map<String, Object> params = new HashMap<>();
        params.put("schoolId", schoolId);
        params.put("role", role.name());
        params.put("by", by);
        params.put("on", on);
        params.put("note", note);
        tx.run("""
                MATCH (s:School {id: $schoolId})
                MERGE (s)-[:HAS_SUPPORT_ROLE]->(x:SchoolRole {key: $schoolId + '|' + $role})
                  ON CREATE SET x.schoolId = $schoolId, x.role = $role, x.regionId = s.regionId, x.assignedBy = $by, x.assignedOn = $on
                SET x.note = $note""", params).consume();
    }

    void remove(TransactionContext tx, String schoolId, SchoolSupportRole role) {
        tx.run("MATCH (x:SchoolRole {key: $key}) DETACH DELETE x", Map.of("key", schoolId + "|" + role.name())).consume();
    }

    /** Roles of each school, in the enum's order (one query for many schools); every id gets a list. */
    public Map<String, List<SchoolRoleAssignment>> rolesOf(Collection<String> schoolIds) {
        Map<String, List<SchoolRoleAssignment>> result = new LinkedHashMap<>();
        schoolIds.forEach(id -> result.put(id, new ArrayList<>()));
        neo4j.read(tx -> tx.run("""
                MATCH (s:School)-[:HAS_SUPPORT_ROLE]->(x:SchoolRole) WHERE s.id IN $ids
                RETURN %s AS x""".formatted(ROLE), Map.of("ids", List.copyOf(schoolIds))).list(r -> read(r.get("x"))))
                .stream().sorted((a, b) -> a.role().compareTo(b.role()))
                .forEach(a -> result.computeIfAbsent(a.schoolId(), k -> new ArrayList<>()).add(a));
        return result;
    }

    /** The region's schools with a role (any role when null), by school name. */
    public List<SchoolRoleAssignment> inRegion(String regionId, @Nullable SchoolSupportRole role) {
        Map<String, Object> params = new HashMap<>();
        params.put("regionId", regionId);
        params.put("role", role == null ? null : role.name());
        return neo4j.read(tx -> tx.run("""
                MATCH (s:School)-[:HAS_SUPPORT_ROLE]->(x:SchoolRole {regionId: $regionId})
                WHERE $role IS NULL OR x.role = $role
                RETURN %s AS x ORDER BY s.name, s.id, x.role""".formatted(ROLE), params).list(r -> read(r.get("x"))));
    }

    private static SchoolRoleAssignment read(Value x) {
        return new SchoolRoleAssignment(x.get("schoolId").asString(), x.get("regionId").asString(),
                x.get("municipalityId").isNull() ? null : x.get("municipalityId").asString(),
                SchoolSupportRole.valueOf(x.get("role").asString()), x.get("assignedBy").asString(),
                x.get("assignedOn").asLocalDate(), x.get("note").isNull() ? null : x.get("note").asString());
    }
}
