package pagestate.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pagestate.checker.Trace;
import pagestate.model.ModelAction;
import pagestate.model.SystemModel;
import pagestate.reports.StateGraph;

/**
 * The whole reachable state graph of a small model, for drawing: every state and transition, with a
 * counterexample's path highlighted. Stops as soon as it knows the graph is larger than {@code cap}.
 */
final class StateGraphs {

    private StateGraphs() { }

    /** The graph, or null when it has more than {@code cap} states. */
    static <S, A extends ModelAction> StateGraph build(SystemModel<S, A> model, Trace<S, A> path, int cap) {
        Map<S, Integer> index = new HashMap<>();
        List<S> states = new ArrayList<>();
        List<StateGraph.Edge> edges = new ArrayList<>();
        ArrayDeque<S> queue = new ArrayDeque<>();
        S init = model.initialState();
        index.put(init, 0);
        states.add(init);
        queue.add(init);
        while (!queue.isEmpty()) {
            S s = queue.poll();
            int from = index.get(s);
            boolean[] tooLarge = {false};
            model.successors(s, (a, n) -> {
                Integer to = index.get(n);
                if (to == null) {
                    if (states.size() >= cap) {
                        tooLarge[0] = true;
                        return;
                    }
                    to = states.size();
                    index.put(n, to);
                    states.add(n);
                    queue.add(n);
                }
                edges.add(new StateGraph.Edge(from, to, a.actorName().replaceAll(" \\(.*", "") + ": " + a.description()));
            });
            if (tooLarge[0]) return null;
        }
        List<Integer> highlight = new ArrayList<>();
        if (path != null) {
            highlight.add(index.get(path.initial()));
            for (Trace.Step<S, A> step : path.steps()) highlight.add(index.get(step.state()));
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            String tag = model.tag(states.get(i));
            labels.add("s" + i + (tag != null ? " (" + tag + ")" : ""));
        }
        return new StateGraph(labels, edges, highlight);
    }
}
