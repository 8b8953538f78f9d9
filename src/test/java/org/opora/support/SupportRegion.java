package org.opora.support;

import org.opora.mentoring.TeacherFixtures;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.OporaTestApp;
import org.opora.testing.TestRegion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.opora.testing.OporaTestApp.adminToken;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * A constructed region for the support tests, prefixed by {@code id}: municipality M1 with S1 (ШНОР), S2 (ШНСУ) and S5
 * (no status), municipality M2 with S3 (ШНОР) and S4 (leader); teachers T1 (S1, login, one diagnostic) and T3 (S3, login);
 * and another region X with school X-S1. Logins of every role, named {@code <id>-<role>}.
 */
public final class SupportRegion {

    public final String region;
    public final String otherRegion;
    public final String m1;
    public final String m2;
    public final String s1;
    public final String s2;
    public final String s3;
    public final String s4;
    public final String s5;
    public final String otherSchool;
    public final String t1;
    public final String t3;
    public final String t1Diagnostic;
    public final String t3Diagnostic;

    public SupportRegion(String id) {
        region = id;
        otherRegion = id + "-X";
        m1 = id + "-M1";
        m2 = id + "-M2";
        s1 = id + "-S1";
        s2 = id + "-S2";
        s3 = id + "-S3";
        s4 = id + "-S4";
        s5 = id + "-S5";
        otherSchool = otherRegion + "-S1";
        new TestRegion(region)
                .school(s1, m1, "СОШ", "село", 180)
                .school(s2, m1, "ООШ", "село", 90)
                .school(s5, m1, "СОШ", "город", 600)
                .school(s3, m2, "СОШ", "город", 400)
                .school(s4, m2, "Лицей", "город", 900)
                .save();
        new TestRegion(otherRegion).school(otherSchool, otherRegion + "-M1", "СОШ", "город", 500).save();
        cypher("""
                MATCH (a:School {id: $s1}), (b:School {id: $s2}), (c:School {id: $s3}), (d:School {id: $s4}), (x:School {id: $x})
                SET a.statuses = ['LOW_RESULTS'], b.statuses = ['UNFAVOURABLE_CONTEXT'], c.statuses = ['LOW_RESULTS', 'DECLINING'],
                    d.statuses = ['LEADER'], x.statuses = ['LOW_RESULTS']""",
                Map.of("s1", s1, "s2", s2, "s3", s3, "s4", s4, "x", otherSchool));
        String admin = adminToken();
        t1 = TeacherFixtures.create(admin, id + "-T1", Map.of("fullName", "Смирнова Ольга Викторовна", "schoolId", s1,
                "subjects", List.of("Математика"), "experienceYears", 2), login("teacher1"));
        t3 = TeacherFixtures.create(admin, id + "-T3", Map.of("fullName", "Козлов Андрей Николаевич", "schoolId", s3,
                "subjects", List.of("Русский язык"), "experienceYears", 7), login("teacher3"));
        t1Diagnostic = diagnostic(admin, t1);
        t3Diagnostic = diagnostic(admin, t3);
    }

    private static String diagnostic(String token, String teacher) {
        return graphql(token, """
                mutation($t: ID!) { recordDiagnostic(input: {teacherId: $t, date: "2025-02-10", instrument: "Диагностика ЦНППМ",
                  deficits: [{competence: ASSESSMENT, level: CRITICAL, note: "Критериальное оценивание"}]}) { id } }""",
                Map.of("t", teacher)).data().path("recordDiagnostic").path("id").asText();
    }

    public String login(String role) {
        return region + "-" + role;
    }

    public String methodist() {
        return tokenFor(login("methodist"), Set.of(Role.METHODIST), new Scope(region, null, null));
    }

    /** A methodist of municipality M2 only. */
    public String methodistM2() {
        return tokenFor(login("methodist-m2"), Set.of(Role.METHODIST), new Scope(region, m2, null));
    }

    public String otherMethodist() {
        return tokenFor(login("methodist-x"), Set.of(Role.METHODIST), new Scope(otherRegion, null, null));
    }

    public String curator() {
        return tokenFor(login("curator"), Set.of(Role.CURATOR), new Scope(region, null, null));
    }

    public String otherCurator() {
        return tokenFor(login("curator-x"), Set.of(Role.CURATOR), new Scope(otherRegion, null, null));
    }

    public String regional() {
        return tokenFor(login("rc"), Set.of(Role.REGIONAL_COORDINATOR), new Scope(region, null, null));
    }

    public String municipal1() {
        return tokenFor(login("mc1"), Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(region, m1, null));
    }

    public String municipal2() {
        return tokenFor(login("mc2"), Set.of(Role.MUNICIPAL_COORDINATOR), new Scope(region, m2, null));
    }

    public String schoolAdmin1() {
        return tokenFor(login("sa1"), Set.of(Role.SCHOOL_ADMIN), new Scope(region, m1, s1));
    }

    public String schoolAdmin3() {
        return tokenFor(login("sa3"), Set.of(Role.SCHOOL_ADMIN), new Scope(region, m2, s3));
    }

    /** The login linked to T1 (created by the fixture). */
    public String teacher1() {
        return tokenFor(login("teacher1"), Set.of(Role.TEACHER), new Scope(region, m1, s1));
    }

    public String teacher3() {
        return tokenFor(login("teacher3"), Set.of(Role.TEACHER), new Scope(region, m2, s3));
    }

    public String mentor() {
        return tokenFor(login("mentor"), Set.of(Role.MENTOR, Role.TEACHER), new Scope(region, m1, s1));
    }

    /**
     * Callers who may not issue recommendations or log help for school S1 of municipality M1, by a name for failure
     * messages: staff of another region or of M2, and the roles that receive rather than issue.
     */
    public Map<String, String> outsidersOfS1() {
        Map<String, String> outsiders = new LinkedHashMap<>();
        outsiders.put("methodist of another region", otherMethodist());
        outsiders.put("curator of another region", otherCurator());
        outsiders.put("methodist of M2", methodistM2());
        outsiders.put("municipal coordinator of M2", municipal2());
        outsiders.put("school admin", schoolAdmin1());
        outsiders.put("teacher", teacher1());
        outsiders.put("mentor", mentor());
        return outsiders;
    }

    public static long count(String cypher, Map<String, Object> params) {
        try (var session = OporaTestApp.driver().session()) {
            return session.run(cypher, params).single().get(0).asLong();
        }
    }

    public static void cypher(String cypher, Map<String, Object> params) {
        try (var session = OporaTestApp.driver().session()) {
            session.run(cypher, params).consume();
        }
    }
}
