package pagestate.model.cpu;

import pagestate.model.PropertyName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A deliberately simple BFS over PageModel for tests: every state kept as an object. */
final class NaiveExplorer {

    record Step(PageAction action, PageState state) { }

    final PageModel model;
    final Map<PageState, PageState> parent = new HashMap<>();
    final Map<PageState, PageAction> via = new HashMap<>();
    final List<PageState> order = new ArrayList<>();
    final Map<PropertyName, PageState> firstViolation = new LinkedHashMap<>();

    /** False when the exploration stopped at its bound before every reachable state was seen. */
    final boolean complete;

    NaiveExplorer(Scenario s) {
        this(s, Integer.MAX_VALUE);
    }

    /** Explores at most {@code maxStates} states: a random test's bound on its own cost. */
    NaiveExplorer(Scenario s, int maxStates) {
        this.model = new PageModel(s);
        PageState init = model.initialState();
        ArrayDeque<PageState> queue = new ArrayDeque<>();
        parent.put(init, null);
        queue.add(init);
        while (!queue.isEmpty() && order.size() < maxStates) {
            PageState st = queue.poll();
            order.add(st);
            for (ModelProperty p : model.properties()) {
                if (!p.isLiveness() && !firstViolation.containsKey(p.name()) && !p.holds().test(st)) {
                    firstViolation.put(p.name(), st);
                }
            }
            model.successors(st, (a, n) -> {
                if (!parent.containsKey(n)) {
                    parent.put(n, st);
                    via.put(n, a);
                    queue.add(n);
                }
            });
        }
        this.complete = queue.isEmpty();
    }

    int states() {
        return order.size();
    }

    boolean violated(PropertyName p) {
        return firstViolation.containsKey(p);
    }

    List<Step> trace(PropertyName p) {
        List<Step> steps = new ArrayList<>();
        for (PageState s = firstViolation.get(p); parent.get(s) != null; s = parent.get(s)) steps.add(new Step(via.get(s), s));
        Collections.reverse(steps);
        return steps;
    }

    String traceText(PropertyName p) {
        StringBuilder b = new StringBuilder();
        int i = 1;
        for (Step s : trace(p)) b.append(i++).append(". ").append(s.action()).append('\n');
        ModelProperty prop = model.property(p);
        b.append("=> ").append(p.specName()).append(": ").append(prop.cause().apply(firstViolation.get(p)));
        return b.toString();
    }

    /** Every state that is a dead end but not terminal. */
    long deadlocks() {
        return order.stream().filter(s -> {
            boolean[] any = {false};
            model.successors(s, (a, n) -> any[0] = true);
            return !any[0] && !model.isTerminal(s);
        }).count();
    }
}
