package org.opora.mentoring.relations;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;

/** A meeting as stored. Never handed to GraphQL as is: {@link MeetingView} guards the private notes. */
public record Meeting(String id, String relationId, LocalDate date, String topic, @Nullable String sharedNotes,
                      @Nullable String privateNotes, List<String> nextSteps) {
}
