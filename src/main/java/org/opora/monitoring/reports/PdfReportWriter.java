package org.opora.monitoring.reports;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.opora.monitoring.reports.ReportDocument.Block;
import org.opora.monitoring.reports.ReportDocument.Cell;
import org.opora.monitoring.reports.ReportDocument.CellType;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a справка as an A4 PDF with DejaVu Sans embedded (see {@link ReportFonts}) and the charts drawn by
 * {@link ReportCharts}. Table headers repeat on every page; numbers are printed the Russian way ({@link RussianNumbers}).
 */
final class PdfReportWriter {

    private static final Color HEADER_FILL = new Color(0xE8, 0xEC, 0xF2);

    private PdfReportWriter() {
    }

    static byte[] write(ReportDocument report) {
        BaseFont regular = ReportFonts.pdf(false);
        BaseFont bold = ReportFonts.pdf(true);
        float base = report.compact() ? 7.5f : 8.5f;
        Fonts fonts = new Fonts(new Font(bold, base + 5), new Font(bold, base + 2), new Font(regular, base),
                new Font(bold, base), new Font(regular, base - 1), new Font(bold, base - 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        float margin = report.compact() ? 28 : 40;
        // Wide tables read better across the page; the one-page card stays portrait.
        Document document = new Document(report.compact() ? PageSize.A4 : PageSize.A4.rotate(), margin, margin, margin, margin);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(report.title());
            document.addCreator("Опора");
            document.open();
            document.add(new Paragraph(report.title(), fonts.title));
            Paragraph subtitle = new Paragraph(report.subtitle(), fonts.text);
            subtitle.setSpacingAfter(report.compact() ? 4 : 8);
            document.add(subtitle);
            for (ReportDocument.Section section : report.sections()) {
                Paragraph heading = new Paragraph(section.title(), fonts.heading);
                heading.setSpacingBefore(report.compact() ? 4 : 10);
                heading.setSpacingAfter(report.compact() ? 2 : 4);
                document.add(heading);
                for (Block block : section.blocks()) {
                    document.add(element(block, fonts, document.getPageSize().getWidth() - 2 * margin, report.compact()));
                }
            }
            document.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Не удалось сформировать PDF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static Element element(Block block, Fonts fonts, float width, boolean compact) throws IOException {
        if (block instanceof ReportDocument.Paragraph p) {
            Paragraph paragraph = new Paragraph(p.text(), fonts.text);
            paragraph.setSpacingAfter(compact ? 1 : 3);
            return paragraph;
        }
        if (block instanceof ReportDocument.Figures figures) {
            PdfPTable table = new PdfPTable(new float[]{3, 1});
            table.setWidthPercentage(compact ? 100 : 80);
            table.setHorizontalAlignment(Element.ALIGN_LEFT);
            table.setSpacingAfter(compact ? 2 : 6);
            for (ReportDocument.Figure f : figures.rows()) {
                table.addCell(cell(f.label(), fonts.text, Element.ALIGN_LEFT, null));
                table.addCell(cell(RussianNumbers.format(f.value()), fonts.bold, align(f.value().type()), null));
            }
            return table;
        }
        if (block instanceof ReportDocument.Table t) {
            return table(t, fonts, compact);
        }
        ReportDocument.Chart chart = (ReportDocument.Chart) block;
        int w = 520;
        int h = compact ? 170 : 260;
        Image image = Image.getInstance(ReportCharts.render(chart, w, h), null);
        float shown = Math.min(width, 620);
        image.scaleToFit(shown, shown * h / w);
        image.setAlignment(Image.MIDDLE);
        image.setSpacingAfter(6);
        return image;
    }

    private static PdfPTable table(ReportDocument.Table t, Fonts fonts, boolean compact) {
        float[] widths = new float[t.columns().size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = t.columns().get(c).width();
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(compact ? 2 : 8);
        for (ReportDocument.Column column : t.columns()) {
            table.addCell(cell(column.header(), fonts.smallBold, Element.ALIGN_CENTER, HEADER_FILL));
        }
        if (t.rows().isEmpty()) {
            PdfPCell none = cell("Нет записей", fonts.small, Element.ALIGN_LEFT, null);
            none.setColspan(widths.length);
            table.addCell(none);
        }
        for (List<Cell> row : t.rows()) {
            for (Cell value : row) {
                table.addCell(cell(RussianNumbers.format(value), fonts.small, align(value.type()), null));
            }
        }
        return table;
    }

    private static int align(CellType type) {
        return type == CellType.TEXT ? Element.ALIGN_LEFT : type == CellType.DATE ? Element.ALIGN_CENTER : Element.ALIGN_RIGHT;
    }

    private static PdfPCell cell(String text, Font font, int alignment, Color fill) {
        PdfPCell cell = new PdfPCell(new Phrase(new Chunk(text == null ? "" : text, font)));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(2.5f);
        cell.setBorderColor(Color.GRAY);
        if (fill != null) {
            cell.setBackgroundColor(fill);
        }
        return cell;
    }

    private record Fonts(Font title, Font heading, Font text, Font bold, Font small, Font smallBold) {
    }
}
