package org.opora.support.events;

import io.micronaut.core.annotation.Nullable;
import org.opora.mentoring.teachers.CompetenceArea;

import java.util.List;

/** A course of the region's catalogue (повышение квалификации). */
public record CatalogueCourse(String id, String regionId, String title, String provider, int hours,
                              List<CompetenceArea> competences, EventFormat format, @Nullable String description) {
}
