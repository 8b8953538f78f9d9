package org.opora.practice;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One measured change reported with a practice: a metric before and after, e.g. "Доля обучающихся 5 классов,
 * не справившихся с ВПР по математике", 18 → 9 %, 2022 → 2024. {@code schoolId} is the school where it was measured
 * (null: the author school).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvidenceItem(String metric, double before, double after, String unit, Integer yearBefore,
                           Integer yearAfter, boolean higherIsBetter, String schoolId) {

    /** Whether the metric moved in the good direction. */
    public boolean improved() {
        return higherIsBetter ? after > before : after < before;
    }
}
