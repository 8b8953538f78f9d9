package org.opora.mentoring.teachers;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A teacher's profile. {@code username} (the linked login) and {@code mentorUsernames} (logins of the mentors of the
 * teacher's pending or active relations) are not in the API: they let access checks decide without another query.
 */
public record Teacher(String id,
                      String fullName,
                      @Nullable String position,
                      List<String> subjects,
                      @Nullable String category,
                      int experienceYears,
                      boolean youngSpecialist,
                      List<CompetenceArea> strengths,
                      int mentorCapacity,
                      String schoolId,
                      String regionId,
                      @Nullable String municipalityId,
                      @Nullable String username,
                      List<String> mentorUsernames) implements TerritoryPlace {
}
