package org.opora.monitoring.reports;

import org.opora.monitoring.reports.ReportDocument.Cell;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the PDF prints a cell: Russian decimals («12,5 %», «3,41», «−0,20»), dates «01.11.2026», «—» for no value. */
final class RussianNumbers {

    static final String NONE = "—";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private RussianNumbers() {
    }

    static String format(Cell cell) {
        if (cell.isEmpty()) {
            return cell.type() == ReportDocument.CellType.TEXT ? "" : NONE;
        }
        return switch (cell.type()) {
            case TEXT -> cell.text();
            case DATE -> DATE.format(cell.date());
            case INTEGER -> pattern("#,##0").format(cell.number());
            case SHARE -> pattern("0.0").format(cell.number() * 100) + " %";
            case SIGNED_SHARE -> (cell.number() > 0 ? "+" : "") + pattern("0.0").format(cell.number() * 100) + " %";
            case DECIMAL -> pattern("0.00").format(cell.number());
            case SIGNED_DECIMAL -> (cell.number() > 0 ? "+" : "") + pattern("0.00").format(cell.number()).replace('-', '−');
        };
    }

    private static DecimalFormat pattern(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("ru"));
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator('\u00a0');
        symbols.setMinusSign('−');
        return new DecimalFormat(pattern, symbols);
    }
}
