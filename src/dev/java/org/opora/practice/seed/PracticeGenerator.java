package org.opora.practice.seed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.opora.practice.EvidenceItem;
import org.opora.practice.PracticeInput;
import org.opora.practice.PracticeStatus;
import org.opora.practice.seed.PracticeTemplates.Archetype;
import org.opora.practice.seed.PracticeTemplates.Handwritten;
import org.opora.practice.seed.PracticeTemplates.Metric;
import org.opora.platform.csv.CsvWriter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Generates the practice bank's seed data deterministically (same schools, count and seed: byte-identical output)
 * from the hand-written examples and the archetypes of {@link PracticeTemplates}.
 *
 * <pre>
 * java -cp target/classes:target/lib/* org.opora.practice.seed.PracticeGenerator \
 *      [--schools seed-data/region/schools.csv] [--out seed-data/practices] [--count 320] [--seed 74]
 * </pre>
 * Authors and adopters are schools of the demo region ({@code seed-data/region/schools.csv} by default). Writes
 * {@code practices.jsonl} (one practice per line) and {@code adoptions.csv}.
 */
public final class PracticeGenerator {

    public static final int DEFAULT_COUNT = 320;
    public static final long DEFAULT_SEED = 74;
    public static final Path REGION_SCHOOLS = Path.of("seed-data", "region", "schools.csv");
    public static final Path OUTPUT = Path.of("seed-data", "practices");
    /** The seed data's "today": dates never pass it, so output does not depend on when it is generated. */
    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final String OFFSET = "+05:00";

    private static final List<String> SURNAMES = List.of("Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев",
            "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
            "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев",
            "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Дмитриев",
            "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Белов", "Медведев",
            "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов",
            "Осипов", "Сидоров", "Мельников", "Щербаков", "Афанасьев", "Калинин", "Шестаков", "Ершов", "Пестов", "Уткин");
    private static final String INITIALS = "АБВГДЕИКЛМНОПРСТЮЯ";
    private static final String PATRONYMIC_INITIALS = "АБВГДЕИКЛМНОПРСФЮ";

    private final Random random;
    private final List<SeedSchool> schools;
    private final List<SeedSchool> rural;
    private final List<SeedSchool> urban;
    private final Set<String> titles = new HashSet<>();
    private final Map<String, Integer> variants = new java.util.HashMap<>();

    /** Generated practices and adoptions. */
    public record Output(List<SeedPractice> practices, List<SeedPractice.Adoption> adoptions) {
    }

    private PracticeGenerator(List<SeedSchool> schools, long seed) {
        if (schools.isEmpty()) {
            throw new IllegalArgumentException("No schools to author practices");
        }
        this.random = new Random(seed);
        this.schools = schools.stream().sorted(Comparator.comparing(SeedSchool::id)).toList();
        this.rural = this.schools.stream().filter(SeedSchool::rural).toList();
        this.urban = this.schools.stream().filter(s -> !s.rural()).toList();
    }

    /**
     * Generates {@code count} practices ({@code idPrefix} + 4..6-digit number) authored by the given schools,
     * hand-written examples first, and adoptions of the approved ones.
     */
    public static Output generate(List<SeedSchool> schools, int count, long seed, String idPrefix) {
        return new PracticeGenerator(schools, seed).run(count, idPrefix);
    }

    private Output run(int count, String idPrefix) {
        List<SeedPractice> practices = new ArrayList<>();
        List<SeedPractice.Adoption> adoptions = new ArrayList<>();
        int digits = count >= 10_000 ? 6 : 4;
        for (int i = 0; i < count; i++) {
            String id = idPrefix + String.format("%0" + digits + "d", i + 1);
            SeedPractice practice = i < PracticeTemplates.HANDWRITTEN.size()
                    ? fromHandwritten(id, PracticeTemplates.HANDWRITTEN.get(i))
                    : fromArchetype(id, PracticeTemplates.ARCHETYPES.get(
                            (i - PracticeTemplates.HANDWRITTEN.size() + random.nextInt(3)) % PracticeTemplates.ARCHETYPES.size()));
            practices.add(practice);
            adoptions.addAll(adoptionsOf(practice));
        }
        return new Output(practices, adoptions);
    }

    // -------------------------------------------------------------------------------------------------------------

    private SeedPractice fromHandwritten(String id, Handwritten h) {
        SeedSchool school = pick(h.rural() && !rural.isEmpty() ? rural : urban.isEmpty() ? schools : urban);
        Dates dates = dates(PracticeStatus.APPROVED);
        String subject = h.subjects().stream().filter(PracticeTemplates.SUBJECT_FORMS::containsKey).findFirst().orElse("MATHEMATICS");
        Context ctx = new Context(subject, h.grades().get(0), h.grades().get(h.grades().size() - 1), school);
        List<EvidenceItem> evidence = new ArrayList<>();
        StringBuilder narrative = new StringBuilder(h.evidenceSummary());
        for (Metric metric : h.metrics()) {
            EvidenceItem item = measure(metric, ctx, dates.created(), null, false);
            evidence.add(item);
            narrative.append(narrative.isEmpty() ? "" : " ").append(sentence(item, metric.gender()));
        }
        if (!evidence.isEmpty() && random.nextDouble() < 0.5) {
            SeedSchool partner = partnerOf(school);
            EvidenceItem replica = measure(h.metrics().get(0), ctx, dates.created(), partner.id(), false);
            evidence.add(replica);
            narrative.append(" В школе, повторившей практику, результат подтвердился: ").append(change(replica)).append('.');
        }
        titles.add(h.title());
        return practice(id, h.title(), h.summary(), h.description(), h.subjects(), h.grades(), h.level(), h.riskFactors(),
                authors(h.subjects(), h.level()), h.resources(), narrative.toString().strip(), evidence, school,
                PracticeStatus.APPROVED, dates);
    }

    private SeedPractice fromArchetype(String id, Archetype a) {
        boolean placeholders = (String.join(" ", a.titles()) + a.summary() + a.core()).matches("(?s).*\\{(gen|dat)}.*");
        List<String> namable = a.subjects().stream().filter(PracticeTemplates.SUBJECT_FORMS::containsKey).toList();
        String subject = placeholders && !namable.isEmpty() ? pick(namable) : pick(a.subjects());
        List<String> subjects = new ArrayList<>(List.of(subject));
        for (String s : a.subjects()) {
            if (!s.equals(subject) && !PracticeTemplates.SUBJECT_FORMS.containsKey(s)) {
                subjects.add(s); // areas (upbringing, management) always come along
            }
        }
        int span = a.gradeTo() - a.gradeFrom();
        int from = a.gradeFrom() + (span == 0 ? 0 : random.nextInt(span + 1) / 2);
        int to = Math.min(a.gradeTo(), from + (span == 0 ? 0 : 1 + random.nextInt(Math.min(3, span))));
        List<Integer> grades = new ArrayList<>();
        for (int g = from; g <= to; g++) {
            grades.add(g);
        }
        boolean wantsRural = a.factor().equals("REMOTENESS") || a.also().contains("REMOTENESS") || random.nextDouble() < 0.55;
        SeedSchool school = pick(wantsRural && !rural.isEmpty() ? rural : urban.isEmpty() ? schools : urban);
        Context ctx = new Context(subject, from, to, school);

        String title = uniqueTitle(a, ctx);
        PracticeStatus status = status();
        Dates dates = dates(status);

        List<String> riskFactors = new ArrayList<>(List.of(a.factor()));
        for (String also : a.also()) {
            if (random.nextDouble() < 0.7) {
                riskFactors.add(also);
            }
        }
        String level = level(a.level());

        List<EvidenceItem> evidence = new ArrayList<>();
        StringBuilder narrative = new StringBuilder();
        if (random.nextDouble() >= 0.3) {
            List<Metric> metrics = new ArrayList<>(a.metrics());
            int n = metrics.size() > 1 && random.nextBoolean() ? 2 : 1;
            for (int k = 0; k < n; k++) {
                Metric metric = metrics.get(k);
                EvidenceItem item = measure(metric, ctx, dates.created(), null, random.nextDouble() < 0.05);
                evidence.add(item);
                narrative.append(narrative.isEmpty() ? "" : " ").append(sentence(item, metric.gender()));
            }
            if (random.nextDouble() < 0.25) {
                SeedSchool partner = partnerOf(school);
                EvidenceItem replica = measure(metrics.get(0), ctx, dates.created(), partner.id(), false);
                evidence.add(replica);
                narrative.append(" В школе, повторившей практику, результат подтвердился: ").append(change(replica)).append('.');
            }
        }
        String description = String.join("\n\n",
                pick(PracticeTemplates.PROBLEMS.get(a.factor())) + " Практика сложилась в " + placeOf(school) + ".",
                "Суть практики. " + fill(a.core(), ctx),
                "Как организовано: " + String.join("; ", a.steps()) + ".",
                "Что изменилось. " + (evidence.isEmpty() ? pick(PracticeTemplates.NO_DATA)
                        : "Показатели «до» и «после» приведены в разделе о результатах практики."),
                "Совет тем, кто захочет повторить: " + lowerFirst(pick(PracticeTemplates.ADVICE)));
        return practice(id, title, fill(a.summary(), ctx), description, subjects, grades, level, riskFactors,
                authors(subjects, level), a.resources(), evidence.isEmpty() ? null : narrative.toString(), evidence, school,
                status, dates);
    }

    private String uniqueTitle(Archetype a, Context ctx) {
        List<String> candidates = new ArrayList<>();
        int first = random.nextInt(a.titles().size());
        for (int k = 0; k < a.titles().size(); k++) {
            candidates.add(fill(a.titles().get((first + k) % a.titles().size()), ctx));
        }
        for (String candidate : candidates) {
            if (titles.add(candidate)) {
                return candidate;
            }
        }
        String grades = ctx.from() == ctx.to() ? ctx.from() + " класс" : ctx.from() + "–" + ctx.to() + " классы";
        String withGrades = candidates.get(0) + " (" + grades + ")";
        if (titles.add(withGrades)) {
            return withGrades;
        }
        String withPlace = candidates.get(0) + " (" + grades + ", " + (ctx.school().rural() ? "сельская" : "городская") + " школа)";
        if (titles.add(withPlace)) {
            return withPlace;
        }
        // Only at benchmark sizes: numbered variants, counting per title so that this stays linear.
        for (int n = variants.merge(withGrades, 1, Integer::sum) + 1; ; n = variants.merge(withGrades, 1, Integer::sum) + 1) {
            String numbered = withGrades + ", вариант " + n;
            if (titles.add(numbered)) {
                return numbered;
            }
        }
    }

    private record Context(String subject, int from, int to, SeedSchool school) {
    }

    private record Dates(LocalDate created, LocalDate submitted, LocalDate reviewed) {
    }

    private static String fill(String template, Context ctx) {
        String[] forms = PracticeTemplates.SUBJECT_FORMS.getOrDefault(ctx.subject(), new String[] {"предмета", "предмету"});
        String grades = ctx.from() == ctx.to() ? ctx.from() + " класса" : ctx.from() + "–" + ctx.to() + " классов";
        return template.replace("{gen}", forms[0]).replace("{dat}", forms[1]).replace("{grades}", grades)
                .replace("{grade}", String.valueOf(metricGrade(ctx)))
                .replace("{place}", ctx.school().rural() ? "сельской школе" : "городской школе")
                .replace("{settlement}", ctx.school().rural() ? "села" : "города");
    }

    /** A grade in which the metric's procedure exists: ВПР in 4–8 (КДР reading in 4 or 6). */
    private static int metricGrade(Context ctx) {
        return Math.max(4, Math.min(8, ctx.from() + (ctx.to() - ctx.from()) / 2));
    }

    private EvidenceItem measure(Metric m, Context ctx, LocalDate created, String schoolId, boolean noChange) {
        double before = round(m.beforeMin() + random.nextDouble() * (m.beforeMax() - m.beforeMin()), m.decimals());
        double change = noChange ? 0 : round(m.changeMin() + random.nextDouble() * (m.changeMax() - m.changeMin()), m.decimals());
        double after = m.higherIsBetter() ? before + change : before - change;
        if ("%".equals(m.unit())) {
            after = Math.max(0, Math.min(100, after));
        } else {
            after = Math.max(0, after);
        }
        after = round(after, m.decimals());
        int yearAfter = Math.min(created.getYear(), TODAY.getYear() - 1);
        int yearBefore = yearAfter - 1 - random.nextInt(2);
        String text = fill(m.text(), ctx);
        if (text.contains("КДР")) {
            text = text.replaceAll(", \\d+ класс$", ", " + (ctx.from() <= 5 ? 4 : 6) + " класс");
        }
        return new EvidenceItem(text, before, after, m.unit(), yearBefore, yearAfter, m.higherIsBetter(), schoolId);
    }

    private static String sentence(EvidenceItem e, char gender) {
        int years = e.yearAfter() - e.yearBefore();
        String period = years == 1 ? "За год" : years == 2 ? "За два года" : "За " + years + " года";
        if (e.before() == e.after()) {
            return period + " " + lowerFirst(e.metric()) + (e.metric().contains(", ") ? "," : "") + " " + (gender == 'f' ? "осталась" : gender == 'm' ? "остался" : "осталось")
                    + " на уровне " + number(e.before(), e.unit()) + ": эффект пока не проявился.";
        }
        boolean up = e.after() > e.before();
        String verb = switch (gender) {
            case 'f' -> up ? "выросла" : "снизилась";
            case 'm' -> up ? "вырос" : "снизился";
            default -> up ? "выросло" : "снизилось";
        };
        // A metric with a participial clause ("доля обучающихся, не справившихся с ВПР") needs the closing comma.
        String metric = lowerFirst(e.metric()) + (e.metric().contains(", ") ? "," : "");
        return period + " (" + e.yearBefore() + "–" + e.yearAfter() + ") " + metric + " " + verb + " с "
                + number(e.before(), e.unit()) + " до " + number(e.after(), e.unit()) + ".";
    }

    private static String change(EvidenceItem e) {
        return "с " + number(e.before(), e.unit()) + " до " + number(e.after(), e.unit());
    }

    private static String number(double value, String unit) {
        String n = value == Math.rint(value) ? String.valueOf((long) value) : String.format(RU, "%.2f", value).replaceAll("0$", "");
        return switch (unit == null ? "" : unit) {
            case "%" -> n + " %";
            case "чел." -> n + " чел.";
            default -> n;
        };
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static String placeOf(SeedSchool school) {
        String kind = switch (school.type() == null ? "" : school.type()) {
            case "ООШ" -> "основной школе";
            case "НОШ" -> "начальной школе";
            case "Гимназия" -> "гимназии";
            case "Лицей" -> "лицее";
            case "ЦО" -> "центре образования";
            case "В(С)ОШ" -> "вечерней школе";
            case "СОШ с УИОП" -> "школе с углублённым изучением отдельных предметов";
            default -> "средней школе";
        };
        return (school.rural() ? "сельской " : "городской ") + kind;
    }

    private PracticeStatus status() {
        double r = random.nextDouble();
        return r < 0.82 ? PracticeStatus.APPROVED : r < 0.88 ? PracticeStatus.SUBMITTED : r < 0.94 ? PracticeStatus.DRAFT
                : PracticeStatus.REJECTED;
    }

    private Dates dates(PracticeStatus status) {
        LocalDate created = switch (status) {
            case APPROVED, REJECTED -> LocalDate.of(2021, 2, 1).plusDays(random.nextInt(1_400));
            default -> LocalDate.of(2025, 1, 15).plusDays(random.nextInt(100));
        };
        LocalDate submitted = status == PracticeStatus.DRAFT ? null : min(created.plusDays(3 + random.nextInt(38)), TODAY);
        LocalDate reviewed = status == PracticeStatus.APPROVED || status == PracticeStatus.REJECTED
                ? min(submitted.plusDays(5 + random.nextInt(26)), TODAY) : null;
        return new Dates(created, submitted, reviewed);
    }

    private String level(String usual) {
        double r = random.nextDouble();
        if (r < 0.15 && !usual.equals("SCHOOL")) {
            return usual.equals("REGIONAL") ? "MUNICIPAL" : "SCHOOL";
        }
        if (r > 0.92 && !usual.equals("REGIONAL")) {
            return usual.equals("SCHOOL") ? "MUNICIPAL" : "REGIONAL";
        }
        return usual;
    }

    private List<String> authors(List<String> subjects, String level) {
        int n = 1 + random.nextInt(3);
        List<String> authors = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String position;
            String subject = subjects.get(k % subjects.size());
            String[] forms = PracticeTemplates.SUBJECT_FORMS.get(subject);
            if (k == n - 1 && !level.equals("SCHOOL") && n > 1) {
                position = "методист муниципального методического центра";
            } else if (forms != null) {
                position = "учитель " + forms[0];
            } else {
                position = switch (subject) {
                    case "EDUCATIONAL_WORK" -> pick(List.of("заместитель директора по воспитательной работе", "социальный педагог",
                            "классный руководитель", "советник директора по воспитанию"));
                    case "PSYCHOLOGICAL_SUPPORT" -> pick(List.of("педагог-психолог", "учитель-дефектолог", "учитель-логопед"));
                    case "SCHOOL_MANAGEMENT" -> pick(List.of("директор", "заместитель директора по учебной работе"));
                    default -> "заместитель директора по учебной работе";
                };
            }
            boolean female = random.nextDouble() < 0.8;
            String surname = pick(SURNAMES) + (female ? "а" : "");
            String name = surname + " " + INITIALS.charAt(random.nextInt(INITIALS.length())) + ". "
                    + PATRONYMIC_INITIALS.charAt(random.nextInt(PATRONYMIC_INITIALS.length())) + ".";
            authors.add(name + ", " + position);
        }
        return authors;
    }

    private List<SeedPractice.Adoption> adoptionsOf(SeedPractice p) {
        if (!PracticeStatus.APPROVED.name().equals(p.status()) || p.publishedAt() == null
                || LocalDate.parse(p.publishedAt()).isAfter(LocalDate.of(2024, 12, 31))) {
            return List.of();
        }
        double r = random.nextDouble();
        int n = r < 0.35 ? 0 : r < 0.60 ? 1 : r < 0.78 ? 2 : r < 0.90 ? 3 : r < 0.96 ? 4 : 5;
        SeedSchool author = schools.stream().filter(s -> s.id().equals(p.content().authorSchoolId())).findFirst().orElseThrow();
        List<SeedSchool> sameLocality = schools.stream().filter(s -> s.rural() == author.rural() && !s.id().equals(author.id())).toList();
        List<SeedPractice.Adoption> adoptions = new ArrayList<>();
        Set<String> adopters = new HashSet<>();
        for (int k = 0; k < n; k++) {
            List<SeedSchool> pool = random.nextDouble() < 0.8 && !sameLocality.isEmpty() ? sameLocality : schools;
            SeedSchool adopter = pick(pool);
            if (adopter.id().equals(author.id()) || !adopters.add(adopter.id())) {
                continue;
            }
            LocalDate date = min(LocalDate.parse(p.publishedAt()).plusDays(20 + random.nextInt(480)), LocalDate.of(2025, 5, 20));
            String note = random.nextDouble() < 0.6 ? pick(PracticeTemplates.ADOPTION_NOTES) : null;
            adoptions.add(new SeedPractice.Adoption(p.id(), adopter.id(), date.toString(), note));
        }
        return adoptions;
    }

    private SeedPractice practice(String id, String title, String summary, String description, List<String> subjects,
                                  List<Integer> grades, String level, List<String> riskFactors, List<String> authors,
                                  String resources, String evidenceSummary, List<EvidenceItem> evidence, SeedSchool school,
                                  PracticeStatus status, Dates dates) {
        String rejection = status == PracticeStatus.REJECTED ? pick(PracticeTemplates.REJECTION_REASONS) : null;
        PracticeInput content = new PracticeInput(title, summary, description, subjects, grades, level, riskFactors, authors,
                resources, evidenceSummary, evidence, school.id());
        return new SeedPractice(id, content, school.regionId(), school.municipalityId(), status.name(), rejection,
                "seed", instant(dates.created(), 10), dates.submitted() == null ? null : instant(dates.submitted(), 12),
                dates.reviewed() == null ? null : "region", dates.reviewed() == null ? null : instant(dates.reviewed(), 15),
                status == PracticeStatus.APPROVED ? dates.reviewed().toString() : null);
    }

    private SeedSchool partnerOf(SeedSchool school) {
        List<SeedSchool> sameMunicipality = schools.stream()
                .filter(s -> !s.id().equals(school.id()) && java.util.Objects.equals(s.municipalityId(), school.municipalityId())).toList();
        List<SeedSchool> pool = sameMunicipality.isEmpty() ? schools.stream().filter(s -> !s.id().equals(school.id())).toList()
                : sameMunicipality;
        return pool.isEmpty() ? school : pick(pool);
    }

    private static String instant(LocalDate date, int hour) {
        return date + "T" + String.format("%02d", hour) + ":00:00" + OFFSET;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    // -------------------------------------------------------------------------------------------------------------

    /** Writes {@code practices.jsonl} and {@code adoptions.csv} into {@code dir}. */
    public static void write(Output output, Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("practices.jsonl"), StandardCharsets.UTF_8)) {
            for (SeedPractice p : output.practices()) {
                out.write(json.writeValueAsString(p));
                out.write('\n');
            }
        }
        try (CsvWriter out = new CsvWriter(Files.newBufferedWriter(dir.resolve("adoptions.csv"), StandardCharsets.UTF_8))) {
            out.write("practice_id", "school_id", "date", "note");
            for (SeedPractice.Adoption a : output.adoptions()) {
                out.write(a.practiceId(), a.schoolId(), a.date(), a.note() == null ? "" : a.note());
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("usage: [--schools FILE] [--out DIR] [--count N] [--seed N]");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        Path schoolsFile = Path.of(options.getOrDefault("schools", REGION_SCHOOLS.toString()));
        Path out = Path.of(options.getOrDefault("out", OUTPUT.toString()));
        int count = Integer.parseInt(options.getOrDefault("count", String.valueOf(DEFAULT_COUNT)));
        long seed = Long.parseLong(options.getOrDefault("seed", String.valueOf(DEFAULT_SEED)));
        List<SeedSchool> schools = SeedSchool.read(schoolsFile);
        Output output = generate(schools, count, seed, "PR-");
        write(output, out);
        long approved = output.practices().stream().filter(p -> p.status().equals("APPROVED")).count();
        System.out.printf("Generated %d practices (%d approved) and %d adoptions from %d schools of %s into %s%n",
                output.practices().size(), approved, output.adoptions().size(), schools.size(), schoolsFile, out);
    }
}
