package org.opora.school.importing;

import org.junit.jupiter.api.Test;
import org.opora.school.Indicator;
import org.opora.school.Procedure;
import org.opora.school.SchoolType;
import org.opora.school.importing.DataRecord.ResultRecord;
import org.opora.school.importing.DataRecord.SchoolRecord;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SchoolDataValidatorTest {

    private static final String SCHOOLS_HEADER = "school_id,name,region_id,region_name,municipality_id,municipality_name,type,locality,enrolment,small_school,latitude,longitude\n";
    private static final String RESULTS_HEADER = "school_id,year,procedure,subject,grade,participants,mean_score,share_failing,share_high\n";

    private static SchoolDataValidator.Result validate(FileKind kind, String text, Set<String> known, List<DataRecord> sink) throws IOException {
        return SchoolDataValidator.validate(kind, new StringReader(text), known::contains, sink::add, true, null);
    }

    private static List<String> messages(SchoolDataValidator.Result result) {
        return result.errors().stream().map(RowError::toString).toList();
    }

    @Test
    void validSchoolsBecomeRecords() throws IOException {
        List<DataRecord> records = new ArrayList<>();
        SchoolDataValidator.Result result = validate(null, SCHOOLS_HEADER
                + "S1,\"МБОУ \"\"СОШ № 1\"\" г. Камнегорска\",R1,Уральская область,M1,Городской округ Камнегорск,СОШ,город,812,false,56.1,60.2\n"
                + "S2,\"МКОУ \"\"Ивановская ООШ\"\"\",R1,Уральская область,M2,Сосновский муниципальный район,ООШ,село,41,true,,\n"
                + "S3,Школа без необязательных данных,R1,Уральская область,M2,Сосновский муниципальный район,НОШ,,,,,\n",
                Set.of(), records);

        assertThat(result.valid()).as(messages(result).toString()).isTrue();
        assertThat(result.kind()).isEqualTo(FileKind.SCHOOLS);
        assertThat(result.rows()).isEqualTo(3);
        assertThat(result.regions()).containsEntry("R1", "Уральская область");
        assertThat(result.municipalities()).containsOnlyKeys("M1", "M2");
        assertThat(result.schoolIds()).containsExactlyInAnyOrder("S1", "S2", "S3");
        SchoolRecord first = (SchoolRecord) records.get(0);
        assertThat(first.name()).isEqualTo("МБОУ \"СОШ № 1\" г. Камнегорска");
        assertThat(first.type()).isEqualTo(SchoolType.SOSH);
        assertThat(first.enrolment()).isEqualTo(812);
        SchoolRecord third = (SchoolRecord) records.get(2);
        assertThat(third.locality()).isNull();
        assertThat(third.latitude()).isNull();
        assertThat(third.toParameters())
                .containsEntry("enrolment", null).containsEntry("type", "НОШ");
    }

    @Test
    void badResultsFileListsEveryErrorWithRowColumnAndReason() throws IOException {
        List<DataRecord> records = new ArrayList<>();
        SchoolDataValidator.Result result = validate(FileKind.RESULTS, RESULTS_HEADER
                + "S1,2024,ВПР,Русский язык,4,25,3.85,0.04,0.6\n"      // 2: fine
                + "S1,2024,ВПР,Математика,4,25,abc,0.04,0.6\n"         // 3: not a number
                + "S1,2024,ВПР,Математика,5,25,3,85,0.04,0.6\n"        // 4: a comma decimal makes an extra value
                + "S9,2024,ЕГЭ,Русский язык,9,25,71.5,,\n"             // 5: unknown school, ЕГЭ in grade 9
                + "S1,1999,ВПР,Физкультура,12,0,7.2,1.5,\n"             // 6: year, subject, grade, participants, mean, share
                + "S1,2024,ВПР,Русский язык,4,30,3.90,,\n"            // 7: duplicate of row 2
                + "S1,2024,ОГЭ,Математика,9,20,3.1,0.6,0.5\n"         // 8: shares add up to more than 1
                + "S1,2024,Экзамен,Математика,9,,3.1,,\n"               // 9: unknown procedure, empty participants
                + "S1,2024,КДР,Читательская грамотность,4,3.5,61.2,,\n", // 10: participants not an integer
                Set.of("S1"), records);

        assertThat(result.valid()).isFalse();
        assertThat(result.rows()).isEqualTo(9);
        assertThat(messages(result)).containsExactly(
                "results.csv, строка 3, столбец mean_score: не число: \"abc\"",
                "results.csv, строка 4: ожидалось значений: 9 (по заголовку), в строке: 10",
                "results.csv, строка 5, столбец school_id: школа \"S9\" не найдена ни в файле школ, ни в базе",
                "results.csv, строка 5, столбец grade: для ЕГЭ допустим класс 11, указан 9",
                "results.csv, строка 6, столбец year: значение вне диапазона 2000.." + (java.time.Year.now().getValue() + 1) + ": 1999",
                "results.csv, строка 6, столбец subject: неизвестное значение \"Физкультура\"; допустимы: "
                        + String.join(", ", java.util.Arrays.stream(org.opora.school.Subject.values()).map(org.opora.school.Subject::label).toList()),
                "results.csv, строка 6, столбец grade: значение вне диапазона 4..11: 12",
                "results.csv, строка 6, столбец participants: значение вне диапазона 1..10000: 0",
                "results.csv, строка 6, столбец mean_score: значение вне диапазона 2..5: 7.2",
                "results.csv, строка 6, столбец share_failing: значение вне диапазона 0..1: 1.5",
                "results.csv, строка 7: повтор: строка с тем же ключом (school_id, year, procedure, subject, grade) уже есть в строке 2",
                "results.csv, строка 8, столбец share_high: share_failing + share_high больше 1: 0.6 + 0.5",
                "results.csv, строка 9, столбец procedure: неизвестное значение \"Экзамен\"; допустимы: ВПР, ОГЭ, ЕГЭ, КДР",
                "results.csv, строка 9, столбец participants: пустое значение",
                "results.csv, строка 10, столбец participants: не целое число: \"3.5\"");
        assertThat(records).hasSize(1);
        ResultRecord valid = (ResultRecord) records.get(0);
        assertThat(valid.key()).isEqualTo("S1|2024|ВПР|Русский язык|4");
        assertThat(valid.procedure()).isEqualTo(Procedure.VPR);
    }

    @Test
    void commaDecimalGetsAHint() throws IOException {
        SchoolDataValidator.Result result = validate(FileKind.INDICATORS,
                "school_id,year,indicator,value\nS1,2024,low_income_share,\"0,25\"\nS1,2024,remoteness_km,7000\nS1,2024,happiness,1\n",
                Set.of("S1"), new ArrayList<>());
        assertThat(messages(result)).containsExactly(
                "indicators.csv, строка 2, столбец value: не число: \"0,25\" (десятичный разделитель — точка)",
                "indicators.csv, строка 3, столбец value: значение вне диапазона 0..5000: 7000",
                "indicators.csv, строка 4, столбец indicator: неизвестное значение \"happiness\"; допустимы: "
                        + String.join(", ", java.util.Arrays.stream(Indicator.values()).map(Indicator::code).toList()));
    }

    @Test
    void headerProblemsAreReportedOnRowOne() throws IOException {
        SchoolDataValidator.Result result = validate(null,
                "school_id,year,procedure,subject,grade,participants,average,share_high,share_high\nS1,2024,ВПР,Математика,4,20,3.5,0.5,0.5\n",
                Set.of("S1"), new ArrayList<>());
        assertThat(result.kind()).isEqualTo(FileKind.RESULTS);
        assertThat(messages(result)).containsExactly(
                "results.csv, строка 1, столбец average: неизвестный столбец; допустимы: school_id, year, procedure, subject, grade, participants, mean_score, share_failing, share_high",
                "results.csv, строка 1, столбец share_high: столбец повторяется",
                "results.csv, строка 1, столбец mean_score: нет обязательного столбца");
    }

    @Test
    void schoolsFileChecksConsistencyOfTerritories() throws IOException {
        SchoolDataValidator.Result result = validate(FileKind.SCHOOLS, SCHOOLS_HEADER
                + "S1,Школа 1,R1,Уральская область,M1,Первый округ,СОШ,город,500,false,56.1,60.2\n"
                + "S2,Школа 2,R1,Уральская обл.,M1,Первый округ,Школа,деревня,-5,да,56.1,\n"
                + "S1,Школа 3,R2,Другая область,M1,Первый округ,СОШ,село,50,true,,\n"
                + "S|4,,R1,Уральская область,M1,Первый округ,СОШ,город,50,false,,\n",
                Set.of(), new ArrayList<>());
        assertThat(messages(result)).containsExactly(
                "schools.csv, строка 3, столбец type: неизвестное значение \"Школа\"; допустимы: СОШ, ООШ, НОШ, Гимназия, Лицей, ЦО, В(С)ОШ, СОШ с УИОП",
                "schools.csv, строка 3, столбец locality: неизвестное значение \"деревня\"; допустимы: город, село",
                "schools.csv, строка 3, столбец enrolment: значение вне диапазона 1..20000: -5",
                "schools.csv, строка 3, столбец small_school: неизвестное значение \"да\"; допустимы: true, false",
                "schools.csv, строка 3, столбец region_name: у региона R1 в строке 2 другое название: \"Уральская область\"",
                "schools.csv, строка 4, столбец region_id: у муниципалитета M1 в строке 2 другие данные: \"Первый округ\", регион R1",
                "schools.csv, строка 4: повтор: строка с тем же ключом (school_id) уже есть в строке 2",
                "schools.csv, строка 5, столбец school_id: недопустимый идентификатор \"S|4\": до 64 букв, цифр и знаков . _ -",
                "schools.csv, строка 5, столбец name: пустое значение");
    }

    @Test
    void loneCoordinateIsAnError() throws IOException {
        SchoolDataValidator.Result result = validate(FileKind.SCHOOLS, SCHOOLS_HEADER
                + "S1,Школа 1,R1,Уральская область,M1,Первый округ,СОШ,город,500,false,56.1,\n", Set.of(), new ArrayList<>());
        assertThat(messages(result)).containsExactly(
                "schools.csv, строка 2, столбец longitude: координаты указываются парой: latitude и longitude вместе");
    }

    @Test
    void recognisesWrongOrUnknownFiles() throws IOException {
        assertThat(messages(validate(FileKind.SCHOOLS, RESULTS_HEADER, Set.of(), new ArrayList<>())))
                .containsExactly("schools.csv, строка 1: по заголовку это results.csv, а ожидался schools.csv");
        assertThat(messages(validate(null, "a,b\n1,2\n", Set.of(), new ArrayList<>())))
                .containsExactly("schools.csv, строка 1: не удалось определить вид файла по заголовку: ожидаются столбцы schools.csv, results.csv, indicators.csv");
        assertThat(messages(validate(FileKind.INDICATORS, "", Set.of(), new ArrayList<>())))
                .containsExactly("indicators.csv, строка 1: файл пуст: нет строки заголовка");
    }

    @Test
    void malformedCsvAndEncodingAreReported() throws IOException {
        SchoolDataValidator.Result quotes = validate(FileKind.INDICATORS,
                "school_id,year,indicator,value\nS1,2024,low_income_share,0.2\"5\nS1,2024,special_needs_share,0.05\n",
                Set.of("S1"), new ArrayList<>());
        assertThat(messages(quotes)).hasSize(1).first().asString().startsWith("indicators.csv, строка 2: кавычка внутри поля");

        byte[] latin1 = "school_id,year,indicator,value\nS1,2024,low_income_share,0.2\nШкола\n".getBytes(java.nio.charset.Charset.forName("windows-1251"));
        SchoolDataValidator.Result encoding = SchoolDataValidator.validate(FileKind.INDICATORS,
                new InputStreamReader(new ByteArrayInputStream(latin1), StandardCharsets.UTF_8.newDecoder()), Set.of("S1")::contains);
        assertThat(messages(encoding)).anyMatch(m -> m.contains("файл не в кодировке UTF-8"));
    }

    @Test
    void keepsAtMostTheLimitButCountsAll() throws IOException {
        StringBuilder text = new StringBuilder("school_id,year,indicator,value\n");
        int rows = SchoolDataValidator.MAX_REPORTED_ERRORS + 5;
        for (int i = 0; i < rows; i++) {
            text.append('S').append(i).append(",2024,low_income_share,x\n");
        }
        SchoolDataValidator.Result result = SchoolDataValidator.validate(FileKind.INDICATORS, new StringReader(text.toString()), id -> true);
        assertThat(result.errors()).hasSize(SchoolDataValidator.MAX_REPORTED_ERRORS);
        assertThat(result.errorCount()).isEqualTo(rows);
        ImportRejectedException rejected = new ImportRejectedException(result.errors(), result.errorCount());
        assertThat(rejected.getMessage()).startsWith("Импорт отклонён, ничего не записано: ошибок — " + rows);
        assertThat(rejected.totalErrors()).isEqualTo(rows);
    }
}
