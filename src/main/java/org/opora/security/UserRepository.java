package org.opora.security;

import jakarta.inject.Singleton;
import org.mindrot.jbcrypt.BCrypt;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.platform.neo4j.SchemaMigration;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Users as {@code (:User)} nodes with BCrypt password hashes. */
@Singleton
public class UserRepository implements SchemaMigration {

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
        return List.of("CREATE CONSTRAINT user_username IF NOT EXISTS FOR (u:User) REQUIRE u.username IS UNIQUE");
    }

    /** Creates or replaces a user; the password is hashed here and never stored in clear. */
    public UserAccount save(UserAccount user, String password) {
        Map<String, Object> params = new HashMap<>();
        params.put("username", user.username());
        params.put("displayName", user.displayName());
        params.put("roles", user.roles().stream().map(Enum::name).toList());
        params.put("regionId", user.scope().regionId());
        params.put("municipalityId", user.scope().municipalityId());
        params.put("schoolId", user.scope().schoolId());
        params.put("hash", BCrypt.hashpw(password, BCrypt.gensalt(10)));
        neo4j.write(tx -> tx.run("""
                MERGE (u:User {username: $username})
                SET u.displayName = $displayName, u.roles = $roles, u.passwordHash = $hash,
                    u.regionId = $regionId, u.municipalityId = $municipalityId, u.schoolId = $schoolId
                """, params).consume());
        return user;
    }

    /** The user if the password matches; BCrypt's check is constant-time. */
    public Optional<UserAccount> authenticate(String username, String password) {
        Optional<Record> found = neo4j.read(tx -> tx.run(
                "MATCH (u:User {username: $username}) RETURN u", Map.of("username", username)).stream().findFirst());
        return found
                .filter(r -> BCrypt.checkpw(password, r.get("u").get("passwordHash").asString()))
                .map(r -> toAccount(r.get("u")));
    }

    public Optional<UserAccount> find(String username) {
        return neo4j.read(tx -> tx.run("MATCH (u:User {username: $username}) RETURN u", Map.of("username", username))
                .stream().findFirst().map(r -> toAccount(r.get("u"))));
    }

    public long count() {
        return neo4j.read(tx -> tx.run("MATCH (u:User) RETURN count(u) AS n").single().get("n").asLong());
    }

    private static UserAccount toAccount(Value u) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        u.get("roles").asList(Value::asString).forEach(r -> roles.add(Role.valueOf(r)));
        return new UserAccount(u.get("username").asString(), u.get("displayName").asString(u.get("username").asString()),
                roles, new Scope(nullable(u.get("regionId")), nullable(u.get("municipalityId")), nullable(u.get("schoolId"))));
    }

    private static String nullable(Value value) {
        return value.isNull() ? null : value.asString();
    }
}
