package org.opora.support.roadmaps;

import io.micronaut.core.annotation.Nullable;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Roadmaps as Excel workbooks, the way they circulate between the region, municipalities and schools: one sheet, a
 * frozen bold header row ({@link RoadmapColumn}), one activity per row, deadlines as real date cells in the Russian
 * format, overdue rows filled light red. {@link #read} takes the same layout back and lists every bad row.
 */
public final class RoadmapXlsx {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String SHEET = "Дорожная карта";
    /** The Excel number format of deadlines: 01.09.2025. */
    static final String DATE_FORMAT = "dd.mm.yyyy";
    static final int MAX_ROWS = 2_000;
    static final int MAX_TEXT = 2_000;
    /** Sections and responsibles are names, not paragraphs. */
    static final int MAX_SHORT_TEXT = 500;

    private static final byte[] OVERDUE_FILL = {(byte) 0xFF, (byte) 0xCC, (byte) 0xCC};
    private static final byte[] HEADER_FILL = {(byte) 0xE8, (byte) 0xEE, (byte) 0xF7};
    private static final List<DateTimeFormatter> TEXT_DATES = List.of(
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private RoadmapXlsx() {
    }

    // ------------------------------------------------------------------ export

    public static byte[] write(Roadmap roadmap, List<RoadmapActivity> activities, LocalDate today) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.getProperties().getCoreProperties().setTitle(roadmap.title());
            Sheet sheet = book.createSheet(SHEET);
            Styles plain = new Styles(book, null);
            Styles overdue = new Styles(book, OVERDUE_FILL);

            Row header = sheet.createRow(0);
            CellStyle headerStyle = headerStyle(book);
            for (RoadmapColumn column : RoadmapColumn.values()) {
                Cell cell = header.createCell(column.ordinal());
                cell.setCellValue(column.header());
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(column.ordinal(), column.widthChars() * 256);
            }
            sheet.createFreezePane(0, 1);

            int rowIndex = 1;
            for (RoadmapActivity activity : activities) {
                boolean late = activity.overdueOn(today);
                Styles styles = late ? overdue : plain;
                Row row = sheet.createRow(rowIndex++);
                number(row, RoadmapColumn.NUMBER, activity.position(), styles.text);
                text(row, RoadmapColumn.SECTION, activity.section(), styles.text);
                text(row, RoadmapColumn.TITLE, activity.title(), styles.text);
                Cell deadline = row.createCell(RoadmapColumn.DEADLINE.ordinal());
                deadline.setCellValue(activity.deadline());
                deadline.setCellStyle(styles.date);
                text(row, RoadmapColumn.RESPONSIBLE, activity.responsible(), styles.text);
                text(row, RoadmapColumn.PLANNED_RESULT, activity.plannedResult(), styles.text);
                text(row, RoadmapColumn.STATUS, activity.status().label(), styles.text);
                text(row, RoadmapColumn.ACTUAL_RESULT, activity.actualResult(), styles.text);
                text(row, RoadmapColumn.OVERDUE, late ? "да" : null, styles.text);
            }
            if (rowIndex > 1) {
                sheet.setAutoFilter(new CellRangeAddress(0, rowIndex - 1, 0, RoadmapColumn.values().length - 1));
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell styles of one kind of data row (plain or overdue). */
    private static final class Styles {
        final CellStyle text;
        final CellStyle date;

        Styles(XSSFWorkbook book, @Nullable byte[] fill) {
            text = book.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            thinBorders(text);
            date = book.createCellStyle();
            date.cloneStyleFrom(text);
            date.setWrapText(false);
            date.setAlignment(HorizontalAlignment.CENTER);
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat(DATE_FORMAT));
            if (fill != null) {
                for (CellStyle style : List.of(text, date)) {
                    ((XSSFCellStyle) style).setFillForegroundColor(new XSSFColor(fill, null));
                    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                }
            }
        }
    }

    private static CellStyle headerStyle(XSSFWorkbook book) {
        Font bold = book.createFont();
        bold.setBold(true);
        XSSFCellStyle style = book.createCellStyle();
        style.setFont(bold);
        style.setWrapText(true);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setFillForegroundColor(new XSSFColor(HEADER_FILL, null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        thinBorders(style);
        return style;
    }

    private static void thinBorders(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
    }

    private static void text(Row row, RoadmapColumn column, @Nullable String value, CellStyle style) {
        Cell cell = row.createCell(column.ordinal());
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }

    private static void number(Row row, RoadmapColumn column, int value, CellStyle style) {
        Cell cell = row.createCell(column.ordinal());
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    // ------------------------------------------------------------------ import

    /** What a file held: the activities in row order when {@code problems} is empty, else every reason it is refused. */
    public record Parsed(List<ActivityDraft> activities, List<RowProblem> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    /** Reads the first sheet of an XLSX workbook; never writes anything. */
    public static Parsed read(byte[] content) {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (book.getNumberOfSheets() == 0) {
                return refused(new RowProblem(1, "—", "в книге нет ни одного листа"));
            }
            return read(book.getSheetAt(0), book.getCreationHelper().createFormulaEvaluator());
        } catch (IOException | RuntimeException e) {
            // POI throws unchecked exceptions of several kinds on a file that is not an Office Open XML workbook.
            return refused(new RowProblem(1, "—", "файл не является книгой Excel в формате XLSX"));
        }
    }

    private static Parsed refused(RowProblem problem) {
        return new Parsed(List.of(), List.of(problem));
    }

    private static Parsed read(Sheet sheet, FormulaEvaluator evaluator) {
        DataFormatter formatter = new DataFormatter(new Locale("ru", "RU"));
        Row header = sheet.getRow(sheet.getFirstRowNum() < 0 ? 0 : sheet.getFirstRowNum());
        if (header == null) {
            return refused(new RowProblem(1, "—", "лист пуст: нет строки заголовков"));
        }
        Map<RoadmapColumn, Integer> at = new EnumMap<>(RoadmapColumn.class);
        Map<String, RoadmapColumn> byHeader = java.util.Arrays.stream(RoadmapColumn.values())
                .collect(Collectors.toMap(c -> RoadmapColumn.normalise(c.header()), c -> c));
        for (Cell cell : header) {
            RoadmapColumn column = byHeader.get(RoadmapColumn.normalise(formatter.formatCellValue(cell, evaluator)));
            if (column != null) {
                at.putIfAbsent(column, cell.getColumnIndex());
            }
        }
        int headerRow = header.getRowNum() + 1;
        List<RowProblem> problems = new ArrayList<>();
        for (RoadmapColumn column : RoadmapColumn.values()) {
            if (column.required() && !at.containsKey(column)) {
                problems.add(new RowProblem(headerRow, column.header(), "в строке заголовков нет столбца «" + column.header() + "»"));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(List.of(), problems);
        }
        List<ActivityDraft> activities = new ArrayList<>();
        int dataRows = 0;
        for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blank(row, at, formatter, evaluator)) {
                continue;
            }
            if (++dataRows > MAX_ROWS) {
                problems.add(new RowProblem(r + 1, "—", "в файле больше " + MAX_ROWS + " мероприятий"));
                break;
            }
            RowReader cells = new RowReader(row, at, formatter, evaluator, problems);
            String section = cells.text(RoadmapColumn.SECTION);
            String title = cells.requiredText(RoadmapColumn.TITLE, "не указано мероприятие");
            LocalDate deadline = cells.date(RoadmapColumn.DEADLINE);
            String responsible = cells.requiredText(RoadmapColumn.RESPONSIBLE, "не указан ответственный");
            String planned = cells.text(RoadmapColumn.PLANNED_RESULT);
            RoadmapActivityStatus status = cells.status();
            String actual = cells.text(RoadmapColumn.ACTUAL_RESULT);
            if (cells.clean) {
                activities.add(new ActivityDraft(section, title, deadline, responsible, planned, status, actual));
            }
        }
        if (problems.isEmpty() && activities.isEmpty()) {
            problems.add(new RowProblem(headerRow + 1, RoadmapColumn.TITLE.header(), "в файле нет ни одного мероприятия"));
        }
        return new Parsed(problems.isEmpty() ? activities : List.of(), problems);
    }

    private static boolean blank(Row row, Map<RoadmapColumn, Integer> at, DataFormatter formatter, FormulaEvaluator evaluator) {
        for (Map.Entry<RoadmapColumn, Integer> column : at.entrySet()) {
            if (column.getKey() == RoadmapColumn.NUMBER || column.getKey() == RoadmapColumn.OVERDUE) {
                continue;
            }
            Cell cell = row.getCell(column.getValue());
            if (cell != null && !formatter.formatCellValue(cell, evaluator).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The cells of one data row, each read with its problem (if any) recorded under the row number and header. */
    private static final class RowReader {
        private final Row row;
        private final Map<RoadmapColumn, Integer> at;
        private final DataFormatter formatter;
        private final FormulaEvaluator evaluator;
        private final List<RowProblem> problems;
        boolean clean = true;

        RowReader(Row row, Map<RoadmapColumn, Integer> at, DataFormatter formatter, FormulaEvaluator evaluator, List<RowProblem> problems) {
            this.row = row;
            this.at = at;
            this.formatter = formatter;
            this.evaluator = evaluator;
            this.problems = problems;
        }

        private void problem(RoadmapColumn column, String reason) {
            problems.add(new RowProblem(row.getRowNum() + 1, column.header(), reason));
            clean = false;
        }

        @Nullable
        private Cell cell(RoadmapColumn column) {
            Integer index = at.get(column);
            return index == null ? null : row.getCell(index);
        }

        @Nullable
        String text(RoadmapColumn column) {
            Cell cell = cell(column);
            String value = cell == null ? "" : formatter.formatCellValue(cell, evaluator).trim();
            int max = column == RoadmapColumn.SECTION || column == RoadmapColumn.RESPONSIBLE ? MAX_SHORT_TEXT : MAX_TEXT;
            if (value.length() > max) {
                problem(column, "текст длиннее " + max + " знаков (" + value.length() + ")");
                return null;
            }
            return value.isEmpty() ? null : value;
        }

        String requiredText(RoadmapColumn column, String whenMissing) {
            String value = text(column);
            if (value == null && clean(column)) {
                problem(column, whenMissing);
            }
            return value;
        }

        /** No problem was recorded for this column of this row yet (so a too-long text is not also called missing). */
        private boolean clean(RoadmapColumn column) {
            return problems.stream().noneMatch(p -> p.row() == row.getRowNum() + 1 && p.column().equals(column.header()));
        }

        @Nullable
        LocalDate date(RoadmapColumn column) {
            Cell cell = cell(column);
            CellType type = cell == null ? CellType.BLANK
                    : cell.getCellType() == CellType.FORMULA ? evaluator.evaluateFormulaCell(cell) : cell.getCellType();
            if (type == CellType.NUMERIC) {
                if (DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(cell.getNumericCellValue())) {
                    return cell.getLocalDateTimeCellValue().toLocalDate();
                }
                problem(column, "ожидается дата, а в ячейке число " + formatter.formatCellValue(cell, evaluator));
                return null;
            }
            String value = cell == null ? "" : formatter.formatCellValue(cell, evaluator).trim();
            if (value.isEmpty()) {
                problem(column, "не указан срок");
                return null;
            }
            for (DateTimeFormatter format : TEXT_DATES) {
                try {
                    return LocalDate.parse(value, format);
                } catch (DateTimeParseException ignored) {
                    // try the next format
                }
            }
            problem(column, "не удалось распознать дату «" + value + "»: ожидается ДД.ММ.ГГГГ");
            return null;
        }

        RoadmapActivityStatus status() {
            String value = text(RoadmapColumn.STATUS);
            if (value == null) {
                return RoadmapActivityStatus.PLANNED;
            }
            return RoadmapActivityStatus.parse(value).orElseGet(() -> {
                problem(RoadmapColumn.STATUS, "неизвестный статус «" + value + "»: допустимы "
                        + java.util.Arrays.stream(RoadmapActivityStatus.values()).map(s -> "«" + s.label() + "»")
                        .collect(Collectors.joining(", ")));
                return null;
            });
        }
    }
}
