package org.opora.monitoring.reports;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A справка before it is written to a file: sections of paragraphs, labelled figures, tables and charts. The PDF and
 * XLSX writers render the same document, so both files always say the same thing. {@code compact}: small type, for
 * the one-page school card.
 */
public record ReportDocument(String title, String subtitle, boolean compact, List<Section> sections) {

    public record Section(String title, List<Block> blocks) {
    }

    public sealed interface Block permits Paragraph, Figures, Table, Chart {
    }

    public record Paragraph(String text) implements Block {
    }

    /** Labelled single values (a two-column list), e.g. «Школ в мониторинге: 48». */
    public record Figures(List<Figure> rows) implements Block {
    }

    public record Figure(String label, Cell value) {
    }

    /** A table; in the workbook each table is a sheet of its own with a frozen header row. */
    public record Table(String sheetName, List<Column> columns, List<List<Cell>> rows) implements Block {
    }

    /** {@code width}: the column's width in characters (the PDF uses it as a relative width). */
    public record Column(String header, CellType type, int width) {
    }

    /** A grouped bar chart: one bar per series in each category. */
    public record Chart(String title, String valueAxis, List<String> categories, List<Series> series, CellType valueType)
            implements Block {
    }

    public record Series(String name, List<Double> values) {
    }

    /** SIGNED_*: a change, printed with its sign. */
    public enum CellType { TEXT, INTEGER, SHARE, SIGNED_SHARE, DECIMAL, SIGNED_DECIMAL, DATE }

    /** One value: text, a number (shares as 0..1) or a date; {@code empty()} is a blank cell («—» in the PDF). */
    public record Cell(CellType type, @Nullable String text, @Nullable Double number, @Nullable java.time.LocalDate date) {

        public static Cell text(@Nullable String text) {
            return new Cell(CellType.TEXT, text, null, null);
        }

        public static Cell integer(@Nullable Number value) {
            return new Cell(CellType.INTEGER, null, value == null ? null : value.doubleValue(), null);
        }

        public static Cell share(@Nullable Double value) {
            return new Cell(CellType.SHARE, null, value, null);
        }

        public static Cell signedShare(@Nullable Double value) {
            return new Cell(CellType.SIGNED_SHARE, null, value, null);
        }

        public static Cell decimal(@Nullable Double value) {
            return new Cell(CellType.DECIMAL, null, value, null);
        }

        public static Cell signed(@Nullable Double value) {
            return new Cell(CellType.SIGNED_DECIMAL, null, value, null);
        }

        public static Cell date(@Nullable java.time.LocalDate value) {
            return new Cell(CellType.DATE, null, null, value);
        }

        public boolean isEmpty() {
            return type == CellType.TEXT ? text == null || text.isEmpty() : type == CellType.DATE ? date == null : number == null;
        }
    }
}
