package org.opora.school;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.opora.school.SchoolRepository.RegionalMean;
import org.opora.school.SchoolRepository.ResultKey;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The region's mean next to a school's results (the school profile). Averaging every result of a region took most of
 * the profile's time, so a region's means are computed in one pass and kept. They are computed again when the region's
 * number of results changes (checked on each read from the schools' relationship counts, which also catches writes
 * that bypass the importer), when an import on this instance commits (a re-import may change scores and not the
 * count), and at the latest after {@link #MAX_AGE} (an import through another instance).
 */
@Singleton
public class RegionalMeans {

    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final SchoolRepository repository;
    private final Map<String, RegionMeans> byRegion = new ConcurrentHashMap<>();

    RegionalMeans(SchoolRepository repository) {
        this.repository = repository;
    }

    /** The region's means for the keys the school has results in, ordered by year, procedure, subject and grade. */
    public List<RegionalMean> forSchool(School school, @Nullable String procedure, @Nullable String subject) {
        Map<ResultKey, RegionalMean> means = region(school.regionId());
        return repository.resultKeys(school.id(), procedure, subject).stream()
                .map(means::get)
                .filter(mean -> mean != null)
                .sorted(Comparator.comparingInt(RegionalMean::year).thenComparing(RegionalMean::procedure)
                        .thenComparing(RegionalMean::subject).thenComparingInt(RegionalMean::grade))
                .toList();
    }

    private Map<ResultKey, RegionalMean> region(String regionId) {
        long results = repository.regionResultCount(regionId);
        long now = System.nanoTime();
        RegionMeans cached = byRegion.get(regionId);
        if (cached != null && cached.results == results && now - cached.builtAt < MAX_AGE.toNanos()) {
            return cached.means;
        }
        Map<ResultKey, RegionalMean> means = repository.regionalMeans(regionId).stream()
                .collect(Collectors.toUnmodifiableMap(RegionalMean::key, Function.identity()));
        byRegion.put(regionId, new RegionMeans(results, now, means));
        return means;
    }

    @EventListener
    void onImport(SchoolDataImported event) {
        byRegion.clear();
    }

    private record RegionMeans(long results, long builtAt, Map<ResultKey, RegionalMean> means) {
    }
}
