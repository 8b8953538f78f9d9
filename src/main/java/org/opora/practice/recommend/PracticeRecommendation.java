package org.opora.practice.recommend;

import java.util.List;

import org.opora.practice.AdoptionView;
import org.opora.practice.PracticeView;

/**
 * A practice recommended to a school, with why.
 *
 * @param reasons             the explanation in Russian, one sentence per reason
 * @param matchedRiskFactors  the school's risk factors the practice addresses, strongest first
 * @param comparableAdoptions adoptions by comparable schools, with their outcomes
 */
public record PracticeRecommendation(PracticeView practice, double score, List<String> reasons,
                                     List<MatchedRiskFactor> matchedRiskFactors, List<AdoptionView> comparableAdoptions) {

    public record MatchedRiskFactor(String factor, String label, String level) {
    }
}
