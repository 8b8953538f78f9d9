package org.opora.mentoring.associations;

import io.micronaut.core.annotation.Nullable;
import org.opora.mentoring.teachers.TerritoryPlace;

import java.util.List;

/**
 * A methodological association or network community of a territory. Members are held as teacher ids (by name):
 * the {@code members} field loads the teachers of a whole list of associations in one query.
 */
public record Association(String id, AssociationKind kind, String name, AssociationLevel level, @Nullable String subject,
                          String regionId, @Nullable String municipalityId, @Nullable String schoolId, List<String> memberIds,
                          List<AssociationEvent> events) implements TerritoryPlace {

    public int memberCount() {
        return memberIds.size();
    }
}
