package org.opora.pairing.outcomes;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.pairing.pairs.NetworkPair;
import org.opora.pairing.pairs.PairAccess;
import org.opora.pairing.pairs.PairRepository;
import org.opora.pairing.region.PairScorer;
import org.opora.pairing.region.PairingAccess;
import org.opora.pairing.region.PairingSettings;
import org.opora.pairing.region.RegionSnapshot;
import org.opora.pairing.region.RegionSnapshotCache;
import org.opora.pairing.region.SchoolDataRepository;
import org.opora.pairing.region.SchoolRow;
import org.opora.platform.auth.CurrentUser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Outcome of pairs: the low-result school's results before and after its pair started, next to
 * comparable schools that never had a pair.
 * <p>
 * Yearly results index of a school: every result slice (procedure, subject, grade, year) is
 * standardised over the region's schools (z of the mean score); a school's value for a year is the
 * participant-weighted mean of its z. A result of year Y counts as "after" when its assessment season
 * (15 May of Y) falls after the pair's start date; "before" uses the last three years up to the start.
 * Comparison group: the {@value #COMPARISON_SIZE} schools without any started pair, not in the partner
 * pool, that are nearest to the mentee in (results level before the start, context distance).
 */
@Singleton
public class OutcomeService {

    public static final int COMPARISON_SIZE = 5;
    static final int BEFORE_YEARS = 3;

    private final PairRepository pairs;
    private final SchoolDataRepository schools;
    private final RegionSnapshotCache snapshots;
    private final Map<String, YearlyIndex> yearly = new ConcurrentHashMap<>();

    public OutcomeService(PairRepository pairs, SchoolDataRepository schools, RegionSnapshotCache snapshots) {
        this.pairs = pairs;
        this.schools = schools;
        this.snapshots = snapshots;
    }

    public record YearValue(int year, double value) {
    }

    /** One school's yearly results index split at the pair's start. */
    public record Series(SchoolRow school, List<YearValue> series, @Nullable Double before, @Nullable Double after,
                         @Nullable Double change, @Nullable Double contextDistance) {
    }

    public record PairOutcome(LocalDate startDate, String method, Series mentee, List<Series> comparison,
                              @Nullable Double comparisonBefore, @Nullable Double comparisonAfter,
                              @Nullable Double comparisonChange, @Nullable Double difference, String note) {
    }

    public record Summary(String regionId, int startedPairs, int pairsWithData, @Nullable Double positiveDynamicsShare,
                          @Nullable Double meanMenteeChange, @Nullable Double meanComparisonChange,
                          @Nullable Double meanDifference) {
    }

    private record YearlyIndex(String fingerprint, Map<String, TreeMap<Integer, Double>> bySchool) {
    }

    static final String METHOD = "Индекс результатов за год: средний по срезам (процедура, предмет, класс) z-балл школы "
            + "относительно школ региона, взвешенный по числу участников. «До» — до трёх последних лет до начала пары, "
            + "«после» — годы, основной период оценки которых (15 мая) позже даты начала. Сравнение — "
            + COMPARISON_SIZE + " школ без сетевой пары, ближайших по уровню результатов до начала и по социальному контексту.";

    /**
     * The outcomes of pairs the caller already sees (child field of a pair): a pair that has not started has none.
     * The region's state is read once per region of the batch, not once per pair.
     */
    public Map<NetworkPair, PairOutcome> outcomes(Collection<NetworkPair> pairs) {
        Map<NetworkPair, PairOutcome> outcomes = new HashMap<>();
        Map<String, List<NetworkPair>> byRegion = new HashMap<>();
        pairs.stream().filter(p -> p.startDate() != null)
                .forEach(p -> byRegion.computeIfAbsent(p.regionId(), r -> new ArrayList<>()).add(p));
        byRegion.forEach((regionId, started) -> {
            PairRepository.LiveState live = this.pairs.liveState(regionId);
            RegionSnapshot snapshot = snapshots.get(regionId, live.fingerprint());
            Map<String, TreeMap<Integer, Double>> index = yearlyIndex(regionId, live.fingerprint());
            Set<String> everPaired = new HashSet<>(this.pairs.everStartedMentees(regionId));
            started.forEach(pair -> outcomes.put(pair, outcome(pair, snapshot, live.settings(), index, everPaired)));
        });
        return outcomes;
    }

    private PairOutcome outcome(NetworkPair pair, RegionSnapshot snapshot, PairingSettings settings,
                                Map<String, TreeMap<Integer, Double>> index, Set<String> everPaired) {
        LocalDate start = pair.startDate();
        Series mentee = series(pair.mentee(), index.get(pair.mentee().id()), start, null);
        Integer m = snapshot.indexOf(pair.mentee().id());
        List<Series> comparison = new ArrayList<>();
        if (mentee.before() != null && m != null) {
            PairScorer scorer = new PairScorer(snapshot, settings);
            List<double[]> ranked = new ArrayList<>();
            for (int c = 0; c < snapshot.size; c++) {
                SchoolRow school = snapshot.school(c);
                if (c == m || everPaired.contains(school.id()) || snapshot.membership[c].member()) {
                    continue;
                }
                Series s = series(school, index.get(school.id()), start, null);
                if (s.change() == null) {
                    continue;
                }
                double context = scorer.contextDistance(m, c);
                double level = s.before() - mentee.before();
                double distance = Math.sqrt(level * level + (Double.isNaN(context) ? 1 : context * context));
                ranked.add(new double[]{distance, c, Double.isNaN(context) ? Double.NaN : context});
            }
            ranked.sort(Comparator.comparingDouble((double[] d) -> d[0]).thenComparingDouble(d -> d[1]));
            for (double[] r : ranked.subList(0, Math.min(COMPARISON_SIZE, ranked.size()))) {
                SchoolRow school = snapshot.school((int) r[1]);
                comparison.add(series(school, index.get(school.id()), start, Double.isNaN(r[2]) ? null : r[2]));
            }
        }
        Double comparisonBefore = mean(comparison.stream().map(Series::before).toList());
        Double comparisonAfter = mean(comparison.stream().map(Series::after).toList());
        Double comparisonChange = mean(comparison.stream().map(Series::change).toList());
        Double difference = mentee.change() == null || comparisonChange == null ? null : mentee.change() - comparisonChange;
        String note;
        if (mentee.before() == null) {
            note = "Нет результатов школы до начала работы пары";
        } else if (mentee.after() == null) {
            note = "Результатов после начала работы пары ещё нет";
        } else if (comparison.isEmpty()) {
            note = "Нет сопоставимых школ без пары с результатами до и после";
        } else {
            note = String.format(java.util.Locale.forLanguageTag("ru"),
                    "Изменение школы %+.2f z против %+.2f z у сопоставимых школ без пары (разница %+.2f z)",
                    mentee.change(), comparisonChange, difference);
        }
        return new PairOutcome(start, METHOD, mentee, comparison, comparisonBefore, comparisonAfter, comparisonChange,
                difference, note);
    }

    public Summary summary(CurrentUser user, String regionId) {
        PairingAccess.requireRegionViewer(user, regionId);
        List<NetworkPair> started = pairs.started(regionId).stream().filter(p -> PairAccess.canSee(user, p)).toList();
        if (started.isEmpty()) {
            return new Summary(regionId, 0, 0, null, null, null, null);
        }
        PairRepository.LiveState live = pairs.liveState(regionId);
        RegionSnapshot snapshot = snapshots.get(regionId, live.fingerprint());
        Map<String, TreeMap<Integer, Double>> index = yearlyIndex(regionId, live.fingerprint());
        Set<String> everPaired = new HashSet<>(pairs.everStartedMentees(regionId));
        List<Double> changes = new ArrayList<>();
        List<Double> comparisonChanges = new ArrayList<>();
        List<Double> differences = new ArrayList<>();
        for (NetworkPair pair : started) {
            PairOutcome outcome = outcome(pair, snapshot, live.settings(), index, everPaired);
            if (outcome.mentee().change() != null) {
                changes.add(outcome.mentee().change());
                if (outcome.comparisonChange() != null) {
                    comparisonChanges.add(outcome.comparisonChange());
                    differences.add(outcome.difference());
                }
            }
        }
        Double positive = changes.isEmpty() ? null : changes.stream().filter(c -> c > 0).count() / (double) changes.size();
        return new Summary(regionId, started.size(), changes.size(), positive, mean(changes), mean(comparisonChanges),
                mean(differences));
    }

    static Series series(SchoolRow school, @Nullable TreeMap<Integer, Double> years, LocalDate start, @Nullable Double contextDistance) {
        if (years == null || years.isEmpty()) {
            return new Series(school, List.of(), null, null, null, contextDistance);
        }
        List<YearValue> all = new ArrayList<>();
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        years.forEach((year, value) -> all.add(new YearValue(year, value)));
        for (Map.Entry<Integer, Double> e : years.descendingMap().entrySet()) {
            if (LocalDate.of(e.getKey(), 5, 15).isAfter(start)) {
                after.add(e.getValue());
            } else if (before.size() < BEFORE_YEARS) {
                before.add(e.getValue());
            }
        }
        Double b = mean(before);
        Double a = mean(after);
        return new Series(school, all, b, a, a == null || b == null ? null : a - b, contextDistance);
    }

    private Map<String, TreeMap<Integer, Double>> yearlyIndex(String regionId, String fingerprint) {
        YearlyIndex cached = yearly.get(regionId);
        if (cached != null && cached.fingerprint().equals(fingerprint)) {
            return cached.bySchool();
        }
        Map<String, TreeMap<Integer, Double>> computed = computeYearlyIndex(schools.results(regionId));
        yearly.put(regionId, new YearlyIndex(fingerprint, computed));
        return computed;
    }

    static Map<String, TreeMap<Integer, Double>> computeYearlyIndex(List<SchoolDataRepository.ResultRow> rows) {
        Map<String, List<SchoolDataRepository.ResultRow>> bySlice = new HashMap<>();
        for (SchoolDataRepository.ResultRow row : rows) {
            bySlice.computeIfAbsent(row.slice() + "|" + row.year(), k -> new ArrayList<>()).add(row);
        }
        Map<String, Map<Integer, double[]>> sums = new HashMap<>();
        for (List<SchoolDataRepository.ResultRow> slice : bySlice.values()) {
            if (slice.size() < 2) {
                continue;
            }
            double mean = slice.stream().mapToDouble(SchoolDataRepository.ResultRow::meanScore).average().orElse(0);
            double var = slice.stream().mapToDouble(r -> (r.meanScore() - mean) * (r.meanScore() - mean)).sum() / (slice.size() - 1);
            double sd = Math.sqrt(var);
            if (sd == 0) {
                continue;
            }
            for (SchoolDataRepository.ResultRow r : slice) {
                double weight = Math.max(1, r.participants());
                double[] acc = sums.computeIfAbsent(r.schoolId(), k -> new HashMap<>()).computeIfAbsent(r.year(), k -> new double[2]);
                acc[0] += weight * (r.meanScore() - mean) / sd;
                acc[1] += weight;
            }
        }
        Map<String, TreeMap<Integer, Double>> result = new HashMap<>();
        sums.forEach((school, years) -> {
            TreeMap<Integer, Double> series = new TreeMap<>();
            years.forEach((year, acc) -> series.put(year, acc[0] / acc[1]));
            result.put(school, series);
        });
        return result;
    }

    @Nullable
    private static Double mean(List<Double> values) {
        double sum = 0;
        int n = 0;
        for (Double v : values) {
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }
}
