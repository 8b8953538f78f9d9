package org.opora.monitoring.indicators;

import io.micronaut.core.annotation.Nullable;
import org.opora.monitoring.indicators.IndicatorFigure.Direction;
import org.opora.monitoring.indicators.IndicatorFigure.Unit;
import org.opora.monitoring.indicators.IndicatorRule.Support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicators the region monitors every year (issue 16 item 1, docs/monitoring.md «Indicators»), in display order.
 * Codes are stable: targets are stored by them.
 */
public final class IndicatorCatalogue {

    static final String RESULTS = "Результаты обучения";
    static final String TEACHERS = "Педагоги";
    static final String SUPPORT = "Сопровождение";
    static final String PROGRAMMES = "Программы";
    static final String STUDENTS = "Обучающиеся";

    // The documents of ../shared/seeds, by the territory that wrote them.
    static final String CHELYABINSK = "Челябинская область: дорожная карта работы со ШНОР и ШНСУ";
    static final String PERM = "Пермский край: концепция поддержки ШНОР и ШНСУ";
    static final String KAMENSK = "Каменск-Уральский: система работы со ШНОР и ШНСУ";
    static final String MINUSINSK = "Минусинск: муниципальная программа поддержки ШНОР";
    static final String KIROV = "Кировская область: модель работы со ШНОР и ШНСУ (РСОКО)";

    private static final List<MonitoringLevel> AREAS = List.of(MonitoringLevel.REGION, MonitoringLevel.MUNICIPALITY);
    private static final List<MonitoringLevel> ALL_LEVELS = List.of(MonitoringLevel.REGION, MonitoringLevel.MUNICIPALITY,
            MonitoringLevel.SCHOOL);

    private static final List<MonitoringIndicator> ALL;
    private static final Map<String, MonitoringIndicator> BY_CODE = new LinkedHashMap<>();

    static {
        List<MonitoringIndicator> all = new ArrayList<>();
        for (SupportStatus status : SupportStatus.values()) {
            String s = status.label();
            all.add(share(status.name() + "_POSITIVE_DYNAMICS", "Доля " + s + " с положительной динамикой результатов", RESULTS,
                    s + ", у которых в году выросло больше средних баллов (процедура, предмет, класс), чем снизилось, по сравнению "
                            + "с прошлым годом / " + s + " с результатами за оба года",
                    "Статусы идентификации года; results.csv (средние баллы)", List.of(KIROV, KAMENSK, MINUSINSK), AREAS,
                    new IndicatorRule.ResultDynamics(status, null)));
            for (ResultTest test : ResultTest.values()) {
                all.add(share(status.name() + "_POSITIVE_DYNAMICS_" + test.name(),
                        "Доля " + s + " с положительной динамикой результатов: " + test.label(), RESULTS,
                        s + ", чей средний балл (" + test.label() + ", по классам, сданным в оба года) выше прошлогоднего / "
                                + s + " с результатами " + test.label() + " за оба года",
                        "Статусы идентификации года; results.csv", List.of(KIROV, KAMENSK, MINUSINSK), AREAS,
                        new IndicatorRule.ResultDynamics(status, test)));
            }
        }
        for (SupportStatus status : SupportStatus.values()) {
            String s = status.label();
            all.add(share(status.name() + "_TEACHERS_DIAGNOSED", "Доля педагогов " + s + ", прошедших диагностику профессиональных дефицитов",
                    TEACHERS, "Педагоги " + s + " с диагностикой, датированной годом / все педагоги " + s,
                    "Педагоги и их диагностики (наставничество)", List.of(KIROV, PERM, KAMENSK), ALL_LEVELS,
                    new IndicatorRule.TeachersDiagnosed(status)));
            all.add(share(status.name() + "_TEACHERS_COMPETENCE_GROWTH",
                    "Доля педагогов " + s + " с положительной динамикой профессиональных компетенций", TEACHERS,
                    "Педагоги " + s + ", у которых суммарный вес дефицитов последней диагностики года меньше, чем последней "
                            + "диагностики до него / педагоги " + s + ", диагностированные в году и раньше",
                    "Диагностики профессиональных дефицитов (вес: критический 3, умеренный 2, незначительный 1)",
                    List.of(KIROV, MINUSINSK), ALL_LEVELS, new IndicatorRule.CompetenceGrowth(status)));
        }
        all.add(share("TEACHERS_MODERN_METHODS", "Доля педагогов, использующих современные методические приёмы, технологии, подходы",
                TEACHERS, "Сумма по школам (доля × контингент) / сумма контингента (взвешено по контингенту)",
                "indicators.csv: modern_methods_teachers_share", List.of(MINUSINSK, PERM), ALL_LEVELS,
                new IndicatorRule.PupilShare("modern_methods_teachers_share", false)));
        all.add(share("SUPPORT_METHODICAL_HELP", "Доля ШНОР и ШНСУ, охваченных методическим сопровождением", SUPPORT,
                "ШНОР и ШНСУ с записью журнала методической помощи в году (школе или её педагогу) / все ШНОР и ШНСУ",
                "Журнал методической помощи", List.of(KIROV, CHELYABINSK, MINUSINSK), AREAS,
                new IndicatorRule.SupportFlag(Support.METHODICAL_HELP)));
        all.add(share("SUPPORT_RECOMMENDATIONS", "Доля ШНОР и ШНСУ, получивших адресные рекомендации", SUPPORT,
                "ШНОР и ШНСУ, которым (их родителям или педагогам) в году выданы адресные рекомендации / все ШНОР и ШНСУ",
                "Адресные рекомендации", List.of(KIROV, CHELYABINSK, MINUSINSK, PERM), AREAS,
                new IndicatorRule.SupportFlag(Support.RECOMMENDATIONS)));
        all.add(share("SUPPORT_RECOMMENDATIONS_DONE", "Доля адресных рекомендаций ШНОР и ШНСУ, выполненных по итогам проверки", SUPPORT,
                "Рекомендации, выданные в году ШНОР и ШНСУ (школе, родителям, педагогам) и закрытые с итогом «выполнена» / "
                        + "все рекомендации, выданные им в году",
                "Адресные рекомендации (итог проверки)", List.of(KIROV, CHELYABINSK), AREAS, new IndicatorRule.RecommendationsDone()));
        all.add(share("SUPPORT_NETWORK_PAIRS", "Доля ШНОР и ШНСУ в сетевом взаимодействии со школами-лидерами", SUPPORT,
                "ШНОР и ШНСУ — подопечные сетевой пары (согласована, действует или завершена), чей срок приходится на год / "
                        + "все ШНОР и ШНСУ",
                "Сетевые пары", List.of(KIROV, CHELYABINSK, KAMENSK, PERM, MINUSINSK), AREAS,
                new IndicatorRule.SupportFlag(Support.NETWORK_PAIR)));
        all.add(share("SUPPORT_SEMINARS", "Доля ШНОР и ШНСУ — участников семинаров и круглых столов", SUPPORT,
                "ШНОР и ШНСУ, которые (или их педагоги) присутствовали на семинаре или круглом столе, начавшемся в году / "
                        + "все ШНОР и ШНСУ",
                "Мероприятия и отметки о присутствии", List.of(KIROV, CHELYABINSK, KAMENSK), AREAS,
                new IndicatorRule.SupportFlag(Support.SEMINARS)));
        all.add(share("PROGRAMME_AGREED", "Доля ШНОР и ШНСУ с согласованной программой", PROGRAMMES,
                "ШНОР и ШНСУ с программой (ШППКО, перехода, антирисковой) в статусе «согласована», «выполняется» или «завершена», "
                        + "срок которой приходится на год / все ШНОР и ШНСУ",
                "Программы школ", List.of(MINUSINSK, PERM, KIROV), AREAS, new IndicatorRule.SupportFlag(Support.PROGRAMME_AGREED)));
        all.add(new MonitoringIndicator("PROGRAMME_OVERDUE", "Доля ШНОР и ШНСУ с просроченными мероприятиями программы", PROGRAMMES,
                "ШНОР и ШНСУ, у которых в согласованной или выполняемой программе есть мероприятие со сроком в году (или раньше), "
                        + "прошедшим к дате расчёта, не выполненное и не отменённое / все ШНОР и ШНСУ",
                Unit.SHARE, Direction.LOWER_IS_BETTER, "Программы школ (мероприятия)", List.of(CHELYABINSK, PERM), AREAS,
                new IndicatorRule.SupportFlag(Support.PROGRAMME_OVERDUE)));
        all.add(share("OLYMPIAD_PARTICIPATION", "Доля обучающихся — участников муниципального этапа ВсОШ", STUDENTS,
                "Сумма по школам (доля участников × контингент) / сумма контингента", "indicators.csv: olympiad_participation_share",
                List.of(KIROV, KAMENSK, MINUSINSK), ALL_LEVELS, new IndicatorRule.PupilShare("olympiad_participation_share", true)));
        all.add(share("OLYMPIAD_WINNERS", "Доля победителей и призёров среди участников муниципального этапа ВсОШ", STUDENTS,
                "Сумма по школам (доля победителей и призёров × участники) / сумма участников (участники = доля участников × контингент)",
                "indicators.csv: olympiad_winners_share, olympiad_participation_share", List.of(MINUSINSK, KIROV), ALL_LEVELS,
                new IndicatorRule.OlympiadWinners()));
        all.add(share("GRADE10_CONTINUATION", "Доля выпускников 9 классов, продолживших обучение в 10 классе", STUDENTS,
                "Сумма по школам (доля × контингент) / сумма контингента: доли школ, взвешенные по контингенту (численности выпускников 9 классов в данных нет)",
                "indicators.csv: grade10_continuation_share", List.of(KAMENSK, KIROV), ALL_LEVELS,
                new IndicatorRule.PupilShare("grade10_continuation_share", false)));
        all.add(share("INDIVIDUAL_ROUTES", "Доля обучающихся с индивидуальными образовательными маршрутами", STUDENTS,
                "Сумма по школам (доля × контингент) / сумма контингента", "indicators.csv: individual_route_share",
                List.of(KIROV, MINUSINSK), ALL_LEVELS, new IndicatorRule.PupilShare("individual_route_share", true)));
        all.add(share("ADDITIONAL_EDUCATION", "Доля обучающихся, охваченных дополнительным образованием", STUDENTS,
                "Сумма по школам (доля × контингент) / сумма контингента", "indicators.csv: additional_education_share",
                List.of(MINUSINSK, KIROV), ALL_LEVELS, new IndicatorRule.PupilShare("additional_education_share", true)));
        ALL = Collections.unmodifiableList(all);
        ALL.forEach(i -> BY_CODE.put(i.code(), i));
    }

    private IndicatorCatalogue() {
    }

    private static MonitoringIndicator share(String code, String name, String group, String formula, String source,
                                             List<String> documents, List<MonitoringLevel> levels, IndicatorRule rule) {
        return new MonitoringIndicator(code, name, group, formula, Unit.SHARE, Direction.HIGHER_IS_BETTER, source, documents,
                levels, rule);
    }

    public static List<MonitoringIndicator> all() {
        return ALL;
    }

    public static Optional<MonitoringIndicator> find(@Nullable String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
