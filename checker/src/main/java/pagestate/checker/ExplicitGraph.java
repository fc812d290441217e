package pagestate.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The explicit graph liveness works on: the states reachable from an initial state through states
 * where the goal is false (goal-false states only), with their edges to goal-false states, the actors
 * enabled in each (over all successors) and a BFS tree. It comes from the safety search's recording
 * ({@link EdgeRecording#graph}) or from an exploration of its own ({@link GraphExploration}); one
 * exploration may serve several goals (the states where any is false), each then taking its own graph
 * ({@link #restrict}).
 * With a form (canonical or merged, see {@link TransitionSystem#merged}) the graph is over the forms:
 * each stored state is a form and is expanded as it is, and its successors are stored as their forms.
 */
final class ExplicitGraph<S, A> {

    /** Edge lists of one state: targets (state indices), action indices and actors. */
    static final class Node {
        final int depth;
        final int parent;          // BFS tree parent, or -1 - initial position
        final int parentAction;
        /** Bit g set: goal g is false in this state (see {@link #build}). */
        long live;
        int[] targets;
        int[] actions;
        int[] actors;
        int edges;
        boolean deadEnd;
        long[] enabledActors;

        Node(int depth, int parent, int parentAction) {
            this(depth, parent, parentAction, new int[2], new int[2], new int[2], new long[1]);
        }

        private Node(int depth, int parent, int parentAction, int[] targets, int[] actions, int[] actors, long[] enabled) {
            this.depth = depth;
            this.parent = parent;
            this.parentAction = parentAction;
            this.targets = targets;
            this.actions = actions;
            this.actors = actors;
            this.enabledActors = enabled;
        }

        /**
         * A state with room for exactly {@code edges} edges and the enabled actors {@code enabled} (shared
         * between states, so never changed: a graph built from a recording knows both).
         */
        Node(int depth, int parent, int parentAction, int edges, long[] enabled) {
            this(depth, parent, parentAction, new int[edges], new int[edges], new int[edges], enabled);
        }

        /** State {@code of} at another place in a BFS tree ({@link #restrict}), its edges still to be given. */
        Node(Node of, int depth, int parent, int parentAction) {
            this(depth, parent, parentAction, NO_EDGES, NO_EDGES, NO_EDGES, of.enabledActors);   // not changed after the build
            live = of.live;
            deadEnd = of.deadEnd;
        }

        private static final int[] NO_EDGES = new int[0];

        void add(int target, int action, int actor) {
            if (edges == targets.length) {
                int n = Math.max(2, edges * 2);
                targets = Arrays.copyOf(targets, n);
                actions = Arrays.copyOf(actions, n);
                actors = Arrays.copyOf(actors, n);
            }
            targets[edges] = target;
            actions[edges] = action;
            actors[edges] = actor;
            edges++;
        }

        void enable(int actor) {
            if (actor >= enabledActors.length * 64) enabledActors = Arrays.copyOf(enabledActors, actor / 64 + 1);
            enabledActors[actor >>> 6] |= 1L << actor;
        }

        boolean enabled(int actor) {
            return actor < enabledActors.length * 64 && (enabledActors[actor >>> 6] & (1L << actor)) != 0;
        }
    }

    /** States expanded per round by {@link GraphExploration}. */
    static final int ROUND_STATES = GraphExploration.ROUND_STATES;

    final List<Node> nodes = new ArrayList<>();
    /** The states (the first ones) whose edges are all in the graph: every state once a build completes. */
    int expanded;
    /** Whether every initial state was taken in (a limit may stop a build among them). */
    boolean initialsTaken;
    private StronglyConnected components;
    /** The search of the last property {@link #search} was asked for, and that property. */
    private LivenessSearch<S, A> search;
    private Eventually<S> searched;

    /** Builds the graph of the states where {@code goal} is false; see {@link #build(TransitionSystem, List, RunLimits, UnaryOperator, Workers)}. */
    boolean build(TransitionSystem<S, A> system, Predicate<S> goal, RunLimits limits, UnaryOperator<S> form, Workers workers) {
        return build(system, List.of(goal), limits, form, workers);
    }

    /**
     * Explores the graph of the states where any of {@code goals} is false ({@link GraphExploration#build}),
     * on objects.
     */
    boolean build(TransitionSystem<S, A> system, List<Predicate<S>> goals, RunLimits limits, UnaryOperator<S> form,
                  Workers workers) {
        return build(system, goals, limits, form, workers, null);
    }

    /** As above, on encoded words when {@code encoded} (not null) allows ({@link GraphExploration#build}). */
    boolean build(TransitionSystem<S, A> system, List<Predicate<S>> goals, RunLimits limits, UnaryOperator<S> form,
                  Workers workers, GraphExploration.Encoded encoded) {
        return GraphExploration.build(this, system, goals, limits, form, workers, encoded);
    }

    /** Marks a graph whose every state was taken in and expanded (built outside {@link GraphExploration}). */
    void complete() {
        initialsTaken = true;
        expanded = nodes.size();
    }

    /**
     * The graph of goal {@code g} alone: the states reachable from an initial state through states where
     * it is false, with their edges among them, numbered in BFS order as a build for that goal alone
     * would number them (the same initial order, edges in action order, the first discovery is the tree
     * parent). Dead ends and enabled actors are the states' own. Null when a limit stopped the build
     * before every state of that graph was expanded.
     */
    ExplicitGraph<S, A> restrict(int g) {
        if (!initialsTaken) return null;   // an initial state of this goal's graph may be missing
        ExplicitGraph<S, A> r = new ExplicitGraph<>();
        long bit = 1L << g;
        int[] map = new int[nodes.size()];
        Arrays.fill(map, -1);
        int[] old = new int[16];   // r's states, as states of this graph
        int count = 0;
        for (int v = 0; v < nodes.size() && nodes.get(v).parent < 0; v++) {
            Node n = nodes.get(v);
            if ((n.live & bit) == 0) continue;
            if (v >= expanded) return null;
            if (count == old.length) old = Arrays.copyOf(old, count * 2);
            map[v] = count;
            old[count++] = v;
            r.nodes.add(new Node(n, 0, n.parent, 0));
        }
        for (int i = 0; i < count; i++) {
            Node from = nodes.get(old[i]);
            Node to = r.nodes.get(i);
            int kept = 0;
            for (int e = 0; e < from.edges; e++) if ((nodes.get(from.targets[e]).live & bit) != 0) kept++;
            // exact arrays; the actions and actors are shared when every edge is kept (neither changes after a build)
            boolean all = kept == from.edges;
            to.targets = new int[kept];
            to.actions = all ? from.actions : new int[kept];
            to.actors = all ? from.actors : new int[kept];
            int k = 0;
            for (int e = 0; e < from.edges; e++) {
                int t = from.targets[e];
                Node target = nodes.get(t);
                if ((target.live & bit) == 0) continue;
                if (map[t] < 0) {
                    if (t >= expanded) return null;
                    if (count == old.length) old = Arrays.copyOf(old, count * 2);
                    map[t] = count;
                    old[count++] = t;
                    r.nodes.add(new Node(target, to.depth + 1, i, from.actions[e]));
                }
                to.targets[k] = map[t];
                if (!all) {
                    to.actions[k] = from.actions[e];
                    to.actors[k] = from.actors[e];
                }
                k++;
            }
            to.edges = kept;
        }
        return r;
    }

    int size() {
        return nodes.size();
    }

    /**
     * The search for violations of {@code property} on this (complete) graph; the last one asked for is
     * kept, with what it found, so that a worker may run it before the verdict is taken.
     */
    LivenessSearch<S, A> search(Eventually<S> property) {
        if (searched != property) {
            search = new LivenessSearch<>(this, property);
            searched = property;
        }
        return search;
    }

    /** The strongly connected components, computed on the first call (the graph must be complete by then). */
    StronglyConnected components() {
        if (components == null) components = new StronglyConnected(this);
        return components;
    }

    Node node(int i) {
        return nodes.get(i);
    }

    /** The BFS tree path to state {@code i}: initial position, then action indices. */
    int[] pathTo(int i) {
        Node n = nodes.get(i);
        int[] out = new int[n.depth + 1];
        int k = n.depth;
        int cur = i;
        while (nodes.get(cur).parent >= 0) {
            out[k--] = nodes.get(cur).parentAction;
            cur = nodes.get(cur).parent;
        }
        out[0] = -1 - nodes.get(cur).parent;
        return out;
    }
}
