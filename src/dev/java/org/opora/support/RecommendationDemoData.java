package org.opora.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.opora.identification.RiskFactor;
import org.opora.mentoring.teachers.CompetenceArea;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.demo.DemoDataLoader;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.security.DemoLogins;
import org.opora.support.recommendations.CheckOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Demo addressed recommendations and methodological help for the demo region, generated with a fixed seed from what
 * identification (order 200) and mentoring (500) left: each ШНОР/ШНСУ school gets recommendations based on its own
 * high or medium risk factors and statuses (to the school, or its parents for family factors), teachers with a
 * diagnostic get one based on it, the municipalities with the most ШНОР schools get one from the region; about a
 * third are closed by a follow-up check, some are answered, some overdue. Help records (consultations, visits, expert
 * reviews) reach most but not all of those schools, so that coverage is below 100%. Dates are relative to the day of
 * the first load; written in two batched statements. Runs once: skipped when the region already has recommendations.
 */
@Singleton
@Requires(property = "opora.demo", value = "true")
class RecommendationDemoData implements DemoDataLoader {

    static final String REGION = "R74";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METHODIST = "methodist";
    private static final String CURATOR = "curator";
    private static final String REGIONAL = "region";

    /** A recommendation text per risk factor; the family factors go to the parents. */
    private static final Map<RiskFactor, String> BY_FACTOR = new LinkedHashMap<>();
    private static final Map<String, String> BY_STATUS = Map.of(
            "LOW_RESULTS", "Разработать программу перехода школы в эффективный режим работы с мерами по предметам, "
                    + "где результаты ВПР ниже региональных, и согласовать её с муниципальным органом управления образованием",
            "UNFAVOURABLE_CONTEXT", "Разработать антирисковую программу по ведущим факторам риска и включить в неё меры "
                    + "социально-педагогической поддержки обучающихся и семей",
            "DECLINING", "Провести внутренний анализ причин снижения результатов за три года и представить план корректирующих мер");
    private static final Map<CompetenceArea, String> BY_DEFICIT = Map.of(
            CompetenceArea.SUBJECT, "Пройти курсы повышения квалификации ЦНППМ по предметному содержанию и выполнить диагностическую работу повторно",
            CompetenceArea.METHODICAL, "Посетить не менее четырёх уроков наставника и разработать технологические карты трёх уроков по теме",
            CompetenceArea.ASSESSMENT, "Освоить приёмы формирующего оценивания: включить критериальное оценивание в уроки одной параллели",
            CompetenceArea.FUNCTIONAL_LITERACY, "Включать в уроки задания на функциональную грамотность из банка РЭШ не реже раза в неделю",
            CompetenceArea.DIGITAL, "Пройти практикум по цифровым образовательным ресурсам и провести урок с использованием ФГИС «Моя школа»",
            CompetenceArea.PSYCHOLOGICAL, "Принять участие в семинаре педагога-психолога по работе с тревожностью обучающихся",
            CompetenceArea.INCLUSIVE, "Разработать адаптированные задания для обучающихся с ОВЗ по своему предмету с участием тьютора",
            CompetenceArea.MOTIVATION, "Провести открытый урок с применением приёмов повышения учебной мотивации и разобрать его с наставником",
            CompetenceArea.MANAGEMENT, "Пройти стажировку в школе-лидере по управлению качеством образования");
    private static final String[] SCHOOL_ANSWERS = {
            "Мероприятия включены в план работы школы, ответственные назначены приказом директора",
            "Выполнено: документы размещены на сайте школы, проведён педагогический совет",
            "Работа начата, выполнено около половины запланированного; остальное — до конца четверти",
            "Проведены заседания ШМО, составлен график взаимопосещения уроков"};
    private static final String[] TEACHER_ANSWERS = {
            "Записалась на курсы, обучение завершу в следующем месяце",
            "Выполнено: разработаны технологические карты, уроки проведены и разобраны с наставником",
            "Задания включены в уроки 5–7 классов, подборка передана в ШМО"};
    private static final String[] MUNICIPAL_ANSWERS = {
            "Меры включены в муниципальную дорожную карту, назначены кураторы школ",
            "Проведено совещание с директорами ШНОР, утверждён план методических выездов"};
    private static final String[] CHECK_COMMENTS = {
            "Проверено на выезде, документы соответствуют", "Мероприятия выполнены не полностью, нет анализа результатов",
            "Подтверждающие документы не представлены", "Проверено по отчёту школы"};

    private record HelpTopic(String kind, String topic, String result) {
    }

    private static final HelpTopic[] HELP = {
            new HelpTopic("VISIT", "Выезд: анализ уроков математики в 5–7 классах", "Посещено 4 урока, даны рекомендации по формирующему оцениванию"),
            new HelpTopic("VISIT", "Выезд: посещение уроков русского языка", "Даны рекомендации по подготовке к ВПР, согласован график повторного визита"),
            new HelpTopic("CONSULTATION", "Консультация по разработке программы перехода в эффективный режим", "Согласована структура программы и целевые показатели"),
            new HelpTopic("CONSULTATION", "Консультация по антирисковой программе", "Уточнены меры по факторам риска, определены ответственные"),
            new HelpTopic("CONSULTATION", "Анализ результатов ВПР по школе", "Выделены дефицитные умения, составлен план коррекции"),
            new HelpTopic("EXPERT_REVIEW", "Экспертиза программы развития школы", "Программа рекомендована к утверждению с доработкой раздела мониторинга"),
            new HelpTopic("EXPERT_REVIEW", "Экспертиза рабочих программ по математике", "Замечания по планируемым результатам переданы руководителю ШМО")};
    private static final HelpTopic[] TEACHER_HELP = {
            new HelpTopic("CONSULTATION", "Индивидуальная консультация по итогам диагностики дефицитов", "Составлен индивидуальный план профессионального развития"),
            new HelpTopic("VISIT", "Посещение урока молодого педагога", "Разобраны цели урока и приёмы удержания внимания класса")};

    static {
        BY_FACTOR.put(RiskFactor.STAFF_SHORTAGE, "Разработать план привлечения и закрепления педагогических кадров, включая молодых специалистов и целевое обучение");
        BY_FACTOR.put(RiskFactor.LOW_TEACHER_QUALIFICATION, "Организовать прохождение диагностики профессиональных дефицитов учителями математики и русского языка и составить ИОМ педагогов");
        BY_FACTOR.put(RiskFactor.WEAK_MATERIAL_BASE, "Подготовить заявку на оснащение кабинетов естественно-научного цикла и использовать ресурсы центра «Точка роста» сетевого партнёра");
        BY_FACTOR.put(RiskFactor.LEARNING_DIFFICULTIES, "Организовать дополнительные занятия для обучающихся с трудностями в обучении и вести мониторинг их продвижения");
        BY_FACTOR.put(RiskFactor.LOW_PARENTAL_INVOLVEMENT, "Провести цикл родительских собраний о результатах обучения детей и привлечь родителей к школьным событиям");
        BY_FACTOR.put(RiskFactor.SPECIAL_NEEDS, "Обеспечить психолого-педагогическое сопровождение обучающихся с ОВЗ и разработать адаптированные программы");
        BY_FACTOR.put(RiskFactor.LANGUAGE_BARRIER, "Организовать занятия по русскому языку как неродному и языковую адаптацию обучающихся");
        BY_FACTOR.put(RiskFactor.DEVIANT_BEHAVIOUR, "Усилить профилактическую работу: план совместных мероприятий с КДН и вовлечение обучающихся во внеурочную деятельность");
        BY_FACTOR.put(RiskFactor.SOCIAL_DISADVANTAGE, "Для семей в трудной жизненной ситуации организовать консультации социального педагога и бесплатные кружки дополнительного образования");
        BY_FACTOR.put(RiskFactor.LOW_MOTIVATION, "Разработать антирисковую программу «Повышение учебной мотивации» с проектной деятельностью и олимпиадной подготовкой");
        BY_FACTOR.put(RiskFactor.REMOTENESS, "Использовать дистанционные формы методической поддержки и сетевые курсы школы-партнёра");
        BY_FACTOR.put(RiskFactor.LOW_FUNDING, "Подготовить обоснование потребности в финансировании мер программы перехода и участие в грантовых конкурсах");
        BY_FACTOR.put(RiskFactor.WEAK_METHODICAL_SUPPORT, "Закрепить за школой методиста ЦНППМ и включить учителей в работу муниципальных методических объединений");
    }

    private final Neo4jSessions neo4j;
    private final DemoLogins logins;

    RecommendationDemoData(Neo4jSessions neo4j, DemoLogins logins) {
        this.neo4j = neo4j;
        this.logins = logins;
    }

    @Override
    public int order() {
        return 620;
    }

    @Override
    public List<String> load() {
        return load(REGION, LocalDate.now());
    }

    /** Loads the demo data for one region on a given day (the demo region and today in the demo). */
    List<String> load(String region, LocalDate today) {
        List<String> lines = new ArrayList<>();
        lines.add("Демо-пользователи сопровождения (пароли созданы при этом запуске):");
        lines.add(logins.create(METHODIST, "Петрова Елена Андреевна, методист ЦНППМ", EnumSet.of(Role.METHODIST), new Scope(region, null, null)));
        lines.add(logins.create(CURATOR, "Соколов Игорь Викторович, куратор ШНОР", EnumSet.of(Role.CURATOR), new Scope(region, null, null)));
        long existing = neo4j.read(tx -> tx.run("MATCH (r:Recommendation {regionId: $r}) RETURN count(r) AS n", Map.of("r", region))
                .single().get("n").asLong());
        if (existing > 0) {
            return lines;
        }
        List<Map<String, Object>> schools = neo4j.read(tx -> tx.run("""
                MATCH (s:School {regionId: $r})
                WHERE any(x IN coalesce(s.statuses, []) WHERE x IN ['LOW_RESULTS', 'UNFAVOURABLE_CONTEXT'])
                WITH s, EXISTS { MATCH (:Teacher {schoolId: s.id}) } AS staffed
                ORDER BY staffed DESC, s.id LIMIT 60
                OPTIONAL MATCH (run:IdentificationRun {id: s.identificationRunId})-[a:ASSESSED]->(s)
                RETURN s.id AS id, s.municipalityId AS municipality, s.statuses AS statuses, a.riskProfileJson AS risk,
                       [(t:Teacher {schoolId: s.id})-[:HAS_DIAGNOSTIC]->(d:Diagnostic) | {teacher: t.id, diagnostic: d.id, date: d.date,
                        competences: [(d)-[:FOUND]->(x:Deficit) | x.competence]}] AS diagnostics
                ORDER BY s.id""", Map.of("r", region)).list(r -> r.asMap()));
        if (schools.isEmpty()) {
            return lines;
        }
        Random random = new Random(620);
        List<Map<String, Object>> recommendations = new ArrayList<>();
        List<Map<String, Object>> help = new ArrayList<>();
        Map<String, Integer> lowPerMunicipality = new HashMap<>();
        for (Map<String, Object> school : schools) {
            String id = (String) school.get("id");
            @SuppressWarnings("unchecked")
            List<String> statuses = (List<String>) school.get("statuses");
            if (statuses.contains("LOW_RESULTS")) {
                lowPerMunicipality.merge((String) school.get("municipality"), 1, Integer::sum);
            }
            String issuer = random.nextBoolean() ? METHODIST : CURATOR;
            List<RiskFactor> factors = riskyFactors((String) school.get("risk"));
            if (!factors.isEmpty()) {
                RiskFactor factor = factors.get(random.nextInt(Math.min(2, factors.size())));
                boolean parents = factor == RiskFactor.LOW_PARENTAL_INVOLVEMENT || factor == RiskFactor.SOCIAL_DISADVANTAGE;
                recommendations.add(recommendation(random, today, recommendations.size(), parents ? "PARENTS" : "SCHOOL", id, null, null,
                        "RISK_FACTOR", null, factor.name(), null, BY_FACTOR.get(factor), issuer));
            }
            String status = statuses.contains("LOW_RESULTS") ? "LOW_RESULTS" : "UNFAVOURABLE_CONTEXT";
            if (factors.isEmpty() || random.nextInt(3) == 0) {
                recommendations.add(recommendation(random, today, recommendations.size(), "SCHOOL", id, null, null,
                        "STATUS", status, null, null, BY_STATUS.get(status), issuer));
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> diagnostics = (List<Map<String, Object>>) school.get("diagnostics");
            if (!diagnostics.isEmpty() && random.nextInt(3) > 0) {
                Map<String, Object> d = diagnostics.get(random.nextInt(diagnostics.size()));
                @SuppressWarnings("unchecked")
                List<String> competences = (List<String>) d.get("competences");
                if (!competences.isEmpty()) {
                    CompetenceArea area = CompetenceArea.valueOf(competences.get(random.nextInt(competences.size())));
                    recommendations.add(recommendation(random, today, recommendations.size(), "TEACHER", id, (String) d.get("teacher"), null,
                            "DIAGNOSTIC", null, null, (String) d.get("diagnostic"), BY_DEFICIT.get(area), METHODIST));
                }
            }
            // help: most schools get one to three acts this year or last; about one in five none this year
            int acts = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(3);
            for (int i = 0; i < acts; i++) {
                HelpTopic topic = HELP[random.nextInt(HELP.length)];
                help.add(help(help.size(), topic, today.minusDays(random.nextInt(Math.max(1, today.getDayOfYear() - 1))), id, null,
                        random.nextBoolean() ? METHODIST : CURATOR));
            }
            if (random.nextBoolean()) {
                help.add(help(help.size(), HELP[random.nextInt(HELP.length)], today.minusYears(1).minusDays(random.nextInt(200)), id, null,
                        METHODIST));
            }
            if (!diagnostics.isEmpty() && random.nextInt(3) == 0) {
                Map<String, Object> d = diagnostics.get(random.nextInt(diagnostics.size()));
                help.add(help(help.size(), TEACHER_HELP[random.nextInt(TEACHER_HELP.length)],
                        today.minusDays(random.nextInt(Math.max(1, today.getDayOfYear() - 1))), id, (String) d.get("teacher"), METHODIST));
            }
        }
        lowPerMunicipality.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .forEach(m -> recommendations.add(recommendation(random, today, recommendations.size(), "MUNICIPALITY", null, null, m.getKey(),
                        "STATUS", "LOW_RESULTS", null, null,
                        "Включить в муниципальную дорожную карту меры поддержки " + m.getValue()
                                + " школ с низкими образовательными результатами и закрепить за каждой куратора", REGIONAL)));
        // fixed ids per region: a second load of the same day writes the same records
        for (int i = 0; i < recommendations.size(); i++) {
            recommendations.get(i).put("id", String.format("REC-DEMO-%s-%04d", region, i + 1));
        }
        for (int i = 0; i < help.size(); i++) {
            help.get(i).put("id", String.format("HLP-DEMO-%s-%04d", region, i + 1));
        }
        neo4j.write(tx -> {
            tx.run("""
                    UNWIND $rows AS row
                    OPTIONAL MATCH (s:School {id: row.schoolId})
                    OPTIONAL MATCH (t:Teacher {id: row.teacherId})
                    OPTIONAL MATCH (m:Municipality {id: coalesce(row.municipalityId, s.municipalityId)})
                    CREATE (r:Recommendation)
                    SET r = row, r.regionId = $region, r.municipalityId = coalesce(row.municipalityId, s.municipalityId)
                    WITH r, row, s, t, m
                    CALL {
                      WITH r, row, s, t, m
                      WITH r, CASE row.addresseeKind WHEN 'TEACHER' THEN t WHEN 'MUNICIPALITY' THEN m ELSE s END AS addressee
                      WHERE addressee IS NOT NULL
                      CREATE (r)-[:ADDRESSED_TO]->(addressee)
                    }
                    CALL {
                      WITH r
                      OPTIONAL MATCH (d:Diagnostic {id: r.diagnosticId})
                      FOREACH (x IN CASE WHEN d IS NULL THEN [] ELSE [d] END | CREATE (r)-[:BASED_ON]->(x))
                    }""", Map.of("rows", recommendations, "region", region)).consume();
            tx.run("""
                    UNWIND $rows AS row
                    MATCH (s:School {id: row.schoolId})
                    CREATE (h:HelpRecord) SET h = row, h.regionId = s.regionId, h.municipalityId = s.municipalityId
                    CREATE (h)-[:HELPED]->(s)
                    WITH h
                    OPTIONAL MATCH (t:Teacher {id: h.teacherId})
                    FOREACH (x IN CASE WHEN t IS NULL THEN [] ELSE [t] END | CREATE (h)-[:HELPED]->(x))""",
                    Map.of("rows", help)).consume();
            return null;
        });
        lines.add("Сопровождение " + region + ": рекомендаций " + recommendations.size() + ", записей методической помощи " + help.size());
        return lines;
    }

    /** The school's risk factors at HIGH level first, then MEDIUM, from the identification's risk profile. */
    static List<RiskFactor> riskyFactors(Object json) {
        List<RiskFactor> high = new ArrayList<>();
        List<RiskFactor> medium = new ArrayList<>();
        if (json instanceof String text && !text.isBlank()) {
            try {
                for (JsonNode f : JSON.readTree(text)) {
                    String level = f.path("level").asText();
                    RiskFactor factor = RiskFactor.valueOf(f.path("factor").asText());
                    if ("HIGH".equals(level)) {
                        high.add(factor);
                    } else if ("MEDIUM".equals(level)) {
                        medium.add(factor);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        high.addAll(medium);
        return high;
    }

    /** One recommendation with a life-cycle state drawn from the seed: closed, answered, issued (some overdue). */
    private static Map<String, Object> recommendation(Random random, LocalDate today, int n, String kind, String schoolId, String teacherId,
                                                      String municipalityId, String basisKind, String status, String factor,
                                                      String diagnosticId, String text, String issuer) {
        Map<String, Object> r = new HashMap<>();
        LocalDate issued = today.minusDays(10 + random.nextInt(150));
        LocalDate due = issued.plusDays(30 + 15L * random.nextInt(5));
        int state = random.nextInt(10);
        r.put("addresseeKind", kind);
        r.put("schoolId", schoolId);
        r.put("teacherId", teacherId);
        r.put("municipalityId", municipalityId);
        r.put("basisKind", basisKind);
        r.put("basisStatus", status);
        r.put("basisRiskFactor", factor);
        r.put("diagnosticId", diagnosticId);
        r.put("text", text);
        r.put("dueDate", due);
        r.put("issuedBy", issuer);
        r.put("issuedAt", ZonedDateTime.of(issued.atTime(9 + random.nextInt(8), random.nextInt(60)), ZoneOffset.ofHours(5)));
        String answerer = switch (kind) {
            case "TEACHER" -> null; // the teacher's own login when they have one; demo teachers mostly do not
            case "MUNICIPALITY" -> "municipal-coordinator";
            default -> "school-admin";
        };
        boolean answered = state >= 4 && (state >= 7 || !due.isAfter(today) || random.nextBoolean());
        if (state < 4 && due.isBefore(today)) {
            // issued and never answered: the due date passed (overdue) or the check closed it as not done
            if (random.nextBoolean()) {
                close(r, random, CheckOutcome.NOT_DONE, issuer, due.plusDays(3).isAfter(today) ? today : due.plusDays(3));
                r.put("checkComment", "Ответ адресата не получен к сроку");
            } else {
                r.put("status", "ISSUED");
            }
        } else if (answered) {
            LocalDate on = issued.plusDays(5 + random.nextInt(20));
            on = on.isAfter(today) ? today : on;
            r.put("status", "ANSWERED");
            r.put("responseText", switch (kind) {
                case "TEACHER" -> TEACHER_ANSWERS[random.nextInt(TEACHER_ANSWERS.length)];
                case "MUNICIPALITY" -> MUNICIPAL_ANSWERS[random.nextInt(MUNICIPAL_ANSWERS.length)];
                default -> SCHOOL_ANSWERS[random.nextInt(SCHOOL_ANSWERS.length)];
            });
            r.put("answeredBy", answerer == null ? "teacher" : answerer);
            r.put("answeredAt", ZonedDateTime.of(on.atTime(14, 0), ZoneOffset.ofHours(5)));
            if (state >= 7) {
                LocalDate checked = on.plusDays(7 + random.nextInt(14));
                CheckOutcome outcome = state == 9 ? CheckOutcome.PARTLY_DONE : CheckOutcome.DONE;
                close(r, random, outcome, issuer, checked.isAfter(today) ? today : checked);
            }
        } else {
            r.put("status", "ISSUED");
        }
        return r;
    }

    private static void close(Map<String, Object> r, Random random, CheckOutcome outcome, String by, LocalDate on) {
        r.put("status", "CLOSED");
        r.put("checkOutcome", outcome.name());
        r.put("checkComment", CHECK_COMMENTS[random.nextInt(CHECK_COMMENTS.length)]);
        r.put("checkedBy", by);
        r.put("checkedOn", on);
    }

    private static Map<String, Object> help(int n, HelpTopic topic, LocalDate date, String schoolId, String teacherId, String givenBy) {
        Map<String, Object> h = new HashMap<>();
        h.put("kind", topic.kind());
        h.put("date", date);
        h.put("topic", topic.topic());
        h.put("result", topic.result());
        h.put("schoolId", schoolId);
        h.put("teacherId", teacherId);
        h.put("givenBy", givenBy);
        h.put("recordedAt", ZonedDateTime.of(date.atTime(18, 0), ZoneOffset.ofHours(5)));
        return h;
    }
}
