package org.opora.school.importing;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.csv.CsvReader;
import org.opora.platform.csv.CsvWriter;
import org.opora.school.Indicator;
import org.opora.school.Locality;
import org.opora.school.Procedure;
import org.opora.school.SchoolType;
import org.opora.school.Subject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps real public school datasets (another country, the same problem: results against social
 * context) into the import formats, so that the import and the identification methods can be tried
 * on real data. Every mapping is documented column by column in docs/data-formats.md.
 * <pre>
 * java -jar target/opora.jar --map nyc         /work/shared/datasets/nyc-school-explorer-2016 target/nyc [--limit N]
 * java -jar target/opora.jar --map england-ks4 /work/shared/datasets/england-ks4-2019-national target/england-ks4 [--limit N]
 * java -jar target/opora.jar --map england-ks2 /work/shared/datasets/england-ks2-hants-surrey-3yr target/england-ks2 [--limit N]
 * </pre>
 */
public final class PublicDatasetMapper {

    public static final String NYC_FILE = "2016 School Explorer.csv";
    static final String ENGLAND_FINAL = "waiky8_england_ks4final_latlon.csv";
    static final String ENGLAND_PROVISIONAL = "england_ks4provisional.csv";
    static final String ENGLAND_CENSUS = "england_census.csv";
    static final String ENGLAND_LA = "la_and_region_codes_meta.csv";

    /** What a mapping wrote; {@code skipped} counts source rows left out (see the docs for why). */
    public record Summary(int schools, long results, long indicators, int skipped) {
    }

    private PublicDatasetMapper() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** {@code java -jar opora.jar --map DATASET IN OUT [--limit N]}: exit code 0, or 2 with one line saying what is wrong. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 3 && !(args.size() == 5 && args.get(3).equals("--limit"))) {
            err.println("usage: --map nyc|england-ks4|england-ks2 INPUT_DIR OUTPUT_DIR [--limit N]");
            return 2;
        }
        String dataset = args.get(0);
        Path in = Path.of(args.get(1));
        Path output = Path.of(args.get(2));
        int limit = args.size() == 5 ? Integer.parseInt(args.get(4)) : Integer.MAX_VALUE;
        if (!Files.isDirectory(in)) {
            err.println("Каталог набора данных не найден: " + in.toAbsolutePath().normalize());
            return 2;
        }
        try {
            Summary summary = switch (dataset) {
                case "nyc" -> mapNyc(in, output, limit);
                case "england-ks4" -> mapEnglandKs4(in, output, limit);
                case "england-ks2" -> mapEnglandKs2(in, output, limit);
                default -> {
                    err.println("Неизвестный набор данных \"" + dataset + "\"; известны: nyc, england-ks4, england-ks2");
                    yield null;
                }
            };
            if (summary == null) {
                return 2;
            }
            out.printf("%s -> %s: %d schools, %d result rows, %d indicator rows, %d source rows skipped%n",
                    dataset, output, summary.schools(), summary.results(), summary.indicators(), summary.skipped());
            return 0;
        } catch (NoSuchFileException e) {
            err.println("В наборе " + dataset + " нет файла " + e.getFile() + " (см. docs/data-formats.md, раздел 7)");
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("Не удалось преобразовать " + in + ": " + e);
            return 2;
        }
    }

    // ------------------------------------------------------------------------------------------
    // NYC School Explorer 2016

    /**
     * NYC DOE 2016 School Explorer: one region (the city), community school districts as
     * municipalities, state tests in ELA and mathematics (grades 4-8) as КДР results, the Economic
     * Need Index as the low-income share.
     */
    public static Summary mapNyc(Path inputDir, Path outputDir, int limit) throws IOException {
        List<Map<String, String>> rows = readTable(inputDir.resolve(NYC_FILE));
        Output out = new Output(outputDir);
        int skipped = 0;
        try (out) {
            for (Map<String, String> row : rows) {
                if (out.schools == limit) {
                    break;
                }
                String dbn = row.get("Location Code");
                Integer district = integer(row.get("District"));
                if (dbn == null || dbn.isBlank() || district == null) {
                    skipped++;
                    continue;
                }
                String id = "NYC-" + dbn.trim();
                out.school(id, row.get("School Name").trim(), "US-NYC", "New York City (NYC DOE)",
                        String.format("NYC-D%02d", district), nycDistrictName(district), nycType(row.get("Grade High")),
                        Locality.CITY, null, null, decimal(row.get("Latitude")), decimal(row.get("Longitude")));
                int year = 2016;
                nycResults(out, id, year, row, "ELA", Subject.READING_LITERACY, decimal(row.get("Average ELA Proficiency")));
                nycResults(out, id, year, row, "Math", Subject.MATHEMATICS, decimal(row.get("Average Math Proficiency")));
                out.indicator(id, year, Indicator.LOW_INCOME_SHARE, decimal(row.get("Economic Need Index")), 3);
                out.indicator(id, year, Indicator.NON_NATIVE_SHARE, percent(row.get("Percent ELL")), 3);
                out.indicator(id, year, Indicator.PARENTAL_INVOLVEMENT_INDEX, percent(row.get("Strong Family-Community Ties %")), 2);
            }
        }
        return out.summary(skipped);
    }

    /**
     * One КДР row per grade 4-8 that sat the test. Participants and the share of level 4 are the
     * grade's own; the mean is the school's average proficiency (1.0-4.5, over grades 3-8, the only
     * mean the dataset has) rescaled to percent of the scale, the same for each grade of a school.
     */
    private static void nycResults(Output out, String id, int year, Map<String, String> row, String test, Subject subject,
                                   @Nullable Double proficiency) throws IOException {
        if (proficiency == null) {
            return;
        }
        double mean = Math.max(0, Math.min(100, (proficiency - 1) / 3.5 * 100));
        for (int grade = 4; grade <= 8; grade++) {
            Integer tested = integer(row.get("Grade " + grade + " " + test + " - All Students Tested"));
            Integer level4 = integer(row.get("Grade " + grade + " " + test + " 4s - All Students"));
            if (tested == null || tested <= 0) {
                continue;
            }
            Double high = level4 == null ? null : Math.min(1.0, level4 / (double) tested);
            out.result(id, year, Procedure.KDR, subject, grade, tested, mean, 1, null, high);
        }
    }

    static SchoolType nycType(@Nullable String gradeHigh) {
        String grade = gradeHigh == null ? "" : gradeHigh.trim();
        Integer high = grade.equals("0K") || grade.equals("PK") ? Integer.valueOf(0) : integer(grade);
        if (high == null || high >= 10) {
            return SchoolType.SOSH;
        }
        return high <= 6 ? SchoolType.NOSH : SchoolType.OOSH;
    }

    static String nycDistrictName(int district) {
        String borough = district <= 6 ? "Manhattan" : district <= 12 ? "Bronx" : district <= 23 || district == 32 ? "Brooklyn"
                : district <= 30 ? "Queens" : district == 31 ? "Staten Island" : "NYC";
        return "Community School District " + district + " (" + borough + ")";
    }

    // ------------------------------------------------------------------------------------------
    // England KS4 2018/19

    /**
     * England, key stage 4 (GCSE) 2018/19: state-funded mainstream secondary schools with an
     * Attainment 8 score; English regions as regions, local authorities as municipalities,
     * Attainment 8 as a КДР result, pupils ever eligible for free school meals as the low-income
     * share, plus SEN and EAL shares from the January 2019 school census.
     */
    public static Summary mapEnglandKs4(Path inputDir, Path outputDir, int limit) throws IOException {
        Map<String, Map<String, String>> provisional = index(readTable(inputDir.resolve(ENGLAND_PROVISIONAL)), "URN");
        Map<String, Map<String, String>> census = index(readTable(inputDir.resolve(ENGLAND_CENSUS)), "URN");
        Map<String, Map<String, String>> authorities = index(readTable(inputDir.resolve(ENGLAND_LA)), "LEA");
        Output out = new Output(outputDir);
        int skipped = 0;
        int year = 2019;
        try (out) {
            for (Map<String, String> row : readTable(inputDir.resolve(ENGLAND_FINAL))) {
                if (out.schools == limit) {
                    break;
                }
                String urn = row.get("URN");
                Map<String, String> prov = provisional.get(urn);
                Double attainment8 = decimal(row.get("ATT8SCR"));
                String schoolType = row.get("SCHTYPE");
                boolean stateMainstream = "1".equals(row.get("RECTYPE"))
                        && ("Academy".equals(schoolType) || "Maintained school".equals(schoolType));
                Map<String, String> authority = prov == null ? null : authorities.get(prov.get("LEA"));
                if (!stateMainstream || attainment8 == null || authority == null) {
                    skipped++;
                    continue;
                }
                String regionName = englishRegion(authority.get("REGION NAME"));
                String id = "ENG-" + urn;
                Map<String, String> pupils = census.getOrDefault(urn, Map.of());
                Integer enrolment = integer(pupils.get("NOR"));
                out.school(id, row.get("SCHNAME").trim(), "ENG-" + slug(regionName), regionName + " (England)",
                        "ENG-LA" + prov.get("LEA"), authority.get("LA Name"),
                        "Yes".equals(row.get("GRAMMAR")) ? SchoolType.GYMNASIUM : SchoolType.SOSH,
                        null, enrolment != null && enrolment > 0 ? enrolment : null, null,
                        decimal(row.get("LATITUDE")), decimal(row.get("LONGITUDE")));
                Integer participants = integer(prov.get("TPUP"));
                if (participants != null && participants > 0) {
                    Double standardPass = percent(prov.get("PTL2BASICS_94"));
                    Double strongPass = percent(prov.get("PTL2BASICS_95"));
                    out.result(id, year, Procedure.KDR, Subject.COMBINED, 9, participants,
                            Math.min(100, attainment8 / 90 * 100), 1,
                            standardPass == null ? null : 1 - standardPass, strongPass);
                }
                Double fsmEver = percent(pupils.get("PNUMFSMEVER"));
                out.indicator(id, year, Indicator.LOW_INCOME_SHARE, fsmEver, 3);
                Double ehcPlan = percent(pupils.get("PSENELSE"));
                Double senSupport = percent(pupils.get("PSENELK"));
                out.indicator(id, year, Indicator.SPECIAL_NEEDS_SHARE,
                        ehcPlan == null || senSupport == null ? null : Math.min(1, ehcPlan + senSupport), 3);
                out.indicator(id, year, Indicator.NON_NATIVE_SHARE, percent(pupils.get("PNUMEAL")), 3);
            }
        }
        return out.summary(skipped);
    }

    // ------------------------------------------------------------------------------------------
    // England KS2, several years of a few local authorities

    /** {@code YYYY-LLL-ks2.csv}: the academic year starting in YYYY, local authority LLL. */
    private static final java.util.regex.Pattern KS2_FILE = java.util.regex.Pattern.compile("(\\d{4})-(\\d{3})-ks2\\.csv");
    /** The authorities of the dataset (the KS2 tables carry only the code); both are in the South East. */
    private static final Map<String, String> KS2_AUTHORITIES = Map.of("850", "Hampshire", "936", "Surrey");

    /**
     * DfE KS2 performance tables, one file per academic year and local authority: the end of primary school (Year 6,
     * age 10-11), as Russian grade 4 is. Reading and maths scaled scores (80-120) as КДР results, one row per subject
     * and year; the disadvantaged and EAL shares as indicators of the same year. A school's name and roll come from
     * its latest year.
     */
    public static Summary mapEnglandKs2(Path inputDir, Path outputDir, int limit) throws IOException {
        java.util.TreeMap<Integer, List<Map<String, String>>> byYear = new java.util.TreeMap<>();
        Map<String, Map<String, String>> latest = new java.util.LinkedHashMap<>();
        int skipped = 0;
        List<Path> files;
        try (var listing = Files.list(inputDir)) {
            files = listing.filter(f -> KS2_FILE.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new NoSuchFileException(inputDir.resolve("YYYY-LLL-ks2.csv").toString());
        }
        for (Path file : files) {
            var name = KS2_FILE.matcher(file.getFileName().toString());
            name.matches();
            int year = Integer.parseInt(name.group(1)) + 1; // 2018 = 2018/19, tested in May 2019
            for (Map<String, String> row : readTable(file)) {
                String type = row.getOrDefault("NFTYPE", "").trim();
                // RECTYPE 1 = a mainstream school (others: LA and national averages); *S types are special schools.
                if (!"1".equals(row.get("RECTYPE")) || type.isEmpty() || type.endsWith("S")
                        || !KS2_AUTHORITIES.containsKey(row.get("LEA")) || integer(row.get("URN")) == null) {
                    skipped++;
                    continue;
                }
                byYear.computeIfAbsent(year, y -> new ArrayList<>()).add(row);
                latest.put(row.get("URN").trim(), row);
            }
        }
        java.util.Set<String> included = new java.util.HashSet<>();
        Output out = new Output(outputDir);
        try (out) {
            for (Map.Entry<String, Map<String, String>> school : latest.entrySet()) {
                if (out.schools == limit) {
                    break;
                }
                Map<String, String> row = school.getValue();
                included.add(school.getKey());
                String la = row.get("LEA");
                Integer roll = integer(row.get("TOTPUPS"));
                out.school("ENG-" + school.getKey(), row.get("SCHNAME").trim(), "ENG-SOUTH-EAST", "South East (England)",
                        "ENG-LA" + la, KS2_AUTHORITIES.get(la), SchoolType.NOSH, null,
                        roll == null || roll <= 0 ? null : roll, null, null, null); // a roll of 0 is a closed school's last entry
            }
            for (Map.Entry<Integer, List<Map<String, String>>> year : byYear.entrySet()) {
                for (Map<String, String> row : year.getValue()) {
                    String urn = row.get("URN").trim();
                    if (!included.contains(urn)) {
                        continue;
                    }
                    String id = "ENG-" + urn;
                    Integer pupils = integer(row.get("TELIG"));
                    ks2Result(out, id, year.getKey(), pupils, Subject.READING_LITERACY, row, "READ");
                    ks2Result(out, id, year.getKey(), pupils, Subject.MATHEMATICS, row, "MAT");
                    out.indicator(id, year.getKey(), Indicator.LOW_INCOME_SHARE, percent(row.get("PTFSM6CLA1A")), 3);
                    out.indicator(id, year.getKey(), Indicator.NON_NATIVE_SHARE, percent(row.get("PTEALGRP2")), 3);
                }
            }
        }
        return out.summary(skipped);
    }

    /** Scaled score 80-120 as percent of the scale; below the expected standard (100) as failing, high score as high. */
    private static void ks2Result(Output out, String id, int year, @Nullable Integer pupils, Subject subject,
                                  Map<String, String> row, String test) throws IOException {
        Double average = decimal(row.get(test + "_AVERAGE"));
        if (pupils == null || pupils <= 0 || average == null) {
            return;
        }
        Double expected = percent(row.get("PT" + test + "_EXP"));
        out.result(id, year, Procedure.KDR, subject, 4, pupils, Math.max(0, Math.min(100, (average - 80) / 40 * 100)), 1,
                expected == null ? null : 1 - expected, percent(row.get("PT" + test + "_HIGH")));
    }

    /** The DfE file splits regions into areas ("London Central", "South East B"); we use the nine English regions. */
    static String englishRegion(String area) {
        if (area.startsWith("London")) {
            return "London";
        }
        if (area.contains("Yorkshire")) {
            return "Yorkshire and the Humber";
        }
        return area.replaceFirst(" [A-D]$", "");
    }

    private static String slug(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    // ------------------------------------------------------------------------------------------
    // Reading and writing

    /** Reads a whole (small) source table as maps keyed by header; the sources are at most a few MB. */
    public static List<Map<String, String>> readTable(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CsvReader csv = new CsvReader(in)) {
            CsvReader.Record header = csv.next();
            if (header == null) {
                return rows;
            }
            List<String> names = header.fields().stream().map(String::trim).toList();
            for (CsvReader.Record record = csv.next(); record != null; record = csv.next()) {
                if (record.isBlank()) {
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < names.size() && i < record.fields().size(); i++) {
                    row.put(names.get(i), record.fields().get(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, Map<String, String>> index(List<Map<String, String>> rows, String key) {
        Map<String, Map<String, String>> byKey = new HashMap<>();
        for (Map<String, String> row : rows) {
            String value = row.get(key);
            if (value != null && !value.isBlank()) {
                byKey.putIfAbsent(value.trim(), row);
            }
        }
        return byKey;
    }

    /** A number, or null for the sources' many markers of missing data (N/A, NA, NE, SUPP, NP, ...). */
    @Nullable
    static Double decimal(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().replace(",", "");
        if (!v.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return Double.parseDouble(v);
    }

    @Nullable
    static Integer integer(@Nullable String value) {
        Double number = decimal(value);
        return number == null || number != Math.rint(number) ? null : number.intValue();
    }

    /** "66.2%" or "66.2" → 0.662, clamped into 0..1. */
    @Nullable
    static Double percent(@Nullable String value) {
        Double number = decimal(value == null ? null : value.replace("%", ""));
        return number == null ? null : Math.max(0, Math.min(1, number / 100));
    }

    private static String fixed(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** The three output files, written as rows are mapped. */
    private static final class Output implements AutoCloseable {

        private final CsvWriter schoolsOut;
        private final CsvWriter resultsOut;
        private final CsvWriter indicatorsOut;
        int schools;
        long results;
        long indicators;

        Output(Path dir) throws IOException {
            Files.createDirectories(dir);
            schoolsOut = new CsvWriter(Files.newBufferedWriter(dir.resolve(FileKind.SCHOOLS.fileName()), StandardCharsets.UTF_8));
            resultsOut = new CsvWriter(Files.newBufferedWriter(dir.resolve(FileKind.RESULTS.fileName()), StandardCharsets.UTF_8));
            indicatorsOut = new CsvWriter(Files.newBufferedWriter(dir.resolve(FileKind.INDICATORS.fileName()), StandardCharsets.UTF_8));
            schoolsOut.write(FileKind.SCHOOLS.columns());
            resultsOut.write(FileKind.RESULTS.columns());
            indicatorsOut.write(FileKind.INDICATORS.columns());
        }

        void school(String id, String name, String regionId, String regionName, String municipalityId, String municipalityName,
                    SchoolType type, @Nullable Locality locality, @Nullable Integer enrolment, @Nullable Boolean small,
                    @Nullable Double latitude, @Nullable Double longitude) throws IOException {
            boolean located = latitude != null && longitude != null;
            schoolsOut.write(id, name, regionId, regionName, municipalityId, municipalityName, type.label(),
                    locality == null ? "" : locality.label(), enrolment == null ? "" : enrolment.toString(),
                    small == null ? "" : small.toString(),
                    located ? fixed(latitude, 6) : "", located ? fixed(longitude, 6) : "");
            schools++;
        }

        void result(String id, int year, Procedure procedure, Subject subject, int grade, int participants, double mean,
                    int meanDecimals, @Nullable Double failing, @Nullable Double high) throws IOException {
            resultsOut.write(id, String.valueOf(year), procedure.label(), subject.label(), String.valueOf(grade),
                    String.valueOf(participants), fixed(mean, meanDecimals),
                    failing == null ? "" : fixed(failing, 3), high == null ? "" : fixed(high, 3));
            results++;
        }

        void indicator(String id, int year, Indicator indicator, @Nullable Double value, int decimals) throws IOException {
            if (value == null) {
                return;
            }
            indicatorsOut.write(id, String.valueOf(year), indicator.code(), fixed(value, decimals));
            indicators++;
        }

        Summary summary(int skipped) {
            return new Summary(schools, results, indicators, skipped);
        }

        @Override
        public void close() throws IOException {
            try (schoolsOut; resultsOut; indicatorsOut) {
                // closes all three even if one fails
            }
        }
    }
}
