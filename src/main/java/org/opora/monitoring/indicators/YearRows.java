package org.opora.monitoring.indicators;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * The rows behind every indicator of a region in one year: the base of the indicator (schools or teachers), each
 * with what it adds to the numerator and the denominator. A territory's figure sums the rows of its schools.
 */
record YearRows(int year, Map<String, List<Row>> byCode) {

    /**
     * One school (or teacher) of an indicator's base. {@code numerator}/{@code denominator}: its share of the sums (1/1
     * or 0/1 for a counted school; pupils for pupil shares; recommendations for the done share).
     */
    record Row(String schoolId, @Nullable String teacherId, boolean counted, double numerator, double denominator,
               @Nullable Double value, @Nullable Double previousValue, @Nullable String detail) {

        String id() {
            return teacherId == null ? schoolId : schoolId + "|" + teacherId;
        }
    }

    List<Row> rows(String code) {
        return byCode.getOrDefault(code, List.of());
    }
}
