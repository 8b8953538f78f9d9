package org.opora.platform.assignment;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns schools (rows) to leaders (columns) with capacities so that the total score of the
 * chosen couples is maximal; a couple with a NaN score is not allowed. Two methods:
 * <ul>
 *   <li>{@link #optimal}: a minimum-cost flow (JGraphT capacity scaling). Every school node supplies
 *       one unit; it reaches the sink either through a leader (arc cost 1 − score, leader → sink
 *       capacity = remaining slots) or through its own "unmatched" arc (cost 1). Minimising
 *       Σ cost = #schools − Σ score of matched couples maximises the total score, and since every
 *       allowed score is positive, matching a school never costs more than leaving it out.</li>
 *   <li>{@link #greedy}: the baseline: all allowed couples by descending score, taken while the
 *       school is free and the leader has room.</li>
 * </ul>
 * Shared by pairing (schools to leader schools) and mentoring (teachers to mentors). Allowed scores must be in
 * (0, 1]; callers with another scale divide by their maximum first.
 */
public final class AssignmentSolver {

    /** {@code leaderOf[row]} is the chosen column or −1. */
    public record Assignment(int[] leaderOf, double totalScore, int paired) {
    }

    private AssignmentSolver() {
    }

    public static Assignment optimal(double[][] scores, int[] capacity) {
        int rows = scores.length;
        int columns = capacity.length;
        if (rows == 0) {
            return new Assignment(new int[0], 0, 0);
        }
        // Vertices: rows 0..rows-1, columns rows..rows+columns-1, sink rows+columns.
        int sink = rows + columns;
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v <= sink; v++) {
            graph.addVertex(v);
        }
        Map<DefaultWeightedEdge, Integer> upper = new HashMap<>();
        Map<DefaultWeightedEdge, int[]> couple = new HashMap<>();
        boolean[] columnUsed = new boolean[columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double score = scores[r][c];
                if (Double.isNaN(score) || capacity[c] <= 0) {
                    continue;
                }
                DefaultWeightedEdge edge = graph.addEdge(r, rows + c);
                graph.setEdgeWeight(edge, 1 - score);
                upper.put(edge, 1);
                couple.put(edge, new int[]{r, c});
                columnUsed[c] = true;
            }
            DefaultWeightedEdge unmatched = graph.addEdge(r, sink);
            graph.setEdgeWeight(unmatched, 1.0);
            upper.put(unmatched, 1);
        }
        for (int c = 0; c < columns; c++) {
            if (columnUsed[c]) {
                DefaultWeightedEdge edge = graph.addEdge(rows + c, sink);
                graph.setEdgeWeight(edge, 0.0);
                upper.put(edge, capacity[c]);
            }
        }
        MinimumCostFlowProblem<Integer, DefaultWeightedEdge> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                graph, v -> v < rows ? 1 : v == sink ? -rows : 0, upper::get, e -> 0, graph::getEdgeWeight);
        MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> flow = new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>()
                .getMinimumCostFlow(problem);
        int[] leaderOf = new int[rows];
        Arrays.fill(leaderOf, -1);
        for (Map.Entry<DefaultWeightedEdge, int[]> entry : couple.entrySet()) {
            if (flow.getFlow(entry.getKey()) > 0.5) {
                leaderOf[entry.getValue()[0]] = entry.getValue()[1];
            }
        }
        return summarise(scores, leaderOf);
    }

    public static Assignment greedy(double[][] scores, int[] capacity) {
        int rows = scores.length;
        List<int[]> couples = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < capacity.length; c++) {
                if (!Double.isNaN(scores[r][c])) {
                    couples.add(new int[]{r, c});
                }
            }
        }
        couples.sort(Comparator.<int[]>comparingDouble(rc -> scores[rc[0]][rc[1]]).reversed()
                .thenComparingInt(rc -> rc[0]).thenComparingInt(rc -> rc[1]));
        int[] leaderOf = new int[rows];
        Arrays.fill(leaderOf, -1);
        int[] left = capacity.clone();
        for (int[] rc : couples) {
            if (leaderOf[rc[0]] < 0 && left[rc[1]] > 0) {
                leaderOf[rc[0]] = rc[1];
                left[rc[1]]--;
            }
        }
        return summarise(scores, leaderOf);
    }

    private static Assignment summarise(double[][] scores, int[] leaderOf) {
        double total = 0;
        int paired = 0;
        for (int r = 0; r < leaderOf.length; r++) {
            if (leaderOf[r] >= 0) {
                total += scores[r][leaderOf[r]];
                paired++;
            }
        }
        return new Assignment(leaderOf, total, paired);
    }
}
