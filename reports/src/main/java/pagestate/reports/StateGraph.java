package pagestate.reports;

import java.util.List;
import java.util.Objects;

/**
 * A whole explored state graph of a small run, for {@link StateGraphDot}.
 *
 * @param stateLabels   one label per state; state {@code i} is {@code stateLabels.get(i)}, state 0 is initial
 * @param edges         every transition explored
 * @param highlightPath the counterexample as a sequence of state indices (empty for none)
 */
public record StateGraph(List<String> stateLabels, List<Edge> edges, List<Integer> highlightPath) {

    /** One transition from state {@code from} to state {@code to}, labelled with its action. */
    public record Edge(int from, int to, String label) {
        public Edge {
            Objects.requireNonNull(label, "label");
        }
    }

    public StateGraph {
        stateLabels = List.copyOf(stateLabels);
        edges = List.copyOf(edges);
        highlightPath = List.copyOf(highlightPath);
        for (Edge edge : edges) {
            requireState(edge.from(), stateLabels.size());
            requireState(edge.to(), stateLabels.size());
        }
        for (int state : highlightPath) {
            requireState(state, stateLabels.size());
        }
    }

    private static void requireState(int index, int count) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("state " + index + " outside the " + count + " states");
        }
    }
}
