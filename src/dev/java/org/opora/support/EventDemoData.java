package org.opora.support;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.opora.platform.demo.DemoDataLoader;
import org.opora.platform.neo4j.Neo4jSessions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Demo events of the support cycle for the demo region, with a fixed seed: a regional course catalogue, school roles
 * for leader schools, seminars, round tables, webinars, courses and internships of the past and the coming months,
 * registrations of the region's ШНОР and ШНСУ schools and of their teachers (the teachers of order 500), attendance of
 * the past events, and course activities of teachers' plans pointing to the catalogue. Dates are relative to the day of
 * the first load; everything is written in one transaction of batched UNWINDs. Runs once: skipped when the region
 * already has demo events.
 */
@Singleton
@Requires(property = "opora.demo", value = "true")
class EventDemoData implements DemoDataLoader {

    static final String REGION = "R74";
    static final String DEMO_USER = "demo-events";

    private record Course(String id, String title, String provider, int hours, List<String> competences, String format,
                          String description) {
    }

    private static final List<Course> COURSES = List.of(
            new Course("CC-DEMO-01", "Формирующее оценивание на уроках математики", "Челябинский институт развития образования", 36,
                    List.of("ASSESSMENT", "SUBJECT"), "MIXED", "Критериальное оценивание, обратная связь, работа с ошибками по итогам ВПР"),
            new Course("CC-DEMO-02", "Смысловое чтение и работа с текстом на всех предметах", "ЦНППМ «Педагог 74»", 72,
                    List.of("FUNCTIONAL_LITERACY", "METHODICAL"), "ONLINE", "Стратегии чтения, задания PISA-типа, читательская грамотность"),
            new Course("CC-DEMO-03", "Обучение школьников с трудностями в учёбе", "Челябинский институт развития образования", 48,
                    List.of("INCLUSIVE", "PSYCHOLOGICAL"), "IN_PERSON", "Диагностика трудностей, дифференциация, индивидуальные маршруты"),
            new Course("CC-DEMO-04", "Управление школой в неблагоприятных социальных условиях", "Академия Минпросвещения России", 72,
                    List.of("MANAGEMENT"), "MIXED", "Для директоров и заместителей ШНСУ: программа перехода в эффективный режим"),
            new Course("CC-DEMO-05", "Функциональная грамотность: математическая и естественнонаучная", "ЦНППМ «Педагог 74»", 36,
                    List.of("FUNCTIONAL_LITERACY", "SUBJECT"), "ONLINE", "Контекстные задачи, банк заданий, анализ результатов"),
            new Course("CC-DEMO-06", "Цифровые инструменты учителя", "Челябинский институт развития образования", 24,
                    List.of("DIGITAL"), "ONLINE", "ФГИС «Моя школа», цифровые сервисы проверки и обратной связи"),
            new Course("CC-DEMO-07", "Мотивация учащихся и школьный климат", "Челябинский государственный педагогический университет", 36,
                    List.of("MOTIVATION", "PSYCHOLOGICAL"), "IN_PERSON", "Учебная мотивация, профилактика неуспешности, работа с родителями"),
            new Course("CC-DEMO-08", "Подготовка к ОГЭ по русскому языку: трудные задания", "ЦНППМ «Педагог 74»", 18,
                    List.of("SUBJECT", "ASSESSMENT"), "ONLINE", "Разбор заданий с низкой решаемостью в регионе"));

    /** An event template: the day offset from today, its kind, level, format, audience and text. */
    private record Template(int dayOffset, int days, String kind, String level, String format, String audience, String title,
                            String topic, String targetGroup, String organiser, Integer capacity, String courseId) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template(-150, 1, "SEMINAR", "REGIONAL", "IN_PERSON", "SCHOOLS_AND_TEACHERS",
                    "Региональный семинар «Анализ результатов ВПР: от данных к решениям»", "Интерпретация результатов ВПР и ОГЭ, работа с дефицитами",
                    "заместители директоров и учителя ШНОР", "Челябинский институт развития образования", 120, null),
            new Template(-110, 1, "ROUND_TABLE", "REGIONAL", "MIXED", "SCHOOLS",
                    "Круглый стол «Школы в сложных социальных условиях: что работает»", "Опыт резильентных школ, программы перехода в эффективный режим",
                    "директора ШНСУ и ШНОР", "Министерство образования и науки Челябинской области", 60, null),
            new Template(-90, 5, "COURSE", "REGIONAL", "MIXED", "TEACHERS",
                    "Курсы «Формирующее оценивание на уроках математики»", "Курс из регионального каталога",
                    "учителя математики ШНОР", "Челябинский институт развития образования", 30, "CC-DEMO-01"),
            new Template(-75, 1, "SEMINAR", "MUNICIPAL", "IN_PERSON", "SCHOOLS_AND_TEACHERS",
                    "Муниципальный семинар «Адресная помощь школам с низкими результатами»", "Наставничество, сетевые пары, ИОМ педагогов",
                    "руководители и учителя ШНОР муниципалитета", "Управление образования", 50, null),
            new Template(-60, 3, "INTERNSHIP", "SCHOOL", "IN_PERSON", "TEACHERS",
                    "Стажировка «Урок смыслового чтения»", "Открытые уроки, разбор, методические материалы школы-лидера",
                    "учителя русского языка и начальных классов ШНОР", null, 12, null),
            new Template(-40, 1, "WEBINAR", "FEDERAL", "ONLINE", "SCHOOLS_AND_TEACHERS",
                    "Вебинар «500+: итоги года и новые требования»", "Федеральный проект поддержки школ с низкими результатами",
                    "кураторы и директора ШНОР", "Федеральный институт оценки качества образования", null, null),
            new Template(-20, 1, "ROUND_TABLE", "MUNICIPAL", "IN_PERSON", "SCHOOLS",
                    "Круглый стол «Антирисковые программы: первые результаты»", "Обмен опытом школ, реализующих антирисковые программы",
                    "директора ШНОР и ШНСУ муниципалитета", "Управление образования", 30, null),
            new Template(-8, 2, "INTERNSHIP", "SCHOOL", "IN_PERSON", "TEACHERS",
                    "Стажировка «Формирующее оценивание в основной школе»", "Посещение уроков, мастер-классы учителей школы-лидера",
                    "учителя математики ШНОР и ШНСУ", null, 10, null),
            new Template(10, 1, "SEMINAR", "REGIONAL", "ONLINE", "SCHOOLS_AND_TEACHERS",
                    "Семинар «Функциональная грамотность: задания PISA-типа на уроке»", "Разбор заданий, банк контекстных задач",
                    "учителя ШНОР и ШНСУ", "ЦНППМ «Педагог 74»", 200, null),
            new Template(21, 3, "INTERNSHIP", "SCHOOL", "IN_PERSON", "TEACHERS",
                    "Стажировка «Работа с детьми с трудностями в обучении»", "Индивидуальные маршруты, тьюторское сопровождение",
                    "учителя начальных классов ШНСУ", null, 12, null),
            new Template(35, 5, "COURSE", "REGIONAL", "ONLINE", "TEACHERS",
                    "Курсы «Смысловое чтение и работа с текстом на всех предметах»", "Курс из регионального каталога",
                    "учителя-предметники ШНОР", "ЦНППМ «Педагог 74»", 40, "CC-DEMO-02"),
            new Template(50, 1, "ROUND_TABLE", "REGIONAL", "MIXED", "SCHOOLS",
                    "Круглый стол «Сетевые пары: договоры, планы, результаты»", "Итоги первого года сетевого взаимодействия ШНОР и ШНСУ со школами-лидерами",
                    "директора школ сетевых пар", "Министерство образования и науки Челябинской области", 80, null),
            new Template(75, 1, "SEMINAR", "MUNICIPAL", "IN_PERSON", "SCHOOLS_AND_TEACHERS",
                    "Семинар «Мотивация учащихся и школьный климат»", "Профилактика неуспешности, работа с родителями",
                    "классные руководители ШНСУ", "Управление образования", 40, null));

    private final Neo4jSessions neo4j;

    EventDemoData(Neo4jSessions neo4j) {
        this.neo4j = neo4j;
    }

    @Override
    public int order() {
        return 630;
    }

    @Override
    public List<String> load() {
        return load(REGION, LocalDate.now());
    }

    /** Loads the demo events for one region (the demo region in the demo; a constructed one in tests). */
    List<String> load(String region, LocalDate today) {
        long existing = neo4j.read(tx -> tx.run("MATCH (e:SupportEvent {regionId: $r, createdBy: $by}) RETURN count(e) AS n",
                Map.of("r", region, "by", DEMO_USER)).single().get("n").asLong());
        if (existing > 0) {
            return List.of("Мероприятия сопровождения (регион " + region + "): демо-данные уже есть (" + existing + ")");
        }
        List<Map<String, Object>> schools = neo4j.read(tx -> tx.run("""
                MATCH (s:School {regionId: $r})
                WITH s, coalesce(s.statuses, []) AS st
                WITH s, CASE WHEN 'LEADER' IN st THEN 'LEADER' WHEN 'LOW_RESULTS' IN st THEN 'LOW'
                             WHEN 'UNFAVOURABLE_CONTEXT' IN st THEN 'SNSU' ELSE 'OTHER' END AS group
                WHERE group <> 'OTHER'
                RETURN s.id AS id, s.municipalityId AS municipalityId, group,
                       COLLECT { MATCH (t:Teacher)-[:WORKS_AT]->(s) RETURN t.id ORDER BY t.fullName, t.id } AS teachers
                ORDER BY s.id""", Map.of("r", region))
                .list(r -> r.asMap()));
        List<Map<String, Object>> leaders = schools.stream().filter(s -> "LEADER".equals(s.get("group"))).toList();
        List<Map<String, Object>> supported = schools.stream().filter(s -> !"LEADER".equals(s.get("group"))).toList();
        if (leaders.isEmpty() || supported.isEmpty()) {
            return List.of();
        }
        Random random = new Random(630);
        List<Map<String, Object>> courses = new ArrayList<>();
        for (Course c : COURSES) {
            courses.add(Map.of("id", c.id(), "regionId", region, "title", c.title(), "provider", c.provider(), "hours", c.hours(),
                    "competences", c.competences(), "format", c.format(), "description", c.description()));
        }
        // Leader schools host internships; the first ones are also the region's hub school and resource centre.
        List<Map<String, Object>> roles = new ArrayList<>();
        for (int i = 0; i < Math.min(3, leaders.size()); i++) {
            roles.add(role(region, leaders.get(i), "INTERNSHIP_SITE", today.minusMonths(8), "Приказ министерства № 01/1245 о стажировочных площадках"));
        }
        roles.add(role(region, leaders.get(0), "HUB_SCHOOL", today.minusMonths(8), "Опорная школа муниципального округа"));
        roles.add(role(region, leaders.get(Math.min(1, leaders.size() - 1)), "RESOURCE_CENTRE", today.minusMonths(6),
                "Ресурсный центр по функциональной грамотности"));

        List<Map<String, Object>> events = new ArrayList<>();
        List<Map<String, Object>> registrations = new ArrayList<>();
        int internships = 0;
        for (int n = 0; n < TEMPLATES.size(); n++) {
            Template t = TEMPLATES.get(n);
            String eventId = String.format("EV-DEMO-%02d", n + 1);
            LocalDate start = today.plusDays(t.dayOffset());
            Map<String, Object> host = null;
            String municipalityId = null;
            if ("INTERNSHIP".equals(t.kind())) {
                host = leaders.get(internships++ % Math.min(3, leaders.size()));
                municipalityId = (String) host.get("municipalityId");
            } else if ("MUNICIPAL".equals(t.level())) {
                municipalityId = (String) supported.get(n % supported.size()).get("municipalityId");
            }
            Map<String, Object> e = new HashMap<>();
            e.put("id", eventId);
            e.put("regionId", region);
            e.put("kind", t.kind());
            e.put("level", t.level());
            e.put("format", t.format());
            e.put("title", t.title());
            e.put("topic", t.topic());
            e.put("targetGroup", t.targetGroup());
            e.put("audience", t.audience());
            e.put("startDate", start);
            e.put("endDate", start.plusDays(t.days() - 1));
            e.put("municipalityId", municipalityId);
            e.put("hostSchoolId", host == null ? null : host.get("id"));
            e.put("organiserName", t.organiser());
            e.put("place", "ONLINE".equals(t.format()) ? "Онлайн, ссылка в письме участникам" : host != null ? "На базе школы"
                    : "MUNICIPAL".equals(t.level()) ? "Муниципальный методический центр" : "г. Челябинск");
            e.put("capacity", t.capacity());
            e.put("courseId", t.courseId());
            e.put("createdBy", DEMO_USER);
            events.add(e);

            // Who comes: the municipality's supported schools for a municipal event, a sample of the region's otherwise.
            final String muni = municipalityId;
            List<Map<String, Object>> pool = supported.stream()
                    .filter(s -> !"MUNICIPAL".equals(t.level()) || muni == null || muni.equals(s.get("municipalityId")))
                    .filter(s -> targets(t.targetGroup(), (String) s.get("group")))
                    .toList();
            int limit = t.capacity() == null ? 12 : Math.min(t.capacity(), 12);
            boolean past = start.plusDays(t.days() - 1).isBefore(today);
            int taken = 0;
            for (Map<String, Object> school : pool) {
                if (taken >= limit || random.nextDouble() > 0.6) {
                    continue;
                }
                if (!"TEACHERS".equals(t.audience())) {
                    registrations.add(registration(eventId, region, school, null, start, past ? random.nextDouble() < 0.85 : null));
                    taken++;
                }
                if (!"SCHOOLS".equals(t.audience())) {
                    @SuppressWarnings("unchecked")
                    List<String> teachers = (List<String>) school.get("teachers");
                    for (int k = 0; k < Math.min(2, teachers.size()) && taken < limit; k++) {
                        registrations.add(registration(eventId, region, school, teachers.get((k + n) % teachers.size()), start,
                                past ? random.nextDouble() < 0.8 : null));
                        taken++;
                    }
                }
            }
        }
        int[] written = neo4j.write(tx -> {
            tx.run("UNWIND $rows AS row MERGE (c:CatalogueCourse {id: row.id}) SET c = row", Map.of("rows", courses)).consume();
            tx.run("""
                    UNWIND $rows AS row MATCH (s:School {id: row.schoolId})
                    MERGE (s)-[:HAS_SUPPORT_ROLE]->(x:SchoolRole {key: row.key}) SET x += row""", Map.of("rows", roles)).consume();
            tx.run("UNWIND $rows AS row CREATE (e:SupportEvent) SET e = row, e.createdAt = datetime()", Map.of("rows", events)).consume();
            tx.run("""
                    UNWIND $rows AS row MATCH (e:SupportEvent {id: row.eventId})
                    CREATE (r:EventRegistration)-[:FOR_EVENT]->(e)
                    SET r = row {.*, registeredAt: null}, r.registeredAt = datetime({date: row.registeredAt})""",
                    Map.of("rows", registrations)).consume();
            // Course activities of teachers' plans (order 500) follow catalogue courses, in turn.
            int linked = tx.run("""
                    MATCH (t:Teacher {regionId: $r})-[:HAS_PLAN]->(:IndividualPlan)-[:HAS_ACTIVITY]->(a:DevelopmentActivity {kind: 'COURSE'})
                    WITH a ORDER BY a.id
                    WITH collect(a) AS activities
                    UNWIND range(0, size(activities) - 1) AS i
                    WITH activities[i] AS a, $courses[i % size($courses)] AS courseId
                    SET a.catalogueCourseId = courseId
                    RETURN count(a) AS n""", Map.of("r", region, "courses", COURSES.stream().map(Course::id).toList()))
                    .single().get("n").asInt();
            return new int[] {linked};
        });
        long attended = registrations.stream().filter(r -> Boolean.TRUE.equals(r.get("attended"))).count();
        return List.of(String.format("Мероприятия сопровождения (регион %s): %d мероприятий, %d регистраций (%d посещений), "
                        + "каталог — %d курсов, ролей школ — %d, мероприятий ИОМ со ссылкой на каталог — %d",
                region, events.size(), registrations.size(), attended, courses.size(), roles.size(), written[0]));
    }

    private static Map<String, Object> role(String region, Map<String, Object> school, String role, LocalDate on, String note) {
        return Map.of("key", school.get("id") + "|" + role, "schoolId", school.get("id"), "role", role, "regionId", region,
                "assignedBy", DEMO_USER, "assignedOn", on, "note", note);
    }

    /** Whether a school of a group (LOW = ШНОР, SNSU = ШНСУ) is in the event's target group as its text names it. */
    private static boolean targets(String targetGroup, String group) {
        boolean low = targetGroup.contains("ШНОР");
        boolean snsu = targetGroup.contains("ШНСУ");
        return low == snsu || (low ? "LOW".equals(group) : "SNSU".equals(group));
    }

    private static Map<String, Object> registration(String eventId, String region, Map<String, Object> school, String teacherId,
                                                    LocalDate start, Boolean attended) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", "ER-DEMO-" + eventId.substring(8) + "-" + school.get("id") + (teacherId == null ? "" : "-" + teacherId));
        r.put("key", eventId + "|" + school.get("id") + "|" + (teacherId == null ? "" : teacherId));
        r.put("eventId", eventId);
        r.put("schoolId", school.get("id"));
        r.put("regionId", region);
        r.put("municipalityId", school.get("municipalityId"));
        r.put("teacherId", teacherId);
        r.put("registeredBy", DEMO_USER);
        r.put("registeredAt", start.minusDays(10));
        r.put("attended", attended);
        r.put("markedBy", attended == null ? null : DEMO_USER);
        return r;
    }
}
