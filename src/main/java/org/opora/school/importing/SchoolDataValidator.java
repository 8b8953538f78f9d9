package org.opora.school.importing;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.csv.CsvReader;
import org.opora.platform.input.TextInput;
import org.opora.school.Indicator;
import org.opora.school.Locality;
import org.opora.school.Procedure;
import org.opora.school.SchoolType;
import org.opora.school.Subject;
import org.opora.school.importing.DataRecord.IndicatorRecord;
import org.opora.school.importing.DataRecord.ResultRecord;
import org.opora.school.importing.DataRecord.SchoolRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one import file row by row and checks every value, collecting all problems instead of
 * stopping at the first, so that whoever prepared the file can fix it in one go. Valid rows are
 * handed to a sink as {@link DataRecord}s; the importer runs this once to validate and once more to
 * write, so a file is never held in memory.
 */
public final class SchoolDataValidator {

    /** Errors kept per file; more are only counted (a wrong file can have one per cell). */
    public static final int MAX_REPORTED_ERRORS = 10_000;

    static final int MIN_YEAR = 2000;
    static final int MAX_ENROLMENT = 20_000;
    static final int MAX_PARTICIPANTS = 10_000;
    static final int MAX_NAME_LENGTH = 500;
    /** Two shares rounded to 3 decimals each may add up to 1.001 although their true sum is 1. */
    static final double ROUNDING_TOLERANCE = 0.002;

    /** Ids become parts of keys joined by "|", so they are kept to letters, digits and ._- */
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}._\\-]{1,64}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,12}(\\.\\d{1,12})?");

    private static final String TYPES = labels(SchoolType.values(), SchoolType::label);
    private static final String LOCALITIES = labels(Locality.values(), Locality::label);
    private static final String PROCEDURES = labels(Procedure.values(), Procedure::label);
    private static final String SUBJECTS = labels(Subject.values(), Subject::label);
    private static final String INDICATORS = labels(Indicator.values(), Indicator::code);

    public record Municipality(String id, String name, String regionId) {
    }

    /** What a pass over a file found. The territory maps are filled for schools.csv only. */
    public record Result(FileKind kind, long rows, List<RowError> errors, long errorCount,
                         Map<String, String> regions, Map<String, Municipality> municipalities,
                         Set<String> schoolIds) {

        public boolean valid() {
            return errorCount == 0;
        }
    }

    /**
     * Restricts a file to one region (a regional coordinator's upload): schools must be of that region, and no row
     * may touch a school the database holds in another region.
     *
     * @param storedRegionOf the region of a school already in the database, or null when there is none
     */
    public record RegionGuard(String regionId, Function<String, String> storedRegionOf,
                              Function<String, String> storedMunicipalityRegionOf) {
    }

    private SchoolDataValidator() {
    }

    /**
     * Validates one file.
     *
     * @param expected        the kind the caller expects, or null to recognise it from the header
     * @param knownSchool     whether a school id referenced by results/indicators exists (in the DB or
     *                        in a schools file imported together with this one)
     * @param sink            receives each valid row, in file order
     * @param checkDuplicates false skips the duplicate-key bookkeeping (the write pass of a file that
     *                        already passed validation does not need it)
     * @param guard           the one region the file may touch, or null for any
     */
    public static Result validate(@Nullable FileKind expected, Reader in, Predicate<String> knownSchool,
                                  Consumer<DataRecord> sink, boolean checkDuplicates, @Nullable RegionGuard guard)
            throws IOException {
        return new Pass(expected, knownSchool, sink, checkDuplicates, guard).run(in);
    }

    /** Validation only, for callers without a database (schools referenced must be in {@code knownSchool}). */
    public static Result validate(@Nullable FileKind expected, Reader in, Predicate<String> knownSchool) throws IOException {
        return validate(expected, in, knownSchool, record -> { }, true, null);
    }

    private static final class Pass {

        private final Predicate<String> knownSchool;
        private final Consumer<DataRecord> sink;
        private final boolean checkDuplicates;
        @Nullable
        private final RegionGuard guard;
        private final int maxYear = Year.now().getValue() + 1;

        /** The expected kind, or the recognised one once the header is read. */
        private FileKind kind;
        private final List<RowError> errors = new ArrayList<>();
        private long errorCount;
        private long rows;
        private final Map<String, Integer> columns = new HashMap<>();
        private int width;
        private final Map<String, Long> firstRowOfKey = new HashMap<>();
        private final Map<String, String> regions = new LinkedHashMap<>();
        private final Map<String, Long> regionRows = new HashMap<>();
        private final Map<String, Municipality> municipalities = new LinkedHashMap<>();
        private final Map<String, Long> municipalityRows = new HashMap<>();
        private final Set<String> schoolIds = new HashSet<>();

        Pass(@Nullable FileKind expected, Predicate<String> knownSchool, Consumer<DataRecord> sink, boolean checkDuplicates,
             @Nullable RegionGuard guard) {
            this.knownSchool = knownSchool;
            this.guard = guard;
            this.sink = sink;
            this.checkDuplicates = checkDuplicates;
            this.kind = expected;
        }

        Result run(Reader in) throws IOException {
            CsvReader csv = new CsvReader(in);
            try (csv) {
                if (readHeader(csv.next())) {
                    for (CsvReader.Record record = csv.next(); record != null; record = csv.next()) {
                        if (!record.isBlank()) {
                            rows++;
                            readRow(record);
                        }
                    }
                }
            } catch (CharacterCodingException e) {
                error(Math.max(1, csv.recordNumber()), null, "файл не в кодировке UTF-8 (сохраните его как «CSV UTF-8»)");
            }
            return new Result(kind != null ? kind : FileKind.SCHOOLS, rows, List.copyOf(errors), errorCount,
                    regions, municipalities, schoolIds);
        }

        private boolean readHeader(@Nullable CsvReader.Record header) {
            if (header == null) {
                kind = kind != null ? kind : FileKind.SCHOOLS;
                error(1, null, "файл пуст: нет строки заголовка");
                return false;
            }
            List<String> names = header.fields().stream().map(String::trim).toList();
            Optional<FileKind> detected = FileKind.detect(names);
            if (kind == null) {
                if (detected.isEmpty()) {
                    kind = FileKind.SCHOOLS;
                    error(1, null, "не удалось определить вид файла по заголовку: ожидаются столбцы "
                            + Arrays.stream(FileKind.values()).map(FileKind::fileName).collect(Collectors.joining(", ")));
                    return false;
                }
                kind = detected.get();
            } else if (detected.isPresent() && detected.get() != kind) {
                error(1, null, "по заголовку это " + detected.get().fileName() + ", а ожидался " + kind.fileName());
                return false;
            }
            if (header.problem() != null) {
                error(1, null, header.problem());
            }
            width = names.size();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (!kind.knows(name)) {
                    error(1, name.isEmpty() ? "№" + (i + 1) : name, "неизвестный столбец; допустимы: " + String.join(", ", kind.columns()));
                } else if (columns.putIfAbsent(name, i) != null) {
                    error(1, name, "столбец повторяется");
                }
            }
            for (String required : kind.requiredColumns()) {
                if (!columns.containsKey(required)) {
                    error(1, required, "нет обязательного столбца");
                }
            }
            return true;
        }

        private void readRow(CsvReader.Record record) {
            long row = record.number();
            if (record.problem() != null) {
                error(row, null, record.problem());
                return;
            }
            if (record.fields().size() != width) {
                error(row, null, "ожидалось значений: " + width + " (по заголовку), в строке: " + record.fields().size());
                return;
            }
            Fields fields = new Fields(row, record.fields());
            DataRecord parsed = switch (kind) {
                case SCHOOLS -> school(fields);
                case RESULTS -> result(fields);
                case INDICATORS -> indicator(fields);
            };
            // Duplicates are checked whenever the key columns are readable, even if other cells are bad.
            if (checkDuplicates && fields.key != null) {
                Long first = firstRowOfKey.putIfAbsent(fields.key, row);
                if (first != null) {
                    error(row, null, "повтор: строка с тем же ключом (" + keyColumns() + ") уже есть в строке " + first);
                    return;
                }
            }
            if (parsed != null && fields.ok) {
                sink.accept(parsed);
            }
        }

        private String keyColumns() {
            return switch (kind) {
                case SCHOOLS -> "school_id";
                case RESULTS -> "school_id, year, procedure, subject, grade";
                case INDICATORS -> "school_id, year, indicator";
            };
        }

        @Nullable
        private SchoolRecord school(Fields f) {
            String id = f.id("school_id");
            String name = f.name("name");
            String regionId = f.id("region_id");
            String regionName = f.name("region_name");
            String municipalityId = f.id("municipality_id");
            String municipalityName = f.name("municipality_name");
            SchoolType type = f.oneOf("type", true, SchoolType::fromLabel, TYPES);
            Locality locality = f.oneOf("locality", false, Locality::fromLabel, LOCALITIES);
            Integer enrolment = f.integer("enrolment", false, 1, MAX_ENROLMENT);
            Boolean small = f.oneOf("small_school", false, SchoolDataValidator::bool, "true, false");
            Double latitude = f.decimal("latitude", false, -90, 90);
            Double longitude = f.decimal("longitude", false, -180, 180);
            if ((latitude == null) != (longitude == null) && f.ok) {
                f.fail(latitude == null ? "latitude" : "longitude", "координаты указываются парой: latitude и longitude вместе");
            }
            if (id != null) {
                schoolIds.add(id);
                f.key = id;
            }
            if (guard != null && regionId != null && !regionId.equals(guard.regionId())) {
                f.fail("region_id", "загружать можно только школы своего региона (" + guard.regionId() + ")");
            } else if (id != null) {
                f.inGuardedRegion(id);
            }
            if (regionId != null && regionName != null) {
                String known = regions.putIfAbsent(regionId, regionName);
                regionRows.putIfAbsent(regionId, f.row);
                if (known != null && !known.equals(regionName)) {
                    f.fail("region_name", "у региона " + regionId + " в строке " + regionRows.get(regionId)
                            + " другое название: \"" + known + "\"");
                }
            }
            // Under a region guard, a municipality the database holds in another region is off limits (it would be moved).
            String storedMunicipalityRegion = guard == null || municipalityId == null ? null
                    : guard.storedMunicipalityRegionOf().apply(municipalityId);
            if (storedMunicipalityRegion != null && !storedMunicipalityRegion.equals(guard.regionId())
                    && guard.regionId().equals(regionId)) {
                f.fail("municipality_id", "муниципалитет \"" + municipalityId + "\" относится к региону " + storedMunicipalityRegion
                        + ", а загружать можно только данные своего региона (" + guard.regionId() + ")");
            }
            if (municipalityId != null && municipalityName != null && regionId != null) {
                Municipality municipality = new Municipality(municipalityId, municipalityName, regionId);
                Municipality known = municipalities.putIfAbsent(municipalityId, municipality);
                municipalityRows.putIfAbsent(municipalityId, f.row);
                if (known != null && !known.equals(municipality)) {
                    String column = known.regionId().equals(regionId) ? "municipality_name" : "region_id";
                    f.fail(column, "у муниципалитета " + municipalityId + " в строке " + municipalityRows.get(municipalityId)
                            + " другие данные: \"" + known.name() + "\", регион " + known.regionId());
                }
            }
            if (!f.ok) {
                return null;
            }
            return new SchoolRecord(id, name, regionId, regionName, municipalityId, municipalityName, type,
                    locality, enrolment, small, latitude, longitude);
        }

        @Nullable
        private ResultRecord result(Fields f) {
            String schoolId = f.schoolReference();
            Integer year = f.integer("year", true, MIN_YEAR, maxYear);
            Procedure procedure = f.oneOf("procedure", true, Procedure::fromLabel, PROCEDURES);
            Subject subject = f.oneOf("subject", true, Subject::fromLabel, SUBJECTS);
            Integer grade = f.integer("grade", true, 4, 11);
            if (schoolId != null && year != null && procedure != null && subject != null && grade != null) {
                f.key = ResultRecord.keyOf(schoolId, year, procedure, subject, grade);
            }
            Integer participants = f.integer("participants", true, 1, MAX_PARTICIPANTS);
            Double mean = procedure == null ? f.decimal("mean_score", true, 0, 100)
                    : f.decimal("mean_score", true, procedure.minScore(), procedure.maxScore());
            Double failing = f.decimal("share_failing", false, 0, 1);
            Double high = f.decimal("share_high", false, 0, 1);
            if (procedure != null && grade != null && !procedure.allowsGrade(grade)) {
                f.fail("grade", "для " + procedure.label() + " допустим класс " + procedure.gradeRule() + ", указан " + grade);
            }
            if (failing != null && high != null && failing + high > 1.0 + ROUNDING_TOLERANCE) {
                f.fail("share_high", "share_failing + share_high больше 1: " + failing + " + " + high);
            }
            if (!f.ok) {
                return null;
            }
            return new ResultRecord(schoolId, year, procedure, subject, grade, participants, mean, failing, high);
        }

        @Nullable
        private IndicatorRecord indicator(Fields f) {
            String schoolId = f.schoolReference();
            Integer year = f.integer("year", true, MIN_YEAR, maxYear);
            Indicator indicator = f.oneOf("indicator", true, Indicator::fromCode, INDICATORS);
            if (schoolId != null && year != null && indicator != null) {
                f.key = IndicatorRecord.keyOf(schoolId, year, indicator);
            }
            Double value = indicator == null ? f.decimal("value", true, -Double.MAX_VALUE, Double.MAX_VALUE)
                    : f.decimal("value", true, indicator.unit().min(), indicator.unit().max());
            if (!f.ok) {
                return null;
            }
            return new IndicatorRecord(schoolId, year, indicator, value);
        }

        private void error(long row, @Nullable String column, String reason) {
            errorCount++;
            if (errors.size() < MAX_REPORTED_ERRORS) {
                errors.add(new RowError(kind, row, column, reason));
            }
        }

        /** Typed access to the cells of one row; every failed check is recorded and marks the row bad. */
        private final class Fields {

            final long row;
            final List<String> values;
            boolean ok = true;
            /** The row's key once its key columns have been read, valid or not otherwise. */
            @Nullable
            String key;

            Fields(long row, List<String> values) {
                this.row = row;
                this.values = values;
            }

            void fail(String column, String reason) {
                ok = false;
                error(row, column, reason);
            }

            /** The trimmed cell, or null when empty or when the column is absent from the header. */
            @Nullable
            String text(String column, boolean required) {
                Integer index = columns.get(column);
                if (index == null) {
                    // A missing required column was reported once, at the header.
                    ok &= !required;
                    return null;
                }
                String value = values.get(index).trim();
                var control = TextInput.problem(value);
                if (control.isPresent()) {
                    fail(column, control.get());
                    return null;
                }
                if (value.isEmpty()) {
                    if (required) {
                        fail(column, "пустое значение");
                    }
                    return null;
                }
                return value;
            }

            @Nullable
            String id(String column) {
                String value = text(column, true);
                if (value != null && !ID.matcher(value).matches()) {
                    fail(column, "недопустимый идентификатор \"" + value + "\": до 64 букв, цифр и знаков . _ -");
                    return null;
                }
                return value;
            }

            @Nullable
            String name(String column) {
                String value = text(column, true);
                if (value != null && value.length() > MAX_NAME_LENGTH) {
                    fail(column, "слишком длинное значение: больше " + MAX_NAME_LENGTH + " символов");
                    return null;
                }
                return value;
            }

            @Nullable
            String schoolReference() {
                String id = id("school_id");
                if (id != null && !knownSchool.test(id)) {
                    fail("school_id", "школа \"" + id + "\" не найдена ни в файле школ, ни в базе");
                } else if (id != null) {
                    inGuardedRegion(id);
                }
                return id;
            }

            /** Under a region guard, a school the database holds in another region is off limits. */
            void inGuardedRegion(String schoolId) {
                String stored = guard == null ? null : guard.storedRegionOf().apply(schoolId);
                if (stored != null && !stored.equals(guard.regionId())) {
                    fail("school_id", "школа \"" + schoolId + "\" относится к региону " + stored
                            + ", а загружать можно только данные своего региона (" + guard.regionId() + ")");
                }
            }

            @Nullable
            Integer integer(String column, boolean required, int min, int max) {
                String value = text(column, required);
                if (value == null) {
                    return null;
                }
                if (!INTEGER.matcher(value).matches()) {
                    fail(column, DECIMAL.matcher(value).matches() ? "не целое число: \"" + value + "\"" : notANumber(value));
                    return null;
                }
                int number = Integer.parseInt(value);
                if (number < min || number > max) {
                    fail(column, "значение вне диапазона " + min + ".." + max + ": " + value);
                    return null;
                }
                return number;
            }

            @Nullable
            Double decimal(String column, boolean required, double min, double max) {
                String value = text(column, required);
                if (value == null) {
                    return null;
                }
                if (!DECIMAL.matcher(value).matches()) {
                    fail(column, notANumber(value));
                    return null;
                }
                double number = Double.parseDouble(value);
                if (number < min || number > max) {
                    fail(column, "значение вне диапазона " + format(min) + ".." + format(max) + ": " + value);
                    return null;
                }
                return number;
            }

            @Nullable
            <T> T oneOf(String column, boolean required, Function<String, Optional<T>> parse, String allowed) {
                String value = text(column, required);
                if (value == null) {
                    return null;
                }
                Optional<T> parsed = parse.apply(value);
                if (parsed.isEmpty()) {
                    fail(column, "неизвестное значение \"" + value + "\"; допустимы: " + allowed);
                    return null;
                }
                return parsed.get();
            }
        }
    }

    private static String notANumber(String value) {
        return value.matches("-?\\d+,\\d+")
                ? "не число: \"" + value + "\" (десятичный разделитель — точка)"
                : "не число: \"" + value + "\"";
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
    }

    private static Optional<Boolean> bool(String value) {
        return switch (value) {
            case "true" -> Optional.of(Boolean.TRUE);
            case "false" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    private static <T> String labels(T[] values, Function<T, String> label) {
        return Arrays.stream(values).map(label).collect(Collectors.joining(", "));
    }
}
