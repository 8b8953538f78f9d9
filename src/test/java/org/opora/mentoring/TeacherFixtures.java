package org.opora.mentoring;

import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.OporaTestApp;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * Teachers for tests, made through the API (createTeacher, then linkTeacherLogin for a login). The server chooses
 * the id; the fixture then renames the fresh node to a readable alias so that assertions can name teachers.
 */
public final class TeacherFixtures {

    private TeacherFixtures() {
    }

    /** Creates the teacher as {@code token}, renames it to {@code alias} and links {@code username} (may be null). */
    public static String create(String token, String alias, Map<String, Object> input, String username) {
        Map<String, Object> in = new HashMap<>(input);
        String generated = graphql(token, "mutation($in: TeacherInput!) { createTeacher(input: $in) { id } }", Map.of("in", in))
                .data().path("createTeacher").path("id").asText();
        try (var session = OporaTestApp.driver().session()) {
            session.run("MATCH (t:Teacher {id: $generated}) SET t.id = $alias", Map.of("generated", generated, "alias", alias)).consume();
        }
        if (username != null) {
            Scope scope = schoolScope((String) in.get("schoolId"));
            int capacity = in.get("mentorCapacity") instanceof Number n ? n.intValue() : 0;
            tokenFor(username, capacity > 0 ? Set.of(Role.MENTOR, Role.TEACHER) : Set.of(Role.TEACHER), scope);
            graphql(token, "mutation($t: ID!, $u: String!) { linkTeacherLogin(teacherId: $t, username: $u) { id } }",
                    Map.of("t", alias, "u", username)).data();
        }
        return alias;
    }

    static Scope schoolScope(String schoolId) {
        try (var session = OporaTestApp.driver().session()) {
            var r = session.run("MATCH (s:School {id: $id}) RETURN s.regionId AS r, s.municipalityId AS m", Map.of("id", schoolId)).single();
            return new Scope(r.get("r").asString(), r.get("m").asString(), schoolId);
        }
    }
}
