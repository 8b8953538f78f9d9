package org.opora.platform.graphql;

import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.OporaTestApp;
import org.opora.testing.TestRegion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Region R-COST for the query-limit tests: {@link #SCHOOLS} schools in two municipalities, {@link #TEACHERS_PER_SCHOOL}
 * teachers each (written straight into the graph, as the mentoring feature does), and tokens of a teacher and
 * a coordinator of the region.
 */
final class CostRegion {

    static final String REGION = "R-COST";
    static final int SCHOOLS = 3;
    static final int TEACHERS_PER_SCHOOL = 30;

    private static boolean built;

    private CostRegion() {
    }

    static synchronized void build() {
        if (built) {
            return;
        }
        TestRegion region = new TestRegion(REGION);
        for (int s = 1; s <= SCHOOLS; s++) {
            region.school(school(s), "COST-M" + (s % 2 + 1), "СОШ", "город", 400);
            for (int year = 2020; year <= 2024; year++) {
                region.result(school(s), year, "ВПР", "Математика", 5, 50 + s);
            }
        }
        region.save();
        List<Map<String, Object>> teachers = new ArrayList<>();
        for (int s = 1; s <= SCHOOLS; s++) {
            for (int t = 1; t <= TEACHERS_PER_SCHOOL; t++) {
                teachers.add(Map.of("id", teacher(s, t), "fullName", "Педагог " + s + "-" + t, "schoolId", school(s)));
            }
        }
        try (var session = OporaTestApp.driver().session()) {
            session.run("""
                    MATCH (t:Teacher) WHERE t.id STARTS WITH 'COST-T-' DETACH DELETE t""").consume();
            session.run("""
                    UNWIND $rows AS row MATCH (s:School {id: row.schoolId})
                    CREATE (t:Teacher {id: row.id, fullName: row.fullName, schoolId: s.id, regionId: s.regionId,
                                       municipalityId: s.municipalityId, subjects: ['Математика'], experienceYears: 5,
                                       youngSpecialist: false, strengths: [], mentorCapacity: 0})-[:WORKS_AT]->(s)
                    """, Map.of("rows", teachers)).consume();
        }
        built = true;
    }

    static String school(int s) {
        return "COST-S" + s;
    }

    static String teacher(int s, int t) {
        return "COST-T-" + s + "-" + t;
    }

    /** A teacher of school 1, signed in (the role the reported attack used). */
    static String teacherToken() {
        return OporaTestApp.tokenFor("cost-teacher", Set.of(Role.TEACHER), new Scope(REGION, "COST-M2", school(1)));
    }

    static String coordinatorToken() {
        return OporaTestApp.tokenFor("cost-coordinator", Set.of(Role.REGIONAL_COORDINATOR), new Scope(REGION, null, null));
    }
}
