package org.opora.identification;

import java.util.Arrays;

/** The few statistics identification needs, kept small and explicit rather than pulling in a library. */
final class Stats {

    private Stats() {
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    /** Sample standard deviation; NaN for fewer than two values. */
    static double sd(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    /** Ordinary least squares y = intercept + slope * x. */
    record Line(double intercept, double slope, double r2) {
        double at(double x) {
            return intercept + slope * x;
        }
    }

    static Line ols(double[] x, double[] y) {
        CoMoments m = CoMoments.of(x, y);
        double slope = m.sxx == 0 ? 0 : m.sxy / m.sxx;
        double r2 = m.sxx == 0 || m.syy == 0 ? 0 : (m.sxy * m.sxy) / (m.sxx * m.syy);
        return new Line(m.my - slope * m.mx, slope, r2);
    }

    /** Means and centred sums of squares and cross-products of two series: what a line and a correlation share. */
    private record CoMoments(double mx, double my, double sxy, double sxx, double syy) {
        static CoMoments of(double[] x, double[] y) {
            double mx = mean(x);
            double my = mean(y);
            double sxy = 0;
            double sxx = 0;
            double syy = 0;
            for (int i = 0; i < x.length; i++) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
                syy += (y[i] - my) * (y[i] - my);
            }
            return new CoMoments(mx, my, sxy, sxx, syy);
        }
    }

    /** Share of values that are less than or equal to {@code value} (0..1). */
    static double percentileRank(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return sorted.length == 0 ? 0 : (double) lo / sorted.length;
    }

    static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Pearson correlation; NaN when either side has no spread. */
    static double correlation(double[] x, double[] y) {
        CoMoments m = CoMoments.of(x, y);
        return m.sxx == 0 || m.syy == 0 ? Double.NaN : m.sxy / Math.sqrt(m.sxx * m.syy);
    }

    /**
     * In y = a + b1·x1 + b2·x2 over rows {x1, x2, y}: b1, the slope of x1 with x2 held (0 when x1 and x2
     * are nearly collinear: NaN).
     */
    static double partialSlope(java.util.List<double[]> rows) {
        double m1 = 0;
        double m2 = 0;
        double my = 0;
        for (double[] r : rows) {
            m1 += r[0];
            m2 += r[1];
            my += r[2];
        }
        m1 /= rows.size();
        m2 /= rows.size();
        my /= rows.size();
        double s11 = 0;
        double s22 = 0;
        double s12 = 0;
        double s1y = 0;
        double s2y = 0;
        for (double[] r : rows) {
            double d1 = r[0] - m1;
            double d2 = r[1] - m2;
            double dy = r[2] - my;
            s11 += d1 * d1;
            s22 += d2 * d2;
            s12 += d1 * d2;
            s1y += d1 * dy;
            s2y += d2 * dy;
        }
        // Nearly collinear with the others (r² > 0.9): the split between them is noise, not a finding.
        if (s11 == 0 || s22 == 0 || s12 * s12 > 0.9 * s11 * s22) {
            return Double.NaN;
        }
        return (s22 * s1y - s12 * s2y) / (s11 * s22 - s12 * s12);
    }

    /** The q-quantile of sorted values, linear between neighbours. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
