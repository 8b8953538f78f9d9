package org.opora.mentoring.plans;

import jakarta.inject.Singleton;
import org.neo4j.driver.Value;
import org.opora.mentoring.teachers.CompetenceArea;
import org.opora.mentoring.teachers.Rows;
import org.opora.platform.neo4j.Neo4jSessions;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cypher of individual plans and courses: (:Teacher)-[:HAS_PLAN]->(:IndividualPlan)-[:HAS_GOAL]->(:PlanGoal),
 * -[:HAS_ACTIVITY]->(:DevelopmentActivity), (:Teacher)-[:COMPLETED_COURSE]->(:CourseCompletion).
 * A plan is read with its goals and activities in the same query.
 */
@Singleton
public class PlanRepository {

    private static final String PLAN = """
            p {.*, goals: COLLECT { MATCH (p)-[:HAS_GOAL]->(g:PlanGoal) WITH g ORDER BY g.deadline, g.id RETURN g {.*} },
                   activities: COLLECT { MATCH (p)-[:HAS_ACTIVITY]->(a:DevelopmentActivity) WITH a ORDER BY a.date, a.id RETURN a {.*} }}""";

    private final Neo4jSessions neo4j;

    PlanRepository(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    /** Writes a plan whose ids the service chose, with its goals and activities, in one transaction. */
    public IndividualPlan create(IndividualPlan plan) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", plan.id());
        p.put("title", plan.title());
        p.put("startDate", plan.startDate());
        p.put("endDate", plan.endDate());
        p.put("createdBy", plan.createdBy());
        List<Map<String, Object>> goals = plan.goals().stream().map(g -> {
            Map<String, Object> m = new HashMap<>();
            m.put("id", g.id());
            m.put("competence", g.competence().name());
            m.put("target", g.target());
            m.put("deadline", g.deadline());
            m.put("status", g.status().name());
            m.put("doneOn", g.doneOn());
            return m;
        }).toList();
        List<Map<String, Object>> activities = plan.activities().stream().map(a -> {
            Map<String, Object> m = new HashMap<>();
            m.put("id", a.id());
            m.put("kind", a.kind().name());
            m.put("title", a.title());
            m.put("date", a.date());
            m.put("hostSchoolId", a.hostSchoolId());
            m.put("done", a.done());
            return m;
        }).toList();
        return neo4j.write(tx -> {
            tx.run("""
                    MATCH (t:Teacher {id: $teacherId})
                    CREATE (t)-[:HAS_PLAN]->(p:IndividualPlan)
                    SET p = $p, p.teacherId = $teacherId
                    FOREACH (g IN $goals | CREATE (p)-[:HAS_GOAL]->(x:PlanGoal) SET x = g, x.teacherId = $teacherId, x.planId = p.id)
                    FOREACH (a IN $activities | CREATE (p)-[:HAS_ACTIVITY]->(x:DevelopmentActivity) SET x = a, x.planId = p.id)
                    """, Map.of("teacherId", plan.teacherId(), "p", p, "goals", goals, "activities", activities)).consume();
            return plan(tx.run("MATCH (p:IndividualPlan {id: $id}) RETURN " + PLAN + " AS p", Map.of("id", plan.id()))
                    .single().get("p"));
        });
    }

    /** Plans of each teacher, newest first, with goals and activities (one query for many teachers); every id gets a list. */
    public Map<String, List<IndividualPlan>> plansOf(Collection<String> teacherIds) {
        return Rows.groupedBy(teacherIds, neo4j.read(tx -> tx.run("MATCH (t:Teacher)-[:HAS_PLAN]->(p:IndividualPlan) WHERE t.id IN $ids RETURN " + PLAN
                        + " AS p, t.id AS teacherId ORDER BY p.startDate DESC, p.id", Map.of("ids", List.copyOf(teacherIds)))
                .list(r -> Map.entry(r.get("teacherId").asString(), plan(r.get("p"))))));
    }

    public Optional<String> goalTeacher(String goalId) {
        return neo4j.read(tx -> tx.run("MATCH (g:PlanGoal {id: $id}) RETURN g.teacherId AS t", Map.of("id", goalId))
                .stream().findFirst().map(r -> r.get("t").asString()));
    }

    public PlanGoal setGoalStatus(String goalId, GoalStatus status, LocalDate today) {
        return neo4j.write(tx -> goal(tx.run("""
                MATCH (g:PlanGoal {id: $id})
                SET g.status = $status, g.doneOn = CASE WHEN $status = 'DONE' THEN $today ELSE null END
                RETURN g {.*} AS g""", Map.of("id", goalId, "status", status.name(), "today", today)).single().get("g")));
    }

    public CourseCompletion addCourse(String teacherId, CourseCompletion course) {
        Map<String, Object> c = new HashMap<>();
        c.put("id", course.id());
        c.put("title", course.title());
        c.put("provider", course.provider());
        c.put("hours", course.hours());
        c.put("competence", course.competence() == null ? null : course.competence().name());
        c.put("completedOn", course.completedOn());
        return neo4j.write(tx -> course(tx.run("""
                MATCH (t:Teacher {id: $teacherId})
                CREATE (t)-[:COMPLETED_COURSE]->(c:CourseCompletion) SET c = $c, c.teacherId = $teacherId
                RETURN c {.*} AS c""", Map.of("teacherId", teacherId, "c", c)).single().get("c")));
    }

    /** Courses of each teacher, latest first (one query for many teachers); every id gets a list. */
    public Map<String, List<CourseCompletion>> coursesOf(Collection<String> teacherIds) {
        return Rows.groupedBy(teacherIds, neo4j.read(tx -> tx.run("""
                MATCH (t:Teacher)-[:COMPLETED_COURSE]->(c:CourseCompletion) WHERE t.id IN $ids
                RETURN t.id AS teacherId, c {.*} AS c ORDER BY c.completedOn DESC, c.id""", Map.of("ids", List.copyOf(teacherIds)))
                .list(r -> Map.entry(r.get("teacherId").asString(), course(r.get("c"))))));
    }

    private static IndividualPlan plan(Value p) {
        return new IndividualPlan(p.get("id").asString(), p.get("teacherId").asString(), p.get("title").asString(),
                p.get("startDate").asLocalDate(), Rows.date(p.get("endDate")), Rows.string(p.get("createdBy")),
                Rows.list(p.get("goals"), PlanRepository::goal), Rows.list(p.get("activities"), PlanRepository::activity));
    }

    private static PlanGoal goal(Value g) {
        return new PlanGoal(g.get("id").asString(), CompetenceArea.valueOf(g.get("competence").asString()), g.get("target").asString(),
                g.get("deadline").asLocalDate(), GoalStatus.valueOf(g.get("status").asString()), Rows.date(g.get("doneOn")));
    }

    private static DevelopmentActivity activity(Value a) {
        return new DevelopmentActivity(a.get("id").asString(), ActivityKind.valueOf(a.get("kind").asString()),
                a.get("title").asString(), Rows.date(a.get("date")), Rows.string(a.get("hostSchoolId")), Rows.bool(a.get("done")));
    }

    private static CourseCompletion course(Value c) {
        return new CourseCompletion(c.get("id").asString(), c.get("title").asString(), Rows.string(c.get("provider")),
                Rows.integer(c.get("hours")), Rows.enumValue(c.get("competence"), CompetenceArea.class),
                c.get("completedOn").asLocalDate());
    }
}
