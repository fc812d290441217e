package pagestate.checker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks one {@link Eventually} property on an {@link ExplicitGraph} of goal-false states. A violation
 * exists iff that graph has (a) a dead end (a state with no successors at all), or (b) a non-trivial
 * strongly connected component (or a self-loop) that is fair: every fair actor either labels an edge
 * inside it or is disabled in one of its states. The reported violation is the one whose entry state
 * comes first in BFS order (the nearest); a lasso is the BFS prefix to the component's first state,
 * then a cycle through it that takes one edge of, or visits a disabling state for, every fair actor.
 */
final class LivenessSearch<S, A> {

    /** A violation as indices: the initial position, the action indices, and where the loop starts (-1 for none). */
    record Violation(int initialPosition, int[] actions, int loopStart, boolean lasso) { }

    private final ExplicitGraph<S, A> g;
    private final StronglyConnected scc;
    private final List<Integer> fairActors;
    private final int[][] members;
    /**
     * Per component, the actors of the edges inside it, as a mask (computed when first needed); empty when
     * some actor is 64 or more (then each is looked for among the edges).
     */
    private long[] stepping;

    LivenessSearch(ExplicitGraph<S, A> g, Eventually<S> property) {
        this.g = g;
        this.scc = g.components();
        this.fairActors = property.fairActors().stream().sorted().toList();
        int[] sizes = new int[scc.count()];
        for (int v = 0; v < g.size(); v++) sizes[scc.of(v)]++;
        members = new int[scc.count()][];
        for (int c = 0; c < members.length; c++) members[c] = new int[sizes[c]];
        int[] fill = new int[scc.count()];
        for (int v = 0; v < g.size(); v++) members[scc.of(v)][fill[scc.of(v)]++] = v;   // ascending = BFS order
    }

    /** Whether {@link #find} ran, and what it found. */
    private boolean found;
    private Violation violation;

    /** The nearest violation, or null when the property holds on the graph (searched once). */
    Violation find() {
        if (!found) {
            violation = search();
            found = true;
        }
        return violation;
    }

    private Violation search() {
        int n = g.size();
        boolean[] decided = new boolean[scc.count()];
        for (int v = 0; v < n; v++) {       // BFS order: the first hit is the nearest
            if (g.node(v).deadEnd) return path(v);
            int c = scc.of(v);
            if (decided[c]) continue;
            decided[c] = true;
            if (nonTrivial(c) && fair(c)) return lasso(v, c);
        }
        return null;
    }

    /** Whether an edge by one of {@code actors} lies on a cycle (inside a strongly connected component). */
    boolean stepsOnCycles(java.util.Set<Integer> actors) {
        boolean[] steps = new boolean[actors.stream().mapToInt(a -> a + 1).max().orElse(0)];
        for (int a : actors) if (a >= 0) steps[a] = true;
        for (int v = 0; v < g.size(); v++) {
            ExplicitGraph.Node node = g.node(v);
            for (int e = 0; e < node.edges; e++) {
                int actor = node.actors[e];
                if (actor >= 0 && actor < steps.length && steps[actor] && scc.of(node.targets[e]) == scc.of(v)) return true;
            }
        }
        return false;
    }

    private Violation path(int v) {
        int[] p = g.pathTo(v);
        return new Violation(p[0], Arrays.copyOfRange(p, 1, p.length), -1, false);
    }

    private boolean nonTrivial(int c) {
        for (int v : members[c]) {
            ExplicitGraph.Node node = g.node(v);
            for (int e = 0; e < node.edges; e++) {
                if (scc.of(node.targets[e]) == c) return true;   // an edge inside: a cycle exists
            }
        }
        return false;
    }

    private boolean fair(int c) {
        if (stepping == null) stepping = stepping();
        for (int actor : fairActors) {
            boolean steps = stepping.length > 0 ? actor < 64 && (stepping[c] & 1L << actor) != 0 : edgeBy(c, actor) != null;
            if (!steps && disabledIn(c, actor) < 0) return false;
        }
        return true;
    }

    /** {@link #stepping}, in one pass over the edges (empty when an actor is 64 or more). */
    private long[] stepping() {
        long[] masks = new long[scc.count()];
        for (int v = 0; v < g.size(); v++) {
            ExplicitGraph.Node node = g.node(v);
            int c = scc.of(v);
            for (int e = 0; e < node.edges; e++) {
                int actor = node.actors[e];
                if (actor < 0 || actor >= 64) return new long[0];
                if (scc.of(node.targets[e]) == c) masks[c] |= 1L << actor;
            }
        }
        return masks;
    }

    /** The first edge inside component c by {@code actor}: {source, edge position}, or null. */
    private int[] edgeBy(int c, int actor) {
        for (int v : members[c]) {
            ExplicitGraph.Node node = g.node(v);
            for (int e = 0; e < node.edges; e++) {
                if (node.actors[e] == actor && scc.of(node.targets[e]) == c) return new int[] {v, e};
            }
        }
        return null;
    }

    private int disabledIn(int c, int actor) {
        for (int v : members[c]) {
            if (!g.node(v).enabled(actor)) return v;
        }
        return -1;
    }

    private Violation lasso(int entry, int c) {
        List<Integer> cycle = new ArrayList<>();   // action indices
        int cur = entry;
        for (int actor : fairActors) {
            int[] edge = edgeBy(c, actor);
            if (edge != null) {
                cur = walk(cur, edge[0], c, cycle);
                ExplicitGraph.Node node = g.node(cur);
                cycle.add(node.actions[edge[1]]);
                cur = node.targets[edge[1]];
            } else {
                cur = walk(cur, disabledIn(c, actor), c, cycle);
            }
        }
        cur = walk(cur, entry, c, cycle);
        if (cycle.isEmpty()) {                     // no fair actor: any cycle through the entry
            ExplicitGraph.Node node = g.node(entry);
            for (int e = 0; e < node.edges; e++) {
                if (scc.of(node.targets[e]) == c) {
                    cycle.add(node.actions[e]);
                    walk(node.targets[e], entry, c, cycle);
                    break;
                }
            }
        }
        int[] prefix = g.pathTo(entry);
        int[] actions = new int[prefix.length - 1 + cycle.size()];
        System.arraycopy(prefix, 1, actions, 0, prefix.length - 1);
        for (int i = 0; i < cycle.size(); i++) actions[prefix.length - 1 + i] = cycle.get(i);
        return new Violation(prefix[0], actions, prefix.length - 1, true);
    }

    /** Appends the action indices of a shortest path from {@code from} to {@code to} inside component c; returns {@code to}. */
    private int walk(int from, int to, int c, List<Integer> out) {
        if (from == to) return to;
        int[] prev = new int[g.size()];
        int[] prevAction = new int[g.size()];
        Arrays.fill(prev, -2);
        prev[from] = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(from);
        while (!queue.isEmpty() && prev[to] == -2) {
            int v = queue.poll();
            ExplicitGraph.Node node = g.node(v);
            for (int e = 0; e < node.edges; e++) {
                int w = node.targets[e];
                if (scc.of(w) == c && prev[w] == -2) {
                    prev[w] = v;
                    prevAction[w] = node.actions[e];
                    queue.add(w);
                }
            }
        }
        List<Integer> rev = new ArrayList<>();
        for (int v = to; v != from; v = prev[v]) rev.add(prevAction[v]);
        for (int i = rev.size() - 1; i >= 0; i--) out.add(rev.get(i));
        return to;
    }
}
