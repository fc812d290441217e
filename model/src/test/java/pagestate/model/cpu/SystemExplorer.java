package pagestate.model.cpu;

import pagestate.model.Fields;
import pagestate.model.PropertyName;
import pagestate.model.SystemAction;
import pagestate.model.SystemModel;
import pagestate.model.SystemProperty;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately simple exhaustive exploration of a seed-system model for tests: every state kept as
 * an object, with its successors. Liveness is decided on acyclic graphs only (the tests assert that
 * the graph is acyclic): a goal that fails in some dead end.
 */
public final class SystemExplorer {

    final SystemModel<Fields, SystemAction> model;
    final List<Fields> states = new ArrayList<>();
    final Map<Fields, List<Fields>> successors = new HashMap<>();

    public SystemExplorer(SystemModel<Fields, SystemAction> model) {
        this.model = model;
        Fields init = model.initialState();
        Set<Fields> seen = new HashSet<>();
        ArrayDeque<Fields> queue = new ArrayDeque<>();
        seen.add(init);
        queue.add(init);
        while (!queue.isEmpty()) {
            Fields s = queue.poll();
            states.add(s);
            List<Fields> next = new ArrayList<>();
            model.successors(s, (a, n) -> {
                next.add(n);
                if (seen.add(n)) queue.add(n);
            });
            successors.put(s, next);
        }
    }

    public int size() {
        return states.size();
    }

    /** Whether the property holds: safety over every state; liveness: the goal in every dead end (acyclic graphs). */
    public boolean holds(PropertyName name) {
        SystemProperty<Fields> p = model.property(name);
        if (!p.isLiveness()) return states.stream().allMatch(p.holds());
        if (!acyclic()) throw new IllegalStateException("liveness on a cyclic graph needs the engine");
        return states.stream().filter(s -> successors.get(s).isEmpty()).allMatch(goalOnEveryPathTo(p));
    }

    private java.util.function.Predicate<Fields> goalOnEveryPathTo(SystemProperty<Fields> p) {
        // on an acyclic graph "eventually goal" fails iff some path avoids the goal up to a dead end;
        // goals here are monotone (flags that stay set), so checking the dead end suffices
        return s -> p.holds().test(s);
    }

    public boolean acyclic() {
        Map<Fields, Integer> colour = new HashMap<>();
        for (Fields s : states) if (cycleFrom(s, colour)) return false;
        return true;
    }

    private boolean cycleFrom(Fields s, Map<Fields, Integer> colour) {
        Integer c = colour.get(s);
        if (c != null) return c == 1;
        colour.put(s, 1);
        for (Fields n : successors.get(s)) if (cycleFrom(n, colour)) return true;
        colour.put(s, 2);
        return false;
    }

    /** Every dead end is one the model declares terminal (no deadlocks). */
    public boolean noDeadlocks() {
        return states.stream().filter(s -> successors.get(s).isEmpty()).allMatch(model::isTerminal);
    }

    /** Encoding round trip and injectivity over every reachable state. */
    public boolean encodingIsFaithful() {
        Set<List<Long>> codes = new HashSet<>();
        for (Fields s : states) {
            long[] w = new long[model.words()];
            model.encode(s, w, 0);
            if (!model.decode(w, 0).equals(s)) return false;
            List<Long> l = new ArrayList<>();
            for (long x : w) l.add(x);
            if (!codes.add(l)) return false;
        }
        return true;
    }

    /** The actions enabled in {@code s}, as text. */
    public static List<String> actions(SystemModel<Fields, SystemAction> m, Fields s) {
        List<String> l = new ArrayList<>();
        m.successors(s, (a, n) -> l.add(a.toString()));
        return l;
    }

    /** The state after the only enabled action of {@code actor} in {@code s} (fails if there is not exactly one). */
    public static Fields step(SystemModel<Fields, SystemAction> m, Fields s, int actor) {
        List<Fields> l = new ArrayList<>();
        m.successors(s, (a, n) -> {
            if (a.actor() == actor) l.add(n);
        });
        if (l.size() != 1) throw new AssertionError("actor " + actor + " has " + l.size() + " actions in " + s);
        return l.get(0);
    }
}
