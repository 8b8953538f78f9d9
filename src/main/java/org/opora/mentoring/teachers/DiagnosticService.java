package org.opora.mentoring.teachers;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Diagnostics of teachers' professional deficits: recorded by their managers and by methodists and curators of their
 * territory, read as personal data ({@link TeacherAccess#canReadDiagnostics}).
 */
@Singleton
public class DiagnosticService {

    private final DiagnosticRepository repository;
    private final TeacherService teachers;

    DiagnosticService(DiagnosticRepository repository, TeacherService teachers) {
        this.repository = repository;
        this.teachers = teachers;
    }

    public record NewDeficit(CompetenceArea competence, DeficitLevel level, @Nullable String note) {
    }

    public record NewDiagnostic(String teacherId, LocalDate date, String instrument, List<NewDeficit> deficits) {
    }

    public Diagnostic record(NewDiagnostic in, CurrentUser user) {
        Teacher teacher = teachers.require(in.teacherId());
        TeacherAccess.requireRunDiagnostics(user, teacher);
        Set<CompetenceArea> seen = EnumSet.noneOf(CompetenceArea.class);
        for (NewDeficit deficit : in.deficits()) {
            if (!seen.add(deficit.competence())) {
                throw ApiException.badInput("deficits: компетенция «" + deficit.competence().label() + "» указана дважды");
            }
        }
        return repository.add(teacher.id(), in, MentoringIds.newId("D"));
    }

    /** Batch: each teacher's diagnostics, newest first. Callers check personal access first. */
    public Map<String, List<Diagnostic>> diagnosticsOf(Collection<String> teacherIds) {
        return repository.diagnosticsOf(teacherIds);
    }

    /** The deficits of the latest diagnostic. */
    public static List<Deficit> latestDeficits(List<Diagnostic> newestFirst) {
        return newestFirst == null || newestFirst.isEmpty() ? List.of() : newestFirst.get(0).deficits();
    }
}
