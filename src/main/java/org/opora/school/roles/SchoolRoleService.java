package org.opora.school.roles;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.school.School;
import org.opora.school.SchoolDirectory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * School roles (hub school, internship site, resource centre). The regional coordinator gives them to any school of the
 * region, the municipal coordinator to schools of their municipality; everybody signed in in the region sees them.
 */
@Singleton
public class SchoolRoleService {

    static final int MAX_NOTE = 500;

    private final Neo4jSessions neo4j;
    private final SchoolRoleRepository repository;

    SchoolRoleService(Neo4jSessions neo4j, SchoolRoleRepository repository) {
        this.neo4j = neo4j;
        this.repository = repository;
    }

    public School setRole(CurrentUser user, String schoolId, SchoolSupportRole role, boolean assigned, @Nullable String note,
                          LocalDate today) {
        String cleanNote = note == null || note.isBlank() ? null : note.trim();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw ApiException.badInput("note: не длиннее " + MAX_NOTE + " символов");
        }
        return neo4j.write(tx -> {
            School school = SchoolDirectory.byId(tx, schoolId)
                    .orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, schoolId));
            if (!user.hasAny(Role.REGIONAL_COORDINATOR, Role.MUNICIPAL_COORDINATOR)
                    || !user.coordinates(school.regionId(), school.municipalityId())) {
                throw ApiException.forbidden("Роль школы назначает координатор региона или её муниципалитета");
            }
            if (assigned) {
                repository.assign(tx, schoolId, role, user.username(), today, cleanNote);
            } else {
                repository.remove(tx, schoolId, role);
            }
            return school;
        });
    }

    /** Batch for the School.supportRoles field: readers are checked on the school by the caller. */
    public Map<String, List<SchoolRoleAssignment>> rolesOf(Collection<String> schoolIds) {
        return repository.rolesOf(schoolIds);
    }

    public boolean hasRole(String schoolId, SchoolSupportRole role) {
        return repository.rolesOf(List.of(schoolId)).get(schoolId).stream().anyMatch(a -> a.role() == role);
    }

    public List<SchoolRoleAssignment> inRegion(CurrentUser user, String regionId, @Nullable SchoolSupportRole role) {
        requireRegion(user, regionId);
        return repository.inRegion(regionId, role);
    }

    /** Users of a region (and the admin) see its schools' roles; other regions' users are FORBIDDEN. */
    public static void requireRegion(CurrentUser user, @Nullable String regionId) {
        if (!user.isAdmin() && (user.scope().regionId() == null || !user.scope().regionId().equals(regionId))) {
            throw ApiException.forbidden("Нет доступа к данным другого региона");
        }
    }
}
