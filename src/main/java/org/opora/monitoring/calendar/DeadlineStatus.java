package org.opora.monitoring.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A deadline as of a day, with the submitters the caller may see (all of them inside the caller's territory).
 *
 * @param pendingOverall how many of all submitters, seen or not, have not submitted: the phase is the deadline's own
 *                       (a municipal coordinator does not see the region's row, yet the deadline is not complete)
 */
public record DeadlineStatus(MonitoringDeadline deadline, LocalDate asOf, List<Submitter> submitters, long pendingOverall) {

    public List<Submitter> pending() {
        return submitters.stream().filter(s -> !s.submitted()).toList();
    }

    public long submittedCount() {
        return submitters.stream().filter(Submitter::submitted).count();
    }

    public DeadlinePhase phase() {
        return deadline.phase(asOf, pendingOverall);
    }

    /** Days from asOf to the due date: positive before it, negative after it. */
    public long daysLeft() {
        return java.time.temporal.ChronoUnit.DAYS.between(asOf, deadline.dueDate());
    }
}
