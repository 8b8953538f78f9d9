package org.opora.support.help;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * «Covered by methodological support»: of the territory's schools that currently hold ШНОР or ШНСУ status, how many
 * got at least one act of help in the year. {@code share} is null when the territory has no such school.
 */
public record SupportCoverage(String regionId, @Nullable String municipalityId, int year, int schools, int covered,
                              @Nullable Double share, List<String> uncoveredSchoolIds) {
}
