package org.opora.mentoring.teachers;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;
import org.opora.school.School;
import org.opora.school.SchoolDirectory;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Teachers, logins and diagnostics in graphql/mentoring.graphqls (the schema file is owned by
 * {@code mentoring.MentoringGraphQl}). A teacher reached from a list (a relation's mentor, a school's teachers, an
 * association's members) and a teacher's diagnostics load through request DataLoaders: one query per level.
 */
@Singleton
public class TeacherGraphQl implements GraphQlWiring {

    /** DataLoader names: a teacher by id, the teachers of a school by its id, a teacher's diagnostics by its id. */
    public static final String TEACHER_LOADER = "Teacher";
    public static final String SCHOOL_TEACHERS_LOADER = "SchoolTeachers";
    public static final String DIAGNOSTICS_LOADER = "TeacherDiagnostics";

    private final TeacherService teachers;
    private final DiagnosticService diagnostics;

    TeacherGraphQl(TeacherService teachers, DiagnosticService diagnostics) {
        this.teachers = teachers;
        this.diagnostics = diagnostics;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of();
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("teacher", this::teacher));
        wiring.type("Mutation", t -> t
                .dataFetcher("createTeacher", this::createTeacher)
                .dataFetcher("linkTeacherLogin", this::linkTeacherLogin)
                .dataFetcher("unlinkTeacherLogin", this::unlinkTeacherLogin)
                .dataFetcher("recordDiagnostic", this::recordDiagnostic));
        wiring.type("School", t -> t.dataFetcher("teachers", this::schoolTeachers));
        wiring.type("Teacher", t -> t
                .dataFetcher("school", this::teacherSchool)
                .dataFetcher("diagnostics", this::teacherDiagnostics)
                .dataFetcher("deficits", this::teacherDeficits));
    }

    @Override
    public List<EntityLoader<?, ?>> loaders() {
        return List.of(new EntityLoader<>(TEACHER_LOADER, teachers::teachersByIds),
                new EntityLoader<>(SCHOOL_TEACHERS_LOADER, teachers::teachersOfSchools),
                new EntityLoader<>(DIAGNOSTICS_LOADER, diagnostics::diagnosticsOf));
    }

    // ------------------------------------------------------------------ queries and child fields

    private Teacher teacher(DataFetchingEnvironment env) {
        return teachers.teacher(env.getArgument("id"), user(env));
    }

    private CompletableFuture<List<Teacher>> schoolTeachers(DataFetchingEnvironment env) {
        SchoolPlace school = sourceSchool(env);
        TeacherAccess.requireTeachersOfSchool(user(env), school);
        return EntityLoader.<String, List<Teacher>>load(env, SCHOOL_TEACHERS_LOADER, school.id())
                .thenApply(list -> list == null ? List.of() : list);
    }

    private CompletableFuture<Object> teacherSchool(DataFetchingEnvironment env) {
        return EntityLoader.load(env, SchoolDirectory.LOADER, env.<Teacher>getSource().schoolId());
    }

    private CompletableFuture<List<Diagnostic>> teacherDiagnostics(DataFetchingEnvironment env) {
        Teacher teacher = env.getSource();
        TeacherAccess.requireReadDiagnostics(user(env), teacher);
        return EntityLoader.load(env, DIAGNOSTICS_LOADER, teacher.id());
    }

    private CompletableFuture<List<Deficit>> teacherDeficits(DataFetchingEnvironment env) {
        Teacher teacher = env.getSource();
        TeacherAccess.requireReadDiagnostics(user(env), teacher);
        return EntityLoader.<String, List<Diagnostic>>load(env, DIAGNOSTICS_LOADER, teacher.id())
                .thenApply(DiagnosticService::latestDeficits);
    }

    // ------------------------------------------------------------------ mutations

    private Teacher createTeacher(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        return teachers.create(new TeacherService.NewTeacher(in.requiredString("fullName"), in.string("position"),
                in.requiredString("schoolId"), in.stringList("subjects"), in.string("category"), in.integer("experienceYears"),
                in.bool("youngSpecialist"), in.stringList("strengths").stream().map(CompetenceArea::valueOf).toList(),
                in.integer("mentorCapacity")), user(env));
    }

    private Teacher linkTeacherLogin(DataFetchingEnvironment env) {
        return teachers.linkLogin(env.getArgument("teacherId"), env.getArgument("username"), user(env));
    }

    private Teacher unlinkTeacherLogin(DataFetchingEnvironment env) {
        return teachers.unlinkLogin(env.getArgument("teacherId"), user(env));
    }

    private Diagnostic recordDiagnostic(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        List<DiagnosticService.NewDeficit> deficits = in.nestedList("deficits").stream()
                .map(d -> new DiagnosticService.NewDeficit(CompetenceArea.valueOf(d.requiredString("competence")),
                        DeficitLevel.valueOf(d.requiredString("level")), d.string("note")))
                .toList();
        return diagnostics.record(new DiagnosticService.NewDiagnostic(in.requiredString("teacherId"), Inputs.requiredDate(in, "date"),
                in.requiredString("instrument"), deficits), user(env));
    }

    // ------------------------------------------------------------------ parsing

    /** The school a {@code School.teachers} field hangs on: every School-typed field resolves to the read model's record. */
    private static SchoolPlace sourceSchool(DataFetchingEnvironment env) {
        return SchoolPlace.of(env.<School>getSource());
    }

    private static CurrentUser user(DataFetchingEnvironment env) {
        return RequestContext.user(env);
    }
}
