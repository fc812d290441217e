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
 * The reachable state graph of a small model, for drawing: every state and transition, with a
 * counterexample's path highlighted. With {@code symmetry} (the default of the commands) each state is
 * stored in the canonical form the checker explores (interchangeable CPUs merged), so the drawing shows
 * the reduced graph that was explored, and the cap applies to it. Each node says in a few words where
 * the first converter is in its program and, for a crashed state, why. Stops as soon as it knows the
 * graph is larger than {@code cap}.
 */
final class StateGraphs {

    private StateGraphs() { }

    /** The graph, or null when it has more than {@code cap} states. */
    static <S, A extends ModelAction> StateGraph build(SystemModel<S, A> model, Trace<S, A> path, int cap,
                                                       boolean symmetry) {
        java.util.function.UnaryOperator<S> form = symmetry && model.reductions() != null
                ? model.reductions()::canonical : java.util.function.UnaryOperator.identity();
        Map<S, Integer> index = new HashMap<>();
        List<S> states = new ArrayList<>();
        List<StateGraph.Edge> edges = new ArrayList<>();
        ArrayDeque<S> queue = new ArrayDeque<>();
        S init = form.apply(model.initialState());
        index.put(init, 0);
        states.add(init);
        queue.add(init);
        while (!queue.isEmpty()) {
            S s = queue.poll();
            int from = index.get(s);
            boolean[] tooLarge = {false};
            model.successors(s, (a, real) -> {
                S n = form.apply(real);
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
            highlight.add(index.get(form.apply(path.initial())));
            for (Trace.Step<S, A> step : path.steps()) highlight.add(index.get(form.apply(step.state())));
            highlight.removeIf(java.util.Objects::isNull);
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            labels.add(fewWords(model, states.get(i)));
        }
        return new StateGraph(labels, edges, highlight);
    }

    /** "after flip (to shared)" (or "start", "program done"), and the crash, if any. */
    static <S, A extends ModelAction> String fewWords(SystemModel<S, A> model, S s) {
        String where = "";
        int size = model.programSize();
        if (size > 0) {
            int pc = model.programPc(s);
            where = pc <= 0 ? "start" : pc >= size ? "program done" : "after " + model.programStep(pc - 1);
        }
        String tag = model.tag(s);
        return where + (tag == null ? "" : (where.isEmpty() ? "" : "; ") + tag);
    }
}
