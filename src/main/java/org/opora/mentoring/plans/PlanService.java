package org.opora.mentoring.plans;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.mentoring.teachers.CompetenceArea;
import org.opora.mentoring.teachers.MentoringIds;
import org.opora.mentoring.teachers.Teacher;
import org.opora.mentoring.teachers.TeacherAccess;
import org.opora.mentoring.teachers.TeacherService;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Individual plans (ИОМ педагога) and completed courses: personal data, written and read by the teacher, their
 * mentor, the school's admin and coordinators ({@link TeacherAccess#requirePersonal}).
 */
@Singleton
public class PlanService {

    private final PlanRepository repository;
    private final TeacherService teachers;

    PlanService(PlanRepository repository, TeacherService teachers) {
        this.repository = repository;
        this.teachers = teachers;
    }

    public record NewGoal(CompetenceArea competence, String target, LocalDate deadline, @Nullable GoalStatus status) {
    }

    public record NewActivity(ActivityKind kind, String title, @Nullable LocalDate date, @Nullable String hostSchoolId,
                              boolean done) {
    }

    public record NewPlan(String teacherId, String title, LocalDate startDate, @Nullable LocalDate endDate,
                          List<NewGoal> goals, List<NewActivity> activities) {
    }

    public record NewCourse(String teacherId, String title, @Nullable String provider, @Nullable Integer hours,
                            @Nullable CompetenceArea competence, LocalDate completedOn) {
    }

    public IndividualPlan createPlan(NewPlan in, CurrentUser user) {
        Teacher teacher = teachers.require(in.teacherId());
        TeacherAccess.requirePersonal(user, teacher);
        List<PlanGoal> goals = in.goals().stream().map(g -> new PlanGoal(MentoringIds.newId("G"), g.competence(), g.target(),
                g.deadline(), g.status() == null ? GoalStatus.PLANNED : g.status(), null)).toList();
        List<DevelopmentActivity> activities = in.activities().stream().map(a -> new DevelopmentActivity(MentoringIds.newId("A"),
                a.kind(), a.title(), a.date(), a.hostSchoolId(), a.done())).toList();
        return repository.create(new IndividualPlan(MentoringIds.newId("P"), teacher.id(), in.title(), in.startDate(),
                in.endDate(), user.username(), goals, activities));
    }

    public PlanGoal setGoalStatus(String goalId, GoalStatus status, LocalDate today, CurrentUser user) {
        String teacherId = repository.goalTeacher(goalId)
                .orElseThrow(() -> ApiException.notFound("Цель ИОМ педагога", ApiException.Gender.FEMININE, goalId));
        TeacherAccess.requirePersonal(user, teachers.require(teacherId));
        return repository.setGoalStatus(goalId, status, today);
    }

    public CourseCompletion recordCourse(NewCourse in, CurrentUser user) {
        Teacher teacher = teachers.require(in.teacherId());
        TeacherAccess.requirePersonal(user, teacher);
        return repository.addCourse(teacher.id(), new CourseCompletion(MentoringIds.newId("C"), in.title(), in.provider(),
                in.hours(), in.competence(), in.completedOn()));
    }

    /** Batch: each teacher's plans, newest first. Callers check personal access first. */
    public Map<String, List<IndividualPlan>> plansOf(Collection<String> teacherIds) {
        return repository.plansOf(teacherIds);
    }

    /** Batch: each teacher's courses, latest first. Callers check personal access first. */
    public Map<String, List<CourseCompletion>> coursesOf(Collection<String> teacherIds) {
        return repository.coursesOf(teacherIds);
    }
}
