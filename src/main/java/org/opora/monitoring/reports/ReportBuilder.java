package org.opora.monitoring.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.identification.RiskFactor;
import org.opora.monitoring.indicators.IndicatorFigure;
import org.opora.monitoring.indicators.IndicatorTable;
import org.opora.monitoring.reports.ReportDocument.Block;
import org.opora.monitoring.reports.ReportDocument.Cell;
import org.opora.monitoring.reports.ReportDocument.CellType;
import org.opora.monitoring.reports.ReportDocument.Column;
import org.opora.monitoring.reports.ReportDocument.Figure;
import org.opora.monitoring.reports.ReportDocument.Section;
import org.opora.monitoring.reports.ReportFacts.Assessed;
import org.opora.pairing.outcomes.OutcomeService;
import org.opora.pairing.pairs.PairRepository;
import org.opora.pairing.pairs.PairStatus;
import org.opora.platform.auth.Scope;
import org.opora.school.SchoolStatus;
import org.opora.support.events.EventKind;
import org.opora.support.help.HelpKind;
import org.opora.support.programmes.ProgrammeKind;
import org.opora.support.programmes.ProgrammeStatus;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Puts together the content of each справка from the graph ({@link ReportRepository}), the indicators
 * ({@link IndicatorTable}) and the pairs' measured outcomes (pairing's {@link OutcomeService}). No access check here:
 * {@link ReportService} checks the caller first.
 */
@Singleton
class ReportBuilder {

    static final String SHNOR = SchoolStatus.LOW_RESULTS.name();
    static final String SHNSU = SchoolStatus.UNFAVOURABLE_CONTEXT.name();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final ReportRepository repository;
    private final IndicatorTable indicators;
    private final PairRepository pairs;
    private final OutcomeService outcomes;
    private final ObjectMapper json;

    ReportBuilder(ReportRepository repository, IndicatorTable indicators, PairRepository pairs, OutcomeService outcomes,
                  ObjectMapper json) {
        this.repository = repository;
        this.indicators = indicators;
        this.pairs = pairs;
        this.outcomes = outcomes;
        this.json = json;
    }

    /** The territory resolved to names (see ReportService), and the day the справка is judged on. */
    record Target(ReportRequest request, ReportFacts.TerritoryNames names, LocalDate asOf) {
        String regionId() {
            return request.regionId();
        }

        @Nullable
        String municipalityId() {
            return request.municipalityId();
        }

        int year() {
            return request.year();
        }

        String territoryName() {
            return names.municipalityName() != null ? names.municipalityName() + " (" + names.regionName() + ")" : names.regionName();
        }
    }

    ReportDocument build(Target target) {
        return switch (target.request().kind()) {
            case REGIONAL, MUNICIPAL -> monitoring(target);
            case SCHOOL_CARD -> schoolCard(target);
            case STATUS_CHANGES -> statusChanges(target);
        };
    }

    // ------------------------------------------------------------------ regional and municipal справка

    private ReportDocument monitoring(Target t) {
        int year = t.year();
        boolean regional = t.municipalityId() == null;
        Map<Integer, ReportFacts.Run> runs = repository.yearlyRuns(t.regionId(), List.of(year, year - 1));
        List<Assessed> now = assessments(runs.get(year), t.municipalityId(), null);
        List<Assessed> before = assessments(runs.get(year - 1), t.municipalityId(), null);
        Set<String> supported = ids(now, a -> a.has(SHNOR) || a.has(SHNSU));
        List<Section> sections = new ArrayList<>();
        sections.add(identification(t, runs, now, before, regional));
        sections.add(indicatorSection(t));
        sections.add(pairSection(t, supported));
        sections.add(programmeSection(t, supported));
        sections.add(recommendationSection(t, regional));
        sections.add(helpSection(t, supported));
        sections.add(eventSection(t, supported));
        String title = "Справка по итогам мониторинга ШНОР и ШНСУ за " + year + " год";
        String subtitle = (regional ? "Регион: " : "Муниципалитет: ") + t.territoryName() + ". Сформирована "
                + DAY.format(t.asOf()) + " (Опора).";
        return new ReportDocument(title, subtitle, false, sections);
    }

    private Section identification(Target t, Map<Integer, ReportFacts.Run> runs, List<Assessed> now, List<Assessed> before,
                                   boolean regional) {
        int year = t.year();
        List<Block> blocks = new ArrayList<>();
        ReportFacts.Run current = runs.get(year);
        ReportFacts.Run previous = runs.get(year - 1);
        blocks.add(new ReportDocument.Paragraph(current == null
                ? "Идентификация за " + year + " год не проведена: статусы школ за этот год не определены."
                : "Идентификация за " + year + " год проведена " + DAY.format(current.createdAt().toLocalDate())
                        + "; оценено школ: " + now.size() + "."
                        + (previous == null ? " Идентификации за " + (year - 1) + " год нет: сравнить не с чем."
                        : " Сравнение — с идентификацией за " + (year - 1) + " год от "
                        + DAY.format(previous.createdAt().toLocalDate()) + ".")));
        Map<String, Assessed> beforeById = byId(before);
        Map<String, Assessed> nowById = byId(now);
        List<List<Cell>> rows = new ArrayList<>();
        for (SchoolStatus status : SchoolStatus.values()) {
            String s = status.name();
            long was = before.stream().filter(a -> a.has(s)).count();
            long is = now.stream().filter(a -> a.has(s)).count();
            long entered = now.stream().filter(a -> a.has(s) && !hasIn(beforeById, a.schoolId(), s)).count();
            long left = before.stream().filter(a -> a.has(s) && !hasIn(nowById, a.schoolId(), s)).count();
            boolean compare = previous != null && current != null;
            rows.add(List.of(Cell.text(shortLabel(s)), Cell.integer(previous == null ? null : was),
                    Cell.integer(current == null ? null : is), Cell.integer(compare ? is - was : null),
                    Cell.integer(compare ? entered : null), Cell.integer(compare ? left : null)));
        }
        blocks.add(new ReportDocument.Table("Идентификация", List.of(new Column("Статус", CellType.TEXT, 26),
                new Column(String.valueOf(year - 1), CellType.INTEGER, 10), new Column(String.valueOf(year), CellType.INTEGER, 10),
                new Column("Изменение", CellType.INTEGER, 11), new Column("Вошли", CellType.INTEGER, 9),
                new Column("Вышли", CellType.INTEGER, 9)), rows));
        if (regional) {
            List<String> names = new ArrayList<>();
            List<Double> shnorBefore = new ArrayList<>();
            List<Double> shnorNow = new ArrayList<>();
            List<Double> shnsuBefore = new ArrayList<>();
            List<Double> shnsuNow = new ArrayList<>();
            List<List<Cell>> byMunicipality = new ArrayList<>();
            for (ReportFacts.Municipality m : repository.municipalities(t.regionId())) {
                Predicate<Assessed> here = a -> m.id().equals(a.municipalityId());
                long schools = now.stream().filter(here).count();
                double b1 = before.stream().filter(here.and(a -> a.has(SHNOR))).count();
                double n1 = now.stream().filter(here.and(a -> a.has(SHNOR))).count();
                double b2 = before.stream().filter(here.and(a -> a.has(SHNSU))).count();
                double n2 = now.stream().filter(here.and(a -> a.has(SHNSU))).count();
                names.add(m.name());
                shnorBefore.add(b1);
                shnorNow.add(n1);
                shnsuBefore.add(b2);
                shnsuNow.add(n2);
                byMunicipality.add(List.of(Cell.text(m.name()), Cell.integer(schools), Cell.integer(b1), Cell.integer(n1),
                        Cell.integer(b2), Cell.integer(n2)));
            }
            blocks.add(new ReportDocument.Table("По муниципалитетам", List.of(new Column("Муниципалитет", CellType.TEXT, 30),
                    new Column("Школ оценено в " + year, CellType.INTEGER, 12),
                    new Column("ШНОР " + (year - 1), CellType.INTEGER, 10), new Column("ШНОР " + year, CellType.INTEGER, 10),
                    new Column("ШНСУ " + (year - 1), CellType.INTEGER, 10), new Column("ШНСУ " + year, CellType.INTEGER, 10)),
                    byMunicipality));
            if (!names.isEmpty()) {
                blocks.add(new ReportDocument.Chart("ШНОР и ШНСУ по муниципалитетам", "Число школ", names,
                        List.of(new ReportDocument.Series("ШНОР " + (year - 1), shnorBefore), new ReportDocument.Series("ШНОР " + year, shnorNow),
                                new ReportDocument.Series("ШНСУ " + (year - 1), shnsuBefore), new ReportDocument.Series("ШНСУ " + year, shnsuNow)),
                        CellType.INTEGER));
            }
        }
        List<List<Cell>> schools = new ArrayList<>();
        for (Assessed a : now) {
            if (a.has(SHNOR) || a.has(SHNSU)) {
                Assessed b = beforeById.get(a.schoolId());
                schools.add(List.of(Cell.text(a.municipalityName()), Cell.text(a.schoolName()), Cell.text(statusLabels(a.statuses())),
                        Cell.text(b == null ? "" : statusLabels(b.statuses())), Cell.signed(a.resultsIndex()),
                        Cell.signed(a.residual()), Cell.signed(a.contextIndex())));
            }
        }
        blocks.add(new ReportDocument.Table("Школы ШНОР и ШНСУ", List.of(new Column("Муниципалитет", CellType.TEXT, 20),
                new Column("Школа", CellType.TEXT, 34), new Column("Статусы " + year, CellType.TEXT, 20),
                new Column("Статусы " + (year - 1), CellType.TEXT, 20), new Column("Индекс результатов", CellType.SIGNED_DECIMAL, 11),
                new Column("Отклонение от ожидаемого", CellType.SIGNED_DECIMAL, 12),
                new Column("Индекс контекста", CellType.SIGNED_DECIMAL, 11)), schools));
        return new Section("1. Итоги идентификации ШНОР и ШНСУ", blocks);
    }

    private Section indicatorSection(Target t) {
        List<IndicatorFigure> figures = indicators.figures(new Scope(t.regionId(), t.municipalityId(), null), t.year());
        List<Block> blocks = new ArrayList<>();
        if (figures.isEmpty()) {
            blocks.add(new ReportDocument.Paragraph("Показатели мониторинга за " + t.year() + " год не рассчитаны."));
            return new Section("2. Показатели мониторинга и их целевые значения", blocks);
        }
        Map<IndicatorFigure.Evaluation, Long> evaluations = figures.stream()
                .collect(Collectors.groupingBy(IndicatorFigure::evaluation, () -> new java.util.EnumMap<>(IndicatorFigure.Evaluation.class),
                        Collectors.counting()));
        blocks.add(new ReportDocument.Figures(List.of(
                new Figure("Показателей", Cell.integer(figures.size())),
                new Figure("Целевое значение достигнуто", Cell.integer(evaluations.getOrDefault(IndicatorFigure.Evaluation.ACHIEVED, 0L))),
                new Figure("Целевое значение не достигнуто", Cell.integer(evaluations.getOrDefault(IndicatorFigure.Evaluation.NOT_ACHIEVED, 0L))),
                new Figure("Нет данных для оценки", Cell.integer(evaluations.getOrDefault(IndicatorFigure.Evaluation.NO_DATA, 0L))))));
        List<List<Cell>> rows = new ArrayList<>();
        for (IndicatorFigure f : figures) {
            boolean share = f.unit() == IndicatorFigure.Unit.SHARE;
            rows.add(List.of(Cell.text(f.group()), Cell.text(f.name()), Cell.text(share ? "%" : "число"),
                    value(share, f.previousValue()), value(share, f.value()), share ? Cell.signedShare(f.change()) : Cell.signed(f.change()),
                    Cell.integer(f.numerator()), Cell.integer(f.denominator()), value(share, f.plannedValue()),
                    Cell.text(evaluationLabel(f.evaluation()))));
        }
        blocks.add(new ReportDocument.Table("Показатели", List.of(new Column("Раздел", CellType.TEXT, 14),
                new Column("Показатель", CellType.TEXT, 44), new Column("Ед.", CellType.TEXT, 6),
                new Column(String.valueOf(t.year() - 1), CellType.DECIMAL, 9), new Column(String.valueOf(t.year()), CellType.DECIMAL, 9),
                new Column("Изменение", CellType.DECIMAL, 10), new Column("Числитель", CellType.INTEGER, 10),
                new Column("Знаменатель", CellType.INTEGER, 11), new Column("Целевое значение", CellType.DECIMAL, 10),
                new Column("Оценка", CellType.TEXT, 14)), rows));
        List<IndicatorFigure> targeted = figures.stream()
                .filter(f -> f.unit() == IndicatorFigure.Unit.SHARE && f.value() != null && f.plannedValue() != null).limit(12).toList();
        if (!targeted.isEmpty()) {
            blocks.add(new ReportDocument.Chart("Показатели (доли) и их целевые значения, " + t.year(), "Доля",
                    targeted.stream().map(f -> abbreviate(f.name(), 38)).toList(),
                    List.of(new ReportDocument.Series("Значение", targeted.stream().map(IndicatorFigure::value).toList()),
                            new ReportDocument.Series("Целевое значение", targeted.stream().map(IndicatorFigure::plannedValue).toList())),
                    CellType.SHARE));
        }
        return new Section("2. Показатели мониторинга и их целевые значения", blocks);
    }

    private Section pairSection(Target t, Set<String> supported) {
        List<ReportFacts.Pair> list = repository.pairs(t.regionId(), t.municipalityId(), null);
        Map<String, ReportFacts.PairResult> results = pairResults(t.regionId(), list);
        Set<String> inPairs = list.stream().map(ReportFacts.Pair::menteeId).filter(supported::contains).collect(Collectors.toSet());
        List<ReportFacts.PairResult> measured = results.values().stream().filter(r -> r.menteeChange() != null).toList();
        long positive = measured.stream().filter(r -> r.menteeChange() > 0).count();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("Сетевых пар (без отменённых)", Cell.integer(list.size())));
        for (PairStatus status : List.of(PairStatus.PROPOSED, PairStatus.AGREED, PairStatus.ACTIVE, PairStatus.COMPLETED)) {
            figures.add(new Figure("— " + status.label(), Cell.integer(list.stream().filter(p -> p.status().equals(status.name())).count())));
        }
        figures.add(new Figure("ШНОР и ШНСУ в сетевом взаимодействии со школами-лидерами", Cell.integer(inPairs.size())));
        figures.add(new Figure("Их доля среди ШНОР и ШНСУ", Cell.share(share(inPairs.size(), supported.size()))));
        figures.add(new Figure("Пар с результатами до и после начала работы", Cell.integer(measured.size())));
        figures.add(new Figure("Доля школ пар с положительной динамикой результатов", Cell.share(share(positive, measured.size()))));
        List<List<Cell>> rows = new ArrayList<>();
        for (ReportFacts.Pair p : list) {
            ReportFacts.PairResult r = results.get(p.id());
            rows.add(List.of(Cell.text(p.menteeMunicipalityName()), Cell.text(p.menteeName()), Cell.text(p.leaderName()),
                    Cell.text(PairStatus.valueOf(p.status()).label()), Cell.date(p.startDate()),
                    Cell.signed(r == null ? null : r.menteeChange()), Cell.signed(r == null ? null : r.comparisonChange()),
                    Cell.signed(r == null ? null : r.difference()), Cell.text(r == null ? "Пара ещё не начала работу" : r.note())));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new ReportDocument.Figures(figures));
        blocks.add(new ReportDocument.Table("Сетевые пары", List.of(new Column("Муниципалитет", CellType.TEXT, 16),
                new Column("Школа (ШНОР/ШНСУ)", CellType.TEXT, 26), new Column("Школа-лидер", CellType.TEXT, 26),
                new Column("Статус", CellType.TEXT, 11), new Column("Начало", CellType.DATE, 11),
                new Column("Изменение школы, z", CellType.SIGNED_DECIMAL, 10),
                new Column("Изменение сопоставимых, z", CellType.SIGNED_DECIMAL, 11),
                new Column("Разница, z", CellType.SIGNED_DECIMAL, 9), new Column("Итог", CellType.TEXT, 40)), rows));
        return new Section("3. Сетевые пары и их результаты", blocks);
    }

    /** The measured outcomes of the started pairs among these, by pair id. */
    private Map<String, ReportFacts.PairResult> pairResults(String regionId, List<ReportFacts.Pair> list) {
        Set<String> wanted = list.stream().filter(p -> p.startDate() != null).map(ReportFacts.Pair::id).collect(Collectors.toSet());
        Map<String, ReportFacts.PairResult> results = new HashMap<>();
        if (wanted.isEmpty()) {
            return results;
        }
        var started = pairs.started(regionId).stream().filter(p -> wanted.contains(p.id())).toList();
        outcomes.outcomes(started).forEach((pair, o) -> results.put(pair.id(), new ReportFacts.PairResult(o.mentee().change(),
                o.comparisonChange(), o.difference(), o.note())));
        return results;
    }

    private Section programmeSection(Target t, Set<String> supported) {
        List<ReportFacts.Programme> list = repository.programmes(t.regionId(), t.municipalityId(), null, t.year(), t.asOf());
        Set<String> agreed = list.stream().filter(p -> !p.status().equals(ProgrammeStatus.DRAFT.name()))
                .map(ReportFacts.Programme::schoolId).filter(supported::contains).collect(Collectors.toSet());
        Set<String> overdue = list.stream().filter(p -> p.measuresOverdue() > 0 && !p.status().equals(ProgrammeStatus.COMPLETED.name()))
                .map(ReportFacts.Programme::schoolId).filter(supported::contains).collect(Collectors.toSet());
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("ШНОР и ШНСУ (по идентификации " + t.year() + " года)", Cell.integer(supported.size())));
        figures.add(new Figure("из них с согласованной программой", Cell.integer(agreed.size())));
        figures.add(new Figure("доля с согласованной программой", Cell.share(share(agreed.size(), supported.size()))));
        figures.add(new Figure("с просроченными мероприятиями на " + DAY.format(t.asOf()), Cell.integer(overdue.size())));
        figures.add(new Figure("доля с просроченными мероприятиями", Cell.share(share(overdue.size(), supported.size()))));
        figures.add(new Figure("Программ, действующих в " + t.year() + " году", Cell.integer(list.size())));
        List<List<Cell>> rows = new ArrayList<>();
        for (ReportFacts.Programme p : list) {
            rows.add(List.of(Cell.text(p.municipalityName()), Cell.text(p.schoolName()), Cell.text(ProgrammeKind.valueOf(p.kind()).label()),
                    Cell.text(ProgrammeStatus.valueOf(p.status()).label()), Cell.date(p.periodStart()), Cell.date(p.periodEnd()),
                    Cell.integer(p.measures()), Cell.integer(p.measuresDone()), Cell.integer(p.measuresOverdue())));
        }
        return new Section("4. Программы школ", List.of(new ReportDocument.Figures(figures),
                new ReportDocument.Table("Программы", List.of(new Column("Муниципалитет", CellType.TEXT, 16),
                        new Column("Школа", CellType.TEXT, 28), new Column("Программа", CellType.TEXT, 28),
                        new Column("Статус", CellType.TEXT, 14), new Column("Начало", CellType.DATE, 11),
                        new Column("Окончание", CellType.DATE, 11), new Column("Мероприятий", CellType.INTEGER, 10),
                        new Column("Выполнено", CellType.INTEGER, 10), new Column("Просрочено", CellType.INTEGER, 10)), rows)));
    }

    private Section recommendationSection(Target t, boolean regional) {
        List<ReportFacts.Recommendations> list = repository.recommendations(t.regionId(), t.municipalityId(), null, t.year(), t.asOf());
        ReportFacts.Recommendations total = list.stream().reduce(new ReportFacts.Recommendations(null, 0, 0, 0, 0, 0, 0, 0),
                (a, b) -> new ReportFacts.Recommendations(null, a.issued() + b.issued(), a.answered() + b.answered(),
                        a.closed() + b.closed(), a.overdue() + b.overdue(), a.done() + b.done(), a.partlyDone() + b.partlyDone(),
                        a.notDone() + b.notDone()));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new ReportDocument.Figures(recommendationFigures(total, t)));
        if (regional && !list.isEmpty()) {
            Map<String, String> names = repository.municipalities(t.regionId()).stream()
                    .collect(Collectors.toMap(ReportFacts.Municipality::id, ReportFacts.Municipality::name));
            List<List<Cell>> rows = new ArrayList<>();
            list.stream().sorted(java.util.Comparator.comparing(r -> names.getOrDefault(r.municipalityId(), "")))
                    .forEach(r -> rows.add(List.of(Cell.text(names.getOrDefault(r.municipalityId(), "Регион")), Cell.integer(r.issued()),
                            Cell.integer(r.answered()), Cell.integer(r.closed()), Cell.integer(r.overdue()), Cell.integer(r.done()),
                            Cell.share(share(r.done(), r.done() + r.partlyDone() + r.notDone())))));
            blocks.add(new ReportDocument.Table("Рекомендации", List.of(new Column("Муниципалитет", CellType.TEXT, 30),
                    new Column("Выдано", CellType.INTEGER, 9), new Column("Получен ответ", CellType.INTEGER, 10),
                    new Column("Закрыто", CellType.INTEGER, 9), new Column("Просрочено", CellType.INTEGER, 10),
                    new Column("Выполнено", CellType.INTEGER, 10), new Column("Доля выполненных из проверенных", CellType.SHARE, 14)), rows));
        }
        return new Section("5. Адресные рекомендации", blocks);
    }

    private static List<Figure> recommendationFigures(ReportFacts.Recommendations r, Target t) {
        int checked = r.done() + r.partlyDone() + r.notDone();
        return List.of(new Figure("Выдано в " + t.year() + " году", Cell.integer(r.issued())),
                new Figure("ожидают проверки после ответа", Cell.integer(r.answered())),
                new Figure("закрыто", Cell.integer(r.closed())),
                new Figure("просрочено на " + DAY.format(t.asOf()), Cell.integer(r.overdue())),
                new Figure("проверено: выполнено / частично / не выполнено",
                        Cell.text(r.done() + " / " + r.partlyDone() + " / " + r.notDone())),
                new Figure("доля выполненных из проверенных", Cell.share(share(r.done(), checked))));
    }

    private Section helpSection(Target t, Set<String> supported) {
        List<ReportFacts.Help> list = repository.help(t.regionId(), t.municipalityId(), null, t.year());
        Set<String> helped = list.stream().flatMap(h -> h.schoolIds().stream()).collect(Collectors.toSet());
        Set<String> covered = new HashSet<>(supported);
        covered.retainAll(helped);
        List<Figure> figures = new ArrayList<>();
        for (HelpKind kind : HelpKind.values()) {
            figures.add(new Figure(kind.label() + " (записей в журнале)",
                    Cell.integer(list.stream().filter(h -> h.kind().equals(kind.name())).mapToInt(ReportFacts.Help::records).sum())));
        }
        figures.add(new Figure("ШНОР и ШНСУ, охваченные методическим сопровождением", Cell.integer(covered.size())));
        figures.add(new Figure("доля охваченных среди ШНОР и ШНСУ", Cell.share(share(covered.size(), supported.size()))));
        return new Section("6. Методическое сопровождение", List.of(new ReportDocument.Figures(figures)));
    }

    private Section eventSection(Target t, Set<String> supported) {
        List<ReportFacts.Event> list = repository.events(t.regionId(), t.municipalityId(), null, t.year());
        Set<String> attending = list.stream()
                .filter(e -> e.kind().equals(EventKind.SEMINAR.name()) || e.kind().equals(EventKind.ROUND_TABLE.name()))
                .flatMap(e -> e.attendingSchoolIds().stream()).filter(supported::contains).collect(Collectors.toSet());
        List<List<Cell>> rows = new ArrayList<>();
        for (ReportFacts.Event e : list) {
            rows.add(List.of(Cell.date(e.startDate()), Cell.text(e.title()), Cell.text(EventKind.valueOf(e.kind()).label()),
                    Cell.text(levelLabel(e.level())), Cell.integer(e.schoolsRegistered()),
                    Cell.integer(e.attendingSchoolIds().size()), Cell.integer(e.teachersAttended())));
        }
        return new Section("7. Мероприятия", List.of(new ReportDocument.Figures(List.of(
                        new Figure("Мероприятий в " + t.year() + " году", Cell.integer(list.size())),
                        new Figure("ШНОР и ШНСУ, участвовавшие в семинарах и круглых столах", Cell.integer(attending.size())),
                        new Figure("их доля среди ШНОР и ШНСУ", Cell.share(share(attending.size(), supported.size()))))),
                new ReportDocument.Table("Мероприятия", List.of(new Column("Дата", CellType.DATE, 11),
                        new Column("Мероприятие", CellType.TEXT, 40), new Column("Вид", CellType.TEXT, 13),
                        new Column("Уровень", CellType.TEXT, 13), new Column("Школ записано", CellType.INTEGER, 10),
                        new Column("Школ участвовало (сами или их учителя)", CellType.INTEGER, 12),
                        new Column("Учителей участвовало", CellType.INTEGER, 11)), rows)));
    }

    // ------------------------------------------------------------------ school card

    private ReportDocument schoolCard(Target t) {
        ReportFacts.SchoolInfo school = Objects.requireNonNull(t.names().school());
        int year = t.year();
        Map<Integer, ReportFacts.Run> runs = repository.yearlyRuns(t.regionId(), List.of(year, year - 1));
        Assessed now = first(assessments(runs.get(year), null, school.id()));
        Assessed before = first(assessments(runs.get(year - 1), null, school.id()));
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Сведения о школе", List.of(new ReportDocument.Figures(List.of(
                new Figure("Тип", Cell.text(school.type())), new Figure("Местность", Cell.text(school.locality())),
                new Figure("Обучающихся", Cell.integer(school.enrolment())),
                new Figure("Статусы в " + (year - 1) + " году", Cell.text(before == null ? "нет оценки" : statusLabels(before.statuses()))))))));
        List<Block> status = new ArrayList<>();
        if (now == null) {
            status.add(new ReportDocument.Paragraph(runs.get(year) == null ? "Идентификация за " + year + " год не проведена."
                    : "Школа не оценивалась в идентификации за " + year + " год."));
        } else {
            status.add(new ReportDocument.Figures(List.of(new Figure("Статусы", Cell.text(now.statuses().isEmpty() ? "нет" : statusLabels(now.statuses()))),
                    new Figure("Индекс результатов", Cell.signed(now.resultsIndex())),
                    new Figure("Отклонение от ожидаемого для контекста", Cell.signed(now.residual())),
                    new Figure("Индекс социального контекста", Cell.signed(now.contextIndex())))));
            List<List<Cell>> evidence = findings(now).stream().map(f -> List.of(Cell.text(f[0]), Cell.text(f[1]))).toList();
            status.add(new ReportDocument.Table("Основания статусов", List.of(new Column("Статус", CellType.TEXT, 16),
                    new Column("Основание", CellType.TEXT, 84)), evidence));
        }
        sections.add(new Section("Статусы за " + year + " год и их основания", status));
        sections.add(new Section("Результаты (средний балл)", List.of(resultTable(repository.results(school.id(), year), year))));
        List<List<Cell>> risks = now == null ? List.of() : riskProfile(now).stream()
                .map(r -> List.of(Cell.text(r[0]), Cell.text(r[1]))).toList();
        sections.add(new Section("Рисковый профиль (факторы среднего и высокого уровня)", List.of(new ReportDocument.Table("Рисковый профиль",
                List.of(new Column("Фактор риска", CellType.TEXT, 80), new Column("Уровень", CellType.TEXT, 20)), risks))));
        sections.add(cardSupport(t, school));
        String title = "Карточка школы: " + school.name();
        String subtitle = (school.municipalityName() == null ? "" : school.municipalityName() + ", ") + t.names().regionName()
                + ". " + year + " год. Сформирована " + DAY.format(t.asOf()) + " (Опора).";
        return new ReportDocument(title, subtitle, true, sections);
    }

    private Section cardSupport(Target t, ReportFacts.SchoolInfo school) {
        List<Figure> figures = new ArrayList<>();
        List<ReportFacts.Pair> pairList = repository.pairs(t.regionId(), null, school.id());
        Map<String, ReportFacts.PairResult> results = pairResults(t.regionId(), pairList);
        if (pairList.isEmpty()) {
            figures.add(new Figure("Сетевая пара", Cell.text("нет")));
        }
        for (ReportFacts.Pair p : pairList) {
            boolean mentee = p.menteeId().equals(school.id());
            ReportFacts.PairResult r = results.get(p.id());
            figures.add(new Figure(mentee ? "Сетевая пара со школой-лидером" : "Сетевая пара (школа — лидер) со школой",
                    Cell.text((mentee ? p.leaderName() : p.menteeName()) + ", " + PairStatus.valueOf(p.status()).label()
                            + (p.startDate() == null ? "" : " с " + DAY.format(p.startDate()))
                            + (r == null ? "" : ". " + r.note()))));
        }
        List<ReportFacts.Programme> programmes = repository.programmes(t.regionId(), null, school.id(), t.year(), t.asOf());
        if (programmes.isEmpty()) {
            figures.add(new Figure("Программа", Cell.text("нет программы, действующей в " + t.year() + " году")));
        }
        for (ReportFacts.Programme p : programmes) {
            figures.add(new Figure(ProgrammeKind.valueOf(p.kind()).label(), Cell.text(ProgrammeStatus.valueOf(p.status()).label()
                    + (p.periodStart() == null ? "" : ", " + DAY.format(p.periodStart()) + "–" + DAY.format(p.periodEnd()))
                    + "; мероприятий " + p.measures() + ", выполнено " + p.measuresDone() + ", просрочено " + p.measuresOverdue())));
        }
        ReportFacts.Recommendations r = repository.recommendations(t.regionId(), null, school.id(), t.year(), t.asOf()).stream()
                .findFirst().orElse(new ReportFacts.Recommendations(null, 0, 0, 0, 0, 0, 0, 0));
        figures.add(new Figure("Адресные рекомендации в " + t.year() + " году", Cell.text("выдано " + r.issued() + ", закрыто "
                + r.closed() + ", просрочено " + r.overdue())));
        int help = repository.help(t.regionId(), null, school.id(), t.year()).stream().mapToInt(ReportFacts.Help::records).sum();
        figures.add(new Figure("Методическая помощь в " + t.year() + " году (записей)", Cell.integer(help)));
        long events = repository.events(t.regionId(), null, school.id(), t.year()).stream()
                .filter(e -> !e.attendingSchoolIds().isEmpty()).count();
        figures.add(new Figure("Мероприятий с участием школы или её учителей", Cell.integer(events)));
        return new Section("Сопровождение: пара, программа, рекомендации, помощь", List.of(new ReportDocument.Figures(figures)));
    }

    private static ReportDocument.Table resultTable(List<ReportFacts.Result> results, int year) {
        Map<String, Map<Integer, Double>> bySlice = new TreeMap<>();
        Map<String, String[]> labels = new HashMap<>();
        for (ReportFacts.Result r : results) {
            String key = r.procedure() + "|" + r.subject() + "|" + String.format("%02d", r.grade());
            labels.put(key, new String[]{r.procedure(), r.subject(), String.valueOf(r.grade())});
            bySlice.computeIfAbsent(key, k -> new HashMap<>()).put(r.year(), r.meanScore());
        }
        List<List<Cell>> rows = new ArrayList<>();
        bySlice.forEach((key, values) -> {
            String[] l = labels.get(key);
            rows.add(List.of(Cell.text(l[0]), Cell.text(l[1]), Cell.integer(Integer.parseInt(l[2])),
                    Cell.decimal(values.get(year - 2)), Cell.decimal(values.get(year - 1)), Cell.decimal(values.get(year))));
        });
        return new ReportDocument.Table("Результаты", List.of(new Column("Процедура", CellType.TEXT, 12),
                new Column("Предмет", CellType.TEXT, 26), new Column("Класс", CellType.INTEGER, 7),
                new Column(String.valueOf(year - 2), CellType.DECIMAL, 10), new Column(String.valueOf(year - 1), CellType.DECIMAL, 10),
                new Column(String.valueOf(year), CellType.DECIMAL, 10)), rows);
    }

    // ------------------------------------------------------------------ entering and leaving ШНОР/ШНСУ

    private ReportDocument statusChanges(Target t) {
        int year = t.year();
        Map<Integer, ReportFacts.Run> runs = repository.yearlyRuns(t.regionId(), List.of(year, year - 1));
        List<Block> blocks = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        List<Figure> counts = new ArrayList<>();
        if (runs.get(year) == null || runs.get(year - 1) == null) {
            blocks.add(new ReportDocument.Paragraph("Нет идентификации за " + (runs.get(year) == null ? year : year - 1)
                    + " год: сравнивать не с чем."));
        } else {
            List<Assessed> now = assessments(runs.get(year), t.municipalityId(), null);
            List<Assessed> before = assessments(runs.get(year - 1), t.municipalityId(), null);
            Map<String, Assessed> nowById = byId(now);
            Map<String, Assessed> beforeById = byId(before);
            for (String status : List.of(SHNOR, SHNSU)) {
                int entered = 0;
                int left = 0;
                for (Assessed a : now) {
                    if (a.has(status) && !hasIn(beforeById, a.schoolId(), status)) {
                        entered++;
                        rows.add(changeRow(a, beforeById.get(a.schoolId()), a, status, "вошла", explanation(a, status)));
                    }
                }
                for (Assessed b : before) {
                    if (b.has(status) && !hasIn(nowById, b.schoolId(), status)) {
                        left++;
                        Assessed a = nowById.get(b.schoolId());
                        rows.add(changeRow(b, b, a, status, "вышла", a == null ? "Школа не оценивалась в " + year + " году"
                                : "В " + (year - 1) + " году: " + explanation(b, status)));
                    }
                }
                counts.add(new Figure(shortLabel(status) + ": вошли в список", Cell.integer(entered)));
                counts.add(new Figure(shortLabel(status) + ": вышли из списка", Cell.integer(left)));
            }
            blocks.add(new ReportDocument.Paragraph("Сравниваются идентификации за " + (year - 1) + " год (от "
                    + DAY.format(runs.get(year - 1).createdAt().toLocalDate()) + ") и за " + year + " год (от "
                    + DAY.format(runs.get(year).createdAt().toLocalDate()) + ")."));
            blocks.add(new ReportDocument.Figures(counts));
        }
        blocks.add(new ReportDocument.Table("Вход и выход", List.of(new Column("Муниципалитет", CellType.TEXT, 18),
                new Column("Школа", CellType.TEXT, 28), new Column("Статус", CellType.TEXT, 8), new Column("Движение", CellType.TEXT, 9),
                new Column("Индекс результатов " + (year - 1), CellType.SIGNED_DECIMAL, 10),
                new Column("Индекс результатов " + year, CellType.SIGNED_DECIMAL, 10),
                new Column("Отклонение " + year, CellType.SIGNED_DECIMAL, 10), new Column("Основание", CellType.TEXT, 50)), rows));
        String title = "Школы, вошедшие в список ШНОР/ШНСУ и вышедшие из него: " + (year - 1) + " → " + year;
        String subtitle = (t.municipalityId() == null ? "Регион: " : "Муниципалитет: ") + t.territoryName() + ". Сформирован "
                + DAY.format(t.asOf()) + " (Опора).";
        return new ReportDocument(title, subtitle, false, List.of(new Section("Вход в список и выход из него", blocks)));
    }

    private static List<Cell> changeRow(Assessed school, @Nullable Assessed before, @Nullable Assessed after, String status,
                                        String movement, String why) {
        return List.of(Cell.text(school.municipalityName()), Cell.text(school.schoolName()), Cell.text(shortLabel(status)),
                Cell.text(movement), Cell.signed(before == null ? null : before.resultsIndex()),
                Cell.signed(after == null ? null : after.resultsIndex()), Cell.signed(after == null ? null : after.residual()),
                Cell.text(why));
    }

    // ------------------------------------------------------------------ helpers

    private List<Assessed> assessments(@Nullable ReportFacts.Run run, @Nullable String municipalityId, @Nullable String schoolId) {
        return run == null ? List.of() : repository.assessments(run.id(), municipalityId, schoolId);
    }

    /** Decisive findings of an assessment as [status label, explanation]. */
    private List<String[]> findings(Assessed a) {
        List<String[]> list = new ArrayList<>();
        for (JsonNode f : tree(a.findingsJson())) {
            if (f.path("decisive").asBoolean(true) && a.statuses().contains(f.path("status").asText())) {
                list.add(new String[]{shortLabel(f.path("status").asText()), f.path("explanation").asText()});
            }
        }
        return list;
    }

    private String explanation(Assessed a, String status) {
        return findings(a).stream().filter(f -> f[0].equals(shortLabel(status))).map(f -> f[1]).findFirst().orElse("статус присвоен");
    }

    /** Risk factors at MEDIUM or HIGH, highest first, as [label, level]. */
    private List<String[]> riskProfile(Assessed a) {
        List<String[]> high = new ArrayList<>();
        List<String[]> medium = new ArrayList<>();
        for (JsonNode r : tree(a.riskProfileJson())) {
            String level = r.path("level").asText();
            String factor = r.path("factor").asText();
            String label;
            try {
                label = RiskFactor.valueOf(factor).label();
            } catch (IllegalArgumentException e) {
                label = factor;
            }
            if (level.equals("HIGH")) {
                high.add(new String[]{label, "высокий"});
            } else if (level.equals("MEDIUM")) {
                medium.add(new String[]{label, "средний"});
            }
        }
        high.addAll(medium);
        return high;
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text == null || text.isBlank() ? "[]" : text);
        } catch (IOException e) {
            throw new IllegalStateException("Не читаются сохранённые данные идентификации: " + e.getMessage(), e);
        }
    }

    static String shortLabel(String status) {
        return switch (status) {
            case "LOW_RESULTS" -> "ШНОР";
            case "UNFAVOURABLE_CONTEXT" -> "ШНСУ";
            case "RESILIENT" -> "Резильентная";
            case "RISK_ZONE" -> "Зона риска";
            case "LEADER" -> "Школа-лидер";
            case "DECLINING" -> "Снижение результатов";
            default -> status;
        };
    }

    private static String statusLabels(List<String> statuses) {
        return statuses.stream().map(ReportBuilder::shortLabel).collect(Collectors.joining(", "));
    }

    private static String levelLabel(String level) {
        return switch (level) {
            case "SCHOOL" -> "школьный";
            case "MUNICIPAL" -> "муниципальный";
            case "REGIONAL" -> "региональный";
            case "FEDERAL" -> "федеральный";
            default -> level;
        };
    }

    private static String evaluationLabel(IndicatorFigure.Evaluation evaluation) {
        return switch (evaluation) {
            case ACHIEVED -> "достигнуто";
            case NOT_ACHIEVED -> "не достигнуто";
            case NO_DATA -> "нет данных";
            case NO_TARGET -> "цель не задана";
        };
    }

    private static Cell value(boolean share, @Nullable Double v) {
        return share ? Cell.share(v) : Cell.decimal(v);
    }

    @Nullable
    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Map<String, Assessed> byId(List<Assessed> list) {
        Map<String, Assessed> map = new LinkedHashMap<>();
        list.forEach(a -> map.put(a.schoolId(), a));
        return map;
    }

    private static boolean hasIn(Map<String, Assessed> byId, String schoolId, String status) {
        Assessed a = byId.get(schoolId);
        return a != null && a.has(status);
    }

    private static Set<String> ids(List<Assessed> list, Predicate<Assessed> filter) {
        return list.stream().filter(filter).map(Assessed::schoolId).collect(Collectors.toSet());
    }

    @Nullable
    private static Assessed first(List<Assessed> list) {
        return list.isEmpty() ? null : list.get(0);
    }
}
