package org.opora.pairing.region;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the scorer needs about the schools of one region, in flat arrays: built once per
 * identification run (see {@link RegionSnapshotCache}) so that a candidate query is pure arithmetic.
 * Context indicators are the latest year available per school and indicator, transformed
 * ({@link ContextFeature#transform}) and standardised over the region's schools (z-scores);
 * a missing value is NaN and is left out of distances.
 */
public final class RegionSnapshot {

    final String regionId;
    public final String fingerprint;
    public final int size;
    public final SchoolRow[] schools;
    public final PartnerPool.Membership[] membership;
    /** [school][feature]: standardised, oriented so that higher = more adverse; NaN when unknown. */
    final double[][] featureZ;
    /** [school][feature]: the raw value (latest year) or NaN. */
    final double[][] featureRaw;
    final int[][] featureYear;
    final double[] featureMean;
    final double[] featureSd;
    /** [subject][school]: the identification's subject index or NaN. */
    final double[][] subjectZ;
    private final Map<String, Integer> indexById;

    private RegionSnapshot(String regionId, String fingerprint, SchoolRow[] schools, double[][] featureZ,
                           double[][] featureRaw, int[][] featureYear, double[] featureMean, double[] featureSd) {
        this.regionId = regionId;
        this.fingerprint = fingerprint;
        this.size = schools.length;
        this.schools = schools;
        this.featureZ = featureZ;
        this.featureRaw = featureRaw;
        this.featureYear = featureYear;
        this.featureMean = featureMean;
        this.featureSd = featureSd;
        this.membership = new PartnerPool.Membership[size];
        this.subjectZ = new double[SubjectIndex.all().length][size];
        this.indexById = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            SchoolRow s = schools[i];
            indexById.put(s.id(), i);
            membership[i] = PartnerPool.of(s.statuses(), s.resultsIndex(), s.residual());
            subjectZ[SubjectIndex.RUSSIAN.ordinal()][i] = orNaN(s.subjectIndexRussian());
            subjectZ[SubjectIndex.MATHEMATICS.ordinal()][i] = orNaN(s.subjectIndexMathematics());
        }
    }

    static RegionSnapshot build(String regionId, String fingerprint, List<SchoolRow> rows, List<SchoolRow.Indicator> indicators) {
        SchoolRow[] schools = rows.toArray(SchoolRow[]::new);
        Map<String, Integer> index = new HashMap<>(schools.length * 2);
        for (int i = 0; i < schools.length; i++) {
            index.put(schools[i].id(), i);
        }
        int features = ContextFeature.all().length;
        double[][] raw = new double[schools.length][features];
        int[][] year = new int[schools.length][features];
        for (double[] r : raw) {
            Arrays.fill(r, Double.NaN);
        }
        for (SchoolRow.Indicator indicator : indicators) {
            Integer i = index.get(indicator.schoolId());
            var feature = ContextFeature.fromCode(indicator.code());
            if (i == null || feature.isEmpty() || Double.isNaN(indicator.value())) {
                continue;
            }
            int f = feature.get().ordinal();
            if (Double.isNaN(raw[i][f]) || indicator.year() > year[i][f]) {
                raw[i][f] = indicator.value();
                year[i][f] = indicator.year();
            }
        }
        double[][] z = new double[schools.length][features];
        double[] mean = new double[features];
        double[] sd = new double[features];
        for (ContextFeature feature : ContextFeature.all()) {
            int f = feature.ordinal();
            double sum = 0;
            int n = 0;
            for (double[] r : raw) {
                if (!Double.isNaN(r[f])) {
                    sum += feature.transform(r[f]);
                    n++;
                }
            }
            mean[f] = n == 0 ? Double.NaN : sum / n;
            double squares = 0;
            for (double[] r : raw) {
                if (!Double.isNaN(r[f])) {
                    double d = feature.transform(r[f]) - mean[f];
                    squares += d * d;
                }
            }
            sd[f] = n < 2 ? 0 : Math.sqrt(squares / (n - 1));
            for (int i = 0; i < schools.length; i++) {
                double value = raw[i][f];
                z[i][f] = Double.isNaN(value) ? Double.NaN
                        : sd[f] == 0 ? 0 : (feature.transform(value) - mean[f]) / sd[f];
            }
        }
        return new RegionSnapshot(regionId, fingerprint, schools, z, raw, year, mean, sd);
    }

    public Integer indexOf(String schoolId) {
        return indexById.get(schoolId);
    }

    public SchoolRow school(int i) {
        return schools[i];
    }

    public boolean isLowResult(int i) {
        return membership[i] == PartnerPool.Membership.LOW_RESULTS;
    }

    /** A school a pair supports: ШНОР, or ШНСУ not strong enough to be a partner ({@link PartnerPool#needsSupport}). */
    public boolean needsSupport(int i) {
        return PartnerPool.needsSupport(schools[i].statuses(), membership[i]);
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
