package org.opora.monitoring.reports;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.opora.monitoring.reports.ReportDocument.Block;
import org.opora.monitoring.reports.ReportDocument.Cell;
import org.opora.monitoring.reports.ReportDocument.CellType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a справка as a workbook: the first sheet «Справка» carries the title, paragraphs, figures and chart data in
 * reading order; each table is a sheet of its own with a bold frozen header row and an autofilter. Numbers are real
 * numeric cells with formats (shares as per cent, dates as dates), so they can be summed and charted in Excel.
 * Streaming ({@link SXSSFWorkbook}): only a window of rows is kept in memory, whatever the size of a sheet.
 */
final class XlsxReportWriter {

    private static final int WINDOW = 200;

    private XlsxReportWriter() {
    }

    static byte[] write(ReportDocument document) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
            Styles styles = new Styles(workbook);
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(document.title());
            SXSSFSheet summary = workbook.createSheet("Справка");
            summary.setColumnWidth(0, 60 * 256);
            summary.setColumnWidth(1, 18 * 256);
            summary.setColumnWidth(2, 18 * 256);
            summary.setColumnWidth(3, 18 * 256);
            int r = 0;
            text(summary.createRow(r++), 0, document.title(), styles.title);
            text(summary.createRow(r++), 0, document.subtitle(), null);
            Set<String> sheetNames = new HashSet<>(List.of("Справка"));
            for (ReportDocument.Section section : document.sections()) {
                r++;
                text(summary.createRow(r++), 0, section.title(), styles.heading);
                for (Block block : section.blocks()) {
                    if (block instanceof ReportDocument.Paragraph p) {
                        text(summary.createRow(r++), 0, p.text(), styles.wrap);
                    } else if (block instanceof ReportDocument.Figures figures) {
                        for (ReportDocument.Figure f : figures.rows()) {
                            Row row = summary.createRow(r++);
                            text(row, 0, f.label(), styles.wrap);
                            value(row, 1, f.value(), styles);
                        }
                    } else if (block instanceof ReportDocument.Chart chart) {
                        r = chartData(summary, r, chart, styles);
                    } else if (block instanceof ReportDocument.Table table) {
                        String name = sheetName(table.sheetName(), sheetNames);
                        text(summary.createRow(r++), 0, "Таблица на листе «" + name + "» (строк: " + table.rows().size() + ")", null);
                        table(workbook.createSheet(name), table, styles);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A chart's numbers as a small table on the summary sheet (the PDF draws the chart itself). */
    private static int chartData(Sheet sheet, int r, ReportDocument.Chart chart, Styles styles) {
        text(sheet.createRow(r++), 0, "Диаграмма: " + chart.title(), styles.bold);
        Row header = sheet.createRow(r++);
        text(header, 0, "", styles.header);
        for (int s = 0; s < chart.series().size(); s++) {
            text(header, s + 1, chart.series().get(s).name(), styles.header);
        }
        for (int c = 0; c < chart.categories().size(); c++) {
            Row row = sheet.createRow(r++);
            text(row, 0, chart.categories().get(c), null);
            for (int s = 0; s < chart.series().size(); s++) {
                Double v = chart.series().get(s).values().get(c);
                value(row, s + 1, new Cell(chart.valueType(), null, v, null), styles);
            }
        }
        return r;
    }

    private static void table(SXSSFSheet sheet, ReportDocument.Table table, Styles styles) {
        Row header = sheet.createRow(0);
        for (int c = 0; c < table.columns().size(); c++) {
            text(header, c, table.columns().get(c).header(), styles.header);
            sheet.setColumnWidth(c, Math.min(255, Math.max(6, table.columns().get(c).width())) * 256);
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (List<Cell> cells : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < cells.size(); c++) {
                value(row, c, cells.get(c), styles);
            }
        }
        if (!table.columns().isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, table.columns().size() - 1));
        }
    }

    private static void text(Row row, int column, String text, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void value(Row row, int column, Cell value, Styles styles) {
        if (value.isEmpty()) {
            return;
        }
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
        switch (value.type()) {
            case TEXT -> {
                cell.setCellValue(value.text());
                cell.setCellStyle(styles.wrap);
            }
            case DATE -> cell.setCellValue(value.date());
            default -> cell.setCellValue(value.number());
        }
        CellStyle style = styles.byType.get(value.type());
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** Sheet names: at most 31 characters, without []:*?/\, unique in the workbook. */
    private static String sheetName(String wanted, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(wanted);
        String name = base;
        for (int i = 2; taken.contains(name.toLowerCase()); i++) {
            String suffix = " (" + i + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        taken.add(name.toLowerCase());
        return name;
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle heading;
        final CellStyle header;
        final CellStyle bold;
        final CellStyle wrap;
        final Map<CellType, CellStyle> byType = new EnumMap<>(CellType.class);

        Styles(SXSSFWorkbook workbook) {
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            Font sectionFont = workbook.createFont();
            sectionFont.setBold(true);
            sectionFont.setFontHeightInPoints((short) 12);
            heading = workbook.createCellStyle();
            heading.setFont(sectionFont);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            header = workbook.createCellStyle();
            header.setFont(boldFont);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            var formats = workbook.createDataFormat();
            byType.put(CellType.INTEGER, numberStyle(workbook, formats.getFormat("#,##0")));
            byType.put(CellType.SHARE, numberStyle(workbook, formats.getFormat("0.0%")));
            byType.put(CellType.SIGNED_SHARE, numberStyle(workbook, formats.getFormat("+0.0%;-0.0%;0.0%")));
            byType.put(CellType.DECIMAL, numberStyle(workbook, formats.getFormat("0.00")));
            byType.put(CellType.SIGNED_DECIMAL, numberStyle(workbook, formats.getFormat("+0.00;-0.00;0.00")));
            byType.put(CellType.DATE, numberStyle(workbook, formats.getFormat("dd.mm.yyyy")));
        }

        private static CellStyle numberStyle(SXSSFWorkbook workbook, short format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(format);
            return style;
        }
    }
}
