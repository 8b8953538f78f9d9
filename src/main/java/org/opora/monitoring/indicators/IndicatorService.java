package org.opora.monitoring.indicators;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.monitoring.indicators.IndicatorFigure.Direction;
import org.opora.monitoring.indicators.IndicatorFigure.Evaluation;
import org.opora.monitoring.indicators.IndicatorFigure.Unit;
import org.opora.monitoring.indicators.TargetRepository.TargetSet;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Scope;
import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Connection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The monitoring indicators of a territory and year: figures with the previous year, the change and the evaluation
 * against the target, the parts of the territory, the rows behind a figure, and the targets. Also the
 * {@link IndicatorTable} the справки print from.
 */
@Singleton
public class IndicatorService implements IndicatorTable {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    private final FactsCache facts;
    private final TargetRepository targets;

    IndicatorService(FactsCache facts, TargetRepository targets) {
        this.facts = facts;
        this.targets = targets;
    }

    /** What a caller asks for: a region, or a municipality or school in it. */
    public record TerritoryRequest(String regionId, @Nullable String municipalityId, @Nullable String schoolId) {
    }

    public List<MonitoringIndicator> catalogue() {
        return IndicatorCatalogue.all();
    }

    @Override
    public List<IndicatorFigure> figures(Scope territory, int year) {
        RegionFacts region = facts(territory.regionId());
        Territory resolved = resolve(region, new TerritoryRequest(territory.regionId(), territory.municipalityId(), territory.schoolId()));
        return figures(region, resolved, year, targets.targets(region.regionId, year), LocalDate.now()).stream()
                .map(MonitoringFigure::toIndicatorFigure).toList();
    }

    public MonitoringDashboard dashboard(TerritoryRequest request, int year, CurrentUser user, LocalDate asOf) {
        checkYear(year);
        IndicatorAccess.requireSameRegion(user, request.regionId());
        RegionFacts region = facts(request.regionId());
        Territory territory = resolve(region, request);
        IndicatorAccess.requireRead(user, territory);
        TargetSet targetSet = targets.targets(region.regionId, year);
        List<MonitoringPart> parts = new ArrayList<>();
        if (territory.level() == MonitoringLevel.REGION) {
            parts = parts(region, year, targetSet, asOf, MonitoringLevel.MUNICIPALITY, region.municipalities.keySet().stream()
                    .map(m -> new Territory(MonitoringLevel.MUNICIPALITY, region.regionId, m, null)).toList());
        } else if (territory.level() == MonitoringLevel.MUNICIPALITY) {
            parts = parts(region, year, targetSet, asOf, MonitoringLevel.SCHOOL, region.schools.values().stream()
                    .filter(s -> territory.municipalityId().equals(s.municipalityId()))
                    .sorted(Comparator.comparing(RegionFacts.SchoolFact::name).thenComparing(RegionFacts.SchoolFact::id))
                    .map(s -> new Territory(MonitoringLevel.SCHOOL, region.regionId, s.municipalityId(), s.id())).toList());
        }
        return new MonitoringDashboard(describe(region, territory), year, region.years.descendingSet().stream().toList(),
                figures(region, territory, year, targetSet, asOf), parts);
    }

    public Connection<DrillDownRow> drillDown(TerritoryRequest request, int year, String code, boolean countedOnly,
                                              Connection.Request page, CurrentUser user, LocalDate asOf) {
        checkYear(year);
        MonitoringIndicator indicator = indicator(code);
        IndicatorAccess.requireSameRegion(user, request.regionId());
        RegionFacts region = facts(request.regionId());
        Territory territory = resolve(region, request);
        IndicatorAccess.requireRead(user, territory);
        List<DrillDownRow> rows = IndicatorCalculator.rows(region, year, asOf).rows(indicator.code()).stream()
                .filter(r -> territory.contains(region, r.schoolId()) && (!countedOnly || r.counted()))
                .sorted(Comparator.comparing((YearRows.Row r) -> region.schools.get(r.schoolId()).name())
                        .thenComparing(YearRows.Row::id))
                .map(r -> new DrillDownRow(r.schoolId(), r.teacherId(), r.counted(), r.value(), r.previousValue(), r.detail()))
                .toList();
        return Connection.slice(rows, page, r -> r.teacherId() == null ? r.schoolId() : r.schoolId() + "|" + r.teacherId());
    }

    /** Sets or removes a target; returns the territory's figure of the indicator with it. */
    public MonitoringFigure setTarget(TerritoryRequest request, String code, int year, @Nullable Double plannedValue,
                                      CurrentUser user, LocalDate asOf) {
        IndicatorAccess.requireSameRegion(user, request.regionId());
        RegionFacts region = facts(request.regionId());
        Territory territory = resolve(region, request);
        IndicatorAccess.requireSetTarget(user, territory);
        if (territory.level() == MonitoringLevel.SCHOOL) {
            throw ApiException.badInput("territory.schoolId: целевые значения задаются для региона или муниципалитета, не для школы");
        }
        MonitoringIndicator indicator = indicator(code);
        checkYear(year);
        if (plannedValue != null && (plannedValue.isNaN() || plannedValue.isInfinite() || plannedValue < 0
                || (indicator.unit() == Unit.SHARE && plannedValue > 1))) {
            throw ApiException.badInput("plannedValue: " + (indicator.unit() == Unit.SHARE
                    ? "доля задаётся числом от 0 до 1, получено " + plannedValue
                    : "количество не может быть отрицательным, получено " + plannedValue));
        }
        TargetSet after = targets.inWrite(tx -> {
            if (plannedValue != null && territory.level() == MonitoringLevel.MUNICIPALITY) {
                Double regional = targets.targets(tx, region.regionId, year).region().get(indicator.code());
                boolean weaker = regional != null && (indicator.direction() == Direction.HIGHER_IS_BETTER
                        ? plannedValue < regional - 1e-9 : plannedValue > regional + 1e-9);
                if (weaker) {
                    throw ApiException.badInput("plannedValue: целевое значение муниципалитета не может быть "
                            + (indicator.direction() == Direction.HIGHER_IS_BETTER ? "ниже" : "выше")
                            + " регионального (" + format(regional, indicator.unit()) + ")");
                }
            }
            targets.write(tx, region.regionId, territory.municipalityId(), indicator.code(), year, plannedValue, user.username());
            return targets.targets(tx, region.regionId, year);
        });
        return figure(region, territory, indicator, IndicatorCalculator.rows(region, year, asOf),
                IndicatorCalculator.rows(region, year - 1, asOf), after);
    }

    // ---------------------------------------------------------------------------------------------- figures

    private List<MonitoringFigure> figures(RegionFacts region, Territory territory, int year, TargetSet targetSet, LocalDate asOf) {
        YearRows now = IndicatorCalculator.rows(region, year, asOf);
        YearRows before = IndicatorCalculator.rows(region, year - 1, asOf);
        List<MonitoringFigure> result = new ArrayList<>();
        for (MonitoringIndicator indicator : IndicatorCatalogue.all()) {
            if (indicator.computedFor(territory.level())) {
                result.add(figure(region, territory, indicator, now, before, targetSet));
            }
        }
        return result;
    }

    private static MonitoringFigure figure(RegionFacts region, Territory territory, MonitoringIndicator indicator, YearRows now,
                                           YearRows before, TargetSet targetSet) {
        Sum current = new Sum();
        Sum previous = new Sum();
        now.rows(indicator.code()).stream().filter(r -> territory.contains(region, r.schoolId())).forEach(current::add);
        before.rows(indicator.code()).stream().filter(r -> territory.contains(region, r.schoolId())).forEach(previous::add);
        return figure(indicator, current, previous, targetSet.targetFor(territory, indicator.code()));
    }

    /** The parts' figures, summed in one pass over each indicator's rows, grouped by part. */
    private List<MonitoringPart> parts(RegionFacts region, int year, TargetSet targetSet, LocalDate asOf, MonitoringLevel level,
                                       List<Territory> parts) {
        YearRows now = IndicatorCalculator.rows(region, year, asOf);
        YearRows before = IndicatorCalculator.rows(region, year - 1, asOf);
        Function<String, String> partOf = level == MonitoringLevel.MUNICIPALITY
                ? school -> region.schools.get(school).municipalityId() : school -> school;
        Map<String, List<MonitoringFigure>> figures = new HashMap<>();
        for (MonitoringIndicator indicator : IndicatorCatalogue.all()) {
            if (!indicator.computedFor(level)) {
                continue;
            }
            Map<String, Sum> current = sums(now.rows(indicator.code()), partOf);
            Map<String, Sum> previous = sums(before.rows(indicator.code()), partOf);
            for (Territory part : parts) {
                String key = level == MonitoringLevel.MUNICIPALITY ? part.municipalityId() : part.schoolId();
                figures.computeIfAbsent(key, k -> new ArrayList<>()).add(figure(indicator, current.getOrDefault(key, new Sum()),
                        previous.getOrDefault(key, new Sum()), targetSet.targetFor(part, indicator.code())));
            }
        }
        return parts.stream().map(p -> new MonitoringPart(describe(region, p),
                figures.getOrDefault(level == MonitoringLevel.MUNICIPALITY ? p.municipalityId() : p.schoolId(), List.of()))).toList();
    }

    private static Map<String, Sum> sums(List<YearRows.Row> rows, Function<String, String> partOf) {
        Map<String, Sum> sums = new HashMap<>();
        for (YearRows.Row row : rows) {
            String part = partOf.apply(row.schoolId());
            if (part != null) {
                sums.computeIfAbsent(part, k -> new Sum()).add(row);
            }
        }
        return sums;
    }

    private static MonitoringFigure figure(MonitoringIndicator indicator, Sum current, Sum previous, @Nullable MonitoringTarget target) {
        boolean countable = !(indicator.rule() instanceof IndicatorRule.PupilShare share) || share.countable();
        Double value = current.value();
        Double previousValue = previous.value();
        Double change = value == null || previousValue == null ? null : IndicatorCalculator.round(value - previousValue);
        return new MonitoringFigure(indicator, value, countable ? current.numerator() : null, countable ? current.denominator() : null,
                previousValue, change, target, evaluate(indicator.direction(), value, target));
    }

    /** ACHIEVED when the value reaches the target in the indicator's direction; NO_DATA when there is no value. */
    static Evaluation evaluate(Direction direction, @Nullable Double value, @Nullable MonitoringTarget target) {
        if (target == null) {
            return Evaluation.NO_TARGET;
        }
        if (value == null) {
            return Evaluation.NO_DATA;
        }
        boolean reached = direction == Direction.HIGHER_IS_BETTER
                ? value >= target.plannedValue() - 1e-9 : value <= target.plannedValue() + 1e-9;
        return reached ? Evaluation.ACHIEVED : Evaluation.NOT_ACHIEVED;
    }

    /** Sums of the rows of a territory. */
    private static final class Sum {
        double numerator;
        double denominator;

        void add(YearRows.Row row) {
            numerator += row.numerator();
            denominator += row.denominator();
        }

        @Nullable
        Double value() {
            return denominator > 0 ? IndicatorCalculator.round(numerator / denominator) : null;
        }

        int numerator() {
            return (int) Math.round(numerator);
        }

        int denominator() {
            return (int) Math.round(denominator);
        }
    }

    // ---------------------------------------------------------------------------------------------- territories

    private RegionFacts facts(String regionId) {
        if (regionId == null || regionId.isBlank()) {
            throw ApiException.badInput("territory.regionId: укажите регион");
        }
        return facts.get(regionId).orElseThrow(() -> ApiException.notFound("Регион", ApiException.Gender.MASCULINE, regionId));
    }

    private static Territory resolve(RegionFacts region, TerritoryRequest request) {
        if (request.schoolId() != null) {
            RegionFacts.SchoolFact school = region.schools.get(request.schoolId());
            if (school == null) {
                throw ApiException.notFound("Школа региона " + region.regionId, ApiException.Gender.FEMININE, request.schoolId());
            }
            if (request.municipalityId() != null && !request.municipalityId().equals(school.municipalityId())) {
                throw ApiException.badInput("territory.schoolId: школа " + school.id() + " не относится к муниципалитету "
                        + request.municipalityId());
            }
            return new Territory(MonitoringLevel.SCHOOL, region.regionId, school.municipalityId(), school.id());
        }
        if (request.municipalityId() != null) {
            if (!region.municipalities.containsKey(request.municipalityId())) {
                throw ApiException.notFound("Муниципалитет региона " + region.regionId, ApiException.Gender.MASCULINE,
                        request.municipalityId());
            }
            return new Territory(MonitoringLevel.MUNICIPALITY, region.regionId, request.municipalityId(), null);
        }
        return new Territory(MonitoringLevel.REGION, region.regionId, null, null);
    }

    private static MonitoringTerritory describe(RegionFacts region, Territory territory) {
        return switch (territory.level()) {
            case REGION -> new MonitoringTerritory(MonitoringLevel.REGION, region.regionId, region.regionName);
            case MUNICIPALITY -> new MonitoringTerritory(MonitoringLevel.MUNICIPALITY, territory.municipalityId(),
                    region.municipalities.getOrDefault(territory.municipalityId(), territory.municipalityId()));
            case SCHOOL -> new MonitoringTerritory(MonitoringLevel.SCHOOL, territory.schoolId(),
                    region.schools.get(territory.schoolId()).name());
        };
    }

    private static MonitoringIndicator indicator(String code) {
        return IndicatorCatalogue.find(code).orElseThrow(() -> ApiException.badInput("code: неизвестный показатель «" + code + "»"));
    }

    private static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw ApiException.badInput("year: год от " + MIN_YEAR + " до " + MAX_YEAR + ", получено " + year);
        }
    }

    private static String format(double value, Unit unit) {
        return unit == Unit.SHARE ? String.format(Locale.forLanguageTag("ru"), "%.1f %%", value * 100)
                : String.format(Locale.forLanguageTag("ru"), "%.0f", value);
    }
}
