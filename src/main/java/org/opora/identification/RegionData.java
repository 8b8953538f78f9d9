package org.opora.identification;

import java.util.List;

/** What a run reads of one region: its schools, their results and indicator values in the window. */
record RegionData(List<String> schoolIds, List<Result> results, List<IndicatorRow> indicators) {

    record Result(String schoolId, int year, String procedure, String subject, int grade, double meanScore) {
    }

    record IndicatorRow(String schoolId, int year, String indicator, double value) {
    }
}
