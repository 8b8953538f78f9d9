package org.opora.practice.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.opora.pairing.candidates.ComparableSchools;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.practice.AdoptionOutcome;
import org.opora.practice.AdoptionView;
import org.opora.practice.EvidenceLevel;
import org.opora.practice.OutcomeCalculator;
import org.opora.practice.PracticeRepository.Candidate;
import org.opora.practice.PracticeRepository.SchoolContext;
import org.opora.practice.PracticeRepository;
import org.opora.practice.PracticeRiskFactor;
import org.opora.practice.PracticeView;
import org.opora.practice.PracticeViews;
import org.opora.practice.ResultPoint;
import org.opora.practice.SchoolRef;
import org.opora.practice.StoredPractice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recommends practices to a school.
 *
 * <ol>
 *   <li>The school's risk factors come from its latest identification run ({@code ASSESSED.riskProfileJson});
 *       factors at MEDIUM or HIGH level count.</li>
 *   <li>Candidates are approved practices of the school's region (the regional bank; all regions with
 *       {@code opora.practice.recommendations.same-region-only=false}) addressing any of them that the school has
 *       not adopted.</li>
 *   <li>Comparable schools: the region's schools whose social context is most like the school's, by the pairing
 *       feature's context similarity ({@link ComparableSchools}): at least
 *       {@code opora.practice.recommendations.min-context-similarity} (0.6), the
 *       {@code opora.practice.recommendations.comparable-schools} (30) closest.</li>
 *   <li>Score = weight of matched factors (HIGH 3, MEDIUM 2) + 4 per comparable school whose results improved
 *       after adopting ({@link OutcomeCalculator}) + 1 per other comparable adopter + 1 per evidence rank.</li>
 * </ol>
 * Each recommendation carries its reasons in words and the numbers behind them.
 */
@Singleton
public class PracticeRecommender {

    private static final Logger LOG = LoggerFactory.getLogger(PracticeRecommender.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Locale RU = Locale.forLanguageTag("ru");
    /** Candidates kept after the cheap first scoring, per recommendation asked for. */
    private static final int SHORTLIST_FACTOR = 5;

    private final PracticeRepository repository;
    private final PracticeViews views;
    private final ComparableSchools comparableSchools;
    private final double minSimilarity;
    private final int maxComparable;
    private final boolean sameRegionOnly;

    public PracticeRecommender(PracticeRepository repository, PracticeViews views, ComparableSchools comparableSchools,
                               @Value("${opora.practice.recommendations.min-context-similarity:0.6}") double minSimilarity,
                               @Value("${opora.practice.recommendations.comparable-schools:30}") int maxComparable,
                               @Value("${opora.practice.recommendations.same-region-only:true}") boolean sameRegionOnly) {
        this.repository = repository;
        this.views = views;
        this.comparableSchools = comparableSchools;
        this.minSimilarity = minSimilarity;
        this.maxComparable = maxComparable;
        this.sameRegionOnly = sameRegionOnly;
    }

    public List<PracticeRecommendation> recommend(CurrentUser user, String schoolId, int first) {
        if (first < 1 || first > 50) {
            throw ApiException.badInput("first: от 1 до 50");
        }
        SchoolContext context = repository.schoolContext(schoolId).orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, schoolId));
        SchoolRef school = context.school();
        if (!user.isAdmin() && !user.scope().covers(school.regionId(), school.municipalityId(), school.id())) {
            throw ApiException.forbidden("Рекомендации доступны по школам своей территории");
        }
        boolean profiled = hasProfile(context.riskProfileJson());
        Map<String, String> factors = riskFactors(context.riskProfileJson());
        Map<String, Double> similarity = new HashMap<>();
        comparableSchools.to(schoolId, minSimilarity, maxComparable).forEach(c -> similarity.put(c.schoolId(), c.similarity()));
        List<Candidate> candidates = repository.candidates(schoolId, sameRegionOnly ? school.regionId() : null, factors.keySet(),
                similarity.keySet());

        Set<String> adopters = candidates.stream().flatMap(c -> c.comparableAdoptions().stream()).map(a -> a.school().id())
                .collect(Collectors.toSet());
        Map<String, List<ResultPoint>> results = new HashMap<>(repository.results(adopters));

        // First pass without loading the practices: factor weights and comparable adoptions.
        List<Scored> scored = new ArrayList<>();
        for (Candidate candidate : candidates) {
            scored.add(firstPass(candidate, factors, results, similarity));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.candidate().id()));
        List<Scored> shortlist = scored.subList(0, Math.min(scored.size(), first * SHORTLIST_FACTOR));

        // Second pass: load the shortlisted practices, add their evidence, explain.
        List<StoredPractice> stored = repository.findAll(shortlist.stream().map(s -> s.candidate().id()).toList());
        Map<String, PracticeView> byId = new HashMap<>();
        for (PracticeView view : views.views(stored, null)) {
            byId.put(view.id(), view);
        }
        List<PracticeRecommendation> recommendations = new ArrayList<>();
        for (Scored s : shortlist) {
            PracticeView view = byId.get(s.candidate().id());
            if (view == null) {
                continue; // deleted meanwhile
            }
            EvidenceLevel evidence = EvidenceLevel.valueOf(view.evidenceLevel());
            double score = s.score() + evidence.ordinal();
            recommendations.add(new PracticeRecommendation(view, Math.round(score * 100) / 100.0,
                    reasons(s, evidence, profiled, factors.isEmpty()),
                    s.matched(), s.adoptions()));
        }
        recommendations.sort(Comparator.comparingDouble(PracticeRecommendation::score).reversed()
                .thenComparing(r -> -r.comparableAdoptions().size())
                .thenComparing(r -> r.practice().id()));
        return recommendations.subList(0, Math.min(first, recommendations.size()));
    }

    private record Scored(Candidate candidate, double score, List<PracticeRecommendation.MatchedRiskFactor> matched,
                          List<AdoptionView> adoptions, int improved) {
    }

    private Scored firstPass(Candidate candidate, Map<String, String> factors, Map<String, List<ResultPoint>> results,
                             Map<String, Double> similarity) {
        List<PracticeRecommendation.MatchedRiskFactor> matched = new ArrayList<>();
        double score = 0;
        for (Map.Entry<String, String> factor : factors.entrySet()) {
            if (candidate.riskFactors().contains(factor.getKey())) {
                matched.add(new PracticeRecommendation.MatchedRiskFactor(factor.getKey(), label(factor.getKey()), factor.getValue()));
                score += "HIGH".equals(factor.getValue()) ? 3 : 2;
            }
        }
        List<AdoptionView> adoptions = new ArrayList<>();
        int improved = 0;
        for (StoredPractice.Adoption adoption : candidate.comparableAdoptions()) {
            AdoptionOutcome outcome = OutcomeCalculator.outcome(results.getOrDefault(adoption.school().id(), List.of()),
                    adoption.date(), candidate.subjects(), views.minImprovement()).orElse(null);
            adoptions.add(new AdoptionView(adoption.school(), adoption.date() == null ? null : adoption.date().toString(), null,
                    outcome, Math.round(similarity.get(adoption.school().id()) * 100) / 100.0));
            if (outcome != null && outcome.improved()) {
                improved++;
                score += 4;
            } else {
                score += 1;
            }
        }
        adoptions.sort(Comparator.comparing((AdoptionView a) -> a.outcome() == null ? Double.NEGATIVE_INFINITY : a.outcome().change())
                .reversed());
        return new Scored(candidate, score, matched, adoptions, improved);
    }

    private List<String> reasons(Scored s, EvidenceLevel evidence, boolean profiled, boolean noRaisedFactors) {
        List<String> reasons = new ArrayList<>();
        if (!profiled) {
            reasons.add("Профиль рисков школы ещё не рассчитан: практика подобрана по опыту схожих школ и силе доказательств.");
        } else if (noRaisedFactors) {
            reasons.add("В профиле рисков школы нет факторов среднего или высокого уровня: практика подобрана по опыту "
                    + "схожих школ и силе доказательств.");
        } else if (!s.matched().isEmpty()) {
            reasons.add("Направлена на факторы риска школы: " + s.matched().stream()
                    .map(m -> "«" + m.label() + "» (" + levelLabel(m.level()) + ")").collect(Collectors.joining(", ")) + ".");
        }
        String adopted = "Школ со схожим социальным контекстом, внедривших практику: " + s.adoptions().size();
        List<AdoptionView> improved = s.adoptions().stream().filter(a -> a.outcome() != null && a.outcome().improved()).toList();
        if (!improved.isEmpty()) {
            reasons.add(adopted + "; результаты после внедрения выросли у " + improved.size() + " из них: "
                    + improved.stream().limit(3)
                    .map(a -> String.format(RU, "«%s» (сходство контекста %.2f) — %s: %.2f → %.2f, в среднем %+.1f п.п.",
                            a.school().name(), a.contextSimilarity(), a.outcome().headlineSeries(),
                            a.outcome().headlineBefore(), a.outcome().headlineAfter(), a.outcome().change()))
                    .collect(Collectors.joining("; ")));
        } else if (!s.adoptions().isEmpty()) {
            reasons.add(adopted + "; роста результатов после внедрения пока не видно.");
        }
        switch (evidence) {
            case REPLICATED -> reasons.add("Эффект подтверждён данными нескольких школ.");
            case MEASURED -> reasons.add("Есть данные «до» и «после» о результатах в школе, где практика применялась.");
            default -> {
            }
        }
        return reasons;
    }

    /** Whether the school has a readable risk profile (an identification run assessed it), whatever its levels. */
    static boolean hasProfile(String riskProfileJson) {
        if (riskProfileJson == null || riskProfileJson.isBlank()) {
            return false;
        }
        try {
            return JSON.readTree(riskProfileJson).isArray();
        } catch (Exception e) {
            return false;
        }
    }

    /** {factor: level} from the risk profile JSON, MEDIUM and HIGH only, strongest first. */
    static Map<String, String> riskFactors(String riskProfileJson) {
        Map<String, String> factors = new LinkedHashMap<>();
        if (riskProfileJson == null || riskProfileJson.isBlank()) {
            return factors;
        }
        try {
            JsonNode profile = JSON.readTree(riskProfileJson);
            List<JsonNode> entries = new ArrayList<>();
            profile.forEach(entries::add);
            entries.sort(Comparator.comparingInt((JsonNode e) -> "HIGH".equals(e.path("level").asText()) ? 0 : 1));
            for (JsonNode entry : entries) {
                String level = entry.path("level").asText();
                if (("HIGH".equals(level) || "MEDIUM".equals(level)) && entry.hasNonNull("factor")) {
                    factors.putIfAbsent(entry.get("factor").asText(), level);
                }
            }
        } catch (Exception e) {
            LOG.warn("Unreadable risk profile JSON, recommending without it: {}", e.toString());
        }
        return factors;
    }

    private static String label(String factor) {
        try {
            return PracticeRiskFactor.valueOf(factor).label();
        } catch (IllegalArgumentException e) {
            return factor;
        }
    }

    private static String levelLabel(String level) {
        return switch (level) {
            case "HIGH" -> "высокий уровень";
            case "MEDIUM" -> "средний уровень";
            default -> "низкий уровень";
        };
    }
}
