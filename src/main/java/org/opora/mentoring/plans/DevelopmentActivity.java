package org.opora.mentoring.plans;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/** An activity of an individual plan; an internship names the leader school hosting it. */
public record DevelopmentActivity(String id, ActivityKind kind, String title, @Nullable LocalDate date,
                                  @Nullable String hostSchoolId, boolean done) {
}
