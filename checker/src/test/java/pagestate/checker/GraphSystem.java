package pagestate.checker;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/** A transition system given as an explicit graph: nodes are states, labelled edges are actions. */
final class GraphSystem implements TransitionSystem<Integer, GraphSystem.Move> {

    record Move(int from, int to, int actor, int position) { }

    record Edge(int to, int actor) { }

    final int nodes;
    final List<List<Edge>> edges = new ArrayList<>();
    final List<Integer> initial = new ArrayList<>();
    final List<BitSet> bad = new ArrayList<>();          // invariant p fails exactly on bad.get(p)
    final BitSet terminal = new BitSet();
    final List<BitSet> goals = new ArrayList<>();        // liveness goal sets
    final List<Set<Integer>> fair = new ArrayList<>();
    final int actors;

    GraphSystem(int nodes, int actors) {
        this.nodes = nodes;
        this.actors = actors;
        for (int i = 0; i < nodes; i++) edges.add(new ArrayList<>());
    }

    GraphSystem edge(int from, int to, int actor) {
        edges.get(from).add(new Edge(to, actor));
        return this;
    }

    /** A random graph: sparse or dense, with dead ends, cycles, several initial states and properties. */
    static GraphSystem random(long seed, int maxNodes, boolean withLiveness) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(maxNodes);
        int actors = 1 + r.nextInt(3);
        GraphSystem g = new GraphSystem(n, actors);
        double deadEnd = r.nextDouble() * 0.3;
        int maxOut = 1 + r.nextInt(4);
        for (int v = 0; v < n; v++) {
            if (r.nextDouble() < deadEnd) continue;
            int out = 1 + r.nextInt(maxOut);
            for (int k = 0; k < out; k++) {
                int to = r.nextDouble() < 0.5 ? Math.min(n - 1, v + 1 + r.nextInt(3)) : r.nextInt(n);
                g.edge(v, to, r.nextInt(actors));
            }
        }
        int inits = 1 + r.nextInt(3);
        for (int i = 0; i < inits; i++) g.initial.add(r.nextInt(n));
        int props = r.nextInt(4);
        for (int p = 0; p < props; p++) g.bad.add(subset(r, n, r.nextDouble() * 0.1));
        for (int v = 0; v < n; v++) if (r.nextDouble() < 0.3) g.terminal.set(v);
        if (withLiveness) {
            int live = 1 + r.nextInt(2);
            for (int p = 0; p < live; p++) {
                g.goals.add(subset(r, n, r.nextDouble() * 0.5));
                Set<Integer> f = new java.util.TreeSet<>();
                for (int a = 0; a < actors; a++) if (r.nextBoolean()) f.add(a);
                g.fair.add(f);
            }
        }
        return g;
    }

    private static BitSet subset(Random r, int n, double p) {
        BitSet s = new BitSet();
        for (int v = 0; v < n; v++) if (r.nextDouble() < p) s.set(v);
        return s;
    }

    @Override
    public List<Integer> initialStates() {
        return initial;
    }

    @Override
    public void successors(Integer state, SuccessorSink<Integer, Move> sink) {
        List<Edge> out = edges.get(state);
        for (int k = 0; k < out.size(); k++) {
            sink.accept(new Move(state, out.get(k).to(), out.get(k).actor(), k), out.get(k).to());
        }
    }

    @Override
    public int actorOf(Move action) {
        return action.actor();
    }

    @Override
    public List<String> actorNames() {
        List<String> names = new ArrayList<>();
        for (int a = 0; a < actors; a++) names.add("actor" + a);
        return names;
    }

    @Override
    public List<Invariant<Integer>> invariants() {
        List<Invariant<Integer>> out = new ArrayList<>();
        for (int p = 0; p < bad.size(); p++) {
            BitSet b = bad.get(p);
            out.add(Invariant.of("inv" + p, s -> !b.get(s)));
        }
        return out;
    }

    @Override
    public List<Eventually<Integer>> liveness() {
        List<Eventually<Integer>> out = new ArrayList<>();
        for (int p = 0; p < goals.size(); p++) {
            BitSet goal = goals.get(p);
            Predicate<Integer> reached = goal::get;
            String name = "live" + p;
            out.add(new Eventually<>(name, reached, fair.get(p), s -> name + " not reached at " + s));
        }
        return out;
    }

    @Override
    public boolean isTerminal(Integer state) {
        return terminal.get(state);
    }

    @Override
    public StateCodec<Integer> codec() {
        return intCodec();
    }

    /** One word holding an int state (for test systems over ints). */
    static StateCodec<Integer> intCodec() {
        return new StateCodec<>() {
            @Override public int words() { return 1; }
            @Override public void encode(Integer s, long[] out, int offset) { out[offset] = s; }
            @Override public Integer decode(long[] in, int offset) { return (int) in[offset]; }
        };
    }

    /** Whether {@code t} is a real path of this graph from an initial state. */
    boolean valid(Trace<Integer, Move> t) {
        if (!initial.contains(t.initial())) return false;
        int cur = t.initial();
        for (Trace.Step<Integer, Move> step : t.steps()) {
            Move m = step.action();
            if (m.from() != cur || m.position() >= edges.get(cur).size()) return false;
            Edge e = edges.get(cur).get(m.position());
            if (e.to() != m.to() || e.actor() != m.actor() || step.state() != m.to()) return false;
            cur = m.to();
        }
        return true;
    }
}
