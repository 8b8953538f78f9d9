package org.opora.pairing.region;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.errors.ApiException;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a region scores and assigns partners. Stored per region on {@code (:PairingSettings {regionId})};
 * a region that never changed them uses {@link #defaults()}.
 *
 * @param capacity          K: how many open pairs (proposed, agreed, active) one leader school may support
 * @param maxDistanceKm     optional hard limit on the distance between the two schools
 * @param minScore          a candidate below this score is not acceptable for the region-wide assignment
 * @param weightContext     weight of (a) similarity of social context
 * @param weightResultGap   weight of (b) the partner's strength in the subjects where the school is weak
 * @param weightTypeSize    weight of (c) similarity of type, locality and size
 * @param weightProximity   weight of (d) distance and same municipality
 * @param weightCapacity    weight of (e) the partner's remaining capacity
 * @param distanceScaleKm   proximity decays as exp(-km / distanceScaleKm)
 * @param gapSaturation     a subject gap (partner z − school z) of this many z units counts as full
 * @param featureWeights    weight of every context indicator in the context distance
 */
public record PairingSettings(int capacity,
                              @Nullable Double maxDistanceKm,
                              double minScore,
                              double weightContext,
                              double weightResultGap,
                              double weightTypeSize,
                              double weightProximity,
                              double weightCapacity,
                              double distanceScaleKm,
                              double gapSaturation,
                              Map<ContextFeature, Double> featureWeights,
                              @Nullable String updatedBy,
                              @Nullable ZonedDateTime updatedAt) {

    public static final int DEFAULT_CAPACITY = 3;

    public PairingSettings {
        featureWeights = new EnumMap<>(featureWeights.isEmpty() ? defaultFeatureWeights() : featureWeights);
        for (ContextFeature feature : ContextFeature.all()) {
            featureWeights.putIfAbsent(feature, 1.0);
        }
    }

    public static PairingSettings defaults() {
        return new PairingSettings(DEFAULT_CAPACITY, null, 0.45, 0.35, 0.30, 0.15, 0.15, 0.05,
                50.0, 2.5, defaultFeatureWeights(), null, null);
    }

    private static Map<ContextFeature, Double> defaultFeatureWeights() {
        Map<ContextFeature, Double> weights = new EnumMap<>(ContextFeature.class);
        for (ContextFeature feature : ContextFeature.all()) {
            weights.put(feature, 1.0);
        }
        return weights;
    }

    public double totalWeight() {
        return weightContext + weightResultGap + weightTypeSize + weightProximity + weightCapacity;
    }

    /** Feature weights as an array in {@link ContextFeature} order, for the scoring loop. */
    double[] featureWeightArray() {
        double[] weights = new double[ContextFeature.all().length];
        for (ContextFeature feature : ContextFeature.all()) {
            weights[feature.ordinal()] = featureWeights.get(feature);
        }
        return weights;
    }

    /** Refuses settings that would make scores meaningless, naming every problem. */
    public PairingSettings validated() {
        List<String> problems = new ArrayList<>();
        if (capacity < 1 || capacity > 50) {
            problems.add("capacity: от 1 до 50");
        }
        if (maxDistanceKm != null && maxDistanceKm <= 0) {
            problems.add("maxDistanceKm: должно быть больше 0");
        }
        if (minScore < 0 || minScore > 1) {
            problems.add("minScore: от 0 до 1");
        }
        double[] weights = {weightContext, weightResultGap, weightTypeSize, weightProximity, weightCapacity};
        for (double weight : weights) {
            if (weight < 0 || Double.isNaN(weight)) {
                problems.add("веса составляющих не могут быть отрицательными");
                break;
            }
        }
        if (totalWeight() <= 0) {
            problems.add("хотя бы один вес составляющей должен быть больше 0");
        }
        if (distanceScaleKm <= 0) {
            problems.add("distanceScaleKm: должно быть больше 0");
        }
        if (gapSaturation <= 0) {
            problems.add("gapSaturation: должно быть больше 0");
        }
        if (featureWeights.values().stream().anyMatch(w -> w < 0 || Double.isNaN(w))) {
            problems.add("featureWeights: веса показателей не могут быть отрицательными");
        }
        if (featureWeights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            problems.add("featureWeights: хотя бы один вес показателя должен быть больше 0");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badInput("Неверные настройки подбора пар: " + String.join("; ", problems), problems);
        }
        return this;
    }

    /** The properties stored on the settings node. */
    public Map<String, Object> toProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("capacity", capacity);
        properties.put("maxDistanceKm", maxDistanceKm);
        properties.put("minScore", minScore);
        properties.put("weightContext", weightContext);
        properties.put("weightResultGap", weightResultGap);
        properties.put("weightTypeSize", weightTypeSize);
        properties.put("weightProximity", weightProximity);
        properties.put("weightCapacity", weightCapacity);
        properties.put("distanceScaleKm", distanceScaleKm);
        properties.put("gapSaturation", gapSaturation);
        properties.put("featureCodes", featureWeights.keySet().stream().map(ContextFeature::code).toList());
        properties.put("featureWeights", new ArrayList<>(featureWeights.values()));
        return properties;
    }

    /** Settings from a stored node's properties; anything missing falls back to the default. */
    public static PairingSettings fromProperties(@Nullable Map<String, Object> p) {
        PairingSettings d = defaults();
        if (p == null || !p.containsKey("capacity")) {
            return d;
        }
        Map<ContextFeature, Double> weights = new EnumMap<>(ContextFeature.class);
        List<?> codes = (List<?>) p.getOrDefault("featureCodes", List.of());
        List<?> values = (List<?>) p.getOrDefault("featureWeights", List.of());
        for (int i = 0; i < Math.min(codes.size(), values.size()); i++) {
            int index = i;
            ContextFeature.fromCode(String.valueOf(codes.get(i)))
                    .ifPresent(f -> weights.put(f, ((Number) values.get(index)).doubleValue()));
        }
        return new PairingSettings(
                ((Number) p.get("capacity")).intValue(),
                p.get("maxDistanceKm") == null ? null : ((Number) p.get("maxDistanceKm")).doubleValue(),
                number(p, "minScore", d.minScore),
                number(p, "weightContext", d.weightContext),
                number(p, "weightResultGap", d.weightResultGap),
                number(p, "weightTypeSize", d.weightTypeSize),
                number(p, "weightProximity", d.weightProximity),
                number(p, "weightCapacity", d.weightCapacity),
                number(p, "distanceScaleKm", d.distanceScaleKm),
                number(p, "gapSaturation", d.gapSaturation),
                weights,
                (String) p.get("updatedBy"),
                (ZonedDateTime) p.get("updatedAt"));
    }

    private static double number(Map<String, Object> p, String key, double fallback) {
        Object value = p.get(key);
        return value == null ? fallback : ((Number) value).doubleValue();
    }

    /** The same settings with another capacity (what-if comparisons). */
    public PairingSettings withCapacity(int k) {
        return new PairingSettings(k, maxDistanceKm, minScore, weightContext, weightResultGap, weightTypeSize,
                weightProximity, weightCapacity, distanceScaleKm, gapSaturation, featureWeights, updatedBy, updatedAt).validated();
    }

    /** The same settings with another distance limit (a query may narrow it). */
    public PairingSettings withMaxDistance(@Nullable Double km) {
        return new PairingSettings(capacity, km, minScore, weightContext, weightResultGap, weightTypeSize,
                weightProximity, weightCapacity, distanceScaleKm, gapSaturation, featureWeights, updatedBy, updatedAt);
    }

    /** A change asked for by a regional coordinator: null fields keep their values. */
    public record Change(@Nullable Integer capacity, @Nullable Double maxDistanceKm, boolean clearMaxDistance,
                         @Nullable Double minScore, @Nullable Double weightContext, @Nullable Double weightResultGap,
                         @Nullable Double weightTypeSize, @Nullable Double weightProximity, @Nullable Double weightCapacity,
                         @Nullable Double distanceScaleKm, @Nullable Double gapSaturation,
                         Map<ContextFeature, Double> featureWeights) {
    }

    /** These settings with {@code change} applied (not yet validated). */
    public PairingSettings with(Change change) {
        Map<ContextFeature, Double> weights = new EnumMap<>(featureWeights);
        weights.putAll(change.featureWeights());
        return new PairingSettings(
                change.capacity() == null ? capacity : change.capacity(),
                change.clearMaxDistance() ? null : change.maxDistanceKm() == null ? maxDistanceKm : change.maxDistanceKm(),
                or(change.minScore(), minScore), or(change.weightContext(), weightContext),
                or(change.weightResultGap(), weightResultGap), or(change.weightTypeSize(), weightTypeSize),
                or(change.weightProximity(), weightProximity), or(change.weightCapacity(), weightCapacity),
                or(change.distanceScaleKm(), distanceScaleKm), or(change.gapSaturation(), gapSaturation),
                weights, null, null);
    }

    private static double or(@Nullable Double value, double fallback) {
        return value == null ? fallback : value;
    }

    /** The settings as the API shows them for a region. */
    public record View(String regionId, boolean isDefault, int capacity, @Nullable Double maxDistanceKm, double minScore,
                       double weightContext, double weightResultGap, double weightTypeSize, double weightProximity,
                       double weightCapacity, double distanceScaleKm, double gapSaturation, List<FeatureWeight> featureWeights,
                       @Nullable String updatedBy, @Nullable ZonedDateTime updatedAt) {
    }

    public record FeatureWeight(String indicator, String label, double weight) {
    }

    public View view(String regionId) {
        List<FeatureWeight> weights = new ArrayList<>();
        featureWeights.forEach((feature, weight) -> weights.add(new FeatureWeight(feature.code(), feature.label(), weight)));
        return new View(regionId, updatedAt == null, capacity, maxDistanceKm, minScore, weightContext, weightResultGap,
                weightTypeSize, weightProximity, weightCapacity, distanceScaleKm, gapSaturation, List.copyOf(weights),
                updatedBy, updatedAt);
    }
}
