package org.opora.support.roadmaps;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/** The content of an activity as an edit or a row of an imported file gives it, checked before it is written. */
public record ActivityDraft(@Nullable String section,
                           String title,
                           LocalDate deadline,
                           String responsible,
                           @Nullable String plannedResult,
                           RoadmapActivityStatus status,
                           @Nullable String actualResult) {
}
