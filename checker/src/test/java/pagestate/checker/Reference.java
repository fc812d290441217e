package pagestate.checker;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;

/** Deliberately naive reference answers for {@link GraphSystem}s. */
final class Reference {

    private Reference() { }

    /** BFS distance of every node from the initial states (-1 unreachable). */
    static int[] distances(GraphSystem g) {
        int[] dist = new int[g.nodes];
        Arrays.fill(dist, -1);
        ArrayDeque<Integer> q = new ArrayDeque<>();
        for (int s : g.initial) {
            if (dist[s] < 0) {
                dist[s] = 0;
                q.add(s);
            }
        }
        while (!q.isEmpty()) {
            int v = q.poll();
            for (GraphSystem.Edge e : g.edges.get(v)) {
                if (dist[e.to()] < 0) {
                    dist[e.to()] = dist[v] + 1;
                    q.add(e.to());
                }
            }
        }
        return dist;
    }

    static long reachable(GraphSystem g) {
        return Arrays.stream(distances(g)).filter(d -> d >= 0).count();
    }

    /** Shortest distance to a reachable node in {@code bad}, or -1 when none. */
    static int shortestTo(GraphSystem g, BitSet bad) {
        int[] dist = distances(g);
        int best = -1;
        for (int v = 0; v < g.nodes; v++) {
            if (dist[v] >= 0 && bad.get(v) && (best < 0 || dist[v] < best)) best = dist[v];
        }
        return best;
    }

    static BitSet deadlocks(GraphSystem g) {
        BitSet d = new BitSet();
        for (int v = 0; v < g.nodes; v++) if (g.edges.get(v).isEmpty() && !g.terminal.get(v)) d.set(v);
        return d;
    }

    /**
     * Whether "eventually goal" fails under weak fairness of {@code fair}: by enumerating every subset
     * C of the goal-false nodes reachable through goal-false nodes, asking whether C is strongly
     * connected with at least one inner edge and fair (each fair actor labels an inner edge or is
     * disabled somewhere in C); or whether such a reachable node is a dead end.
     */
    static boolean livenessViolated(GraphSystem g, BitSet goal, java.util.Set<Integer> fair) {
        boolean[] reach = new boolean[g.nodes];
        ArrayDeque<Integer> q = new ArrayDeque<>();
        for (int s : g.initial) {
            if (!goal.get(s) && !reach[s]) {
                reach[s] = true;
                q.add(s);
            }
        }
        while (!q.isEmpty()) {
            int v = q.poll();
            for (GraphSystem.Edge e : g.edges.get(v)) {
                if (!goal.get(e.to()) && !reach[e.to()]) {
                    reach[e.to()] = true;
                    q.add(e.to());
                }
            }
        }
        int[] r = java.util.stream.IntStream.range(0, g.nodes).filter(v -> reach[v]).toArray();
        for (int v : r) if (g.edges.get(v).isEmpty()) return true;
        if (r.length > 16) throw new IllegalArgumentException("too many nodes for the naive reference");
        for (int mask = 1; mask < (1 << r.length); mask++) {
            BitSet c = new BitSet();
            for (int i = 0; i < r.length; i++) if ((mask & (1 << i)) != 0) c.set(r[i]);
            if (stronglyConnectedWithEdge(g, c) && fairIn(g, c, fair)) return true;
        }
        return false;
    }

    private static boolean stronglyConnectedWithEdge(GraphSystem g, BitSet c) {
        boolean innerEdge = false;
        for (int v = c.nextSetBit(0); v >= 0; v = c.nextSetBit(v + 1)) {
            for (GraphSystem.Edge e : g.edges.get(v)) innerEdge |= c.get(e.to());
        }
        if (!innerEdge) return false;
        for (int v = c.nextSetBit(0); v >= 0; v = c.nextSetBit(v + 1)) {
            BitSet seen = new BitSet();
            ArrayDeque<Integer> q = new ArrayDeque<>();
            q.add(v);
            seen.set(v);
            while (!q.isEmpty()) {
                int u = q.poll();
                for (GraphSystem.Edge e : g.edges.get(u)) {
                    if (c.get(e.to()) && !seen.get(e.to())) {
                        seen.set(e.to());
                        q.add(e.to());
                    }
                }
            }
            BitSet missing = (BitSet) c.clone();
            missing.andNot(seen);
            if (!missing.isEmpty()) return false;
        }
        return true;
    }

    private static boolean fairIn(GraphSystem g, BitSet c, java.util.Set<Integer> fair) {
        for (int a : fair) {
            boolean ok = false;
            for (int v = c.nextSetBit(0); v >= 0 && !ok; v = c.nextSetBit(v + 1)) {
                boolean enabled = false;
                for (GraphSystem.Edge e : g.edges.get(v)) {
                    enabled |= e.actor() == a;
                    ok |= e.actor() == a && c.get(e.to());
                }
                ok |= !enabled;
            }
            if (!ok) return false;
        }
        return true;
    }
}
