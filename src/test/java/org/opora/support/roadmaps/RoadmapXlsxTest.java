package org.opora.support.roadmaps;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbook format on its own: what the export writes (read back cell by cell with POI) and what the import refuses. */
class RoadmapXlsxTest {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 15);

    static final Roadmap ROADMAP = new Roadmap("RM-1", RoadmapLevel.MUNICIPALITY, "R", "M", null, "Минусинский округ",
            "Дорожная карта сопровождения ШНОР на 2026 год", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 3, 1, 1,
            "coordinator", ZonedDateTime.now());

    static final List<RoadmapActivity> ACTIVITIES = List.of(
            new RoadmapActivity("A1", "RM-1", 1, "Организационные мероприятия", "Приказ о сопровождении ШНОР",
                    LocalDate.of(2026, 2, 1), "Управление образования", "Приказ издан", RoadmapActivityStatus.DONE, "Приказ № 12 от 30.01.2026"),
            new RoadmapActivity("A2", "RM-1", 2, "Методическая помощь", "Выездной семинар в школе",
                    LocalDate.of(2026, 4, 10), "ММЦ", "Семинар проведён", RoadmapActivityStatus.IN_PROGRESS, null),
            new RoadmapActivity("A3", "RM-1", 3, null, "Итоговый мониторинг", LocalDate.of(2026, 12, 20),
                    "Куратор", null, RoadmapActivityStatus.PLANNED, null));

    @Test
    void theExportIsARealWorkbookWithFrozenBoldHeaderDatesAndOverdueRows() throws IOException {
        byte[] file = RoadmapXlsx.write(ROADMAP, ACTIVITIES, TODAY);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Дорожная карта");
            assertThat(book.getProperties().getCoreProperties().getTitle()).isEqualTo(ROADMAP.title());

            var header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("№");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Мероприятие");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Срок");
            assertThat(header.getCell(8).getStringCellValue()).isEqualTo("Просрочено");
            assertThat(book.getFontAt(header.getCell(2).getCellStyle().getFontIndex()).getBold()).isTrue();
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(pane.getVerticalSplitPosition()).isEqualTo((short) 0);
            assertThat(sheet.getColumnWidth(2)).isEqualTo(60 * 256);

            Cell deadline = sheet.getRow(1).getCell(3);
            assertThat(deadline.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(deadline)).isTrue();
            assertThat(deadline.getCellStyle().getDataFormatString()).isEqualTo("dd.mm.yyyy");
            assertThat(deadline.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 2, 1));
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("Выполнено");
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("Приказ № 12 от 30.01.2026");

            // Row 3 (activity 2: deadline passed, in progress) is overdue and filled; the done and the future ones are not.
            assertThat(sheet.getRow(2).getCell(8).getStringCellValue()).isEqualTo("да");
            assertThat(fill(sheet, 2, 2)).isEqualTo("FFCCCC");
            assertThat(fill(sheet, 2, 3)).isEqualTo("FFCCCC");
            assertThat(sheet.getRow(2).getCell(2).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(fill(sheet, 1, 2)).isNull();
            assertThat(fill(sheet, 3, 2)).isNull();
            assertThat(sheet.getRow(3).getCell(8).getStringCellValue()).isEmpty();
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEmpty();
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    private static String fill(Sheet sheet, int row, int column) {
        XSSFCellStyle style = (XSSFCellStyle) sheet.getRow(row).getCell(column).getCellStyle();
        return style.getFillForegroundXSSFColor() == null ? null : style.getFillForegroundXSSFColor().getARGBHex().substring(2);
    }

    @Test
    void theExportReadsBackAsTheSameActivities() {
        RoadmapXlsx.Parsed parsed = RoadmapXlsx.read(RoadmapXlsx.write(ROADMAP, ACTIVITIES, TODAY));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.activities()).containsExactlyElementsOf(ACTIVITIES.stream().map(RoadmapActivity::draft).toList());
    }

    @Test
    void everyBadRowIsListedWithItsColumnAndNothingIsAccepted() {
        byte[] file = RoadmapWorkbooks.sheet(RoadmapWorkbooks.HEADERS, List.of(
                Arrays.asList("Раздел 1", "Хорошая строка", LocalDate.of(2026, 3, 1), "ММЦ", null, "выполнено", null),
                Arrays.asList("Раздел 1", "Без срока", null, "ММЦ", null, null, null),
                Arrays.asList("Раздел 1", "Дата словами", "в течение года", "ММЦ", null, null, null),
                Arrays.asList("Раздел 1", "Несуществующая дата", "31.02.2026", "ММЦ", null, null, null),
                Arrays.asList(null, "Странный статус", "01.03.2026", "ММЦ", null, "Почти готово", null),
                Arrays.asList(null, null, "01.03.2026", null, "Результат без мероприятия", null, null),
                Arrays.asList(null, null, null, null, null, null, null),
                Arrays.asList(null, "Число вместо даты", 45, "ММЦ", null, null, null)));
        RoadmapXlsx.Parsed parsed = RoadmapXlsx.read(file);
        assertThat(parsed.accepted()).isFalse();
        assertThat(parsed.activities()).isEmpty();
        assertThat(parsed.problems()).extracting(RowProblem::row, RowProblem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "Срок"),
                org.assertj.core.groups.Tuple.tuple(4, "Срок"),
                org.assertj.core.groups.Tuple.tuple(5, "Срок"),
                org.assertj.core.groups.Tuple.tuple(6, "Статус"),
                org.assertj.core.groups.Tuple.tuple(7, "Мероприятие"),
                org.assertj.core.groups.Tuple.tuple(7, "Ответственный"),
                org.assertj.core.groups.Tuple.tuple(9, "Срок"));
        assertThat(parsed.problems().get(0).reason()).isEqualTo("не указан срок");
        assertThat(parsed.problems().get(1).reason()).isEqualTo("не удалось распознать дату «в течение года»: ожидается ДД.ММ.ГГГГ");
        assertThat(parsed.problems().get(2).reason()).contains("«31.02.2026»");
        assertThat(parsed.problems().get(3).reason()).isEqualTo(
                "неизвестный статус «Почти готово»: допустимы «Запланировано», «В работе», «Выполнено», «Отменено»");
        assertThat(parsed.problems().get(4).reason()).isEqualTo("не указано мероприятие");
        assertThat(parsed.problems().get(5).reason()).isEqualTo("не указан ответственный");
        assertThat(parsed.problems().get(6).reason()).isEqualTo("ожидается дата, а в ячейке число 45");
    }

    @Test
    void columnsAreFoundByHeaderInAnyOrderAndTextDatesAreRead() {
        byte[] file = RoadmapWorkbooks.sheet(List.of("Ответственный", "СРОК", "мероприятие", "Статус"), List.of(
                List.of("Школа № 3", "05.10.2026", "Родительское собрание", "В работе"),
                List.of("Школа № 3", "2026-11-01", "Педсовет", "")));
        RoadmapXlsx.Parsed parsed = RoadmapXlsx.read(file);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.activities()).containsExactly(
                new ActivityDraft(null, "Родительское собрание", LocalDate.of(2026, 10, 5), "Школа № 3", null, RoadmapActivityStatus.IN_PROGRESS, null),
                new ActivityDraft(null, "Педсовет", LocalDate.of(2026, 11, 1), "Школа № 3", null, RoadmapActivityStatus.PLANNED, null));
    }

    @Test
    void aFileWithoutTheRequiredColumnsOrNotAWorkbookIsRefused() {
        RoadmapXlsx.Parsed missing = RoadmapXlsx.read(RoadmapWorkbooks.sheet(List.of("Мероприятие", "Дата"),
                List.of(List.of("Семинар", "01.03.2026"))));
        assertThat(missing.problems()).extracting(RowProblem::toString).containsExactly(
                "строка 1, столбец «Срок»: в строке заголовков нет столбца «Срок»",
                "строка 1, столбец «Ответственный»: в строке заголовков нет столбца «Ответственный»");
        assertThat(RoadmapXlsx.read("school_id,name\n".getBytes()).problems()).extracting(RowProblem::reason)
                .containsExactly("файл не является книгой Excel в формате XLSX");
        assertThat(RoadmapXlsx.read(RoadmapWorkbooks.sheet(RoadmapWorkbooks.HEADERS, List.of())).problems())
                .extracting(RowProblem::reason).containsExactly("в файле нет ни одного мероприятия");
    }

    @Test
    void overdueMeansDeadlineBeforeTodayAndNotClosed() {
        RoadmapActivity base = ACTIVITIES.get(1); // deadline 2026-04-10
        assertThat(base.overdueOn(LocalDate.of(2026, 4, 10))).isFalse(); // the deadline day itself is not late yet
        assertThat(base.overdueOn(LocalDate.of(2026, 4, 11))).isTrue();
        for (RoadmapActivityStatus status : RoadmapActivityStatus.values()) {
            RoadmapActivity a = new RoadmapActivity("A", "R", 1, null, "x", base.deadline(), "y", null, status, null);
            assertThat(a.overdueOn(LocalDate.of(2026, 4, 11))).as(status.name()).isEqualTo(!status.closed());
        }
        assertThat(RoadmapActivityStatus.parse(" в работе ")).contains(RoadmapActivityStatus.IN_PROGRESS);
        assertThat(RoadmapActivityStatus.parse("DONE")).contains(RoadmapActivityStatus.DONE);
        assertThat(RoadmapActivityStatus.parse("сделано")).isEmpty();
    }
}
