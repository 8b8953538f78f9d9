package org.opora.mentoring;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.opora.mentoring.associations.Association;
import org.opora.mentoring.associations.AssociationEvent;
import org.opora.mentoring.associations.AssociationKind;
import org.opora.mentoring.associations.AssociationLevel;
import org.opora.mentoring.associations.AssociationRepository;
import org.opora.mentoring.plans.ActivityKind;
import org.opora.mentoring.plans.GoalStatus;
import org.opora.mentoring.plans.PlanService;
import org.opora.mentoring.relations.Meeting;
import org.opora.mentoring.relations.MentorSuggestion;
import org.opora.mentoring.relations.MentoringKind;
import org.opora.mentoring.relations.MentoringRelation;
import org.opora.mentoring.relations.RelationRepository;
import org.opora.mentoring.relations.RelationService;
import org.opora.mentoring.relations.RelationStatus;
import org.opora.mentoring.relations.SuggestionService;
import org.opora.mentoring.teachers.CompetenceArea;
import org.opora.mentoring.teachers.DeficitLevel;
import org.opora.mentoring.teachers.DiagnosticService;
import org.opora.mentoring.teachers.MentoringIds;
import org.opora.mentoring.teachers.TeacherService;
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
    private final Services service;
    private final DemoLogins logins;

    /** The mentoring use cases the demo goes through (meetings and fixed-id associations go to the repositories). */
    @Singleton
    record Services(TeacherService teachers, DiagnosticService diagnostics, PlanService plans, RelationService relations,
                    SuggestionService suggestions, RelationRepository meetings, AssociationRepository associations) {
    }

    MentoringDemoData(Neo4jSessions neo4j, Services service, DemoLogins logins) {
        this.neo4j = neo4j;
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

        CurrentUser system = new CurrentUser("demo", EnumSet.of(Role.ADMIN), Scope.EVERYWHERE);
        int diagnostics = 0;
        List<Map<String, Object>> mentees = new ArrayList<>();
        for (Map<String, Object> t : teachers) {
            boolean low = "LOW".equals(t.get("group"));
            String id = (String) t.get("id");
            if (random.nextInt(10) >= (low ? 8 : 3)) {
                continue;
            }
            List<String> deficitAreas = areas(random, 1 + random.nextInt(4));
            List<DiagnosticService.NewDeficit> first = new ArrayList<>();
            for (String area : deficitAreas) {
                first.add(deficit(area, DeficitLevel.values()[random.nextInt(3)].name()));
            }
            boolean twice = random.nextInt(10) < 6;
            List<DiagnosticService.NewDeficit> latest = first;
            LocalDate firstDate = today.minusMonths(twice ? 20 : 8).withDayOfMonth(10 + random.nextInt(10));
            service.diagnostics().record(diag(id, firstDate, first), system);
            diagnostics++;
            if (twice) {
                latest = new ArrayList<>();
                boolean improved = random.nextInt(10) < 7;
                for (DiagnosticService.NewDeficit d : first) {
                    int level = d.level().ordinal() + (improved ? -1 : random.nextInt(2));
                    if (level >= 0) {
                        latest.add(deficit(d.competence().name(), DeficitLevel.values()[Math.min(level, 2)].name()));
                    }
                }
                service.diagnostics().record(diag(id, today.minusMonths(8).withDayOfMonth(10 + random.nextInt(10)), latest), system);
                diagnostics++;
            }
            plan(random, id, latest.isEmpty() ? first : latest, today, system);
            if (random.nextBoolean()) {
                service.plans().recordCourse(new PlanService.NewCourse(id,
                        "Курсы повышения квалификации: " + first.get(0).competence().label(), "Институт развития образования",
                        36 + 36 * random.nextInt(2), first.get(0).competence(), today.minusMonths(1 + random.nextInt(12))), system);
            }
            if (low && (Boolean.TRUE.equals(t.get("youngSpecialist")) || random.nextInt(10) < 4)) {
                mentees.add(t);
            }
        }

        int relations = 0;
        for (Map<String, Object> t : mentees) {
            String id = (String) t.get("id");
            List<MentorSuggestion> suggestions = service.suggestions().suggestions(id, 1, system);
            if (suggestions.isEmpty()) {
                continue;
            }
            LocalDate start = today.minusWeeks(10 + random.nextInt(50));
            MentoringRelation r = service.relations().propose(new RelationService.Proposal(MentoringKind.TEACHER_TEACHER,
                    suggestions.get(0).mentor().id(), id, null, start, start.plusYears(1),
                    "Преодоление профессиональных дефицитов по ИОМ педагога"), system);
            relations++;
            int fate = random.nextInt(10);
            if (fate == 0) {
                continue; // stays pending
            }
            service.relations().changeStatus(r.id(), RelationStatus.ACTIVE, start, system);
            boolean quiet = fate <= 2;
            LocalDate last = quiet ? today.minusWeeks(6 + random.nextInt(6)) : today.minusDays(3 + random.nextInt(20));
            for (LocalDate date = start.plusWeeks(1); date.isBefore(last); date = date.plusWeeks(2 + random.nextInt(3))) {
                meeting(random, r.id(), date);
            }
            if (last.isAfter(start)) {
                meeting(random, r.id(), last);
            }
            if (fate == 9) {
                service.relations().changeStatus(r.id(), RelationStatus.COMPLETED, today.minusDays(5), system);
            }
        }

        associations(region, random, schools, teachers, today);
        lines.add(String.format("Наставничество %s: педагогов %d, диагностик %d, наставнических пар %d", region,
                teachers.size(), diagnostics, relations));
    }

    private void meeting(Random random, String relationId, LocalDate date) {
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        service.meetings().addMeeting(new Meeting(MentoringIds.newId("M"), relationId, date, topic,
                "Обсудили: " + topic.toLowerCase() + ". Договорились о посещении урока.",
                random.nextBoolean() ? "Нужна поддержка: неуверенность при работе с классом" : "Прогресс заметен",
                List.of("Подготовить конспект урока", "Посетить урок наставника")));
    }

    private void plan(Random random, String teacherId, List<DiagnosticService.NewDeficit> deficits, LocalDate today, CurrentUser system) {
        // the current school year, from 1 September
        LocalDate start = LocalDate.of(today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1, 9, 1);
        List<PlanService.NewGoal> goals = new ArrayList<>();
        for (DiagnosticService.NewDeficit d : deficits) {
            goals.add(new PlanService.NewGoal(d.competence(), "Устранить дефицит: " + d.competence().label().toLowerCase(),
                    start.plusMonths(2 + random.nextInt(10)), GoalStatus.values()[random.nextInt(3)]));
        }
        List<PlanService.NewActivity> activities = new ArrayList<>();
        String[][] kinds = {{"COURSE", "Курсы повышения квалификации"}, {"SEMINAR", "Муниципальный семинар"},
                {"OPEN_LESSON", "Открытый урок"}, {"INTERNSHIP", "Стажировка в школе-лидере"}};
        for (int i = 0; i < 2; i++) {
            String[] kind = kinds[random.nextInt(kinds.length)];
            activities.add(new PlanService.NewActivity(ActivityKind.valueOf(kind[0]), kind[1], start.plusMonths(1 + random.nextInt(10)),
                    null, random.nextBoolean()));
        }
        service.plans().createPlan(new PlanService.NewPlan(teacherId,
                "ИОМ педагога (индивидуальный образовательный маршрут) на " + start.getYear() + "/" + (start.getYear() + 1) + " уч. г.",
                start, start.plusYears(1).minusDays(1), goals, activities), system);
    }

    private void associations(String region, Random random, List<Map<String, Object>> schools, List<Map<String, Object>> teachers, LocalDate today) {
        String municipality = (String) schools.get(0).get("municipalityId");
        AssociationRepository associations = service.associations();
        Association rmo = associations.create(new Association(region + "-MA-MATH", AssociationKind.METHODOLOGICAL_ASSOCIATION,
                "Муниципальное методическое объединение учителей математики", AssociationLevel.MUNICIPAL,
                "Математика", region, municipality, null, List.of(), List.of()));
        Association community = associations.create(new Association(region + "-NC-LEADERS", AssociationKind.NETWORK_COMMUNITY,
                "Сетевое сообщество школ-лидеров и ШНОР", AssociationLevel.NETWORK, null, region, null, null, List.of(), List.of()));
        Association russian = associations.create(new Association(region + "-MA-RUS", AssociationKind.METHODOLOGICAL_ASSOCIATION,
                "Региональное методическое объединение учителей русского языка", AssociationLevel.REGIONAL,
                "Русский язык", region, null, null, List.of(), List.of()));
        for (Map<String, Object> t : teachers) {
            @SuppressWarnings("unchecked") List<String> subjects = (List<String>) t.get("subjects");
            if (subjects.contains("Математика") && random.nextInt(10) < 7) {
                associations.addMember(rmo.id(), (String) t.get("id"));
            }
            if (subjects.contains("Русский язык") && random.nextInt(10) < 5) {
                associations.addMember(russian.id(), (String) t.get("id"));
            }
            if (((Number) t.get("mentorCapacity")).intValue() > 0 || random.nextInt(10) < 1) {
                associations.addMember(community.id(), (String) t.get("id"));
            }
        }
        associations.addEvent(rmo.id(), new AssociationEvent(region + "-E1", today.minusMonths(2),
                "Семинар «Формирующее оценивание на уроках математики»", "очно"));
        associations.addEvent(community.id(), new AssociationEvent(region + "-E2", today.minusMonths(1),
                "Круглый стол «Практики школ-лидеров для ШНОР»", "онлайн"));
        associations.addEvent(russian.id(), new AssociationEvent(region + "-E3", today.plusWeeks(3),
                "Открытые уроки: смысловое чтение", "очно"));
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
        service.teachers().linkLogin((String) p.get("mentor"), "mentor", loader);
        service.teachers().linkLogin((String) p.get("mentee"), "teacher", loader);
    }

    private void add(List<String> lines, String username, String name, EnumSet<Role> roles, Scope scope) {
        lines.add(logins.create(username, name, roles, scope));
    }

    private static DiagnosticService.NewDiagnostic diag(String teacherId, LocalDate date, List<DiagnosticService.NewDeficit> deficits) {
        return new DiagnosticService.NewDiagnostic(teacherId, date, INSTRUMENTS[date.getMonthValue() % INSTRUMENTS.length], deficits);
    }

    private static DiagnosticService.NewDeficit deficit(String competence, String level) {
        return new DiagnosticService.NewDeficit(CompetenceArea.valueOf(competence), DeficitLevel.valueOf(level), null);
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
