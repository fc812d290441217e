package pagestate.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pagestate.checker.Trace;
import pagestate.model.PageAction;
import pagestate.model.PageModel;
import pagestate.model.PageState;
import pagestate.reports.StateGraph;

/**
 * The whole reachable state graph of a small model, for drawing: every state and transition, with a
 * counterexample's path highlighted. Stops as soon as it knows the graph is larger than {@code cap}.
 */
final class StateGraphs {

    private StateGraphs() { }

    /** The graph, or null when it has more than {@code cap} states. */
    static StateGraph build(PageModel model, Trace<PageState, PageAction> path, int cap) {
        Map<PageState, Integer> index = new HashMap<>();
        List<PageState> states = new ArrayList<>();
        List<StateGraph.Edge> edges = new ArrayList<>();
        ArrayDeque<PageState> queue = new ArrayDeque<>();
        PageState init = model.initialState();
        index.put(init, 0);
        states.add(init);
        queue.add(init);
        while (!queue.isEmpty()) {
            PageState s = queue.poll();
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
            for (Trace.Step<PageState, PageAction> step : path.steps()) highlight.add(index.get(step.state()));
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            PageState s = states.get(i);
            labels.add("s" + i + (s.crashed() ? " (" + s.crash().label() + ")" : ""));
        }
        return new StateGraph(labels, edges, highlight);
    }
}
