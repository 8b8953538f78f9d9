package org.opora.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class OutcomeCalculatorTest {

    @Test
    void resultsOfTheAdoptionYearCountAfterOnlyWhenMeasuredAfterTheDate() {
        List<ResultPoint> results = List.of(
                new ResultPoint(2021, "ВПР", "MATHEMATICS", 5, 3.2),
                new ResultPoint(2022, "ВПР", "MATHEMATICS", 5, 3.3),
                new ResultPoint(2023, "ВПР", "MATHEMATICS", 5, 3.9));
        // Adopted in September 2022: the spring 2022 result is before.
        AdoptionOutcome autumn = OutcomeCalculator.outcome(results, LocalDate.of(2022, 9, 1), List.of("MATHEMATICS"), 1.0).orElseThrow();
        assertThat(autumn.headlineBefore()).isCloseTo(3.25, within(1e-9));
        assertThat(autumn.headlineAfter()).isCloseTo(3.9, within(1e-9));
        assertThat(autumn.change()).isCloseTo((3.9 - 3.25) / 3 * 100, within(0.06)); // points of the 2..5 scale
        assertThat(autumn.improved()).isTrue();
        // Adopted in February 2022: spring 2022 is after.
        AdoptionOutcome winter = OutcomeCalculator.outcome(results, LocalDate.of(2022, 2, 1), List.of("MATHEMATICS"), 1.0).orElseThrow();
        assertThat(winter.headlineBefore()).isCloseTo(3.2, within(1e-9));
        assertThat(winter.headlineAfter()).isCloseTo(3.6, within(1e-9));
        assertThat(winter.description()).contains("ВПР, Математика, 5 кл.").contains("3,20 → 3,60");
    }

    @Test
    void practiceSubjectsSelectSeriesAndScalesDifferByProcedure() {
        List<ResultPoint> results = List.of(
                new ResultPoint(2021, "EGE", "RUSSIAN", 11, 60),
                new ResultPoint(2023, "EGE", "RUSSIAN", 11, 66),
                new ResultPoint(2021, "VPR", "MATHEMATICS_PROFILE", 5, 3.5),
                new ResultPoint(2023, "VPR", "MATHEMATICS_PROFILE", 5, 3.2));
        AdoptionOutcome russian = OutcomeCalculator.outcome(results, LocalDate.of(2022, 1, 10), List.of("RUSSIAN"), 1.0).orElseThrow();
        assertThat(russian.series()).isEqualTo(1);
        assertThat(russian.change()).isEqualTo(6.0); // 6 points of 100
        AdoptionOutcome maths = OutcomeCalculator.outcome(results, LocalDate.of(2022, 1, 10), List.of("MATHEMATICS"), 1.0).orElseThrow();
        assertThat(maths.improved()).isFalse();
        assertThat(maths.change()).isEqualTo(-10.0);
        // A management practice (no assessed subject) looks at every series.
        AdoptionOutcome all = OutcomeCalculator.outcome(results, LocalDate.of(2022, 1, 10), List.of("SCHOOL_MANAGEMENT"), 1.0).orElseThrow();
        assertThat(all.series()).isEqualTo(2);
        assertThat(all.change()).isEqualTo(-2.0);
    }

    @Test
    void noOutcomeWithoutDataOnBothSides() {
        List<ResultPoint> onlyAfter = List.of(new ResultPoint(2024, "ОГЭ", "RUSSIAN", 9, 3.8));
        assertThat(OutcomeCalculator.outcome(onlyAfter, LocalDate.of(2022, 9, 1), List.of("RUSSIAN"), 1.0)).isEmpty();
        assertThat(OutcomeCalculator.outcome(List.of(), LocalDate.of(2022, 9, 1), List.of(), 1.0)).isEmpty();
    }
}
