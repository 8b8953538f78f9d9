package org.opora.monitoring.indicators;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the indicators of one region are computed from, read in one pass ({@link FactsRepository}) and kept by
 * {@link FactsCache}. Results, teachers and support records are read for the schools that hold ШНОР or ШНСУ status in
 * some year only; indicator values for every school.
 */
final class RegionFacts {

    record SchoolFact(String id, String name, @Nullable String municipalityId, @Nullable Integer enrolment) {
    }

    record ResultRow(int year, String procedure, String subject, int grade, double meanScore) {
    }

    record DiagnosticFact(LocalDate date, int weight) {
    }

    record TeacherFact(String id, String schoolId, List<DiagnosticFact> diagnostics) {
    }

    record RecommendationFact(String schoolId, int year, boolean done) {
    }

    record PairFact(String menteeId, LocalDate from, @Nullable LocalDate to) {
    }

    record MeasureFact(@Nullable LocalDate deadline, String status) {
    }

    record ProgrammeFact(String schoolId, String status, @Nullable LocalDate periodStart, @Nullable LocalDate periodEnd,
                         List<MeasureFact> measures) {
    }

    final String regionId;
    final String regionName;
    /** Municipality id → name, ordered by name. */
    final Map<String, String> municipalities;
    /** School id → school, ordered by id. */
    final Map<String, SchoolFact> schools;
    /** Year of an identification run → the statuses of the newest run of that year, per school holding one. */
    final NavigableMap<Integer, Map<String, Set<SupportStatus>>> statusesByRunYear;
    /** The statuses stored on the schools: used when the region has no identification run at all. */
    final Map<String, Set<SupportStatus>> storedStatuses;
    final Map<String, List<ResultRow>> results;
    /** School → year → indicator code → value. */
    final Map<String, Map<Integer, Map<String, Double>>> indicatorValues;
    final List<TeacherFact> teachers;
    /** School → year → number of help records. */
    final Map<String, Map<Integer, Integer>> help;
    final List<RecommendationFact> recommendations;
    final List<PairFact> pairs;
    /** School → years of seminars and round tables it (or a teacher of it) attended. */
    final Map<String, Set<Integer>> seminars;
    final List<ProgrammeFact> programmes;
    /** Years with any data, ascending. */
    final NavigableSet<Integer> years;
    final String fingerprint;
    final long loadedAtMillis;
    /** Rows of a year computed from these facts, by "year|asOf". */
    final Map<String, YearRows> computed = new ConcurrentHashMap<>();

    RegionFacts(String regionId, String regionName, Map<String, String> municipalities, Map<String, SchoolFact> schools,
                NavigableMap<Integer, Map<String, Set<SupportStatus>>> statusesByRunYear, Map<String, Set<SupportStatus>> storedStatuses,
                Map<String, List<ResultRow>> results, Map<String, Map<Integer, Map<String, Double>>> indicatorValues,
                List<TeacherFact> teachers, Map<String, Map<Integer, Integer>> help, List<RecommendationFact> recommendations,
                List<PairFact> pairs, Map<String, Set<Integer>> seminars, List<ProgrammeFact> programmes, NavigableSet<Integer> years,
                String fingerprint, long loadedAtMillis) {
        this.regionId = regionId;
        this.regionName = regionName;
        this.municipalities = municipalities;
        this.schools = schools;
        this.statusesByRunYear = statusesByRunYear;
        this.storedStatuses = storedStatuses;
        this.results = results;
        this.indicatorValues = indicatorValues;
        this.teachers = teachers;
        this.help = help;
        this.recommendations = recommendations;
        this.pairs = pairs;
        this.seminars = seminars;
        this.programmes = programmes;
        this.years = years;
        this.fingerprint = fingerprint;
        this.loadedAtMillis = loadedAtMillis;
    }

    /**
     * The ШНОР/ШНСУ of a year: those of the newest identification run of that year or, between runs, of the latest
     * earlier year (statuses hold until the next identification); a region never identified in Opora: the stored ones.
     */
    Map<String, Set<SupportStatus>> statusesIn(int year) {
        if (statusesByRunYear.isEmpty()) {
            return storedStatuses;
        }
        var entry = statusesByRunYear.floorEntry(year);
        return entry == null ? Map.of() : entry.getValue();
    }

    @Nullable
    Double indicator(String schoolId, int year, String code) {
        var byYear = indicatorValues.get(schoolId);
        var values = byYear == null ? null : byYear.get(year);
        return values == null ? null : values.get(code);
    }
}
