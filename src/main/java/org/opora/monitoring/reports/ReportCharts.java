package org.opora.monitoring.reports;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Charts drawn on the server with JFreeChart (headless Java2D), in DejaVu Sans, as images for the PDF. */
final class ReportCharts {

    /** Drawn at twice the size it is shown at, so that print stays sharp. */
    static final int SCALE = 2;
    private static final Color[] PALETTE = {new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e),
            new Color(0x2c, 0xa0, 0x2c), new Color(0xd6, 0x27, 0x28)};

    private ReportCharts() {
    }

    static BufferedImage render(ReportDocument.Chart chart, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ReportDocument.Series series : chart.series()) {
            for (int c = 0; c < chart.categories().size(); c++) {
                Double v = series.values().get(c);
                // A category label may repeat (two municipalities of one name): the index keeps them apart.
                data.addValue(v == null ? null : chart.valueType() == ReportDocument.CellType.SHARE ? v * 100 : v,
                        series.name(), new Category(c, chart.categories().get(c)));
            }
        }
        StandardChartTheme theme = new StandardChartTheme("DejaVu");
        theme.setExtraLargeFont(ReportFonts.chart(14, true));
        theme.setLargeFont(ReportFonts.chart(12, false));
        theme.setRegularFont(ReportFonts.chart(10, false));
        theme.setSmallFont(ReportFonts.chart(9, false));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        JFreeChart jfree = ChartFactory.createBarChart(chart.title(), null,
                chart.valueType() == ReportDocument.CellType.SHARE ? chart.valueAxis() + ", %" : chart.valueAxis(),
                data, PlotOrientation.VERTICAL, chart.series().size() > 1, false, false);
        theme.apply(jfree);
        jfree.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = jfree.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (chart.categories().size() > 6) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("ru"));
        range.setNumberFormatOverride(new DecimalFormat(chart.valueType() == ReportDocument.CellType.INTEGER ? "0" : "0.#", symbols));
        if (chart.valueType() == ReportDocument.CellType.INTEGER) {
            range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        for (int s = 0; s < chart.series().size(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
        }
        renderer.setItemMargin(0.05);
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(SCALE, SCALE);
        jfree.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
        g.dispose();
        return image;
    }

    /** A category of the chart: shown by its label, told apart by its position. */
    private record Category(int index, String label) implements Comparable<Category> {
        @Override
        public String toString() {
            return label;
        }

        @Override
        public int compareTo(Category other) {
            return Integer.compare(index, other.index);
        }
    }
}
