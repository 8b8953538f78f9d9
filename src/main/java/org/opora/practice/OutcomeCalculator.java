package org.opora.practice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares a school's assessment results before and after it adopted a practice.
 *
 * <p>Rules (documented in docs/practice.md):
 * <ul>
 *   <li>A result of year {@code y} is taken as measured at the end of May of {@code y} (ВПР, ОГЭ, ЕГЭ and КДР are
 *       spring procedures): it counts as "before" when that date precedes the adoption, otherwise as "after".</li>
 *   <li>Results form series by (procedure, subject, grade); a series counts when it has points on both sides.
 *       The series' change is mean(after) − mean(before), divided by the procedure's scale (3 for the 2..5 marks
 *       of ВПР and ОГЭ, 100 for ЕГЭ points and КДР percentages) and given in percentage points.</li>
 *   <li>Only series in the practice's subjects count when there are any; otherwise all series (management or
 *       upbringing practices act on the whole school).</li>
 *   <li>The outcome is the mean change over the series; "improved" means at least {@code minImprovement} points.</li>
 * </ul>
 * This is a before/after comparison, not a causal estimate: regional trends are not subtracted.
 */
public final class OutcomeCalculator {

    static final Locale RU = Locale.forLanguageTag("ru");

    private OutcomeCalculator() {
    }

    public static Optional<AdoptionOutcome> outcome(Collection<ResultPoint> results, LocalDate adoptedOn,
                                                    List<String> practiceSubjects, double minImprovement) {
        if (results.isEmpty() || adoptedOn == null) {
            return Optional.empty();
        }
        List<PracticeSubject> subjects = practiceSubjects == null ? List.of() : practiceSubjects.stream()
                .map(OutcomeCalculator::subjectOrNull).filter(s -> s != null).toList();
        List<ResultPoint> relevant = results.stream()
                .filter(r -> subjects.stream().anyMatch(s -> s.matchesResultSubject(r.subject()))).toList();
        boolean bySubject = !relevant.isEmpty();
        if (!bySubject) {
            relevant = List.copyOf(results);
        }
        Map<String, List<ResultPoint>> before = new TreeMap<>();
        Map<String, List<ResultPoint>> after = new TreeMap<>();
        for (ResultPoint r : relevant) {
            boolean isBefore = LocalDate.of(r.year(), 5, 31).isBefore(adoptedOn);
            (isBefore ? before : after).computeIfAbsent(seriesKey(r), k -> new ArrayList<>()).add(r);
        }
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, List<ResultPoint>> entry : before.entrySet()) {
            List<ResultPoint> later = after.get(entry.getKey());
            if (later == null) {
                continue;
            }
            double b = mean(entry.getValue());
            double a = mean(later);
            double scale = scale(entry.getValue().get(0).procedure(), Math.max(b, a));
            series.add(new Series(entry.getValue().get(0), b, a, (a - b) / scale * 100, entry.getValue().size() + later.size()));
        }
        if (series.isEmpty()) {
            return Optional.empty();
        }
        double change = series.stream().mapToDouble(Series::changePoints).average().orElse(0);
        Series headline = series.stream()
                .max(Comparator.comparingInt(Series::points).thenComparingDouble(Series::changePoints)).orElseThrow();
        long up = series.stream().filter(s -> s.changePoints() > 0).count();
        String headlineLabel = describe(headline.sample());
        String description = String.format(RU, "%s: %.2f → %.2f; рядов результатов%s: %d, выросли %d, в среднем %+.1f п.п. шкалы",
                headlineLabel, headline.before(), headline.after(), bySubject ? " по предметам практики" : "",
                series.size(), up, change);
        return Optional.of(new AdoptionOutcome(round1(change), series.size(), change >= minImprovement, headlineLabel,
                headline.before(), headline.after(), description));
    }

    private record Series(ResultPoint sample, double before, double after, double changePoints, int points) {
    }

    private static String seriesKey(ResultPoint r) {
        return r.procedure() + "|" + r.subject() + "|" + r.grade();
    }

    private static double mean(List<ResultPoint> points) {
        return points.stream().mapToDouble(ResultPoint::meanScore).average().orElse(0);
    }

    /** The width of a procedure's score scale; unknown procedures are guessed from the magnitude of the scores. */
    static double scale(String procedure, double typicalValue) {
        String p = procedure == null ? "" : procedure.trim().toUpperCase(Locale.ROOT);
        return switch (p) {
            case "ВПР", "VPR", "ОГЭ", "OGE" -> 3.0;
            case "ЕГЭ", "EGE", "КДР", "KDR" -> 100.0;
            default -> typicalValue <= 5.5 ? 3.0 : 100.0;
        };
    }

    private static String describe(ResultPoint r) {
        PracticeSubject subject = null;
        for (PracticeSubject s : PracticeSubject.values()) {
            if (s.matchesResultSubject(r.subject())) {
                subject = s;
                break;
            }
        }
        String subjectLabel = subject != null && (r.subject().equalsIgnoreCase(subject.name()) || r.subject().equalsIgnoreCase(subject.label()))
                ? subject.label() : r.subject();
        return procedureLabel(r.procedure()) + ", " + subjectLabel + (r.grade() == null ? "" : ", " + r.grade() + " кл.");
    }

    private static String procedureLabel(String procedure) {
        String p = procedure == null ? "" : procedure.trim().toUpperCase(Locale.ROOT);
        return switch (p) {
            case "VPR" -> "ВПР";
            case "OGE" -> "ОГЭ";
            case "EGE" -> "ЕГЭ";
            case "KDR" -> "КДР";
            default -> procedure;
        };
    }

    private static PracticeSubject subjectOrNull(String code) {
        try {
            return PracticeSubject.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
