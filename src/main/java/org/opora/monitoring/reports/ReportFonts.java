package org.opora.monitoring.reports;

import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans from the {@code net.sf.jasperreports:jasperreports-fonts} artifact on the classpath, never from the
 * machine: the same glyphs (Cyrillic included) wherever the server runs. Loaded once; embedded in every PDF (as a
 * subset) and used for the charts' text.
 */
final class ReportFonts {

    private static final String DIR = "net/sf/jasperreports/fonts/dejavu/";
    static final String REGULAR = DIR + "DejaVuSans.ttf";
    static final String BOLD = DIR + "DejaVuSans-Bold.ttf";

    private static final byte[] REGULAR_BYTES = read(REGULAR);
    private static final byte[] BOLD_BYTES = read(BOLD);
    private static final java.awt.Font AWT_REGULAR = awt(REGULAR_BYTES);

    private ReportFonts() {
    }

    /** A PDF font, embedded with Unicode (Identity-H) encoding. */
    static BaseFont pdf(boolean bold) {
        try {
            return BaseFont.createFont(bold ? BOLD : REGULAR, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    bold ? BOLD_BYTES : REGULAR_BYTES, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The charts' font (Java2D), derived to a size. */
    static java.awt.Font chart(float size, boolean bold) {
        return AWT_REGULAR.deriveFont(bold ? java.awt.Font.BOLD : java.awt.Font.PLAIN, size);
    }

    private static byte[] read(String resource) {
        try (InputStream in = ReportFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Шрифт " + resource + " не найден: нужен артефакт net.sf.jasperreports:jasperreports-fonts");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.awt.Font awt(byte[] bytes) {
        try {
            return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(bytes));
        } catch (java.awt.FontFormatException | IOException e) {
            throw new IllegalStateException("Шрифт DejaVu Sans не читается", e);
        }
    }
}
