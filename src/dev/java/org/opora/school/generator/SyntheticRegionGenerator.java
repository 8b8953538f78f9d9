package org.opora.school.generator;

import org.opora.school.Indicator;
import org.opora.school.Locality;
import org.opora.school.Procedure;
import org.opora.school.SchoolType;
import org.opora.school.Subject;
import org.opora.platform.csv.CsvWriter;
import org.opora.school.importing.FileKind;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates a synthetic Russian region (or many, for scale tests) in the import formats of
 * docs/data-formats.md: schools.csv, results.csv, indicators.csv, plus planted.csv with the truth an
 * identification method should find.
 * <p>
 * The model: each school has a latent social-context disadvantage {@code D} (from its municipality,
 * rural location, size, type and chance). {@code D} drives every context indicator and, negatively,
 * the school's latent achievement {@code A = -0.55·D + Q}, where {@code Q} is the school's own
 * effect. Test results are simulated pupil by pupil from {@code A}, so small schools are as noisy as
 * they are in reality. About 5% of schools get a strongly negative {@code Q} (some of them falling
 * year after year), about 5% of the schools in adverse context a strongly positive one (resilient);
 * everybody else is noise around the regression line.
 * <p>
 * Deterministic: one {@link java.util.Random} (whose algorithm the JDK specifies, unlike
 * SplittableRandom's gaussian) drawn in a fixed order, fixed-point decimal formatting and LF line
 * ends, so the same options produce byte-identical files on any machine.
 */
public final class SyntheticRegionGenerator {

    public static final Path DEMO_DIR = Path.of("seed-data", "region");
    public static final long DEMO_SEED = 74L;

    /** What to generate. {@code municipalities} is per region (an average when there are several). */
    public record Options(Path outputDir, long seed, int regions, int municipalities, int schools, List<Integer> years,
                          boolean perRegion) {

        /** All regions in one set of files. */
        public Options(Path outputDir, long seed, int regions, int municipalities, int schools, List<Integer> years) {
            this(outputDir, seed, regions, municipalities, schools, years, false);
        }

        public Options {
            if (regions < 1 || municipalities < 3 || schools < regions * municipalities || years.isEmpty()) {
                throw new IllegalArgumentException("need regions >= 1, municipalities >= 3, "
                        + "schools >= regions * municipalities and at least one year");
            }
            years = List.copyOf(years);
        }

        /** The committed demo region: seed-data/region. */
        public static Options demo() {
            return new Options(DEMO_DIR, DEMO_SEED, 1, 40, 800, List.of(2023, 2024, 2025));
        }

        /**
         * A national-scale set (≈ Russia: 40,000 schools, 85 regions), generated under target/ as one
         * directory per region: each region's files import in one transaction each, as a region's
         * own data would, where national files would exceed a transaction's memory.
         */
        public static Options national() {
            return new Options(Path.of("target", "national"), DEMO_SEED, 85, 40, 40_000, List.of(2023, 2024, 2025), true);
        }
    }

    /** The planted truth, as written to planted.csv. */
    public enum Role {
        LOW_RESULTS("low_results", "результаты намного ниже ожидаемых при её социальном контексте"),
        LOW_RESULTS_FALLING("low_results_falling", "результаты намного ниже ожидаемых и снижаются год от года"),
        RESILIENT("resilient", "неблагоприятный контекст, но результаты намного выше ожидаемых"),
        RISING_RISK("rising_risk", "факторы риска растут год от года при дефиците ресурсов (результаты пока не снизились)");

        private final String code;
        private final String description;

        Role(String code, String description) {
            this.code = code;
            this.description = description;
        }

        public String code() {
            return code;
        }

        public String description() {
            return description;
        }
    }

    /** Counts of what was written. */
    public record Summary(int regions, int municipalities, int schools, long resultRows, long indicatorRows,
                          Map<Role, Integer> planted) {
    }

    // Latent model weights (in standard deviations of pupils' scores, see class comment).
    private static final double CONTEXT_EFFECT = -0.55;
    private static final double SCHOOL_EFFECT_SD = 0.45;
    private static final double ACHIEVEMENT_TO_PUPIL = 0.45;
    private static final double PLANTED_SHARE = 0.05;

    private final Options options;
    private final Random random;
    /** Resource indicators and the rising-risk plant: a stream of their own (see MAIN_STREAM_INDICATORS). */
    private final Random resources;
    /** The monitoring outcomes (olympiad winners, individual routes, ...): a stream of their own, added last. */
    private final Random monitoring;
    private int municipalityCount;
    private long resultRows;
    private long indicatorRows;
    private final Map<Role, Integer> planted = new EnumMap<>(Role.class);

    private SyntheticRegionGenerator(Options options) {
        this.options = options;
        this.random = new Random(options.seed());
        this.resources = new Random(options.seed() * 7919 + 17);
        this.monitoring = new Random(options.seed() * 104729 + 31);
    }

    public static Summary generate(Options options) throws IOException {
        return new SyntheticRegionGenerator(options).run();
    }

    public static void main(String[] args) throws IOException {
        int code = run(List.of(args), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** {@code java -jar opora.jar --generate [options]}: 0, or 2 with the problem (bad options, unwritable output). */
    public static int run(List<String> args, java.io.PrintStream out, java.io.PrintStream err) {
        try {
            generateAndReport(args.toArray(String[]::new), out);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("Не удалось записать данные: " + e.getMessage());
            return 2;
        }
    }

    private static void generateAndReport(String[] args, java.io.PrintStream out) throws IOException {
        Options options = parse(args);
        long started = System.nanoTime();
        Summary summary = generate(options);
        out.printf("Generated into %s in %d ms: %d region(s), %d municipalities, %d schools, "
                        + "%d result rows, %d indicator rows, planted %s%n",
                options.outputDir(), (System.nanoTime() - started) / 1_000_000, summary.regions(),
                summary.municipalities(), summary.schools(), summary.resultRows(), summary.indicatorRows(),
                summary.planted());
    }

    static Options parse(String[] args) {
        Options defaults = Options.demo();
        if (Arrays.asList(args).contains("--national")) {
            defaults = Options.national();
        }
        Path out = defaults.outputDir();
        long seed = defaults.seed();
        int regions = defaults.regions();
        int municipalities = defaults.municipalities();
        int schools = defaults.schools();
        List<Integer> years = defaults.years();
        boolean perRegion = defaults.perRegion();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--national")) {
                continue;
            }
            if (arg.equals("--per-region") || arg.equals("--single-files")) {
                perRegion = arg.equals("--per-region");
                continue;
            }
            if (arg.equals("--help") || i + 1 >= args.length) {
                throw usage(arg.equals("--help") ? null : "missing value after " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--out" -> out = Path.of(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--regions" -> regions = Integer.parseInt(value);
                case "--municipalities" -> municipalities = Integer.parseInt(value);
                case "--schools" -> schools = Integer.parseInt(value);
                case "--years" -> years = Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
                default -> throw usage("unknown option " + arg);
            }
        }
        return new Options(out, seed, regions, municipalities, schools, years, perRegion);
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException((problem == null ? "" : problem + "\n")
                + "usage: SyntheticRegionGenerator [--national] [--out DIR] [--seed N] [--regions N] "
                + "[--municipalities N per region] [--schools N in total] [--years 2023,2024,2025] [--per-region|--single-files]\n"
                + "defaults: the demo region (seed-data/region, seed 74, 1 region, 40 municipalities, 800 schools); "
                + "--national: target/national, 85 regions, 40000 schools, one subdirectory per region");
    }

    // ------------------------------------------------------------------------------------------
    // The plan of a region

    private enum MunicipalityKind {
        CAPITAL, URBAN_OKRUG, MUNICIPAL_OKRUG, DISTRICT
    }

    private record Point(double lat, double lon) {
    }

    private static final class Region {
        String id;
        String name;
        String capital;
        double latMin;
        double latMax;
        double lonMin;
        double lonMax;
        Point centre;
        final List<Municipality> municipalities = new ArrayList<>();
        final List<School> schools = new ArrayList<>();
    }

    private static final class Municipality {
        String id;
        String name;
        MunicipalityKind kind;
        String town;                       // the town at the centre, or null for a village centre
        RussianNames.Village centreVillage; // the village at the centre of a rural district
        Point centre;
        double disadvantage;
        double migration;
        int schoolCount;
    }

    private static final class School {
        String id;
        String name;
        Municipality municipality;
        SchoolType type;
        Locality locality;
        int enrolment;
        boolean small;
        Point point;
        int lowestGrade;
        double rawDisadvantage;
        double disadvantage;   // standardised within the region
        double ownEffect;
        Role role;
        double remotenessKm;
        final double[] indicatorNoise = new double[MAIN_STREAM_INDICATORS];
        /** Yearly worsening of some risk factors (RISING_RISK schools), in logit units per year. */
        double riskDrift;
        /** Own resource levels (financial, methodical), drawn from the resource stream. */
        double fundingLatent;
        double methodicalLatent;
    }

    /**
     * Indicators whose values come from the main random stream. Resource indicators were added later
     * and draw from their own stream, so the committed demo region kept every earlier value.
     */
    private static final int MAIN_STREAM_INDICATORS = (int) java.util.Arrays.stream(Indicator.values())
            .filter(i -> i.kind() != Indicator.Kind.RESOURCE && !SyntheticRegionGenerator.monitoringOutcome(i)).count();
    /** Risk indicators that worsen in a RISING_RISK school. */
    private static final java.util.Set<Indicator> DRIFTING = java.util.EnumSet.of(Indicator.STAFF_SHORTAGE_SHARE,
            Indicator.LEARNING_DIFFICULTIES_SHARE, Indicator.DIFFICULT_SITUATION_SHARE, Indicator.REGISTERED_SHARE,
            Indicator.TEACHERS_NO_CATEGORY_SHARE);

    /** The four files of one output directory. */
    private static final class Output implements AutoCloseable {
        final CsvWriter schools;
        final CsvWriter results;
        final CsvWriter indicators;
        final CsvWriter truth;

        Output(Path dir) throws IOException {
            Files.createDirectories(dir);
            schools = writer(dir, FileKind.SCHOOLS.fileName());
            results = writer(dir, FileKind.RESULTS.fileName());
            indicators = writer(dir, FileKind.INDICATORS.fileName());
            truth = writer(dir, "planted.csv");
            schools.write(FileKind.SCHOOLS.columns());
            results.write(FileKind.RESULTS.columns());
            indicators.write(FileKind.INDICATORS.columns());
            truth.write("school_id", "role", "description");
        }

        @Override
        public void close() throws IOException {
            try (schools; results; indicators; truth) {
                // closes all four even if one fails
            }
        }
    }

    private Summary run() throws IOException {
        Path dir = options.outputDir();
        int[] perRegion = split(options.schools(), options.regions(), 0.6, 80);
        List<String> capitals = shuffled(RussianNames.towns());
        Output shared = options.perRegion() ? null : new Output(dir);
        try {
            for (int r = 0; r < options.regions(); r++) {
                Region region = planRegion(r, capitals.get(r % capitals.size()), perRegion[r]);
                Output out = shared != null ? shared : new Output(dir.resolve(region.id));
                try {
                    writeRegion(region, out);
                } finally {
                    if (out != shared) {
                        out.close();
                    }
                }
            }
        } finally {
            if (shared != null) {
                shared.close();
            }
        }
        return new Summary(options.regions(), municipalityCount, options.schools(), resultRows, indicatorRows, planted);
    }

    private void writeRegion(Region region, Output out) throws IOException {
        writeSchools(region, out.schools);
        for (int y = 0; y < options.years().size(); y++) {
            double regionYearShift = gaussian(0.05);
            for (School school : region.schools) {
                double achievement = achievement(school, y, regionYearShift);
                writeResults(school, options.years().get(y), achievement, out.results);
                writeIndicators(school, options.years().get(y), achievement, out.indicators);
            }
        }
        for (School school : region.schools) {
            if (school.role != null) {
                out.truth.write(school.id, school.role.code(), school.role.description());
            }
        }
    }

    private Region planRegion(int index, String capital, int schoolCount) {
        Region region = new Region();
        if (options.regions() == 1) {
            // The demo region: a fictional oblast in the Urals (no real region's data is imitated).
            region.id = "R74";
            region.name = "Уральская область";
            region.capital = "Камнегорск";
            region.latMin = 55.0;
            region.latMax = 58.6;
            region.lonMin = 57.6;
            region.lonMax = 63.6;
        } else {
            region.id = String.format("N%02d", index + 1);
            region.capital = capital;
            region.name = RussianNames.townAdjectiveFeminine(capital) + " область";
            double lat = uniform(45, 63);
            double lon = uniform(32, 135);
            double halfHeight = uniform(1.0, 2.2);
            double halfWidth = halfHeight * uniform(1.2, 2.0) / StrictMath.cos(Math.toRadians(lat));
            region.latMin = lat - halfHeight;
            region.latMax = lat + halfHeight;
            region.lonMin = lon - halfWidth;
            region.lonMax = lon + halfWidth;
        }
        region.centre = new Point((region.latMin + region.latMax) / 2 + uniform(-0.3, 0.3),
                (region.lonMin + region.lonMax) / 2 + uniform(-0.5, 0.5));
        int municipalityTotal = options.regions() == 1 ? options.municipalities()
                : Math.max(5, Math.min(3 * options.municipalities(),
                (int) Math.round(options.municipalities() * schoolCount / ((double) options.schools() / options.regions()))));
        // Capped by the schools (three at least each) and by the distinct district names available.
        municipalityTotal = Math.min(Math.min(municipalityTotal, schoolCount / 3), RussianNames.VILLAGES.size());
        planMunicipalities(region, municipalityTotal);
        allocateSchools(region, schoolCount);
        for (Municipality municipality : region.municipalities) {
            planSchools(region, municipality);
        }
        for (int i = 0; i < region.schools.size(); i++) {
            region.schools.get(i).id = String.format("%s-S%04d", region.id, i + 1);
        }
        standardiseDisadvantage(region.schools);
        plant(region.schools);
        plantRisingRisk(region.schools);
        municipalityCount += region.municipalities.size();
        return region;
    }

    private void planMunicipalities(Region region, int count) {
        List<MunicipalityKind> kinds = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            double share = (double) i / count;
            kinds.add(share < 0.22 ? MunicipalityKind.URBAN_OKRUG
                    : share < 0.40 ? MunicipalityKind.MUNICIPAL_OKRUG : MunicipalityKind.DISTRICT);
        }
        Collections.shuffle(kinds, random);
        kinds.add(0, MunicipalityKind.CAPITAL);
        List<String> towns = new ArrayList<>(shuffled(RussianNames.towns()));
        towns.remove(region.capital);
        List<RussianNames.Village> centreVillages = shuffled(RussianNames.VILLAGES);
        double spacingKm = 0.5 * Math.sqrt(areaKm2(region) / count);
        double farthest = 0;
        for (int i = 0; i < count; i++) {
            Municipality m = new Municipality();
            m.id = String.format("%s-M%02d", region.id, i + 1);
            m.kind = kinds.get(i);
            m.centre = i == 0 ? region.centre : spreadPoint(region, spacingKm);
            boolean townCentre = m.kind == MunicipalityKind.CAPITAL || m.kind == MunicipalityKind.URBAN_OKRUG || chance(0.45);
            if (m.kind == MunicipalityKind.CAPITAL) {
                m.town = region.capital;
            } else if (townCentre) {
                m.town = towns.remove(0);
            } else {
                m.centreVillage = centreVillages.get(i % centreVillages.size());
            }
            String adjective = m.town != null ? RussianNames.townAdjective(m.town) : m.centreVillage.masculine();
            m.name = switch (m.kind) {
                case CAPITAL -> "Городской округ " + m.town;
                case URBAN_OKRUG -> adjective + " городской округ";
                case MUNICIPAL_OKRUG -> adjective + " муниципальный округ";
                case DISTRICT -> adjective + " муниципальный район";
            };
            m.migration = gaussian(1.0) + (m.kind == MunicipalityKind.CAPITAL ? 0.8 : 0);
            farthest = Math.max(farthest, km(m.centre, region.centre));
            region.municipalities.add(m);
        }
        for (Municipality m : region.municipalities) {
            double remoteness = farthest == 0 ? 0 : km(m.centre, region.centre) / farthest;
            m.disadvantage = switch (m.kind) {
                case CAPITAL -> -0.6;
                case URBAN_OKRUG -> -0.1 + 0.4 * remoteness + gaussian(0.45);
                default -> -0.45 + 0.9 * remoteness + gaussian(0.45);
            };
        }
    }

    private void allocateSchools(Region region, int schoolCount) {
        double[] weights = new double[region.municipalities.size()];
        double others = 0;
        for (int i = 1; i < weights.length; i++) {
            weights[i] = region.municipalities.get(i).kind == MunicipalityKind.URBAN_OKRUG ? uniform(2.5, 5) : uniform(1, 3);
            others += weights[i];
        }
        // The regional capital has about one school in seven, as large regional centres do.
        weights[0] = others * 0.14 / 0.86;
        int[] counts = proportional(schoolCount, weights, 3);
        for (int i = 0; i < counts.length; i++) {
            region.municipalities.get(i).schoolCount = counts[i];
        }
    }

    private void planSchools(Region region, Municipality m) {
        int n = m.schoolCount;
        List<RussianNames.Village> villages = new ArrayList<>(shuffled(RussianNames.VILLAGES));
        villages.remove(m.centreVillage);
        int urban;
        int centreRural = 0;
        switch (m.kind) {
            case CAPITAL -> urban = n;
            case URBAN_OKRUG -> urban = n - (int) Math.round(n * uniform(0, 0.12));
            default -> {
                if (m.town != null) {
                    urban = Math.max(1, (int) Math.round(n * uniform(0.15, 0.3)));
                } else {
                    urban = 0;
                    centreRural = n > 12 ? 2 : 1;
                }
            }
        }
        UrbanNumbering numbering = new UrbanNumbering();
        for (int i = 0; i < urban; i++) {
            School s = newSchool(region, m, Locality.CITY, urbanType(m.kind));
            s.point = scatter(region, m.centre, m.kind == MunicipalityKind.CAPITAL ? 9 : 2 + 0.4 * Math.sqrt(urban));
            s.name = urbanName(s, m.town, numbering);
        }
        for (int i = 0; i < centreRural; i++) {
            School s = newSchool(region, m, Locality.VILLAGE, chance(0.85) ? SchoolType.SOSH : SchoolType.EDUCATION_CENTRE);
            s.point = scatter(region, m.centre, 2);
            s.name = ruralName(s, m.centreVillage, centreRural > 1 ? i + 1 : 0);
        }
        for (int i = urban + centreRural; i < n; i++) {
            int round = (i - urban - centreRural) / villages.size();
            RussianNames.Village village = villages.get((i - urban - centreRural) % villages.size());
            School s = newSchool(region, m, Locality.VILLAGE, ruralType());
            double bearing = uniform(0, 2 * Math.PI);
            double distance = uniform(8, m.kind == MunicipalityKind.URBAN_OKRUG ? 25 : 45);
            s.point = offset(region, m.centre, distance * StrictMath.cos(bearing), distance * StrictMath.sin(bearing));
            s.name = ruralName(s, village, round == 0 ? 0 : round + 1);
        }
    }

    private School newSchool(Region region, Municipality m, Locality locality, SchoolType type) {
        School s = new School();
        s.municipality = m;
        s.locality = locality;
        s.type = type;
        s.lowestGrade = type == SchoolType.LYCEUM && chance(0.5) ? 5 : type.lowestGrade();
        s.enrolment = enrolment(type, locality);
        s.small = locality == Locality.VILLAGE && s.enrolment <= 100;
        double typeShift = switch (type) {
            case GYMNASIUM, LYCEUM -> -0.7;
            case ADVANCED_SOSH -> -0.5;
            case EVENING -> 1.2;
            case OOSH -> locality == Locality.CITY ? 0.4 : 0;
            default -> 0;
        };
        s.rawDisadvantage = m.disadvantage + (locality == Locality.VILLAGE ? 0.6 : 0) + (s.small ? 0.25 : 0)
                + typeShift + gaussian(0.55);
        double typeEffect = switch (type) {
            case GYMNASIUM, LYCEUM -> 0.45;
            case ADVANCED_SOSH -> 0.3;
            case EVENING -> -0.3;
            default -> 0;
        };
        s.ownEffect = typeEffect + gaussian(SCHOOL_EFFECT_SD);
        for (int i = 0; i < s.indicatorNoise.length; i++) {
            s.indicatorNoise[i] = gaussian(1);
        }
        region.schools.add(s);
        return s;
    }

    private SchoolType urbanType(MunicipalityKind kind) {
        double[] p = kind == MunicipalityKind.CAPITAL
                ? new double[]{0.60, 0.05, 0.03, 0.10, 0.08, 0.04, 0.03, 0.07}
                : new double[]{0.70, 0.06, 0.02, 0.06, 0.04, 0.04, 0.03, 0.05};
        return SchoolType.values()[pick(p)];
    }

    private SchoolType ruralType() {
        // СОШ, ООШ, НОШ, -, -, ЦО, В(С)ОШ
        return SchoolType.values()[pick(new double[]{0.45, 0.37, 0.14, 0, 0, 0.03, 0.01, 0})];
    }

    private int enrolment(SchoolType type, Locality locality) {
        boolean city = locality == Locality.CITY;
        return switch (type) {
            case SOSH -> city ? lognormal(750, 0.35, 200, 1800) : lognormal(170, 0.5, 40, 700);
            case OOSH -> city ? lognormal(300, 0.35, 100, 700) : lognormal(60, 0.5, 8, 250);
            case NOSH -> city ? lognormal(160, 0.4, 40, 400) : lognormal(18, 0.5, 3, 60);
            case GYMNASIUM, LYCEUM -> lognormal(900, 0.3, 350, 1600);
            case ADVANCED_SOSH -> lognormal(850, 0.3, 300, 1600);
            case EDUCATION_CENTRE -> city ? lognormal(1000, 0.35, 300, 2000) : lognormal(350, 0.4, 100, 900);
            case EVENING -> lognormal(110, 0.4, 30, 300);
        };
    }

    /** Urban schools are numbered per town; gymnasiums, lyceums and others have their own series. */
    private static final class UrbanNumbering {
        int general;
        final Map<SchoolType, Integer> own = new EnumMap<>(SchoolType.class);
    }

    private String urbanName(School s, String town, UrbanNumbering numbering) {
        String form = s.type == SchoolType.GYMNASIUM || s.type == SchoolType.LYCEUM
                ? (chance(0.6) ? "МАОУ" : "МБОУ") : (chance(0.7) ? "МБОУ" : "МАОУ");
        String core = switch (s.type) {
            case SOSH, OOSH, NOSH, ADVANCED_SOSH -> {
                // Numbers have gaps where schools were closed or merged.
                numbering.general += chance(0.15) ? 2 : 1;
                String number = s.type.label().substring(0, 3) + " № " + numbering.general;
                yield s.type == SchoolType.ADVANCED_SOSH ? number + " с углублённым изучением отдельных предметов"
                        : s.type == SchoolType.SOSH && chance(0.08) ? number + " " + pickOne(RussianNames.HONOURS) : number;
            }
            case GYMNASIUM -> "Гимназия № " + numbering.own.merge(s.type, 1, Integer::sum);
            case LYCEUM -> "Лицей № " + numbering.own.merge(s.type, 1, Integer::sum);
            case EDUCATION_CENTRE -> "Центр образования № " + numbering.own.merge(s.type, 1, Integer::sum);
            case EVENING -> "В(С)ОШ № " + numbering.own.merge(s.type, 1, Integer::sum);
        };
        return form + " \"" + core + "\" г. " + RussianNames.genitive(town);
    }

    private String ruralName(School s, RussianNames.Village village, int number) {
        String form = s.small ? (chance(0.7) ? "МКОУ" : "МБОУ") : (chance(0.6) ? "МБОУ" : "МКОУ");
        String core = switch (s.type) {
            case EDUCATION_CENTRE -> village.masculine() + " центр образования";
            default -> village.adjective() + " " + s.type.label();
        };
        return form + " \"" + core + (number > 0 ? " № " + number : "") + "\"";
    }

    private static void standardiseDisadvantage(List<School> schools) {
        double mean = schools.stream().mapToDouble(s -> s.rawDisadvantage).average().orElse(0);
        double sd = Math.sqrt(schools.stream().mapToDouble(s -> Math.pow(s.rawDisadvantage - mean, 2)).average().orElse(1));
        for (School s : schools) {
            s.disadvantage = (s.rawDisadvantage - mean) / sd;
        }
    }

    /** Picks ~5% low-result schools (40% of them falling) and ~5% resilient ones in adverse context. */
    private void plant(List<School> schools) {
        int target = (int) Math.round(schools.size() * PLANTED_SHARE);
        List<School> lowCandidates = new ArrayList<>();
        for (School s : schools) {
            // Big enough to have stable results, and of a type that sits the usual tests.
            if (s.enrolment >= 80 && s.type != SchoolType.NOSH && s.type != SchoolType.EVENING) {
                lowCandidates.add(s);
            }
        }
        Collections.shuffle(lowCandidates, random);
        int falling = (int) Math.round(target * 0.4);
        for (int i = 0; i < Math.min(target, lowCandidates.size()); i++) {
            School s = lowCandidates.get(i);
            s.role = i < falling ? Role.LOW_RESULTS_FALLING : Role.LOW_RESULTS;
            // A falling school's effect depends on the year (see achievement()).
            s.ownEffect = s.role == Role.LOW_RESULTS ? -uniform(1.5, 2.0) : 0;
            planted.merge(s.role, 1, Integer::sum);
        }
        double[] sorted = schools.stream().mapToDouble(s -> s.disadvantage).sorted().toArray();
        double adverse = sorted[(int) (sorted.length * 0.7)];
        List<School> resilientCandidates = new ArrayList<>();
        for (School s : schools) {
            if (s.role == null && s.disadvantage >= adverse && s.enrolment >= 60 && switch (s.type) {
                case SOSH, OOSH, EDUCATION_CENTRE -> true;
                default -> false;
            }) {
                resilientCandidates.add(s);
            }
        }
        Collections.shuffle(resilientCandidates, random);
        for (int i = 0; i < Math.min(target, resilientCandidates.size()); i++) {
            School s = resilientCandidates.get(i);
            s.role = Role.RESILIENT;
            s.ownEffect = uniform(1.5, 2.0);
            planted.merge(s.role, 1, Integer::sum);
        }
    }

    /**
     * Picks ~4% of the schools not planted otherwise whose risk factors worsen year after year while
     * their resources run short: the preventive risk zone (Chelyabinsk, Perm). Their results do not
     * fall within the window: the point of the risk zone is to act before they do. Every school gets
     * its funding and methodical levels, which follow disadvantage loosely.
     */
    private void plantRisingRisk(List<School> schools) {
        for (School s : schools) {
            s.fundingLatent = 2.2 - 0.45 * s.disadvantage + 0.6 * resources.nextGaussian();
            s.methodicalLatent = 0.8 - 0.5 * s.disadvantage + 0.6 * resources.nextGaussian();
        }
        List<School> candidates = new ArrayList<>(schools.stream().filter(s -> s.role == null && s.enrolment >= 60).toList());
        Collections.shuffle(candidates, resources);
        int target = (int) Math.round(schools.size() * 0.04);
        for (int i = 0; i < Math.min(target, candidates.size()); i++) {
            School s = candidates.get(i);
            s.role = Role.RISING_RISK;
            s.riskDrift = 0.45 + 0.25 * resources.nextDouble();
            s.fundingLatent -= 1.6;
            s.methodicalLatent -= 1.4;
            planted.merge(s.role, 1, Integer::sum);
        }
    }

    /** The school's latent achievement in year number {@code y} (0-based). */
    private double achievement(School s, int y, double regionYearShift) {
        double own = s.ownEffect;
        if (s.role == Role.LOW_RESULTS_FALLING) {
            // From mildly below expectation to far below: -0.6, -1.4, -2.2 over three years.
            double progress = options.years().size() == 1 ? 1 : (double) y / (options.years().size() - 1);
            own = -0.6 - 1.6 * progress;
        }
        return CONTEXT_EFFECT * s.disadvantage + own + regionYearShift + gaussian(0.15);
    }

    // ------------------------------------------------------------------------------------------
    // Output

    private void writeSchools(Region region, CsvWriter out) throws IOException {
        for (School s : region.schools) {
            s.remotenessKm = km(s.point, region.centre);
            out.write(s.id, s.name, region.id, region.name, s.municipality.id, s.municipality.name, s.type.label(),
                    s.locality.label(), String.valueOf(s.enrolment), String.valueOf(s.small),
                    fixed(s.point.lat(), 6), fixed(s.point.lon(), 6));
        }
    }

    /** A test of one procedure, subject and grade, and how its pupil scores are turned into marks. */
    private record Test(Procedure procedure, Subject subject, int grade, double offset, double participation) {
    }

    private static final List<Test> TESTS = List.of(
            new Test(Procedure.VPR, Subject.RUSSIAN, 4, 0.15, 0.92),
            new Test(Procedure.VPR, Subject.MATHEMATICS, 4, 0.25, 0.92),
            new Test(Procedure.VPR, Subject.RUSSIAN, 6, -0.05, 0.90),
            new Test(Procedure.VPR, Subject.MATHEMATICS, 6, 0.0, 0.90),
            new Test(Procedure.VPR, Subject.RUSSIAN, 8, -0.1, 0.88),
            new Test(Procedure.VPR, Subject.MATHEMATICS, 8, -0.2, 0.88),
            new Test(Procedure.OGE, Subject.RUSSIAN, 9, 0.2, 0.97),
            new Test(Procedure.OGE, Subject.MATHEMATICS, 9, -0.15, 0.97),
            new Test(Procedure.EGE, Subject.RUSSIAN, 11, 0.0, 0.97),
            new Test(Procedure.EGE, Subject.MATHEMATICS_PROFILE, 11, 0.0, 0.45),
            new Test(Procedure.KDR, Subject.READING_LITERACY, 4, 0.0, 0.9),
            new Test(Procedure.KDR, Subject.READING_LITERACY, 6, -0.3, 0.9),
            new Test(Procedure.KDR, Subject.SCIENCE_LITERACY, 8, -0.6, 0.88));

    private void writeResults(School s, int year, double achievement, CsvWriter out) throws IOException {
        int grades = s.type.highestGrade() - s.lowestGrade + 1;
        for (Test test : TESTS) {
            if (test.grade() < s.lowestGrade || test.grade() > s.type.highestGrade()) {
                continue;
            }
            double cohort = s.enrolment / (double) grades * uniform(0.85, 1.15);
            double participation = test.participation();
            if (test.grade() == 11 && s.type != SchoolType.EVENING) {
                // Only part of a grade-9 cohort stays on for grades 10-11.
                cohort *= switch (s.type) {
                    case GYMNASIUM, LYCEUM -> 0.85;
                    case ADVANCED_SOSH -> 0.7;
                    default -> s.locality == Locality.VILLAGE ? 0.4 : 0.5;
                };
                if (test.subject() == Subject.MATHEMATICS_PROFILE && (s.type == SchoolType.GYMNASIUM || s.type == SchoolType.LYCEUM)) {
                    participation = 0.65;
                }
            }
            int participants = binomialish(cohort, participation);
            if (participants <= 0) {
                continue;
            }
            double mean = test.offset() + ACHIEVEMENT_TO_PUPIL * achievement + gaussian(0.12);
            String[] scores = simulate(test, participants, mean);
            out.write(s.id, String.valueOf(year), test.procedure().label(), test.subject().label(), String.valueOf(test.grade()),
                    String.valueOf(participants), scores[0], scores[1], scores[2]);
            resultRows++;
        }
    }

    /** Simulates each pupil's score; returns mean_score, share_failing, share_high as written. */
    private String[] simulate(Test test, int participants, double mean) {
        double sum = 0;
        int failing = 0;
        int high = 0;
        for (int i = 0; i < participants; i++) {
            double z = mean + random.nextGaussian();
            switch (test.procedure()) {
                case VPR, OGE -> {
                    int mark = test.procedure() == Procedure.VPR ? mark(z, -1.25, 0.1, 1.3) : mark(z, -1.6, -0.2, 0.9);
                    sum += mark;
                    failing += mark == 2 ? 1 : 0;
                    high += mark >= 4 ? 1 : 0;
                }
                case EGE -> {
                    // Test points; below the minimum (24 Russian, 27 profile mathematics) fails, 81+ is high.
                    boolean russian = test.subject() == Subject.RUSSIAN;
                    long points = Math.round(Math.max(0, Math.min(100, (russian ? 68 : 56) + 16 * z)));
                    sum += points;
                    failing += points < (russian ? 24 : 27) ? 1 : 0;
                    high += points >= 81 ? 1 : 0;
                }
                case KDR -> {
                    // Percent of the maximum; below 35% is under the basic level, 75%+ is raised/high.
                    double percent = Math.max(0, Math.min(100, 62 + 17 * z));
                    sum += percent;
                    failing += percent < 35 ? 1 : 0;
                    high += percent >= 75 ? 1 : 0;
                }
            }
        }
        int decimals = test.procedure() == Procedure.VPR || test.procedure() == Procedure.OGE ? 2 : 1;
        return new String[]{fixed(sum / participants, decimals), fixed((double) failing / participants, 3),
                fixed((double) high / participants, 3)};
    }

    private static int mark(double z, double cut3, double cut4, double cut5) {
        return z < cut3 ? 2 : z < cut4 ? 3 : z < cut5 ? 4 : 5;
    }

    /** How each context indicator follows the latent disadvantage D: logistic(base + slope·(D + noise)). */
    private record Spec(double base, double slope, double noise, int decimals) {
    }

    private static final Map<Indicator, Spec> CONTEXT = new EnumMap<>(Map.ofEntries(
            Map.entry(Indicator.LOW_INCOME_SHARE, new Spec(-1.5, 0.85, 0.45, 3)),
            Map.entry(Indicator.DIFFICULT_SITUATION_SHARE, new Spec(-3.0, 0.75, 0.45, 3)),
            Map.entry(Indicator.SPECIAL_NEEDS_SHARE, new Spec(-2.9, 0.45, 0.5, 3)),
            Map.entry(Indicator.NON_NATIVE_SHARE, new Spec(-3.3, 0.4, 0.7, 3)),
            Map.entry(Indicator.REGISTERED_SHARE, new Spec(-4.0, 0.7, 0.5, 3)),
            Map.entry(Indicator.PARENTS_HIGHER_ED_SHARE, new Spec(-0.1, -0.9, 0.35, 3)),
            Map.entry(Indicator.STAFF_SHORTAGE_SHARE, new Spec(-3.0, 0.6, 0.6, 3)),
            Map.entry(Indicator.TEACHERS_NO_CATEGORY_SHARE, new Spec(-1.2, 0.45, 0.45, 3)),
            Map.entry(Indicator.TEACHERS_NO_HIGHER_ED_SHARE, new Spec(-2.3, 0.6, 0.5, 3)),
            Map.entry(Indicator.MATERIAL_BASE_INDEX, new Spec(0.9, -0.6, 0.5, 2)),
            Map.entry(Indicator.LEARNING_DIFFICULTIES_SHARE, new Spec(-2.2, 0.7, 0.45, 3)),
            Map.entry(Indicator.PARENTAL_INVOLVEMENT_INDEX, new Spec(0.6, -0.7, 0.4, 2))));

    /** Outcomes added for the monitoring indicators (issue 16); drawn from their own stream after the others. */
    private static boolean monitoringOutcome(Indicator indicator) {
        return indicator == Indicator.OLYMPIAD_WINNERS_SHARE || indicator == Indicator.INDIVIDUAL_ROUTE_SHARE
                || indicator == Indicator.ADDITIONAL_EDUCATION_SHARE || indicator == Indicator.MODERN_METHODS_TEACHERS_SHARE;
    }

    private void writeIndicators(School s, int year, double achievement, CsvWriter out) throws IOException {
        int staff = Math.max(6, (int) Math.round(4 + s.enrolment / 13.0));
        int yearIndex = options.years().indexOf(year);
        int olympiadParticipants = 0;
        for (Indicator indicator : Indicator.values()) {
            String value;
            if (monitoringOutcome(indicator)) {
                value = monitoringOutcome(indicator, s, achievement, yearIndex, staff, olympiadParticipants);
                if (value == null) {
                    continue;
                }
            } else if (indicator.kind() == Indicator.Kind.RESOURCE) {
                double latent = indicator == Indicator.FUNDING_PROVISION_INDEX ? s.fundingLatent : s.methodicalLatent;
                latent -= s.riskDrift * 1.2 * yearIndex;
                value = fixed(logistic(latent + 0.15 * resources.nextGaussian()), 2);
            } else if (indicator == Indicator.REMOTENESS_KM) {
                value = fixed(s.remotenessKm, 1);
            } else if (indicator == Indicator.OLYMPIAD_PARTICIPATION_SHARE) {
                if (s.type == SchoolType.NOSH) {
                    continue;
                }
                value = count(logistic(-2.8 + 0.8 * achievement + gaussian(0.2)), s.enrolment);
                olympiadParticipants = (int) Math.round(Double.parseDouble(value) * s.enrolment);
            } else if (indicator == Indicator.GRADE10_CONTINUATION_SHARE) {
                if (s.type.highestGrade() < 11 || s.type == SchoolType.EVENING) {
                    continue;
                }
                double bonus = s.type == SchoolType.GYMNASIUM || s.type == SchoolType.LYCEUM ? 1.2
                        : s.locality == Locality.VILLAGE ? -0.3 : 0;
                int cohort = Math.max(1, s.enrolment / 11);
                value = count(logistic(0.7 * achievement + bonus + gaussian(0.2)), cohort);
            } else {
                Spec spec = CONTEXT.get(indicator);
                double latent = s.disadvantage + spec.noise() * s.indicatorNoise[indicator.ordinal()];
                if (indicator == Indicator.NON_NATIVE_SHARE) {
                    latent += s.municipality.migration;
                }
                if (DRIFTING.contains(indicator)) {
                    // Worsening from the first year on; sign follows the spec's slope so "worse" is always worse.
                    latent += Math.signum(spec.slope()) * s.riskDrift * 2.2 * yearIndex;
                }
                double p = logistic(spec.base() + spec.slope() * latent + gaussian(0.12));
                boolean aboutStaff = indicator == Indicator.STAFF_SHORTAGE_SHARE
                        || indicator == Indicator.TEACHERS_NO_CATEGORY_SHARE || indicator == Indicator.TEACHERS_NO_HIGHER_ED_SHARE;
                value = indicator.unit() == Indicator.Unit.INDEX ? fixed(p, spec.decimals())
                        : count(p, aboutStaff ? staff : s.enrolment);
            }
            out.write(s.id, String.valueOf(year), indicator.code(), value);
            indicatorRows++;
        }
    }

    /**
     * The monitoring outcomes of a school and year, or null when the school has none: winners and prize-winners among
     * its olympiad participants (none without participants), pupils on individual routes (more where disadvantage is
     * higher, growing over the years as support programmes spread), pupils in additional education (fewer in villages
     * and disadvantaged schools), teachers using modern methods (following achievement, growing over the years).
     */
    private String monitoringOutcome(Indicator indicator, School s, double achievement, int yearIndex, int staff,
                                     int olympiadParticipants) {
        double noise = monitoring.nextGaussian();
        return switch (indicator) {
            case OLYMPIAD_WINNERS_SHARE -> olympiadParticipants == 0 ? null
                    : count(logistic(-1.7 + 0.7 * achievement + 0.3 * noise), olympiadParticipants);
            case INDIVIDUAL_ROUTE_SHARE -> count(logistic(-2.9 + 0.35 * s.disadvantage + 0.2 * yearIndex + 0.3 * noise), s.enrolment);
            case ADDITIONAL_EDUCATION_SHARE -> count(logistic(0.9 + 0.35 * achievement - 0.35 * s.disadvantage
                    - (s.locality == Locality.VILLAGE ? 0.4 : 0) + 0.3 * noise), s.enrolment);
            case MODERN_METHODS_TEACHERS_SHARE -> count(logistic(0.2 + 0.45 * achievement + 0.15 * yearIndex + 0.3 * noise), staff);
            default -> throw new IllegalArgumentException(indicator.code());
        };
    }

    /** A share as it would be counted: whole pupils (or teachers) out of the total. */
    private static String count(double p, int total) {
        return fixed(Math.round(p * total) / (double) total, 3);
    }

    // ------------------------------------------------------------------------------------------
    // Geometry and randomness

    /** A random point of the region not too close to the centres placed so far (if one is found). */
    private Point spreadPoint(Region region, double spacingKm) {
        Point p = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            p = new Point(uniform(region.latMin, region.latMax), uniform(region.lonMin, region.lonMax));
            if (!tooClose(region, p, spacingKm)) {
                break;
            }
        }
        return p;
    }

    private static boolean tooClose(Region region, Point p, double spacingKm) {
        if (km(p, region.centre) < spacingKm * 1.5) {
            return true;
        }
        return region.municipalities.stream().anyMatch(m -> km(p, m.centre) < spacingKm);
    }

    private Point scatter(Region region, Point centre, double radiusKm) {
        double r = radiusKm * Math.sqrt(random.nextDouble());
        double bearing = uniform(0, 2 * Math.PI);
        return offset(region, centre, r * StrictMath.cos(bearing), r * StrictMath.sin(bearing));
    }

    private static Point offset(Region region, Point from, double northKm, double eastKm) {
        double lat = from.lat() + northKm / 111.2;
        double lon = from.lon() + eastKm / (111.2 * StrictMath.cos(Math.toRadians(from.lat())));
        return new Point(Math.max(region.latMin, Math.min(region.latMax, lat)),
                Math.max(region.lonMin, Math.min(region.lonMax, lon)));
    }

    private static double areaKm2(Region region) {
        double height = (region.latMax - region.latMin) * 111.2;
        double width = (region.lonMax - region.lonMin) * 111.2 * StrictMath.cos(Math.toRadians((region.latMin + region.latMax) / 2));
        return height * width;
    }

    /** Great-circle distance (haversine), with StrictMath so the digits never vary by platform. */
    static double km(Point a, Point b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = StrictMath.pow(StrictMath.sin(dLat / 2), 2) + StrictMath.cos(Math.toRadians(a.lat()))
                * StrictMath.cos(Math.toRadians(b.lat())) * StrictMath.pow(StrictMath.sin(dLon / 2), 2);
        return 2 * 6371.0 * StrictMath.asin(StrictMath.sqrt(h));
    }

    private static double logistic(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }

    private double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    private double gaussian(double sd) {
        return sd * random.nextGaussian();
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private int lognormal(double median, double sigma, int min, int max) {
        return (int) Math.max(min, Math.min(max, Math.round(median * StrictMath.exp(gaussian(sigma)))));
    }

    private int binomialish(double n, double p) {
        double mean = n * p;
        return (int) Math.round(mean + gaussian(Math.sqrt(Math.max(0, mean * (1 - p)))));
    }

    private int pick(double[] probabilities) {
        double u = random.nextDouble();
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            sum += probabilities[i];
            if (u < sum) {
                return i;
            }
        }
        return 0;
    }

    private <T> T pickOne(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> List<T> shuffled(List<T> values) {
        List<T> copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return copy;
    }

    /** Splits a total into lognormally varying parts, each at least {@code min}. */
    private int[] split(int total, int parts, double sigma, int min) {
        double[] weights = new double[parts];
        for (int i = 0; i < parts; i++) {
            weights[i] = StrictMath.exp(gaussian(sigma));
        }
        return proportional(total, weights, Math.min(min, total / parts));
    }

    /** Largest-remainder apportionment with a floor per part. */
    private static int[] proportional(int total, double[] weights, int min) {
        int[] counts = new int[weights.length];
        double weightSum = Arrays.stream(weights).sum();
        int free = total - min * weights.length;
        double[] remainders = new double[weights.length];
        int assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = free * weights[i] / weightSum;
            counts[i] = min + (int) exact;
            remainders[i] = exact - (int) exact;
            assigned += counts[i];
        }
        while (assigned < total) {
            int best = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            assigned++;
        }
        return counts;
    }

    private static String fixed(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private static CsvWriter writer(Path dir, String name) throws IOException {
        return new CsvWriter(Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8));
    }

    static {
        // A context indicator added to the registry must get a spec here (remoteness comes from geometry).
        for (Indicator indicator : Indicator.values()) {
            if (indicator.kind() == Indicator.Kind.CONTEXT && indicator != Indicator.REMOTENESS_KM && !CONTEXT.containsKey(indicator)) {
                throw new IllegalStateException("no generator spec for " + indicator);
            }
        }
    }
}
