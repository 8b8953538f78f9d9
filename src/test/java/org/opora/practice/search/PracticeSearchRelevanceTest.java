package org.opora.practice.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.bean;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opora.testing.OporaTestApp;

/**
 * The judged test collection (src/test/resources/practice/judgements.tsv) against the real search over the
 * committed 320-practice seed: mean nDCG@10 and P@5 must stay above their floors, and no query may come back empty
 * while a relevant practice exists. Prints the per-query table. Works in region RREL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PracticeSearchRelevanceTest {

    /** Floors a little under the measured figures (docs/benchmarks.md, "Practice search relevance"). */
    static final double NDCG_FLOOR = 0.85;
    static final double P5_FLOOR = 0.80;

    List<RelevanceEvaluation.Judged> judged;

    @BeforeAll
    void seed(@TempDir Path dir) throws Exception {
        RelevanceEvaluation.loadSeed(OporaTestApp.server().getApplicationContext(), dir);
        RelevanceEvaluation.awaitIndexed(bean(PracticeSearch.class), RelevanceEvaluation.approvedInSeed());
        judged = RelevanceEvaluation.judgements();
    }

    @Test
    void judgedQueriesRankRelevantPracticesFirst() {
        assertThat(judged).hasSizeGreaterThanOrEqualTo(40);
        RelevanceEvaluation.Report report = RelevanceEvaluation.evaluate(bean(PracticeSearch.class), judged, 1);
        System.out.println(report.table());
        assertThat(report.emptyWithRelevant()).as("queries with no result although a practice is relevant").isEmpty();
        assertThat(report.ndcg10()).as("mean nDCG@10").isGreaterThanOrEqualTo(NDCG_FLOOR);
        assertThat(report.p5()).as("mean P@5").isGreaterThanOrEqualTo(P5_FLOOR);
    }
}
