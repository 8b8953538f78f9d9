package org.opora.mentoring;

import jakarta.inject.Singleton;
import org.opora.platform.neo4j.SchemaMigration;

import java.util.List;

/** Constraints and indexes of the mentoring graph. */
@Singleton
class MentoringSchema implements SchemaMigration {

    @Override
    public String id() {
        return "050-mentoring";
    }

    @Override
    public List<String> statements() {
        return List.of(
                "CREATE CONSTRAINT teacher_id IF NOT EXISTS FOR (t:Teacher) REQUIRE t.id IS UNIQUE",
                "CREATE CONSTRAINT diagnostic_id IF NOT EXISTS FOR (d:Diagnostic) REQUIRE d.id IS UNIQUE",
                "CREATE CONSTRAINT individual_plan_id IF NOT EXISTS FOR (p:IndividualPlan) REQUIRE p.id IS UNIQUE",
                "CREATE CONSTRAINT plan_goal_id IF NOT EXISTS FOR (g:PlanGoal) REQUIRE g.id IS UNIQUE",
                "CREATE CONSTRAINT mentoring_relation_id IF NOT EXISTS FOR (r:MentoringRelation) REQUIRE r.id IS UNIQUE",
                "CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (m:Meeting) REQUIRE m.id IS UNIQUE",
                "CREATE CONSTRAINT association_id IF NOT EXISTS FOR (a:Association) REQUIRE a.id IS UNIQUE",
                // A login belongs to one teacher at most (was a plain index before logins were linked explicitly).
                "DROP INDEX teacher_username IF EXISTS",
                "CREATE CONSTRAINT teacher_username_unique IF NOT EXISTS FOR (t:Teacher) REQUIRE t.username IS UNIQUE",
                "CREATE CONSTRAINT teacher_login_audit_id IF NOT EXISTS FOR (a:TeacherLoginAudit) REQUIRE a.id IS UNIQUE",
                "CREATE INDEX teacher_school IF NOT EXISTS FOR (t:Teacher) ON (t.schoolId)",
                "CREATE INDEX teacher_region IF NOT EXISTS FOR (t:Teacher) ON (t.regionId)",
                "CREATE INDEX mentoring_relation_region IF NOT EXISTS FOR (r:MentoringRelation) ON (r.regionId)",
                "CREATE INDEX association_region IF NOT EXISTS FOR (a:Association) ON (a.regionId)");
    }
}
