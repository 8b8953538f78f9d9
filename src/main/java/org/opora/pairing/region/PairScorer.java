package org.opora.pairing.region;

import io.micronaut.core.annotation.Nullable;
import org.opora.pairing.region.CandidateExplanation.CapacityPart;
import org.opora.pairing.region.CandidateExplanation.ContextPart;
import org.opora.pairing.region.CandidateExplanation.FeatureComparison;
import org.opora.pairing.region.CandidateExplanation.ProximityPart;
import org.opora.pairing.region.CandidateExplanation.ResultGapPart;
import org.opora.pairing.region.CandidateExplanation.SubjectGap;
import org.opora.pairing.region.CandidateExplanation.TypeSizePart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The transparent match score of a (school, partner) couple, in [0, 1]:
 * <pre>
 *   score = Σ_k w_k · v_k / Σ_k w_k,   k ∈ {context, resultGap, typeSize, proximity, capacity}
 * </pre>
 * Every v_k is in [0, 1]; the formulas are in docs/pairing.md and in {@link CandidateExplanation}.
 * {@link #score} is the allocation-free fast path; {@link #explain} computes the same numbers
 * through the same helpers and keeps every detail.
 */
public final class PairScorer {

    private static final Locale RU = Locale.forLanguageTag("ru");

    /** Grade spans by school type, for the type similarity. */
    private static final Map<String, int[]> GRADE_SPANS = Map.of(
            "СОШ", new int[]{1, 11}, "ООШ", new int[]{1, 9}, "НОШ", new int[]{1, 4},
            "Гимназия", new int[]{1, 11}, "Лицей", new int[]{1, 11}, "ЦО", new int[]{1, 11},
            "В(С)ОШ", new int[]{9, 11}, "СОШ с УИОП", new int[]{1, 11});

    private final RegionSnapshot snapshot;
    private final PairingSettings settings;
    private final double[] featureWeights;
    private final double wContext;
    private final double wGap;
    private final double wType;
    private final double wProximity;
    private final double wCapacity;

    public PairScorer(RegionSnapshot snapshot, PairingSettings settings) {
        this.snapshot = snapshot;
        this.settings = settings;
        this.featureWeights = settings.featureWeightArray();
        double total = settings.totalWeight();
        this.wContext = settings.weightContext() / total;
        this.wGap = settings.weightResultGap() / total;
        this.wType = settings.weightTypeSize() / total;
        this.wProximity = settings.weightProximity() / total;
        this.wCapacity = settings.weightCapacity() / total;
    }

    /** What the gap part needs to know about the school being paired, computed once per school. */
    public record Mentee(int index, double[] subjectWeights, boolean[] weak, boolean useOverallIndex, String basis) {
    }

    public Mentee mentee(int m) {
        int subjects = SubjectIndex.all().length;
        double[] weights = new double[subjects];
        boolean[] weak = new boolean[subjects];
        int known = 0;
        int weakCount = 0;
        for (int s = 0; s < subjects; s++) {
            double z = snapshot.subjectZ[s][m];
            if (!Double.isNaN(z)) {
                known++;
                if (z < 0) {
                    weak[s] = true;
                    weights[s] = -z;
                    weakCount++;
                }
            }
        }
        if (weakCount > 0) {
            return new Mentee(m, weights, weak, false,
                    "предметы ниже среднего по региону, с весом по величине отставания");
        }
        if (known > 0) {
            for (int s = 0; s < subjects; s++) {
                weights[s] = Double.isNaN(snapshot.subjectZ[s][m]) ? 0 : 1;
            }
            return new Mentee(m, weights, weak, false,
                    "нет предметов ниже среднего: учитываются все предметы с равным весом");
        }
        return new Mentee(m, weights, weak, true,
                "нет предметных индексов: используется общий индекс результатов");
    }

    // ---------------------------------------------------------------- fast path

    public double score(Mentee mentee, int c, int openPairs, @Nullable Double distanceKm) {
        int m = mentee.index;
        return wContext * contextSimilarity(m, c, null)
                + wGap * resultGap(mentee, c, null)
                + wType * typeSize(m, c)
                + wProximity * proximity(m, c, distanceKm)
                + wCapacity * capacity(openPairs);
    }

    // ---------------------------------------------------------------- components

    /** exp(-d²/2), d = sqrt(Σ w_f (z_mf − z_cf)² / Σ w_f) over indicators both schools have; 0.5 when none. */
    double contextSimilarity(int m, int c, @Nullable double[] squaredTerms) {
        double[] zm = snapshot.featureZ[m];
        double[] zc = snapshot.featureZ[c];
        double sum = 0;
        double weights = 0;
        for (int f = 0; f < zm.length; f++) {
            double a = zm[f];
            double b = zc[f];
            if (Double.isNaN(a) || Double.isNaN(b) || featureWeights[f] == 0) {
                continue;
            }
            double term = featureWeights[f] * (a - b) * (a - b);
            if (squaredTerms != null) {
                squaredTerms[f] = term;
            }
            sum += term;
            weights += featureWeights[f];
        }
        if (weights == 0) {
            return 0.5;
        }
        double d2 = sum / weights;
        return Math.exp(-d2 / 2);
    }

    /** The weighted RMS difference d itself, or NaN when the two schools share no indicator. */
    public double contextDistance(int m, int c) {
        double similarity = contextSimilarity(m, c, null);
        double[] zm = snapshot.featureZ[m];
        double[] zc = snapshot.featureZ[c];
        for (int f = 0; f < zm.length; f++) {
            if (!Double.isNaN(zm[f]) && !Double.isNaN(zc[f]) && featureWeights[f] > 0) {
                return Math.sqrt(Math.max(0, -2 * Math.log(similarity)));
            }
        }
        return Double.NaN;
    }

    double resultGap(Mentee mentee, int c, @Nullable List<SubjectGap> details) {
        int m = mentee.index;
        if (mentee.useOverallIndex) {
            return subjectValue(value(snapshot.school(m).resultsIndex()), value(snapshot.school(c).resultsIndex()));
        }
        double sum = 0;
        double weights = 0;
        for (SubjectIndex subject : SubjectIndex.all()) {
            int s = subject.ordinal();
            double zm = snapshot.subjectZ[s][m];
            double zc = snapshot.subjectZ[s][c];
            double v = subjectValue(zm, zc);
            if (mentee.subjectWeights[s] > 0) {
                sum += mentee.subjectWeights[s] * v;
                weights += mentee.subjectWeights[s];
            }
            if (details != null) {
                details.add(new SubjectGap(subject.label(), mentee.weak[s], boxed(zm), boxed(zc),
                        Double.isNaN(zm) || Double.isNaN(zc) ? null : zc - zm, mentee.subjectWeights[s], v));
            }
        }
        return weights == 0 ? 0 : sum / weights;
    }

    /** 0 unless the partner is above the regional mean; then min(1, (z_c − z_m) / saturation). */
    private double subjectValue(double zm, double zc) {
        if (Double.isNaN(zc) || zc <= 0) {
            return 0;
        }
        double gap = Double.isNaN(zm) ? zc : zc - zm;
        return clamp(gap / settings.gapSaturation());
    }

    double typeSize(int m, int c) {
        SchoolRow a = snapshot.school(m);
        SchoolRow b = snapshot.school(c);
        return (localitySimilarity(a, b) + typeSimilarity(a.type(), b.type()) + sizeSimilarity(a, b)) / 3;
    }

    static double localitySimilarity(SchoolRow a, SchoolRow b) {
        if (a.locality() == null || b.locality() == null) {
            return 0.5;
        }
        return a.locality().equals(b.locality()) ? 1 : 0;
    }

    /** 1 for the same type; otherwise half the overlap (Jaccard) of the usual grade spans; 0.5 when unknown. */
    static double typeSimilarity(@Nullable String a, @Nullable String b) {
        if (a == null || b == null) {
            return 0.5;
        }
        if (a.equals(b)) {
            return 1;
        }
        int[] x = GRADE_SPANS.get(a);
        int[] y = GRADE_SPANS.get(b);
        if (x == null || y == null) {
            return 0.5;
        }
        int overlap = Math.max(0, Math.min(x[1], y[1]) - Math.max(x[0], y[0]) + 1);
        int union = Math.max(x[1], y[1]) - Math.min(x[0], y[0]) + 1;
        return 0.5 * overlap / union;
    }

    /** Smaller enrolment over larger; 0.5 when either is unknown. */
    static double sizeSimilarity(SchoolRow a, SchoolRow b) {
        if (a.enrolment() == null || b.enrolment() == null || a.enrolment() <= 0 || b.enrolment() <= 0) {
            return 0.5;
        }
        return Math.min(a.enrolment(), b.enrolment()) / Math.max(a.enrolment(), b.enrolment());
    }

    double proximity(int m, int c, @Nullable Double distanceKm) {
        boolean same = Objects.equals(snapshot.school(m).municipalityId(), snapshot.school(c).municipalityId())
                && snapshot.school(m).municipalityId() != null;
        return 0.5 * (same ? 1 : 0) + 0.5 * closeness(distanceKm);
    }

    private double closeness(@Nullable Double km) {
        return km == null ? 0.5 : Math.exp(-km / settings.distanceScaleKm());
    }

    double capacity(int openPairs) {
        return clamp((double) (settings.capacity() - openPairs) / settings.capacity());
    }

    /** Great-circle distance in km, or null when a school has no coordinates. */
    @Nullable
    public Double distanceKm(int m, int c) {
        SchoolRow a = snapshot.school(m);
        SchoolRow b = snapshot.school(c);
        if (a.latitude() == null || a.longitude() == null || b.latitude() == null || b.longitude() == null) {
            return null;
        }
        return haversineKm(a.latitude(), a.longitude(), b.latitude(), b.longitude());
    }

    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    // ---------------------------------------------------------------- explanation

    public CandidateExplanation explain(Mentee mentee, int c, int openPairs, @Nullable Double distanceKm) {
        int m = mentee.index;
        SchoolRow a = snapshot.school(m);
        SchoolRow b = snapshot.school(c);

        double[] terms = new double[ContextFeature.all().length];
        java.util.Arrays.fill(terms, Double.NaN);
        double context = contextSimilarity(m, c, terms);
        double termSum = 0;
        double weightSum = 0;
        // Only the indicators both schools have and whose weight is above 0 enter the distance (terms[f] is NaN for the rest).
        List<ContextFeature> used = new ArrayList<>();
        int weighted = 0;
        for (ContextFeature feature : ContextFeature.all()) {
            int f = feature.ordinal();
            if (featureWeights[f] > 0) {
                weighted++;
            }
            if (!Double.isNaN(terms[f])) {
                termSum += terms[f];
                weightSum += featureWeights[f];
                used.add(feature);
            }
        }
        List<FeatureComparison> features = new ArrayList<>();
        for (ContextFeature feature : ContextFeature.all()) {
            int f = feature.ordinal();
            Double share;
            if (Double.isNaN(terms[f])) {
                share = null; // not compared: a school lacks the indicator, or its weight is 0
            } else {
                share = termSum == 0 ? 0.0 : terms[f] / termSum;
            }
            features.add(new FeatureComparison(feature.code(), feature.label(),
                    boxed(snapshot.featureRaw[m][f]), boxed(snapshot.featureRaw[c][f]),
                    year(snapshot.featureRaw[m][f], snapshot.featureYear[m][f]),
                    year(snapshot.featureRaw[c][f], snapshot.featureYear[c][f]),
                    boxed(snapshot.featureZ[m][f]), boxed(snapshot.featureZ[c][f]), featureWeights[f], share));
        }
        Double distance = weightSum == 0 ? null : Math.sqrt(termSum / weightSum);
        ContextPart contextPart = new ContextPart(context, wContext, wContext * context, distance, used.size(),
                used.stream().map(ContextFeature::code).toList(), weighted,
                a.contextIndex(), b.contextIndex(), features);
        String usedLabels = used.stream().map(ContextFeature::label).map(PairScorer::lowerFirst)
                .collect(java.util.stream.Collectors.joining(", "));

        List<SubjectGap> subjects = new ArrayList<>();
        double gap = resultGap(mentee, c, subjects);
        ResultGapPart gapPart = new ResultGapPart(gap, wGap, wGap * gap, mentee.basis,
                a.resultsIndex(), b.resultsIndex(), subjects);

        double typeSim = typeSimilarity(a.type(), b.type());
        double localitySim = localitySimilarity(a, b);
        double sizeSim = sizeSimilarity(a, b);
        double typeSize = typeSize(m, c);
        TypeSizePart typePart = new TypeSizePart(typeSize, wType, wType * typeSize, a.type(), b.type(), typeSim,
                a.locality(), b.locality(), localitySim, a.enrolment(), b.enrolment(), sizeSim, a.smallSchool(), b.smallSchool());

        double proximity = proximity(m, c, distanceKm);
        boolean same = a.municipalityId() != null && a.municipalityId().equals(b.municipalityId());
        ProximityPart proximityPart = new ProximityPart(proximity, wProximity, wProximity * proximity, distanceKm, same,
                closeness(distanceKm));

        double cap = capacity(openPairs);
        CapacityPart capacityPart = new CapacityPart(cap, wCapacity, wCapacity * cap, settings.capacity(), openPairs,
                settings.capacity() - openPairs);

        return new CandidateExplanation(contextPart, gapPart, typePart, proximityPart, capacityPart,
                summary(contextPart, usedLabels, gapPart, typePart, proximityPart, capacityPart));
    }

    private static String summary(ContextPart context, String usedLabels, ResultGapPart gap, TypeSizePart type,
                                  ProximityPart proximity, CapacityPart capacity) {
        StringBuilder text = new StringBuilder();
        if (context.distance() == null) {
            text.append("Контекст не сравнить: у школ нет общих показателей с ненулевым весом");
        } else if (context.featuresCompared() == context.featuresWeighted()) {
            text.append(String.format(RU, "Сходство контекста %.2f (различие %.2f z по всем %d показателям)",
                    context.value(), context.distance(), context.featuresCompared()));
        } else {
            text.append(String.format(RU, "Сходство контекста %.2f (различие %.2f z по %d из %d показателей: %s)",
                    context.value(), context.distance(), context.featuresCompared(), context.featuresWeighted(), usedLabels));
        }
        List<String> strong = gap.subjects().stream().filter(s -> s.weak() && s.value() > 0)
                .map(s -> String.format(RU, "«%s» (+%.2f z)", s.subject(), s.gap())).toList();
        List<String> notStrong = gap.subjects().stream().filter(s -> s.weak() && s.value() == 0)
                .map(s -> "«" + s.subject() + "»").toList();
        if (!strong.isEmpty()) {
            text.append("; сильнее там, где школа отстаёт: ").append(String.join(", ", strong));
        }
        if (!notStrong.isEmpty()) {
            text.append("; не сильнее среднего по ").append(String.join(", ", notStrong));
        }
        text.append("; ").append(type.partnerType() == null ? "тип не указан" : type.partnerType())
                .append(type.partnerLocality() == null ? "" : ", " + type.partnerLocality());
        if (type.partnerEnrolment() != null) {
            text.append(String.format(RU, ", %.0f обуч.", type.partnerEnrolment()));
        }
        text.append(proximity.distanceKm() == null ? "; расстояние неизвестно"
                : String.format(RU, "; %.0f км", proximity.distanceKm()));
        if (proximity.sameMunicipality()) {
            text.append(", тот же муниципалитет");
        }
        text.append(String.format(RU, "; свободно мест: %d из %d", capacity.remaining(), capacity.capacity()));
        return text.toString();
    }

    /** The year of a known value, null for an unknown one (the year array holds 0 there). */
    @Nullable
    private static Integer year(double raw, int year) {
        return Double.isNaN(raw) ? null : Integer.valueOf(year);
    }

    private static String lowerFirst(String label) {
        return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    private static double value(@Nullable Double v) {
        return v == null ? Double.NaN : v;
    }

    @Nullable
    private static Double boxed(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : Math.min(1, v);
    }
}
