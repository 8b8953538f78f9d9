package org.opora.monitoring.indicators;

import io.micronaut.core.annotation.Nullable;
import org.opora.monitoring.indicators.IndicatorRule.Support;
import org.opora.monitoring.indicators.YearRows.Row;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Computes the rows of every indicator of the catalogue for one year from a region's facts, in one pass per
 * indicator over the region's schools (or teachers). Pure arithmetic: no database access.
 */
final class IndicatorCalculator {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Set<String> RUNNING_PROGRAMME = Set.of("AGREED", "IN_PROGRESS");
    private static final Set<String> AGREED_PROGRAMME = Set.of("AGREED", "IN_PROGRESS", "COMPLETED");
    private static final Set<String> OPEN_MEASURE = Set.of("PLANNED", "IN_PROGRESS");

    private final RegionFacts facts;
    private final int year;
    private final LocalDate asOf;
    private final Map<String, Set<SupportStatus>> statuses;

    private IndicatorCalculator(RegionFacts facts, int year, LocalDate asOf) {
        this.facts = facts;
        this.year = year;
        this.asOf = asOf;
        this.statuses = facts.statusesIn(year);
    }

    /** The year's rows, computed once per facts, year and day of calculation (overdue measures depend on the day). */
    static YearRows rows(RegionFacts facts, int year, LocalDate asOf) {
        return facts.computed.computeIfAbsent(year + "|" + asOf, k -> new IndicatorCalculator(facts, year, asOf).compute());
    }

    private YearRows compute() {
        Map<String, List<Row>> byCode = new LinkedHashMap<>();
        for (MonitoringIndicator indicator : IndicatorCatalogue.all()) {
            byCode.put(indicator.code(), rowsOf(indicator.rule()));
        }
        return new YearRows(year, byCode);
    }

    private List<Row> rowsOf(IndicatorRule rule) {
        if (rule instanceof IndicatorRule.ResultDynamics r) {
            return resultDynamics(r.status(), r.test());
        } else if (rule instanceof IndicatorRule.TeachersDiagnosed r) {
            return teachersDiagnosed(r.status());
        } else if (rule instanceof IndicatorRule.CompetenceGrowth r) {
            return competenceGrowth(r.status());
        } else if (rule instanceof IndicatorRule.SupportFlag r) {
            return supportFlag(r.support());
        } else if (rule instanceof IndicatorRule.RecommendationsDone) {
            return recommendationsDone();
        } else if (rule instanceof IndicatorRule.PupilShare r) {
            return pupilShare(r.indicatorCode());
        } else if (rule instanceof IndicatorRule.OlympiadWinners) {
            return olympiadWinners();
        }
        throw new IllegalStateException("No calculation for " + rule);
    }

    private boolean holds(String schoolId, SupportStatus status) {
        Set<SupportStatus> held = statuses.get(schoolId);
        return held != null && held.contains(status);
    }

    /** ШНОР and ШНСУ of the year, ordered by id. */
    private List<String> supported() {
        return facts.schools.keySet().stream().filter(statuses::containsKey).toList();
    }

    // ---------------------------------------------------------------------------------------------- results

    private List<Row> resultDynamics(SupportStatus status, @Nullable ResultTest test) {
        List<Row> rows = new ArrayList<>();
        for (String school : facts.schools.keySet()) {
            if (!holds(school, status)) {
                continue;
            }
            Map<String, Double> now = new HashMap<>();
            Map<String, Double> before = new HashMap<>();
            for (RegionFacts.ResultRow r : facts.results.getOrDefault(school, List.of())) {
                if (test != null && !test.covers(r.procedure(), r.subject())) {
                    continue;
                }
                String key = r.procedure() + "|" + r.subject() + "|" + r.grade();
                if (r.year() == year) {
                    now.put(key, r.meanScore());
                } else if (r.year() == year - 1) {
                    before.put(key, r.meanScore());
                }
            }
            now.keySet().retainAll(before.keySet());
            if (now.isEmpty()) {
                continue;
            }
            if (test == null) {
                int rising = 0;
                int falling = 0;
                for (var e : now.entrySet()) {
                    double change = e.getValue() - before.get(e.getKey());
                    rising += change > 1e-9 ? 1 : 0;
                    falling += change < -1e-9 ? 1 : 0;
                }
                boolean counted = rising > falling;
                rows.add(flag(school, null, counted, null, null,
                        "выросло результатов: " + rising + " из " + now.size() + ", снизилось: " + falling));
            } else {
                double mean = now.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                double previous = now.keySet().stream().mapToDouble(before::get).average().orElseThrow();
                rows.add(flag(school, null, mean > previous + 1e-9, round(mean), round(previous),
                        test.label() + ": " + number(previous) + " → " + number(mean)));
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------------------------------------- teachers

    private List<Row> teachersDiagnosed(SupportStatus status) {
        List<Row> rows = new ArrayList<>();
        for (RegionFacts.TeacherFact t : facts.teachers) {
            if (!holds(t.schoolId(), status)) {
                continue;
            }
            LocalDate latest = t.diagnostics().stream().map(RegionFacts.DiagnosticFact::date).filter(d -> d.getYear() == year)
                    .max(LocalDate::compareTo).orElse(null);
            rows.add(flag(t.schoolId(), t.id(), latest != null, null, null,
                    latest == null ? "нет диагностики в " + year + " г." : "диагностика " + DAY.format(latest)));
        }
        return rows;
    }

    private List<Row> competenceGrowth(SupportStatus status) {
        List<Row> rows = new ArrayList<>();
        for (RegionFacts.TeacherFact t : facts.teachers) {
            if (!holds(t.schoolId(), status)) {
                continue;
            }
            RegionFacts.DiagnosticFact inYear = null;
            RegionFacts.DiagnosticFact before = null;
            for (RegionFacts.DiagnosticFact d : t.diagnostics()) {
                if (d.date().getYear() == year && (inYear == null || d.date().isAfter(inYear.date()))) {
                    inYear = d;
                } else if (d.date().getYear() < year && (before == null || d.date().isAfter(before.date()))) {
                    before = d;
                }
            }
            if (inYear == null || before == null) {
                continue;
            }
            rows.add(flag(t.schoolId(), t.id(), inYear.weight() < before.weight(), (double) inYear.weight(), (double) before.weight(),
                    "вес дефицитов: " + before.weight() + " (" + DAY.format(before.date()) + ") → " + inYear.weight()
                            + " (" + DAY.format(inYear.date()) + ")"));
        }
        return rows;
    }

    // ---------------------------------------------------------------------------------------------- support

    private List<Row> supportFlag(Support support) {
        Map<String, Integer> recommendations = new HashMap<>();
        if (support == Support.RECOMMENDATIONS) {
            facts.recommendations.stream().filter(r -> r.year() == year).forEach(r -> recommendations.merge(r.schoolId(), 1, Integer::sum));
        }
        List<Row> rows = new ArrayList<>();
        for (String school : supported()) {
            rows.add(switch (support) {
                case METHODICAL_HELP -> {
                    int n = facts.help.getOrDefault(school, Map.of()).getOrDefault(year, 0);
                    yield flag(school, null, n > 0, null, null, n > 0 ? "записей о помощи: " + n : "помощи в году не было");
                }
                case RECOMMENDATIONS -> {
                    int n = recommendations.getOrDefault(school, 0);
                    yield flag(school, null, n > 0, null, null, n > 0 ? "выдано рекомендаций: " + n : "рекомендаций в году не было");
                }
                case NETWORK_PAIR -> {
                    boolean paired = facts.pairs.stream().anyMatch(p -> p.menteeId().equals(school) && p.from().getYear() <= year
                            && (p.to() == null || p.to().getYear() >= year));
                    yield flag(school, null, paired, null, null, paired ? "в сетевой паре со школой-лидером" : "нет сетевой пары");
                }
                case SEMINARS -> {
                    boolean attended = facts.seminars.getOrDefault(school, Set.of()).contains(year);
                    yield flag(school, null, attended, null, null,
                            attended ? "участвовала в семинарах, круглых столах" : "не участвовала в семинарах и круглых столах");
                }
                case PROGRAMME_AGREED -> {
                    boolean agreed = facts.programmes.stream().anyMatch(p -> p.schoolId().equals(school)
                            && AGREED_PROGRAMME.contains(p.status()) && covers(p, year));
                    yield flag(school, null, agreed, null, null, agreed ? "программа согласована" : "нет согласованной программы");
                }
                case PROGRAMME_OVERDUE -> {
                    long overdue = overdueMeasures(school);
                    yield flag(school, null, overdue > 0, null, null,
                            overdue > 0 ? "просроченных мероприятий: " + overdue : "просроченных мероприятий нет");
                }
            });
        }
        return rows;
    }

    private static boolean covers(RegionFacts.ProgrammeFact p, int year) {
        return (p.periodStart() == null || p.periodStart().getYear() <= year) && (p.periodEnd() == null || p.periodEnd().getYear() >= year);
    }

    /** Open measures of running programmes whose deadline (in the year or before) has passed by the day of calculation. */
    private long overdueMeasures(String school) {
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        LocalDate cutoff = asOf.isBefore(endOfYear) ? asOf : endOfYear.plusDays(1);
        return facts.programmes.stream().filter(p -> p.schoolId().equals(school) && RUNNING_PROGRAMME.contains(p.status()))
                .flatMap(p -> p.measures().stream())
                .filter(m -> m.deadline() != null && m.deadline().isBefore(cutoff) && OPEN_MEASURE.contains(m.status()))
                .count();
    }

    private List<Row> recommendationsDone() {
        Map<String, int[]> bySchool = new HashMap<>();
        facts.recommendations.stream().filter(r -> r.year() == year).forEach(r -> {
            int[] counts = bySchool.computeIfAbsent(r.schoolId(), k -> new int[2]);
            counts[0]++;
            counts[1] += r.done() ? 1 : 0;
        });
        List<Row> rows = new ArrayList<>();
        for (String school : supported()) {
            int[] counts = bySchool.get(school);
            if (counts == null) {
                continue;
            }
            rows.add(new Row(school, null, counts[1] > 0, counts[1], counts[0], round((double) counts[1] / counts[0]), null,
                    "выполнено рекомендаций: " + counts[1] + " из " + counts[0]));
        }
        return rows;
    }

    // ---------------------------------------------------------------------------------------------- students

    private List<Row> pupilShare(String code) {
        List<Row> rows = new ArrayList<>();
        for (RegionFacts.SchoolFact s : facts.schools.values()) {
            Double share = facts.indicator(s.id(), year, code);
            if (share == null || s.enrolment() == null || s.enrolment() <= 0) {
                continue;
            }
            rows.add(new Row(s.id(), null, share > 0, share * s.enrolment(), s.enrolment(), share,
                    facts.indicator(s.id(), year - 1, code), null));
        }
        return rows;
    }

    private List<Row> olympiadWinners() {
        List<Row> rows = new ArrayList<>();
        for (RegionFacts.SchoolFact s : facts.schools.values()) {
            Double participation = facts.indicator(s.id(), year, "olympiad_participation_share");
            Double winners = facts.indicator(s.id(), year, "olympiad_winners_share");
            if (participation == null || winners == null || s.enrolment() == null) {
                continue;
            }
            double participants = participation * s.enrolment();
            if (participants <= 0) {
                continue;
            }
            rows.add(new Row(s.id(), null, winners > 0, winners * participants, participants, winners,
                    facts.indicator(s.id(), year - 1, "olympiad_winners_share"),
                    "участников: " + Math.round(participants) + ", победителей и призёров: " + Math.round(winners * participants)));
        }
        return rows;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static Row flag(String schoolId, @Nullable String teacherId, boolean counted, @Nullable Double value,
                            @Nullable Double previousValue, String detail) {
        return new Row(schoolId, teacherId, counted, counted ? 1 : 0, 1, value, previousValue, detail);
    }

    static double round(double value) {
        return Math.round(value * 1_000_000d) / 1_000_000d;
    }

    private static String number(double value) {
        return String.format(Locale.forLanguageTag("ru"), "%.2f", value);
    }
}
