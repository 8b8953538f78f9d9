package org.opora.monitoring.reports;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/** What the справки report, as read from the graph by {@link ReportRepository}. */
final class ReportFacts {

    private ReportFacts() {
    }

    /** The names of the territory asked about; a null name means the id does not exist (in this region). */
    record TerritoryNames(String regionName, @Nullable String municipalityName, @Nullable SchoolInfo school) {
    }

    record SchoolInfo(String id, String name, @Nullable String municipalityId, @Nullable String municipalityName,
                      @Nullable String type, @Nullable String locality, @Nullable Integer enrolment) {
    }

    record Municipality(String id, String name) {
    }

    /** The yearly identification: the region's newest run for the year. */
    record Run(String id, int year, ZonedDateTime createdAt) {
    }

    /** One school's assessment in a run: statuses (SchoolStatus names) and the stored evidence. */
    record Assessed(String schoolId, String schoolName, @Nullable String municipalityId, @Nullable String municipalityName,
                    List<String> statuses, @Nullable Double resultsIndex, @Nullable Double residual,
                    @Nullable Double contextIndex, String findingsJson, String riskProfileJson) {

        boolean has(String status) {
            return statuses.contains(status);
        }
    }

    record Pair(String id, String status, @Nullable LocalDate startDate, String menteeId, String menteeName,
                @Nullable String menteeMunicipalityName, String leaderId, String leaderName) {
    }

    /** A started pair's measured outcome (pairing's difference-in-differences), in z of the results index. */
    record PairResult(@Nullable Double menteeChange, @Nullable Double comparisonChange, @Nullable Double difference, String note) {
    }

    record Programme(String schoolId, String schoolName, @Nullable String municipalityName, String kind, String title,
                     String status, @Nullable LocalDate periodStart, @Nullable LocalDate periodEnd, int measures,
                     int measuresDone, int measuresOverdue) {
    }

    /** Recommendations issued in the year to one municipality's addressees. */
    record Recommendations(@Nullable String municipalityId, int issued, int answered, int closed, int overdue, int done,
                           int partlyDone, int notDone) {
    }

    record Help(@Nullable String municipalityId, String kind, int records, Set<String> schoolIds) {
    }

    record Event(String title, String kind, String level, LocalDate startDate, int schoolsRegistered,
                 Set<String> attendingSchoolIds, int teachersAttended) {
    }

    record Result(String procedure, String subject, int grade, int year, double meanScore) {
    }
}
