package org.opora.monitoring.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opora.monitoring.indicators.IndicatorFigure;
import org.opora.monitoring.indicators.IndicatorFigure.Direction;
import org.opora.monitoring.indicators.IndicatorFigure.Evaluation;
import org.opora.monitoring.indicators.IndicatorFigure.Unit;
import org.opora.monitoring.indicators.IndicatorTable;
import org.opora.pairing.outcomes.OutcomeService;
import org.opora.pairing.pairs.PairRepository;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.testing.OporaTestApp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.monitoring.reports.ReportFiles.row;
import static org.opora.monitoring.reports.ReportRegion.AS_OF;
import static org.opora.monitoring.reports.ReportRegion.YEAR;
import static org.opora.testing.OporaTestApp.bean;

/**
 * The справки's contents on the constructed region {@link ReportRegion} (figures known by hand): each file is opened
 * as a reader would (POI, PDFBox) and its cells and text checked.
 */
class ReportContentTest {

    private static ReportRegion r;
    private static ReportService reports;
    private static CurrentUser regional;

    @BeforeAll
    static void region() {
        OporaTestApp.server();
        r = new ReportRegion("R9RPT");
        reports = bean(ReportService.class);
        regional = new CurrentUser("rc", Set.of(Role.REGIONAL_COORDINATOR), new Scope(r.region, null, null));
    }

    private static byte[] file(ReportKind kind, String municipalityId, String schoolId, ReportFormat format) {
        return reports.generate(regional, new ReportRequest(kind, r.region, municipalityId, schoolId, YEAR), format, AS_OF).content();
    }

    @Test
    void regionalWorkbookCountsIdentificationAndSupport() throws Exception {
        try (XSSFWorkbook book = ReportFiles.workbook(file(ReportKind.REGIONAL, null, null, ReportFormat.XLSX))) {
            Sheet identification = book.getSheet("Идентификация");
            assertThat(ReportFiles.texts(identification.getRow(0))).containsExactly("Статус", "2025", "2026", "Изменение", "Вошли", "Вышли");
            assertThat(identification.getPaneInformation().isFreezePane()).isTrue();
            assertThat(identification.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(numbers(row(identification, 0, "ШНОР"))).containsExactly(2.0, 3.0, 1.0, 1.0, 0.0);
            assertThat(numbers(row(identification, 0, "ШНСУ"))).containsExactly(1.0, 1.0, 0.0, 1.0, 1.0);
            assertThat(row(identification, 0, "ШНОР").getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");

            Sheet municipalities = book.getSheet("По муниципалитетам");
            assertThat(numbers(row(municipalities, 0, "Округ R9RPT-M1"))).containsExactly(3.0, 1.0, 2.0, 1.0, 0.0);
            assertThat(numbers(row(municipalities, 0, "Округ R9RPT-M2"))).containsExactly(2.0, 1.0, 1.0, 0.0, 1.0);

            Sheet schools = book.getSheet("Школы ШНОР и ШНСУ");
            assertThat(schools.getLastRowNum()).isEqualTo(3);
            Row s4 = row(schools, 1, "Школа R9RPT-S4");
            assertThat(s4.getCell(2).getStringCellValue()).isEqualTo("ШНОР, ШНСУ");
            assertThat(s4.getCell(3).getStringCellValue()).isEqualTo("ШНОР");
            assertThat(s4.getCell(4).getNumericCellValue()).isEqualTo(-1.0);

            Sheet summary = book.getSheet("Справка");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Справка по итогам мониторинга ШНОР и ШНСУ за 2026 год");
            Row agreed = row(summary, 0, "доля с согласованной программой");
            assertThat(agreed.getCell(1).getNumericCellValue()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(agreed.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(row(summary, 0, "с просроченными мероприятиями на 01.06.2026").getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(row(summary, 0, "Выдано в 2026 году").getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(row(summary, 0, "просрочено на 01.06.2026").getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(row(summary, 0, "доля выполненных из проверенных").getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(row(summary, 0, "Консультация (записей в журнале)").getCell(1).getNumericCellValue()).isEqualTo(2.0);
            assertThat(row(summary, 0, "доля охваченных среди ШНОР и ШНСУ").getCell(1).getNumericCellValue())
                    .isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(row(summary, 0, "ШНОР и ШНСУ в сетевом взаимодействии со школами-лидерами").getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(row(summary, 0, "ШНОР и ШНСУ, участвовавшие в семинарах и круглых столах").getCell(1).getNumericCellValue()).isEqualTo(2.0);
            assertThat(row(summary, 0, "Показатели мониторинга за 2026 год не рассчитаны.")).isNotNull()
                    .as("the placeholder IndicatorTable answers nothing; ReportIndicatorSectionTest covers real figures");

            Row pair = row(book.getSheet("Сетевые пары"), 1, "Школа R9RPT-S1");
            assertThat(pair.getCell(2).getStringCellValue()).isEqualTo("Школа R9RPT-S5");
            assertThat(pair.getCell(3).getStringCellValue()).isEqualTo("действует");
            assertThat(pair.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 9, 1));
            assertThat(pair.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("dd.mm.yyyy");

            Sheet programmes = book.getSheet("Программы");
            assertThat(programmes.getLastRowNum()).isEqualTo(2);
            assertThat(numbers(row(programmes, 1, "Школа R9RPT-S1")).subList(2, 5)).containsExactly(3.0, 1.0, 1.0);
            assertThat(row(programmes, 1, "Школа R9RPT-S2").getCell(3).getStringCellValue()).isEqualTo("Черновик");

            Row seminar = row(book.getSheet("Мероприятия"), 1, "Семинар «Повышение качества ОГЭ»");
            assertThat(numbers(seminar).subList(1, 4)).as("after the date").containsExactly(2.0, 2.0, 1.0);

            Sheet recommendations = book.getSheet("Рекомендации");
            assertThat(numbers(row(recommendations, 0, "Округ R9RPT-M1")).subList(0, 4)).containsExactly(2.0, 0.0, 1.0, 1.0);
        }
    }

    @Test
    void regionalPdfEmbedsDejaVuAndDrawsTheChart() {
        ReportFiles.Pdf pdf = ReportFiles.pdf(file(ReportKind.REGIONAL, null, null, ReportFormat.PDF));
        String text = pdf.text().replaceAll("\\s+", " ");
        assertThat(text).contains("Справка по итогам мониторинга ШНОР и ШНСУ за 2026 год", "Регион: Тестовый регион R9RPT",
                "1. Итоги идентификации ШНОР и ШНСУ", "3. Сетевые пары и их результаты", "7. Мероприятия",
                "доля с согласованной программой 33,3 %", "доля охваченных среди ШНОР и ШНСУ 66,7 %",
                "Семинар «Повышение качества ОГЭ»", "Черновик", "01.09.2025");
        assertThat(pdf.fonts()).isNotEmpty().allMatch(f -> f.contains("DejaVuSans"));
        assertThat(pdf.allFontsEmbedded()).isTrue();
        assertThat(pdf.images()).as("the municipality chart").isGreaterThanOrEqualTo(1);
    }

    @Test
    void municipalReportCountsOnlyItsMunicipality() throws Exception {
        try (XSSFWorkbook book = ReportFiles.workbook(file(ReportKind.MUNICIPAL, r.m1, null, ReportFormat.XLSX))) {
            Sheet identification = book.getSheet("Идентификация");
            assertThat(numbers(row(identification, 0, "ШНОР"))).containsExactly(1.0, 2.0, 1.0, 1.0, 0.0);
            assertThat(numbers(row(identification, 0, "ШНСУ"))).containsExactly(1.0, 0.0, -1.0, 0.0, 1.0);
            assertThat(book.getSheet("По муниципалитетам")).isNull();
            assertThat(book.getSheet("Школы ШНОР и ШНСУ").getLastRowNum()).isEqualTo(2);
            Sheet summary = book.getSheet("Справка");
            assertThat(row(summary, 0, "Выдано в 2026 году").getCell(1).getNumericCellValue()).isEqualTo(2.0);
            assertThat(row(summary, 0, "доля охваченных среди ШНОР и ШНСУ").getCell(1).getNumericCellValue()).isEqualTo(0.5);
        }
        String text = ReportFiles.pdf(file(ReportKind.MUNICIPAL, r.m1, null, ReportFormat.PDF)).text().replaceAll("\\s+", " ");
        assertThat(text).contains("Муниципалитет: Округ R9RPT-M1 (Тестовый регион R9RPT)", "Школа R9RPT-S2")
                .doesNotContain("Школа R9RPT-S4");
    }

    @Test
    void schoolCardFitsOnOnePageWithStatusesEvidenceRisksPairAndProgramme() throws Exception {
        ReportFiles.Pdf pdf = ReportFiles.pdf(file(ReportKind.SCHOOL_CARD, null, r.s1, ReportFormat.PDF));
        assertThat(pdf.pages()).isEqualTo(1);
        String text = pdf.text().replaceAll("\\s+", " ");
        assertThat(text).contains("Карточка школы: Школа R9RPT-S1", "Округ R9RPT-M1, Тестовый регион R9RPT",
                "Средний балл по математике ниже регионального три года подряд", "Дефицит педагогических кадров высокий",
                "Территориальная удалённость школы средний", "Школа R9RPT-S5, действует с 01.09.2025",
                "мероприятий 3, выполнено 1, просрочено 1", "выдано 1, закрыто 1, просрочено 0")
                .doesNotContain("Недостаточное финансовое обеспечение");
        assertThat(pdf.allFontsEmbedded()).isTrue();
        try (XSSFWorkbook book = ReportFiles.workbook(file(ReportKind.SCHOOL_CARD, null, r.s1, ReportFormat.XLSX))) {
            Sheet results = book.getSheet("Результаты");
            assertThat(ReportFiles.texts(results.getRow(0))).containsExactly("Процедура", "Предмет", "Класс", "2024", "2025", "2026");
            Row oge = row(results, 0, "ОГЭ");
            assertThat(oge.getCell(1).getStringCellValue()).isEqualTo("Математика");
            assertThat(oge.getCell(3).getNumericCellValue()).isCloseTo(3.2, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(oge.getCell(5).getNumericCellValue()).isCloseTo(3.4, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(oge.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            Row vpr = row(results, 0, "ВПР");
            assertThat(vpr.getCell(3)).isNull();
            assertThat(vpr.getCell(5).getNumericCellValue()).isEqualTo(3.45);
            assertThat(ReportFiles.texts(row(book.getSheet("Рисковый профиль"), 0, "Дефицит педагогических кадров"))).contains("высокий");
        }
    }

    @Test
    void statusChangesListTheSchoolsThatEnteredAndLeftWithTheReason() throws Exception {
        try (XSSFWorkbook book = ReportFiles.workbook(file(ReportKind.STATUS_CHANGES, null, null, ReportFormat.XLSX))) {
            Sheet changes = book.getSheet("Вход и выход");
            assertThat(changes.getLastRowNum()).isEqualTo(3);
            assertThat(changes.getPaneInformation().isFreezePane()).isTrue();
            Row s2 = row(changes, 1, "Школа R9RPT-S2");
            assertThat(ReportFiles.texts(s2)).contains("ШНОР", "вошла", "Средний балл ОГЭ ниже регионального на 0,6 SD");
            assertThat(s2.getCell(4).getNumericCellValue()).isEqualTo(-0.2);
            assertThat(s2.getCell(5).getNumericCellValue()).isEqualTo(-0.7);
            assertThat(ReportFiles.texts(row(changes, 1, "Школа R9RPT-S4"))).contains("ШНСУ", "вошла", "Доля семей с низким доходом выше порога");
            assertThat(ReportFiles.texts(row(changes, 1, "Школа R9RPT-S3"))).contains("ШНСУ", "вышла",
                    "В 2025 году: Три условия: дефицит ресурсов, неблагоприятные условия семей, сложный контингент");
        }
        String text = ReportFiles.pdf(file(ReportKind.STATUS_CHANGES, r.m2, null, ReportFormat.PDF)).text().replaceAll("\\s+", " ");
        assertThat(text).contains("2025 → 2026", "ШНСУ: вошли в список 1", "ШНОР: вошли в список 0", "Школа R9RPT-S4")
                .doesNotContain("Школа R9RPT-S2");
    }

    /** The indicator section with real figures, through the IndicatorTable interface (its implementation is another branch's). */
    @Test
    void indicatorSectionShowsValuesAgainstTargets() throws Exception {
        List<Scope> asked = new ArrayList<>();
        IndicatorTable table = (territory, year) -> {
            asked.add(territory);
            return List.of(
                    new IndicatorFigure("SHNOR_COVERED_BY_HELP", "Доля ШНОР и ШНСУ, охваченных методическим сопровождением", "Сопровождение",
                            Unit.SHARE, Direction.HIGHER_IS_BETTER, 0.625, 5, 8, 0.5, 0.125, 0.6, Evaluation.ACHIEVED),
                    new IndicatorFigure("SHNOR_OLYMPIAD_WINNERS", "Число победителей и призёров олимпиад", "Обучающиеся",
                            Unit.COUNT, Direction.HIGHER_IS_BETTER, 4.0, null, null, null, null, null, Evaluation.NO_TARGET),
                    new IndicatorFigure("SHNOR_PROGRAMME_AGREED", "Доля школ с согласованной программой", "Программы",
                            Unit.SHARE, Direction.HIGHER_IS_BETTER, 0.4, 2, 5, 0.5, -0.1, 0.8, Evaluation.NOT_ACHIEVED));
        };
        ReportService service = new ReportService(bean(ReportRepository.class), new ReportBuilder(bean(ReportRepository.class), table,
                bean(PairRepository.class), bean(OutcomeService.class), bean(ObjectMapper.class)));
        ReportRequest request = new ReportRequest(ReportKind.MUNICIPAL, r.region, r.m2, null, YEAR);
        try (XSSFWorkbook book = ReportFiles.workbook(service.generate(regional, request, ReportFormat.XLSX, AS_OF).content())) {
            Sheet indicators = book.getSheet("Показатели");
            Row covered = row(indicators, 1, "Доля ШНОР и ШНСУ, охваченных методическим сопровождением");
            assertThat(covered.getCell(3).getNumericCellValue()).isEqualTo(0.5);
            assertThat(covered.getCell(4).getNumericCellValue()).isEqualTo(0.625);
            assertThat(covered.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(covered.getCell(6).getNumericCellValue()).isEqualTo(5.0);
            assertThat(covered.getCell(7).getNumericCellValue()).isEqualTo(8.0);
            assertThat(covered.getCell(8).getNumericCellValue()).isEqualTo(0.6);
            assertThat(covered.getCell(9).getStringCellValue()).isEqualTo("достигнуто");
            Row winners = row(indicators, 1, "Число победителей и призёров олимпиад");
            assertThat(winners.getCell(4).getNumericCellValue()).isEqualTo(4.0);
            assertThat(winners.getCell(8)).isNull();
            assertThat(winners.getCell(9).getStringCellValue()).isEqualTo("цель не задана");
            assertThat(row(book.getSheet("Справка"), 0, "Целевое значение не достигнуто").getCell(1).getNumericCellValue()).isEqualTo(1.0);
        }
        assertThat(asked).contains(new Scope(r.region, r.m2, null));
        ReportFiles.Pdf pdf = ReportFiles.pdf(service.generate(regional, request, ReportFormat.PDF, AS_OF).content());
        assertThat(pdf.text().replaceAll("\\s+", " ")).contains("62,5 %", "60,0 %", "+12,5 %", "не достигнуто", "цель не задана");
        assertThat(pdf.images()).as("the chart of shares against their targets").isGreaterThanOrEqualTo(1);
    }

    private static List<Double> numbers(Row row) {
        List<Double> numbers = new ArrayList<>();
        row.forEach(cell -> {
            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                numbers.add(cell.getNumericCellValue());
            }
        });
        return numbers;
    }
}
