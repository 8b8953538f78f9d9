package org.opora.platform.assignment;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The optimal assignment against brute force and the greedy baseline, on random instances. */
class AssignmentSolverTest {

    @Test
    void optimalEqualsBruteForceOnSmallInstances() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            int rows = 1 + random.nextInt(6);
            int columns = 1 + random.nextInt(4);
            double[][] scores = randomScores(random, rows, columns, 0.3);
            int[] capacity = randomCapacity(random, columns, 3);
            AssignmentSolver.Assignment optimal = AssignmentSolver.optimal(scores, capacity);
            assertRespectsCapacity(optimal, scores, capacity);
            assertThat(optimal.totalScore()).isCloseTo(bruteForce(scores, capacity, 0, capacity.clone()), within(1e-9));
        }
    }

    @Test
    void optimalNeverLosesToGreedyAndGreedyCanLose() {
        Random random = new Random(11);
        int greedyWorse = 0;
        for (int round = 0; round < 200; round++) {
            int rows = 5 + random.nextInt(60);
            int columns = 2 + random.nextInt(30);
            double[][] scores = randomScores(random, rows, columns, 0.5);
            int[] capacity = randomCapacity(random, columns, 3);
            AssignmentSolver.Assignment optimal = AssignmentSolver.optimal(scores, capacity);
            AssignmentSolver.Assignment greedy = AssignmentSolver.greedy(scores, capacity);
            assertRespectsCapacity(optimal, scores, capacity);
            assertRespectsCapacity(greedy, scores, capacity);
            assertThat(optimal.totalScore()).isGreaterThanOrEqualTo(greedy.totalScore() - 1e-9);
            if (optimal.totalScore() > greedy.totalScore() + 1e-9) {
                greedyWorse++;
            }
        }
        assertThat(greedyWorse).as("instances where greedy is strictly worse").isPositive();
    }

    @Test
    void classicGreedyTrapIsSolved() {
        // Greedy takes A-X (0.9) and leaves B with nothing; optimal pairs A-Y and B-X.
        double[][] scores = {{0.9, 0.8}, {0.85, Double.NaN}};
        int[] capacity = {1, 1};
        assertThat(AssignmentSolver.greedy(scores, capacity).totalScore()).isCloseTo(0.9, within(1e-9));
        AssignmentSolver.Assignment optimal = AssignmentSolver.optimal(scores, capacity);
        assertThat(optimal.leaderOf()).containsExactly(1, 0);
        assertThat(optimal.totalScore()).isCloseTo(1.65, within(1e-9));
    }

    @Test
    void emptyAndUnmatchableInstances() {
        assertThat(AssignmentSolver.optimal(new double[0][0], new int[0]).paired()).isZero();
        double[][] scores = {{Double.NaN}, {Double.NaN}};
        AssignmentSolver.Assignment none = AssignmentSolver.optimal(scores, new int[]{2});
        assertThat(none.leaderOf()).containsExactly(-1, -1);
        AssignmentSolver.Assignment full = AssignmentSolver.optimal(new double[][]{{0.5}, {0.6}}, new int[]{0});
        assertThat(full.paired()).isZero();
    }

    static void assertRespectsCapacity(AssignmentSolver.Assignment assignment, double[][] scores, int[] capacity) {
        int[] used = new int[capacity.length];
        for (int r = 0; r < assignment.leaderOf().length; r++) {
            int c = assignment.leaderOf()[r];
            if (c >= 0) {
                assertThat(scores[r][c]).isNotNaN();
                used[c]++;
            }
        }
        for (int c = 0; c < capacity.length; c++) {
            assertThat(used[c]).isLessThanOrEqualTo(Math.max(0, capacity[c]));
        }
    }

    private static double bruteForce(double[][] scores, int[] capacity, int row, int[] left) {
        if (row == scores.length) {
            return 0;
        }
        double best = bruteForce(scores, capacity, row + 1, left);
        for (int c = 0; c < left.length; c++) {
            if (!Double.isNaN(scores[row][c]) && left[c] > 0) {
                left[c]--;
                best = Math.max(best, scores[row][c] + bruteForce(scores, capacity, row + 1, left));
                left[c]++;
            }
        }
        return best;
    }

    private static double[][] randomScores(Random random, int rows, int columns, double forbiddenShare) {
        double[][] scores = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                scores[r][c] = random.nextDouble() < forbiddenShare ? Double.NaN : 0.05 + 0.95 * random.nextDouble();
            }
        }
        return scores;
    }

    private static int[] randomCapacity(Random random, int columns, int max) {
        int[] capacity = new int[columns];
        for (int c = 0; c < columns; c++) {
            capacity[c] = random.nextInt(max + 1);
        }
        return capacity;
    }
}
