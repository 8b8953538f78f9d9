package org.opora.monitoring.calendar;

/** Where a monitoring deadline comes from: one of the dates the documents fix every year, or the region's own. */
public enum DeadlineKind {
    /** «Мониторинг выявления ШНОР и ШНСУ» — yearly, by 1 November (the region's identification run). */
    IDENTIFICATION,
    /** «Мониторинг по выявлению профессиональных дефицитов педагогических работников» — yearly, March (the schools). */
    TEACHER_DIAGNOSTICS,
    /** «Мониторинг по участию образовательных организаций в мероприятиях» — yearly, May–June (the schools). */
    PARTICIPATION_MONITORING,
    /** A date the region set itself (createMonitoringDeadline). */
    REGIONAL
}
