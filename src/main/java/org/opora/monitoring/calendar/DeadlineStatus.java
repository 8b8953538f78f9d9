package org.opora.monitoring.calendar;

import java.time.LocalDate;
import java.util.List;

/** A deadline as of a day, with the submitters the caller may see (all of them inside the caller's territory). */
public record DeadlineStatus(MonitoringDeadline deadline, LocalDate asOf, List<Submitter> submitters) {

    public List<Submitter> pending() {
        return submitters.stream().filter(s -> !s.submitted()).toList();
    }

    public long submittedCount() {
        return submitters.stream().filter(Submitter::submitted).count();
    }

    public DeadlinePhase phase() {
        return deadline.phase(asOf, pending().size());
    }

    /** Days from asOf to the due date: positive before it, negative after it. */
    public long daysLeft() {
        return java.time.temporal.ChronoUnit.DAYS.between(asOf, deadline.dueDate());
    }
}
