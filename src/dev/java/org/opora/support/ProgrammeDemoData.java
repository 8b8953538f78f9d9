package org.opora.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.neo4j.driver.TransactionContext;
import org.opora.identification.Assessment;
import org.opora.identification.RiskFactor;
import org.opora.platform.demo.DemoDataLoader;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.support.partners.PartnerKind;
import org.opora.support.programmes.MeasureStatus;
import org.opora.support.programmes.ProgrammeKind;
import org.opora.support.programmes.ProgrammeStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Demo: programmes for most ШНОР/ШНСУ schools of the demo region, consistent with their current statuses and risk
 * factors (ШППКО for ШНОР, a transition programme for ШНСУ, an antirisk programme for some schools with a HIGH risk
 * factor), in every status, some with overdue measures; the first ШНОР/ШНСУ school of each municipality is left without
 * one, so the municipality's list shows gaps. Also a small partner catalogue linked to measures and to the demo pairs.
 * Deterministic (fixed seed; dates relative to the school year of the load), written in a few UNWIND statements, once:
 * skipped when the region already has demo programmes.
 */
@Singleton
@Requires(property = "opora.demo", value = "true")
public class ProgrammeDemoData implements DemoDataLoader {

    static final String DEMO_USER = "demo";
    private static final TypeReference<List<Assessment.RiskFactorLevel>> RISK_PROFILE = new TypeReference<>() { };

    /** A measure template: title, responsible, planned result, evidence once done. */
    private record Template(String title, String responsible, String result, String evidence) {
    }

    private static final List<Template> LOW_RESULTS = List.of(
            new Template("Диагностика профессиональных дефицитов учителей математики и русского языка", "Заместитель директора по УВР",
                    "Карта дефицитов, ИОМ для всех учителей-предметников", "Аналитическая справка по итогам диагностики ЦНППМ"),
            new Template("Разработка и реализация индивидуальных образовательных маршрутов педагогов", "Руководитель ШМО",
                    "ИОМ утверждены, курсы повышения квалификации пройдены", "Приказ об утверждении ИОМ, удостоверения КПК"),
            new Template("Взаимопосещение уроков со школой-наставником", "Заместитель директора по УВР",
                    "Не менее 10 посещённых уроков, аналитическая справка", "Протоколы посещения уроков"),
            new Template("Контрольные срезы по математике в 5–8 классах и план коррекции", "Руководитель ШМО математики",
                    "Справка о результатах, план коррекции по каждому классу", "Справка о результатах срезов"),
            new Template("Дополнительные занятия для обучающихся с рисками учебной неуспешности", "Классные руководители",
                    "Доля невыполнивших ВПР по математике — не выше 10 %", "Журнал дополнительных занятий"));
    private static final List<Template> UNFAVOURABLE = List.of(
            new Template("Психолого-педагогическое сопровождение обучающихся группы риска", "Педагог-психолог",
                    "Индивидуальные планы сопровождения для всех обучающихся группы риска", "Планы сопровождения, журнал консультаций"),
            new Template("Родительский университет: цикл встреч для родителей", "Советник директора по воспитанию",
                    "Не менее 4 встреч, охват 60 % семей", "Протоколы встреч, листы регистрации"),
            new Template("Внеурочная деятельность совместно с организациями дополнительного образования", "Заместитель директора по ВР",
                    "Охват внеурочной деятельностью — 80 % обучающихся", "Договор о сетевой форме реализации программ"),
            new Template("Летняя профильная смена для обучающихся 7–9 классов", "Директор",
                    "Смена проведена, не менее 40 участников", "Приказ о проведении смены, отчёт"));
    private static final Map<RiskFactor, String[]> RISKS = new LinkedHashMap<>();

    static {
        RISKS.put(RiskFactor.STAFF_SHORTAGE, new String[]{"Укомплектовать штат учителей математики и физики",
                "Привлечение молодых специалистов и целевое обучение выпускников школы", "Директор"});
        RISKS.put(RiskFactor.LOW_TEACHER_QUALIFICATION, new String[]{"Повысить долю педагогов с квалификационной категорией до 60 %",
                "Курсы повышения квалификации по обновлённым ФГОС и подготовка к аттестации", "Заместитель директора по УВР"});
        RISKS.put(RiskFactor.LOW_MOTIVATION, new String[]{"Повысить учебную мотивацию обучающихся",
                "Участие обучающихся в школьном и муниципальном этапах ВсОШ, проектная неделя", "Заместитель директора по УВР"});
        RISKS.put(RiskFactor.LOW_PARENTAL_INVOLVEMENT, new String[]{"Вовлечь родителей в образовательный процесс",
                "Дни открытых дверей и совместные проекты школы и родителей", "Советник директора по воспитанию"});
        RISKS.put(RiskFactor.LEARNING_DIFFICULTIES, new String[]{"Снизить долю обучающихся с трудностями в обучении",
                "Программа индивидуальной помощи обучающимся с трудностями в обучении", "Педагог-психолог"});
        RISKS.put(RiskFactor.WEAK_MATERIAL_BASE, new String[]{"Обновить материально-техническую базу кабинетов естественных наук",
                "Оснащение кабинетов физики и химии оборудованием центра «Точка роста»", "Директор"});
        RISKS.put(RiskFactor.WEAK_METHODICAL_SUPPORT, new String[]{"Выстроить внутришкольную систему методической работы",
                "Работа школьных методических объединений по плану, методические дни", "Заместитель директора по УВР"});
    }

    private final String regionId;
    private final Neo4jSessions neo4j;
    private final ObjectMapper json;

    public ProgrammeDemoData(@Value("${opora.demo.region:R74}") String regionId, Neo4jSessions neo4j, ObjectMapper json) {
        this.regionId = regionId;
        this.neo4j = neo4j;
        this.json = json;
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public List<String> load() {
        return load(regionId, LocalDate.now());
    }

    /** Loads the demo programmes and partners of a region as of {@code today} (tests pass a region and a fixed day). */
    public List<String> load(String region, LocalDate today) {
        boolean loaded = neo4j.read(tx -> tx.run("""
                MATCH (p:SchoolProgramme {regionId: $r, createdBy: $demo}) RETURN count(p) > 0 AS loaded""",
                Map.of("r", region, "demo", DEMO_USER)).single().get("loaded").asBoolean());
        if (loaded) {
            return List.of("Программы школ (регион " + region + "): демо-данные уже есть");
        }
        List<Map<String, Object>> schools = neo4j.read(tx -> tx.run("""
                MATCH (s:School {regionId: $r})
                WHERE any(st IN coalesce(s.statuses, []) WHERE st IN ['LOW_RESULTS', 'UNFAVOURABLE_CONTEXT'])
                OPTIONAL MATCH (:IdentificationRun {id: s.identificationRunId})-[a:ASSESSED]->(s)
                RETURN s {.id, .municipalityId, .statuses, risk: a.riskProfileJson,
                          values: COLLECT { MATCH (s)-[:HAS_INDICATOR]->(v:IndicatorValue)
                                            WHERE v.indicator IN ['olympiad_participation_share', 'learning_difficulties_share']
                                            WITH v ORDER BY v.year DESC RETURN v {.indicator, .value} }} AS s
                ORDER BY s.municipalityId, s.id""", Map.of("r", region)).list(r -> r.get("s").asMap()));
        if (schools.isEmpty()) {
            return List.of();
        }
        Random random = new Random(600);
        LocalDate schoolYear = LocalDate.of(today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1, 9, 1);
        List<Map<String, Object>> partners = partners(region, schools);
        Map<String, List<String>> partnersByMunicipality = new HashMap<>();
        for (Map<String, Object> p : partners) {
            partnersByMunicipality.computeIfAbsent((String) p.get("municipalityId"), k -> new ArrayList<>()).add((String) p.get("id"));
        }

        List<Map<String, Object>> programmes = new ArrayList<>();
        List<Map<String, Object>> goals = new ArrayList<>();
        List<Map<String, Object>> measures = new ArrayList<>();
        List<Map<String, Object>> targets = new ArrayList<>();
        String previousMunicipality = null;
        int[] counts = new int[ProgrammeStatus.values().length];
        int withoutProgramme = 0;
        for (Map<String, Object> school : schools) {
            String municipality = (String) school.get("municipalityId");
            boolean firstOfMunicipality = !municipality.equals(previousMunicipality);
            previousMunicipality = municipality;
            double roll = random.nextDouble();
            if (firstOfMunicipality || roll < 0.1) {
                withoutProgramme++;
                continue;
            }
            // Status spread: drafts awaiting agreement, agreed, in progress (some behind), completed earlier cycles.
            ProgrammeStatus status = roll < 0.22 ? ProgrammeStatus.DRAFT : roll < 0.4 ? ProgrammeStatus.AGREED : ProgrammeStatus.IN_PROGRESS;
            boolean behind = status == ProgrammeStatus.IN_PROGRESS && random.nextDouble() < 0.35;
            @SuppressWarnings("unchecked")
            List<String> statuses = (List<String>) school.get("statuses");
            boolean low = statuses.contains("LOW_RESULTS");
            List<Assessment.RiskFactorLevel> risks = risks((String) school.get("risk")).stream()
                    .filter(r -> r.level() != RiskFactor.Level.LOW && RISKS.containsKey(r.factor()))
                    .sorted(Comparator.comparing((Assessment.RiskFactorLevel r) -> r.level()).reversed()).toList();
            boolean antirisk = !risks.isEmpty() && risks.get(0).level() == RiskFactor.Level.HIGH && random.nextDouble() < 0.3;
            ProgrammeKind kind = antirisk ? ProgrammeKind.ANTIRISK : low ? ProgrammeKind.SCHOOL_QUALITY : ProgrammeKind.TRANSITION;
            String id = "PRG-DEMO-" + school.get("id");
            LocalDate start = status == ProgrammeStatus.IN_PROGRESS ? schoolYear.minusYears(1) : schoolYear;
            LocalDate end = start.plusYears(3).minusDays(1);
            String riskFactor = antirisk ? risks.get(0).factor().name() : null;
            Map<String, Object> programme = new HashMap<>();
            programme.put("id", id);
            programme.put("schoolId", school.get("id"));
            programme.put("regionId", region);
            programme.put("municipalityId", municipality);
            programme.put("kind", kind.name());
            programme.put("riskFactor", riskFactor);
            programme.put("title", antirisk ? "Антирисковая программа: " + risks.get(0).factor().label().toLowerCase()
                    : kind == ProgrammeKind.SCHOOL_QUALITY ? "Программа повышения качества образования на " + start.getYear() + "–"
                    + end.getYear() + " годы" : "Программа перехода в эффективный режим работы на " + start.getYear() + "–" + end.getYear() + " годы");
            programme.put("periodStart", start);
            programme.put("periodEnd", end);
            programme.put("status", status.name());
            programme.put("agreedBy", status == ProgrammeStatus.DRAFT ? null : "Муниципальный координатор");
            programme.put("agreedOn", status == ProgrammeStatus.DRAFT ? null : start.plusDays(20));
            programmes.add(programme);
            counts[status.ordinal()]++;

            // Goals: the school's statuses and its risk factors at MEDIUM or HIGH (at most two).
            List<String[]> goalRows = new ArrayList<>();
            if (!antirisk) {
                for (String st : statuses) {
                    if (st.equals("LOW_RESULTS")) {
                        goalRows.add(new String[]{"STATUS", st, "Повысить образовательные результаты: доля невыполнивших ВПР — не выше 10 %"});
                    } else if (st.equals("UNFAVOURABLE_CONTEXT")) {
                        goalRows.add(new String[]{"STATUS", st, "Компенсировать неблагоприятные социальные условия обучения"});
                    }
                }
            }
            for (Assessment.RiskFactorLevel r : risks.subList(0, Math.min(antirisk ? 1 : 2, risks.size()))) {
                goalRows.add(new String[]{"RISK_FACTOR", r.factor().name(), RISKS.get(r.factor())[0]});
            }
            List<String> goalIds = new ArrayList<>();
            for (int g = 0; g < goalRows.size(); g++) {
                String goalId = id + "-G" + (g + 1);
                goalIds.add(goalId);
                goals.add(Map.of("programmeId", id, "id", goalId, "basisKind", goalRows.get(g)[0], "basis", goalRows.get(g)[1],
                        "text", goalRows.get(g)[2], "position", g));
            }

            // Measures: templates of the school's status, plus one per risk-factor goal, spread over the period.
            List<Object[]> picked = new ArrayList<>();
            List<Template> pool = antirisk ? List.of() : low ? LOW_RESULTS : UNFAVOURABLE;
            int n = pool.isEmpty() ? 0 : 3 + random.nextInt(2);
            int offset = pool.isEmpty() ? 0 : random.nextInt(pool.size());
            for (int i = 0; i < n; i++) {
                picked.add(new Object[]{pool.get((offset + i) % pool.size()), goalIds.isEmpty() ? null : goalIds.get(0)});
            }
            for (int g = 0; g < goalRows.size(); g++) {
                if (goalRows.get(g)[0].equals("RISK_FACTOR")) {
                    String[] risk = RISKS.get(RiskFactor.valueOf(goalRows.get(g)[1]));
                    picked.add(new Object[]{new Template(risk[1], risk[2], "Показатель фактора риска снижен до среднего по региону",
                            "Отчёт о выполнении, приказ"), goalIds.get(g)});
                    if (antirisk) {
                        picked.add(new Object[]{new Template("Мониторинг показателей фактора риска и корректировка программы",
                                "Заместитель директора по УВР", "Справка по итогам полугодия", "Справка мониторинга"), goalIds.get(g)});
                        picked.add(new Object[]{LOW_RESULTS.get(1), goalIds.get(g)});
                    }
                }
            }
            List<String> localPartners = new ArrayList<>(partnersByMunicipality.getOrDefault(municipality, List.of()));
            localPartners.addAll(partnersByMunicipality.getOrDefault("", List.of()));
            for (int i = 0; i < picked.size(); i++) {
                Template t = (Template) picked.get(i)[0];
                LocalDate deadline = start.plusMonths(3 + (long) i * 30 / Math.max(1, picked.size()));
                MeasureStatus ms;
                if (status == ProgrammeStatus.DRAFT || status == ProgrammeStatus.AGREED) {
                    ms = MeasureStatus.PLANNED;
                } else if (deadline.isBefore(today)) {
                    ms = behind && random.nextDouble() < 0.6 ? MeasureStatus.IN_PROGRESS : MeasureStatus.DONE;
                } else {
                    ms = random.nextDouble() < 0.4 ? MeasureStatus.IN_PROGRESS : MeasureStatus.PLANNED;
                }
                Map<String, Object> m = new HashMap<>();
                m.put("programmeId", id);
                m.put("id", id + "-M" + (i + 1));
                m.put("goalId", picked.get(i)[1]);
                m.put("title", t.title());
                m.put("responsible", t.responsible());
                m.put("deadline", deadline);
                m.put("plannedResult", t.result());
                m.put("status", ms.name());
                m.put("evidence", ms == MeasureStatus.DONE ? t.evidence() : null);
                m.put("doneOn", ms == MeasureStatus.DONE ? deadline.minusDays(random.nextInt(10)) : null);
                m.put("partnerId", !localPartners.isEmpty() && random.nextDouble() < 0.25
                        ? localPartners.get(random.nextInt(localPartners.size())) : null);
                measures.add(m);
            }

            // Targets: the outcome indicators the school has values of, improved from its own latest value.
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> values = (List<Map<String, Object>>) school.get("values");
            int position = 0;
            for (String code : List.of("olympiad_participation_share", "learning_difficulties_share")) {
                Map<String, Object> latest = values.stream().filter(v -> code.equals(v.get("indicator"))).findFirst().orElse(null);
                if (latest == null) {
                    continue;
                }
                double value = ((Number) latest.get("value")).doubleValue();
                double target = code.startsWith("olympiad") ? Math.min(1, value + 0.05) : Math.max(0, value - 0.05);
                targets.add(Map.of("programmeId", id, "id", id + "-T" + (position + 1), "indicator", code,
                        "target", Math.round(target * 100) / 100.0, "targetYear", end.getYear(), "position", position));
                position++;
            }
        }
        neo4j.write(tx -> {
            write(tx, partners, programmes, goals, measures, targets);
            return null;
        });
        long pairLinks = linkPairs(region, partners);
        return List.of("Программы школ (регион " + region + "): " + programmes.size() + " программ (черновиков "
                + counts[ProgrammeStatus.DRAFT.ordinal()] + ", согласованных " + counts[ProgrammeStatus.AGREED.ordinal()]
                + ", выполняется " + counts[ProgrammeStatus.IN_PROGRESS.ordinal()] + "), без программы " + withoutProgramme
                + " ШНОР/ШНСУ; партнёров " + partners.size() + ", в сетевых парах " + pairLinks);
    }

    private List<Assessment.RiskFactorLevel> risks(Object text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue((String) text, RISK_PROFILE);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    /** A region-level university and college, and per municipality (first five) a centre, an employer and a library. */
    private static List<Map<String, Object>> partners(String region, List<Map<String, Object>> schools) {
        List<Map<String, Object>> partners = new ArrayList<>();
        partners.add(partner(region, null, PartnerKind.UNIVERSITY, "Педагогический университет (региональный ресурсный центр)",
                "Курсы повышения квалификации, практики студентов, экспертиза программ", "metod@university.example"));
        partners.add(partner(region, null, PartnerKind.COLLEGE, "Многопрофильный колледж",
                "Профессиональные пробы для 8–9 классов, дни открытых дверей", "priem@college.example"));
        List<String> municipalities = schools.stream().map(s -> (String) s.get("municipalityId")).distinct().limit(5).toList();
        for (String m : municipalities) {
            partners.add(partner(region, m, PartnerKind.ADDITIONAL_EDUCATION, "Центр детского творчества",
                    "Кружки технической и естественно-научной направленности", null));
            partners.add(partner(region, m, PartnerKind.EMPLOYER, "Агропромышленное предприятие «Колос»",
                    "Экскурсии на производство, наставничество в проектах", null));
            partners.add(partner(region, m, PartnerKind.CULTURE, "Межпоселенческая центральная библиотека",
                    "Читательские клубы, занятия по смысловому чтению", null));
        }
        return partners;
    }

    private static Map<String, Object> partner(String region, String municipality, PartnerKind kind, String name, String offer,
                                               String contact) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", "PTN-DEMO-" + (municipality == null ? region : municipality) + "-" + kind.name());
        p.put("regionId", region);
        p.put("municipalityId", municipality == null ? "" : municipality);
        p.put("kind", kind.name());
        p.put("name", name);
        p.put("offer", offer);
        p.put("contact", contact);
        return p;
    }

    private static void write(TransactionContext tx, List<Map<String, Object>> partners, List<Map<String, Object>> programmes,
                              List<Map<String, Object>> goals, List<Map<String, Object>> measures, List<Map<String, Object>> targets) {
        tx.run("""
                UNWIND $rows AS row
                MERGE (p:Partner {id: row.id})
                SET p.regionId = row.regionId, p.municipalityId = CASE row.municipalityId WHEN '' THEN null ELSE row.municipalityId END,
                    p.kind = row.kind, p.name = row.name, p.offer = row.offer, p.contact = row.contact,
                    p.createdAt = datetime(), p.createdBy = $demo""", Map.of("rows", partners, "demo", DEMO_USER)).consume();
        tx.run("""
                UNWIND $rows AS row
                MATCH (s:School {id: row.schoolId})
                CREATE (s)-[:HAS_PROGRAMME]->(p:SchoolProgramme)
                SET p.id = row.id, p.schoolId = row.schoolId, p.regionId = row.regionId, p.municipalityId = row.municipalityId,
                    p.kind = row.kind, p.riskFactor = row.riskFactor, p.title = row.title, p.periodStart = row.periodStart,
                    p.periodEnd = row.periodEnd, p.status = row.status, p.createdAt = datetime(), p.createdBy = $demo, p.version = 0,
                    p.agreedBy = row.agreedBy,
                    p.agreedAt = CASE WHEN row.agreedOn IS NULL THEN null ELSE datetime({date: row.agreedOn, hour: 12}) END""",
                Map.of("rows", programmes, "demo", DEMO_USER)).consume();
        tx.run("""
                UNWIND $rows AS row
                MATCH (p:SchoolProgramme {id: row.programmeId})
                CREATE (p)-[:HAS_GOAL]->(g:ProgrammeGoal)
                SET g.id = row.id, g.programmeId = row.programmeId, g.basisKind = row.basisKind, g.basis = row.basis,
                    g.text = row.text, g.position = row.position""", Map.of("rows", goals)).consume();
        tx.run("""
                UNWIND $rows AS row
                MATCH (p:SchoolProgramme {id: row.programmeId})
                CREATE (p)-[:HAS_MEASURE]->(m:ProgrammeMeasure)
                SET m.id = row.id, m.programmeId = row.programmeId, m.goalId = row.goalId, m.title = row.title,
                    m.responsible = row.responsible, m.deadline = row.deadline, m.plannedResult = row.plannedResult,
                    m.status = row.status, m.evidence = row.evidence, m.doneOn = row.doneOn
                WITH m, row WHERE row.partnerId IS NOT NULL
                MATCH (x:Partner {id: row.partnerId})
                MERGE (m)-[:WITH_PARTNER]->(x)""", Map.of("rows", measures)).consume();
        tx.run("""
                UNWIND $rows AS row
                MATCH (p:SchoolProgramme {id: row.programmeId})
                CREATE (p)-[:HAS_TARGET]->(t:ProgrammeTarget)
                SET t.id = row.id, t.programmeId = row.programmeId, t.indicator = row.indicator, t.target = row.target,
                    t.targetYear = row.targetYear, t.position = row.position""", Map.of("rows", targets)).consume();
    }

    /** The region-level college joins the demo pairs that are agreed or active, as a party to their agreements. */
    private long linkPairs(String region, List<Map<String, Object>> partners) {
        String college = (String) partners.get(1).get("id");
        return neo4j.write(tx -> tx.run("""
                MATCH (n:NetworkPair {regionId: $r}) WHERE n.status IN ['AGREED', 'ACTIVE']
                MATCH (x:Partner {id: $college})
                MERGE (n)-[w:WITH_PARTNER]->(x) ON CREATE SET w.role = 'Профессиональные пробы для обучающихся обеих школ'
                RETURN count(w) AS n""", Map.of("r", region, "college", college)).single().get("n").asLong());
    }
}
