package pagestate.reports;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every explored state and transition of a small run as DOT, with the counterexample path (states and
 * the edges between consecutive path states) drawn thick and red. Refused above a cap, since a drawing
 * of thousands of states shows nothing.
 */
public final class StateGraphDot {

    /** The default cap on states. */
    public static final int DEFAULT_CAP = 300;

    private StateGraphDot() {
    }

    /** {@link #toDot(StateGraph, int)} with the {@link #DEFAULT_CAP}. */
    public static String toDot(StateGraph graph) {
        return toDot(graph, DEFAULT_CAP);
    }

    /**
     * The DOT source of the whole graph.
     *
     * @throws GraphTooLargeException when the graph has more than {@code cap} states
     */
    public static String toDot(StateGraph graph, int cap) {
        int states = graph.stateLabels().size();
        if (states > cap) {
            throw new GraphTooLargeException(states, cap);
        }
        List<Integer> path = graph.highlightPath();
        Set<Integer> onPath = new HashSet<>(path);
        Set<Long> pathEdges = new HashSet<>();
        for (int i = 1; i < path.size(); i++) {
            pathEdges.add(key(path.get(i - 1), path.get(i)));
        }
        StringBuilder dot = new StringBuilder("digraph states {\n");
        dot.append("  graph [rankdir=TB, nodesep=0.25, ranksep=0.35, fontname=").append(Dot.quote(Dot.FONT))
                .append(", label=").append(Dot.quote(states + " states, " + graph.edges().size()
                        + " transitions" + (path.isEmpty() ? "" : "; counterexample path in red")))
                .append(", labelloc=t, fontsize=13];\n");
        dot.append("  node [fontname=").append(Dot.quote(Dot.FONT)).append(", fontsize=9, shape=box,")
                .append(" style=\"rounded,filled\", fillcolor=\"#f4f6f8\", color=\"#8a96a0\"];\n");
        dot.append("  edge [fontname=").append(Dot.quote(Dot.FONT))
                .append(", fontsize=8, color=\"#9aa5ad\", fontcolor=\"#5b6770\"];\n");
        for (int state = 0; state < states; state++) {
            dot.append("  n").append(state).append(" [label=")
                    .append(Dot.label(List.of("#" + state, graph.stateLabels().get(state)), 40));
            if (state == 0) {
                dot.append(", peripheries=2");
            }
            if (onPath.contains(state)) {
                dot.append(", fillcolor=\"#ffe1e1\", color=\"#c81e1e\", penwidth=2");
            }
            dot.append("];\n");
        }
        for (StateGraph.Edge edge : graph.edges()) {
            dot.append("  n").append(edge.from()).append(" -> n").append(edge.to())
                    .append(" [label=").append(Dot.quote(edge.label()));
            if (pathEdges.contains(key(edge.from(), edge.to()))) {
                dot.append(", color=\"#c81e1e\", fontcolor=\"#9b1c1c\", penwidth=2.5");
            }
            dot.append("];\n");
        }
        return dot.append("}\n").toString();
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }
}
