package org.opora.mentoring;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.demo.DemoDataLoader;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.security.DemoLogins;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Demo mentoring data for the demo region, generated with a fixed seed: teachers of some ШНОР, leader and ordinary
 * schools, about one and a half years of diagnostics, ИОМ, courses, mentoring relations with meetings (some gone
 * quiet, so reminders show), a municipal association and a network community; plus three logins.
 * Dates are relative to the day of the first load. Runs once: skipped when the region already has teachers.
 */
@Singleton
@Requires(property = "opora.demo", value = "true")
class MentoringDemoData implements DemoDataLoader {

    static final String REGION = "R74";
    private static final String[] SURNAMES = {"Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев",
            "Козлов", "Новиков", "Морозов", "Волков", "Алексеев", "Павлов", "Семёнов", "Голубев", "Виноградов",
            "Богданов", "Воробьёв", "Фёдоров", "Михайлов", "Беляев", "Тарасов", "Белов", "Комаров", "Орлов", "Киселёв"};
    private static final String[] FEMALE = {"Анна", "Елена", "Ольга", "Наталья", "Ирина", "Татьяна", "Светлана",
            "Мария", "Екатерина", "Юлия", "Марина", "Людмила", "Галина", "Валентина"};
    private static final String[] MALE = {"Алексей", "Сергей", "Андрей", "Дмитрий", "Михаил", "Игорь", "Владимир", "Николай"};
    private static final String[] PATRONYMIC_ROOTS = {"Александров", "Сергеев", "Иванов", "Викторов", "Николаев",
            "Петров", "Юрьев", "Владимиров", "Михайлов"};
    private static final String[] SUBJECTS = {"Русский язык", "Математика", "Русский язык", "Математика", "Физика",
            "Биология", "История", "Английский язык", "Начальные классы", "Химия", "География", "Литература"};
    private static final String[] INSTRUMENTS = {"Диагностика профессиональных дефицитов ЦНППМ",
            "Региональная диагностика предметных и методических компетенций", "Самодиагностика с экспертной оценкой"};
    private static final String[] TOPICS = {"Постановка целей урока", "Формирующее оценивание на уроке",
            "Разбор посещённого урока", "Задания на функциональную грамотность", "Работа со слабоуспевающими учениками",
            "Подготовка открытого урока", "Дисциплина и мотивация в классе", "Анализ результатов ВПР"};

    private final Neo4jSessions neo4j;
    private final MentoringRepository repository;
    private final MentoringService service;
    private final DemoLogins logins;

    MentoringDemoData(Neo4jSessions neo4j, MentoringRepository repository, MentoringService service, DemoLogins logins) {
        this.neo4j = neo4j;
        this.repository = repository;
        this.service = service;
        this.logins = logins;
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public List<String> load() {
        return load(REGION);
    }

    /** Loads the demo data for one region (the demo region in the demo; a constructed one in tests). */
    List<String> load(String region) {
        List<String> lines = new ArrayList<>();
        long existing = neo4j.read(tx -> tx.run("MATCH (t:Teacher {regionId: $r}) RETURN count(t) AS n", Map.of("r", region))
                .single().get("n").asLong());
        if (existing == 0) {
            List<Map<String, Object>> schools = neo4j.read(tx -> tx.run("""
                    MATCH (s:School {regionId: $r})
                    WITH s, CASE WHEN 'LOW_RESULTS' IN coalesce(s.statuses, []) THEN 'LOW'
                                 WHEN 'LEADER' IN coalesce(s.statuses, []) THEN 'LEADER' ELSE 'OTHER' END AS group
                    ORDER BY group, s.id
                    WITH group, collect(s {.id, .municipalityId})[..CASE group WHEN 'LOW' THEN 12 ELSE 6 END] AS picked
                    UNWIND picked AS s RETURN s {.*, group: group} AS s ORDER BY s.id""", Map.of("r", region))
                    .list(r -> r.get("s").asMap()));
            if (schools.isEmpty()) {
                return lines;
            }
            generate(region, schools, lines);
        }
        logins(region, lines);
        return lines;
    }

    private void generate(String region, List<Map<String, Object>> schools, List<String> lines) {
        Random random = new Random(74);
        LocalDate today = LocalDate.now();
        List<Map<String, Object>> teachers = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> school : schools) {
            String group = (String) school.get("group");
            int count = 8 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                n++;
                boolean female = random.nextInt(10) < 8;
                int experience = random.nextInt(10) < 3 ? random.nextInt(3) : 3 + random.nextInt(32);
                Map<String, Object> t = new HashMap<>();
                t.put("id", String.format("%s-T%04d", region, n));
                t.put("fullName", name(random, female));
                t.put("position", i == 0 ? "заместитель директора" : "учитель");
                String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
                t.put("subjects", random.nextInt(5) == 0 ? List.of(subject, SUBJECTS[random.nextInt(SUBJECTS.length)]).stream().distinct().toList()
                        : List.of(subject));
                t.put("category", experience < 3 ? "без категории" : experience < 8 ? "первая"
                        : random.nextBoolean() ? "высшая" : "первая");
                t.put("experienceYears", experience);
                t.put("youngSpecialist", experience < 3);
                boolean mentor = experience >= 10 && ("LEADER".equals(group) ? random.nextInt(10) < 7 : random.nextInt(10) < 2);
                t.put("mentorCapacity", mentor ? 1 + random.nextInt(3) : 0);
                t.put("strengths", mentor ? areas(random, 2 + random.nextInt(2)) : List.of());
                t.put("schoolId", school.get("id"));
                t.put("group", group);
                teachers.add(t);
            }
        }
        neo4j.write(tx -> tx.run("""
                UNWIND $rows AS row MATCH (s:School {id: row.schoolId})
                CREATE (t:Teacher) SET t = row, t.regionId = s.regionId, t.municipalityId = s.municipalityId
                REMOVE t.group
                CREATE (t)-[:WORKS_AT]->(s)""", Map.of("rows", teachers)).consume());

        int diagnostics = 0;
        List<Map<String, Object>> mentees = new ArrayList<>();
        for (Map<String, Object> t : teachers) {
            boolean low = "LOW".equals(t.get("group"));
            String id = (String) t.get("id");
            if (random.nextInt(10) >= (low ? 8 : 3)) {
                continue;
            }
            List<String> deficitAreas = areas(random, 1 + random.nextInt(4));
            List<Map<String, Object>> first = new ArrayList<>();
            for (String area : deficitAreas) {
                first.add(deficit(area, DeficitLevel.values()[random.nextInt(3)].name()));
            }
            boolean twice = random.nextInt(10) < 6;
            List<Map<String, Object>> latest = first;
            LocalDate firstDate = today.minusMonths(twice ? 20 : 8).withDayOfMonth(10 + random.nextInt(10));
            repository.addDiagnostic(id, diag(firstDate), first);
            diagnostics++;
            if (twice) {
                latest = new ArrayList<>();
                boolean improved = random.nextInt(10) < 7;
                for (Map<String, Object> d : first) {
                    int level = DeficitLevel.valueOf((String) d.get("level")).ordinal() + (improved ? -1 : random.nextInt(2));
                    if (level >= 0) {
                        latest.add(deficit((String) d.get("competence"), DeficitLevel.values()[Math.min(level, 2)].name()));
                    }
                }
                repository.addDiagnostic(id, diag(today.minusMonths(8).withDayOfMonth(10 + random.nextInt(10))), latest);
                diagnostics++;
            }
            plan(random, id, latest.isEmpty() ? first : latest, today);
            if (random.nextBoolean()) {
                Map<String, Object> course = new HashMap<>();
                course.put("id", MentoringService.newId("C"));
                course.put("title", "Курсы повышения квалификации: " + CompetenceArea.valueOf((String) first.get(0).get("competence")).label());
                course.put("provider", "Институт развития образования");
                course.put("hours", 36 + 36 * random.nextInt(2));
                course.put("competence", first.get(0).get("competence"));
                course.put("completedOn", today.minusMonths(1 + random.nextInt(12)));
                repository.addCourse(id, course);
            }
            if (low && (Boolean.TRUE.equals(t.get("youngSpecialist")) || random.nextInt(10) < 4)) {
                mentees.add(t);
            }
        }

        CurrentUser system = new CurrentUser("demo", EnumSet.of(Role.ADMIN), Scope.EVERYWHERE);
        int relations = 0;
        for (Map<String, Object> t : mentees) {
            String id = (String) t.get("id");
            List<Map<String, Object>> suggestions = service.suggestions(id, 1, system);
            if (suggestions.isEmpty()) {
                continue;
            }
            @SuppressWarnings("unchecked") Map<String, Object> mentor = (Map<String, Object>) suggestions.get(0).get("mentor");
            LocalDate start = today.minusWeeks(10 + random.nextInt(50));
            Map<String, Object> r = new HashMap<>();
            r.put("id", MentoringService.newId("MR"));
            r.put("kind", MentoringKind.TEACHER_TEACHER.name());
            r.put("status", RelationStatus.PENDING.name());
            r.put("startDate", start);
            r.put("plannedEndDate", start.plusYears(1));
            r.put("goal", "Преодоление профессиональных дефицитов по ИОМ педагога");
            r.put("regionId", region);
            r.put("municipalityId", repository.teacher(id).orElseThrow().get("municipalityId"));
            r.put("schoolId", t.get("schoolId"));
            r.put("createdBy", "demo");
            repository.proposeRelation(r, (String) mentor.get("id"), id, null);
            relations++;
            int fate = random.nextInt(10);
            if (fate == 0) {
                continue; // stays pending
            }
            repository.transition((String) r.get("id"), RelationStatus.PENDING, RelationStatus.ACTIVE, start);
            boolean quiet = fate <= 2;
            LocalDate last = quiet ? today.minusWeeks(6 + random.nextInt(6)) : today.minusDays(3 + random.nextInt(20));
            for (LocalDate date = start.plusWeeks(1); date.isBefore(last); date = date.plusWeeks(2 + random.nextInt(3))) {
                meeting(random, (String) r.get("id"), date);
            }
            if (last.isAfter(start)) {
                meeting(random, (String) r.get("id"), last);
            }
            if (fate == 9) {
                repository.transition((String) r.get("id"), RelationStatus.ACTIVE, RelationStatus.COMPLETED, today.minusDays(5));
            }
        }

        associations(region, random, schools, teachers, today);
        lines.add(String.format("Наставничество %s: педагогов %d, диагностик %d, наставнических пар %d", region,
                teachers.size(), diagnostics, relations));
    }

    private void meeting(Random random, String relationId, LocalDate date) {
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        Map<String, Object> m = new HashMap<>();
        m.put("id", MentoringService.newId("M"));
        m.put("date", date);
        m.put("topic", topic);
        m.put("sharedNotes", "Обсудили: " + topic.toLowerCase() + ". Договорились о посещении урока.");
        m.put("privateNotes", random.nextBoolean() ? "Нужна поддержка: неуверенность при работе с классом" : "Прогресс заметен");
        m.put("nextSteps", List.of("Подготовить конспект урока", "Посетить урок наставника"));
        repository.addMeeting(relationId, m);
    }

    private void plan(Random random, String teacherId, List<Map<String, Object>> deficits, LocalDate today) {
        // the current school year, from 1 September
        LocalDate start = LocalDate.of(today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1, 9, 1);
        Map<String, Object> plan = new HashMap<>();
        plan.put("id", MentoringService.newId("P"));
        plan.put("title", "ИОМ педагога (индивидуальный образовательный маршрут) на " + start.getYear() + "/" + (start.getYear() + 1) + " уч. г.");
        plan.put("startDate", start);
        plan.put("endDate", start.plusYears(1).minusDays(1));
        plan.put("createdBy", "demo");
        List<Map<String, Object>> goals = new ArrayList<>();
        for (Map<String, Object> d : deficits) {
            Map<String, Object> g = new HashMap<>();
            g.put("id", MentoringService.newId("G"));
            g.put("competence", d.get("competence"));
            g.put("target", "Устранить дефицит: " + CompetenceArea.valueOf((String) d.get("competence")).label().toLowerCase());
            g.put("deadline", start.plusMonths(2 + random.nextInt(10)));
            g.put("status", GoalStatus.values()[random.nextInt(3)].name());
            goals.add(g);
        }
        List<Map<String, Object>> activities = new ArrayList<>();
        String[][] kinds = {{"COURSE", "Курсы повышения квалификации"}, {"SEMINAR", "Муниципальный семинар"},
                {"OPEN_LESSON", "Открытый урок"}, {"INTERNSHIP", "Стажировка в школе-лидере"}};
        for (int i = 0; i < 2; i++) {
            String[] kind = kinds[random.nextInt(kinds.length)];
            Map<String, Object> a = new HashMap<>();
            a.put("id", MentoringService.newId("A"));
            a.put("kind", kind[0]);
            a.put("title", kind[1]);
            a.put("date", start.plusMonths(1 + random.nextInt(10)));
            a.put("done", random.nextBoolean());
            activities.add(a);
        }
        repository.createPlan(teacherId, plan, goals, activities);
    }

    private void associations(String region, Random random, List<Map<String, Object>> schools, List<Map<String, Object>> teachers, LocalDate today) {
        String municipality = (String) schools.get(0).get("municipalityId");
        Map<String, Object> rmo = repository.createAssociation(Map.of("id", region + "-MA-MATH", "kind", "METHODOLOGICAL_ASSOCIATION",
                "name", "Муниципальное методическое объединение учителей математики", "level", "MUNICIPAL",
                "subject", "Математика", "regionId", region, "municipalityId", municipality));
        Map<String, Object> community = repository.createAssociation(Map.of("id", region + "-NC-LEADERS", "kind", "NETWORK_COMMUNITY",
                "name", "Сетевое сообщество школ-лидеров и ШНОР", "level", "NETWORK", "regionId", region));
        Map<String, Object> russian = repository.createAssociation(Map.of("id", region + "-MA-RUS", "kind", "METHODOLOGICAL_ASSOCIATION",
                "name", "Региональное методическое объединение учителей русского языка", "level", "REGIONAL",
                "subject", "Русский язык", "regionId", region));
        for (Map<String, Object> t : teachers) {
            @SuppressWarnings("unchecked") List<String> subjects = (List<String>) t.get("subjects");
            if (subjects.contains("Математика") && random.nextInt(10) < 7) {
                repository.addMember((String) rmo.get("id"), (String) t.get("id"));
            }
            if (subjects.contains("Русский язык") && random.nextInt(10) < 5) {
                repository.addMember((String) russian.get("id"), (String) t.get("id"));
            }
            if (((Number) t.get("mentorCapacity")).intValue() > 0 || random.nextInt(10) < 1) {
                repository.addMember((String) community.get("id"), (String) t.get("id"));
            }
        }
        repository.addEvent((String) rmo.get("id"), Map.of("id", region + "-E1", "date", today.minusMonths(2),
                "title", "Семинар «Формирующее оценивание на уроках математики»", "format", "очно"));
        repository.addEvent((String) community.get("id"), Map.of("id", region + "-E2", "date", today.minusMonths(1),
                "title", "Круглый стол «Практики школ-лидеров для ШНОР»", "format", "онлайн"));
        repository.addEvent((String) russian.get("id"), Map.of("id", region + "-E3", "date", today.plusWeeks(3),
                "title", "Открытые уроки: смысловое чтение", "format", "очно"));
    }

    /** A mentor with an active relation, their mentee and the mentee's school admin. */
    private void logins(String region, List<String> lines) {
        var pair = neo4j.read(tx -> tx.run("""
                MATCH (r:MentoringRelation {regionId: $r, status: 'ACTIVE'})-[:MENTOR]->(m:Teacher),
                      (r)-[:MENTEE]->(t:Teacher)-[:WORKS_AT]->(s:School)
                RETURN m.id AS mentor, t.id AS mentee, s.id AS school, s.municipalityId AS municipality,
                       m.schoolId AS mentorSchool, m.municipalityId AS mentorMunicipality
                ORDER BY r.startDate, r.id LIMIT 1""", Map.of("r", region)).list(r -> r.asMap()));
        if (pair.isEmpty()) {
            return;
        }
        Map<String, Object> p = pair.get(0);
        lines.add("Демо-пользователи наставничества (пароли созданы при этом запуске):");
        add(lines, "mentor", "Наставник", EnumSet.of(Role.MENTOR, Role.TEACHER),
                new Scope(region, (String) p.get("mentorMunicipality"), (String) p.get("mentorSchool")));
        add(lines, "teacher", "Наставляемый педагог ШНОР", EnumSet.of(Role.TEACHER),
                new Scope(region, (String) p.get("municipality"), (String) p.get("school")));
        add(lines, "school-admin", "Администрация школы (ШНОР)", EnumSet.of(Role.SCHOOL_ADMIN),
                new Scope(region, (String) p.get("municipality"), (String) p.get("school")));
        // The same checked and audited path as the API's linkTeacherLogin (a no-op when already linked at an earlier start).
        CurrentUser loader = new CurrentUser("demo-loader", EnumSet.of(Role.ADMIN), Scope.EVERYWHERE);
        service.linkLogin((String) p.get("mentor"), "mentor", loader);
        service.linkLogin((String) p.get("mentee"), "teacher", loader);
    }

    private void add(List<String> lines, String username, String name, EnumSet<Role> roles, Scope scope) {
        lines.add(logins.create(username, name, roles, scope));
    }

    private static Map<String, Object> diag(LocalDate date) {
        return Map.of("id", MentoringService.newId("D"), "date", date, "instrument", INSTRUMENTS[date.getMonthValue() % INSTRUMENTS.length]);
    }

    private static Map<String, Object> deficit(String competence, String level) {
        return Map.of("competence", competence, "level", level);
    }

    private static List<String> areas(Random random, int count) {
        List<CompetenceArea> all = new ArrayList<>(List.of(CompetenceArea.values()));
        all.remove(CompetenceArea.MANAGEMENT);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count && !all.isEmpty(); i++) {
            picked.add(all.remove(random.nextInt(all.size())).name());
        }
        return picked;
    }

    private static String name(Random random, boolean female) {
        String surname = SURNAMES[random.nextInt(SURNAMES.length)];
        String root = PATRONYMIC_ROOTS[random.nextInt(PATRONYMIC_ROOTS.length)];
        if (female) {
            return surname + "а " + FEMALE[random.nextInt(FEMALE.length)] + " " + root + "на";
        }
        return surname + " " + MALE[random.nextInt(MALE.length)] + " " + root + "ич";
    }
}
