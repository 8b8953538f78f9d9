package org.opora.mentoring.associations;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.mentoring.teachers.MentoringIds;
import org.opora.mentoring.teachers.SchoolPlace;
import org.opora.mentoring.teachers.SchoolPlaces;
import org.opora.mentoring.teachers.Teacher;
import org.opora.mentoring.teachers.TeacherService;
import org.opora.mentoring.teachers.TerritoryPlace;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;

import java.time.LocalDate;
import java.util.List;

/** Methodological associations and network communities: creating them, members, events, joining. */
@Singleton
public class AssociationService {

    private final AssociationRepository repository;
    private final TeacherService teachers;
    private final SchoolPlaces schools;

    AssociationService(AssociationRepository repository, TeacherService teachers, SchoolPlaces schools) {
        this.repository = repository;
        this.teachers = teachers;
        this.schools = schools;
    }

    public record NewAssociation(AssociationKind kind, String name, AssociationLevel level, @Nullable String subject,
                                 String regionId, @Nullable String municipalityId, @Nullable String schoolId) implements TerritoryPlace {
    }

    public record NewEvent(String associationId, LocalDate date, String title, @Nullable String format) {
    }

    public Association create(NewAssociation in, CurrentUser user) {
        requireConsistentPlace(in.regionId(), in.municipalityId(), in.schoolId());
        AssociationAccess.requireCreate(user, in);
        return repository.create(new Association(MentoringIds.newId("MA"), in.kind(), in.name(), in.level(), in.subject(),
                in.regionId(), in.municipalityId(), in.schoolId(), List.of(), List.of()));
    }

    /** The named municipality and school must lie in the named region (else one could file it under another territory). */
    private void requireConsistentPlace(String regionId, String municipalityId, String schoolId) {
        if (schoolId != null) {
            SchoolPlace school = schools.school(schoolId).orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, schoolId));
            if (!regionId.equals(school.regionId())
                    || (municipalityId != null && !municipalityId.equals(school.municipalityId()))) {
                throw ApiException.badInput("schoolId: школа " + schoolId + " не относится к указанным региону и муниципалитету");
            }
        } else if (municipalityId != null && !regionId.equals(schools.municipalityRegion(municipalityId)
                .orElseThrow(() -> ApiException.notFound("Муниципалитет", ApiException.Gender.MASCULINE, municipalityId)))) {
            throw ApiException.badInput("municipalityId: муниципалитет " + municipalityId + " не относится к региону " + regionId);
        }
    }

    private Association editable(String id, CurrentUser user) {
        Association association = require(id);
        AssociationAccess.requireEdit(user, association);
        return association;
    }

    public Association addMember(String associationId, String teacherId, CurrentUser user) {
        Association association = editable(associationId, user);
        Teacher teacher = teachers.require(teacherId);
        if (!association.regionId().equals(teacher.regionId())) {
            throw ApiException.forbidden("Педагог другого региона не может быть участником этого объединения");
        }
        return repository.addMember(associationId, teacherId);
    }

    /**
     * The caller joins an association as the teacher linked to their login. The association must be of the teacher's
     * region and, when it belongs to a municipality or a school, of that municipality or school.
     */
    public Association join(String associationId, CurrentUser user) {
        Association association = require(associationId);
        Teacher me = teachers.byUsername(user.username())
                .orElseThrow(() -> ApiException.forbidden("Вступить в объединение может только педагог, чья учётная запись привязана к профилю педагога"));
        AssociationAccess.requireJoin(association, me);
        return repository.addMember(associationId, me.id());
    }

    public Association addEvent(NewEvent in, CurrentUser user) {
        editable(in.associationId(), user);
        return repository.addEvent(in.associationId(), new AssociationEvent(MentoringIds.newId("E"), in.date(), in.title(), in.format()));
    }

    public List<Association> associations(String regionId, @Nullable AssociationKind kind, @Nullable String subject, CurrentUser user) {
        AssociationAccess.requireRegion(user, regionId);
        return repository.associations(regionId, kind, subject);
    }

    private Association require(String id) {
        return repository.association(id).orElseThrow(() -> ApiException.notFound("Объединение", ApiException.Gender.NEUTER, id));
    }
}
