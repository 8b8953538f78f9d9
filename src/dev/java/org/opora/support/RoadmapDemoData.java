package org.opora.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.opora.platform.demo.DemoDataLoader;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.support.roadmaps.RoadmapActivityStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Demo: the region's roadmap of support for ШНОР and ШНСУ and one roadmap per municipality, with activities taken from
 * the documents (the Minusinsk roadmap and the Kirov model). Deadlines are placed around the day the demo starts, so a
 * few activities are always overdue; the choice of activities and statuses comes from a fixed seed per territory.
 * Idempotent: nothing is written when the demo roadmaps exist. One UNWIND write for everything.
 */
@Singleton
@Requires(property = "opora.demo", value = "true")
class RoadmapDemoData implements DemoDataLoader {

    private static final String DEMO_USER = "demo";
    private static final long SEED = 610;

    /** An activity of a document: section, title, responsible, planned result, its deadline in days from the demo's start. */
    private record Template(String section, String title, String responsible, String plannedResult, int dayOffset) {
    }

    private static final List<Template> REGIONAL = List.of(
            new Template("Нормативное и организационное обеспечение", "Утверждение региональной дорожной карты поддержки ШНОР и ШНСУ",
                    "Министерство образования", "Приказ об утверждении дорожной карты", -230),
            new Template("Нормативное и организационное обеспечение", "Закрепление кураторов за школами с низкими результатами обучения",
                    "Институт развития образования", "Приказ о закреплении кураторов, списки школ", -200),
            new Template("Выявление и мониторинг", "Выявление ШНОР и ШНСУ по результатам оценочных процедур",
                    "Региональный центр оценки качества образования", "Перечень школ, аналитический отчёт", -180),
            new Template("Выявление и мониторинг", "Мониторинг реализации муниципальных дорожных карт",
                    "Региональный координатор", "Сводный отчёт о ходе реализации", -20),
            new Template("Кадровое обеспечение", "Курсы повышения квалификации для управленческих команд ШНОР",
                    "Институт развития образования", "Обучено не менее 80 % управленческих команд", -60),
            new Template("Кадровое обеспечение", "Региональный семинар для муниципальных координаторов и кураторов",
                    "Институт развития образования", "Проведён семинар, методические материалы", -35),
            new Template("Сетевое взаимодействие", "Формирование сетевых пар «школа-лидер — ШНОР»",
                    "Министерство образования, муниципальные органы управления", "Заключены соглашения о сетевом взаимодействии", -120),
            new Template("Сетевое взаимодействие", "Стажировки педагогов ШНОР на базе школ-лидеров",
                    "Школы-лидеры, Институт развития образования", "Пройдены стажировки, отчёты о стажировках", 45),
            new Template("Подведение итогов", "Региональная конференция «Эффективная школа» по итогам года",
                    "Институт развития образования", "Представлены лучшие практики перехода в эффективный режим", 150),
            new Template("Подведение итогов", "Анализ эффективности мер поддержки и корректировка дорожной карты",
                    "Министерство образования", "Аналитическая справка, изменения в дорожную карту", 190));

    private static final List<Template> MUNICIPAL = List.of(
            new Template("Организационное обеспечение", "Назначение муниципального координатора проекта",
                    "Управление образования", "Общая координация реализации программы", -240),
            new Template("Организационное обеспечение", "Подготовка и утверждение приказом дорожной карты по реализации муниципальной "
                    + "программы поддержки ШНОР и ШНСУ", "Управление образования", "Наличие организационного механизма реализации программы", -215),
            new Template("Организационное обеспечение", "Утверждение положения о координационном совете",
                    "Управление образования", "Создан координационный совет", -190),
            new Template("Мониторинг и диагностика", "Стартовый мониторинг, диагностика и анализ образовательной деятельности ШНОР и ШНСУ",
                    "Муниципальный методический центр", "Определены факторы, обуславливающие качество образовательного результата", -160),
            new Template("Мониторинг и диагностика", "Диагностика предметных компетенций учителей школ с низкими результатами",
                    "Муниципальный методический центр", "Выявлены профессиональные дефициты, составлены ИОМ", -95),
            new Template("Мониторинг и диагностика", "Анализ результатов ВПР в школах с низкими результатами обучения",
                    "Муниципальный методический центр", "Аналитическая справка, адресные рекомендации", -40),
            new Template("Методическое сопровождение", "Методическая поддержка школ в разработке программ повышения качества (ШППКО)",
                    "Кураторы ШНОР", "Программы ШППКО разработаны и согласованы", -130),
            new Template("Методическое сопровождение", "Адресные рекомендации по результатам анализа деятельности ШНОР",
                    "Кураторы ШНОР", "Рекомендации направлены в школы, ответы получены", -25),
            new Template("Методическое сопровождение", "Семинар для заместителей директоров «Управление качеством образования на основе данных»",
                    "Муниципальный методический центр", "Проведён семинар, не менее 20 участников", -10),
            new Template("Методическое сопровождение", "Стажировка педагогов ШНОР на базе школы-лидера сетевой пары",
                    "Школа-лидер сетевой пары", "Пройдены стажировки, педагоги применяют практики", 35),
            new Template("Информационное обеспечение", "Размещение на сайте управления образования страницы проекта и анонсов мероприятий",
                    "Специалист по информатизации", "Информационная открытость реализации дорожной карты", -150),
            new Template("Информационное обеспечение", "Публикация информации о реализации программы в муниципалитете и школах",
                    "Администрации школ — участников проекта", "Материалы на сайтах школ", 60),
            new Template("Подведение итогов", "Итоговый мониторинг результативности программ перехода в эффективный режим работы",
                    "Муниципальный методический центр", "Отчёт о динамике результатов ШНОР", 140),
            new Template("Подведение итогов", "Отчёт о реализации дорожной карты на координационном совете",
                    "Управление образования", "Решение координационного совета о корректировке мер", 175));

    private final String regionId;
    private final Neo4jSessions neo4j;

    RoadmapDemoData(@Value("${opora.demo.region:R74}") String regionId, Neo4jSessions neo4j) {
        this.regionId = regionId;
        this.neo4j = neo4j;
    }

    @Override
    public int order() {
        return 610;
    }

    @Override
    public List<String> load() {
        long existing = neo4j.readOnce("MATCH (r:Roadmap {regionId: $regionId, createdBy: $demo}) RETURN count(r) AS n",
                Map.of("regionId", regionId, "demo", DEMO_USER), result -> result.single().get("n").asLong());
        if (existing > 0) {
            return List.of("Дорожные карты (регион " + regionId + "): демо-карты уже есть (" + existing + ")");
        }
        record Place(String id, String name) {
        }
        String regionName = neo4j.readOnce("MATCH (r:Region {id: $id}) RETURN r.name AS name", Map.of("id", regionId),
                result -> result.hasNext() ? result.single().get("name").asString(regionId) : null);
        if (regionName == null) {
            return List.of("Дорожные карты: демо-регион " + regionId + " не загружен, карты не созданы");
        }
        List<Place> municipalities = neo4j.readOnce("MATCH (m:Municipality {regionId: $id}) RETURN m.id AS id, m.name AS name ORDER BY m.id",
                Map.of("id", regionId), result -> result.list(r -> new Place(r.get("id").asString(), r.get("name").asString(r.get("id").asString()))));

        LocalDate start = LocalDate.now();
        // The period covers every deadline of the templates (from 8 months back to half a year ahead).
        LocalDate periodStart = start.minusDays(260).withDayOfMonth(1);
        LocalDate periodEnd = start.plusDays(200).withMonth(12).withDayOfMonth(31);
        String years = periodStart.getYear() + "–" + periodEnd.getYear();
        List<Map<String, Object>> roadmaps = new ArrayList<>();
        roadmaps.add(roadmap("RM-DEMO-" + regionId, "REGION", null, regionName,
                "Региональная дорожная карта поддержки школ с низкими результатами обучения и школ, функционирующих "
                        + "в неблагоприятных социальных условиях, на " + years + " годы",
                start, periodStart, periodEnd, REGIONAL, new Random(SEED)));
        for (int i = 0; i < municipalities.size(); i++) {
            Place m = municipalities.get(i);
            roadmaps.add(roadmap("RM-DEMO-" + m.id(), "MUNICIPALITY", m.id(), m.name(),
                    "Дорожная карта по реализации муниципальной программы помощи ШНОР и ШНСУ и перевода школ в эффективный "
                            + "режим работы на " + years + " годы",
                    start, periodStart, periodEnd, MUNICIPAL, new Random(SEED * 1_000 + i)));
        }
        neo4j.write(tx -> tx.run("""
                UNWIND $roadmaps AS map
                CREATE (r:Roadmap {id: map.id, level: map.level, regionId: $regionId, municipalityId: map.municipalityId,
                                   territoryName: map.territoryName, title: map.title, periodStart: map.periodStart,
                                   periodEnd: map.periodEnd, createdBy: $demo, createdAt: datetime(), updatedBy: $demo,
                                   updatedAt: datetime()})
                WITH r, map
                UNWIND map.activities AS row
                CREATE (r)-[:HAS_ACTIVITY]->(a:RoadmapActivity)
                SET a = row, a.roadmapId = r.id
                """, Map.of("roadmaps", roadmaps, "regionId", regionId, "demo", DEMO_USER)).consume());
        int activities = roadmaps.stream().mapToInt(r -> ((List<?>) r.get("activities")).size()).sum();
        return List.of("Дорожные карты (регион " + regionId + "): региональная и " + municipalities.size()
                + " муниципальных, мероприятий " + activities);
    }

    /**
     * A roadmap from the templates: each municipality leaves out one or two activities and shifts deadlines by up to
     * a week; past activities are mostly done (some still open, so overdue; one in ten cancelled), future ones planned or
     * under way.
     */
    private static Map<String, Object> roadmap(String id, String level, String municipalityId, String territoryName, String title,
                                               LocalDate start, LocalDate periodStart, LocalDate periodEnd,
                                               List<Template> templates, Random random) {
        List<Map<String, Object>> activities = new ArrayList<>();
        int skipped = level.equals("REGION") ? -1 : random.nextInt(templates.size());
        int position = 0;
        for (int i = 0; i < templates.size(); i++) {
            Template t = templates.get(i);
            if (i == skipped) {
                continue;
            }
            LocalDate deadline = start.plusDays(t.dayOffset() + random.nextInt(15) - 7L);
            RoadmapActivityStatus status;
            String actual = null;
            double roll = random.nextDouble();
            if (deadline.isBefore(start)) {
                if (roll < 0.68) {
                    status = RoadmapActivityStatus.DONE;
                    actual = "Выполнено: " + lowerFirst(t.plannedResult());
                } else if (roll < 0.76) {
                    status = RoadmapActivityStatus.CANCELLED;
                    actual = "Перенесено в план следующего года";
                } else {
                    status = roll < 0.9 ? RoadmapActivityStatus.IN_PROGRESS : RoadmapActivityStatus.PLANNED;
                }
            } else {
                status = deadline.isBefore(start.plusDays(40)) && roll < 0.6 ? RoadmapActivityStatus.IN_PROGRESS : RoadmapActivityStatus.PLANNED;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("id", id + "-A" + (++position));
            row.put("position", position);
            row.put("section", t.section());
            row.put("title", t.title());
            row.put("deadline", deadline);
            row.put("responsible", t.responsible());
            row.put("plannedResult", t.plannedResult());
            row.put("status", status.name());
            row.put("actualResult", actual);
            activities.add(row);
        }
        // Every demo roadmap shows at least one overdue activity: the latest past one stays under way.
        boolean anyOverdue = activities.stream().anyMatch(a -> ((LocalDate) a.get("deadline")).isBefore(start)
                && !RoadmapActivityStatus.valueOf((String) a.get("status")).closed());
        if (!anyOverdue) {
            activities.stream().filter(a -> ((LocalDate) a.get("deadline")).isBefore(start))
                    .max(java.util.Comparator.comparing(a -> (LocalDate) a.get("deadline")))
                    .ifPresent(a -> {
                        a.put("status", RoadmapActivityStatus.IN_PROGRESS.name());
                        a.put("actualResult", null);
                    });
        }
        Map<String, Object> roadmap = new HashMap<>();
        roadmap.put("id", id);
        roadmap.put("level", level);
        roadmap.put("municipalityId", municipalityId);
        roadmap.put("territoryName", territoryName);
        roadmap.put("title", title);
        roadmap.put("periodStart", periodStart);
        roadmap.put("periodEnd", periodEnd);
        roadmap.put("activities", activities);
        return roadmap;
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
