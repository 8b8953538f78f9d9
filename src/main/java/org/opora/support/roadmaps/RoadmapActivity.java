package org.opora.support.roadmaps;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/** One activity (мероприятие) of a roadmap, in the order of the document. */
public record RoadmapActivity(String id,
                              String roadmapId,
                              int position,
                              @Nullable String section,
                              String title,
                              LocalDate deadline,
                              String responsible,
                              @Nullable String plannedResult,
                              RoadmapActivityStatus status,
                              @Nullable String actualResult) {

    /** Overdue: the deadline has passed (it is before {@code today}) and the activity is neither done nor cancelled. */
    public boolean overdueOn(LocalDate today) {
        return deadline.isBefore(today) && !status.closed();
    }

    /** The activity's content without its identity, as an import or an edit supplies it. */
    public ActivityDraft draft() {
        return new ActivityDraft(section, title, deadline, responsible, plannedResult, status, actualResult);
    }
}
