package pagestate.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Builds an {@link ExplicitGraph} by exploring the system on state objects, in parallel rounds: for the
 * liveness passes the safety search's recording cannot serve ({@link EdgeRecording}): merged forms, a
 * recording given up, an unreduced pass after a failed lift.
 */
final class GraphExploration {

    private GraphExploration() { }

    /**
     * The index of every stored state by its encoded words: an open-addressing table of state indices,
     * probed by the words' fingerprint, the words themselves kept in one array (no object per state or
     * per lookup: a successor is encoded into a scratch buffer and looked up there).
     */
    private static final class Index {
        private final int width;
        private long[] words;
        private long[] fps = new long[128];
        private int[] slots = new int[256];   // state index + 1, 0 = empty
        private int size;

        Index(int width) {
            this.width = width;
            this.words = new long[128 * width];
        }

        /** The index of the state encoded in {@code w[0 .. width)}, or -1. */
        int find(long[] w, long fp) {
            return find(w, 0, fp);
        }

        /** The index of the state encoded in {@code w[offset .. offset + width)}, or -1. */
        int find(long[] w, int offset, long fp) {
            int mask = slots.length - 1;
            for (int i = (int) (fp ^ (fp >>> 32)) & mask; ; i = (i + 1) & mask) {
                int v = slots[i] - 1;
                if (v < 0) return -1;
                if (fps[v] == fp && Arrays.equals(words, v * width, v * width + width, w, offset, offset + width)) return v;
            }
        }

        /** Adds the state encoded in {@code w} (absent) as index {@link #size}. */
        void add(long[] w, long fp) {
            add(w, 0, fp);
        }

        /** Adds the state encoded in {@code w[offset .. offset + width)} (absent) as index {@link #size}. */
        void add(long[] w, int offset, long fp) {
            if (size == fps.length) {
                long longs = 2L * size * width;
                if (longs > Integer.MAX_VALUE - 8 || 4L * size > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("liveness graph over 2^31 words");
                fps = Arrays.copyOf(fps, size * 2);
                words = Arrays.copyOf(words, (int) longs);
            }
            System.arraycopy(w, offset, words, size * width, width);
            fps[size] = fp;
            size++;
            if (2L * size > slots.length) {
                slots = new int[slots.length * 2];
                for (int v = 0; v < size; v++) place(v);
            } else {
                place(size - 1);
            }
        }

        private void place(int v) {
            int mask = slots.length - 1;
            long fp = fps[v];
            int i = (int) (fp ^ (fp >>> 32)) & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = v + 1;
        }
    }

    /** States expanded per round: expanded in parallel, then merged into the graph in index order. */
    static final int ROUND_STATES = 4096;
    /** States per task within a round. */
    private static final int TASK_STATES = 64;

    /**
     * Builds the graph over the forms {@code form} gives (the identity for the states as they are) of the
     * states reachable from an initial state through states where at least one of {@code goals} (at most
     * 64) is false; {@link ExplicitGraph.Node#live} says which. Every state's edges go to all its successors in the graph;
     * {@link ExplicitGraph#restrict} then gives one goal's graph. Returns false when a limit stopped it (then the graph
     * is partial).
     *
     * <p>States are expanded in rounds of {@value #ROUND_STATES}, by all workers at once; each round's
     * successors are then merged into the graph in state and action order, so indices, edges and the BFS
     * tree are those of a sequential build, at every thread count.
     */
    static <S, A> boolean build(ExplicitGraph<S, A> graph, TransitionSystem<S, A> system, List<Predicate<S>> goals,
                                RunLimits limits, UnaryOperator<S> form, Workers workers) {
        List<ExplicitGraph.Node> nodes = graph.nodes;
        if (goals.size() > 64) throw new IllegalArgumentException("more than 64 goals in one graph");
        if (limits.checkTimeAndMemory()) return false;   // a pass after the time ran out
        StateCodec<S> codec = system.codec();
        int width = codec.words();
        Index index = new Index(width);
        long[] scratch = new long[width];
        List<S> states = new ArrayList<>();
        List<S> initial = system.initialStates();
        for (int pos = 0; pos < initial.size(); pos++) {
            S s = form.apply(initial.get(pos));
            long live = live(goals, s);
            if (live == 0) continue;
            codec.encode(s, scratch, 0);
            long fp = Fingerprints.of(scratch, 0, width);
            if (index.find(scratch, fp) < 0) {
                if (!admit(states.size() + 1, limits)) return false;
                index.add(scratch, fp);
                states.add(s);
                ExplicitGraph.Node node = new ExplicitGraph.Node(0, -1 - pos, 0);
                node.live = live;
                nodes.add(node);
            }
        }
        graph.initialsTaken = true;
        int tasks = (ROUND_STATES + TASK_STATES - 1) / TASK_STATES;
        List<Expansion> expansions = new ArrayList<>();
        for (int t = 0; t < tasks; t++) expansions.add(new Expansion(width));
        for (int from = 0; from < states.size(); ) {
            if (limits.checkTimeAndMemory()) return false;
            int to = Math.min(states.size(), from + ROUND_STATES);
            int first = from;
            int count = (to - from + TASK_STATES - 1) / TASK_STATES;
            AtomicInteger next = new AtomicInteger();
            workers.run(w -> {
                int t;
                while ((t = next.getAndIncrement()) < count) {
                    int lo = first + t * TASK_STATES;
                    try {
                        expansions.get(t).expand(system, goals, form, codec, states, lo, Math.min(to, lo + TASK_STATES),
                                limits);
                    } catch (SuccessorPoll.TimeUp e) {
                        return;   // the time limit: the round is dropped below
                    }
                }
            });
            if (limits.checkTime()) return false;   // also a round a worker left unfinished
            for (int t = 0; t < count; t++) {
                Expansion x = expansions.get(t);
                int k = 0;
                for (int i = 0; i < x.parents; i++) {
                    int parent = first + t * TASK_STATES + i;
                    ExplicitGraph.Node node = nodes.get(parent);
                    int end = k + x.counts[i];
                    node.deadEnd = x.counts[i] == 0;
                    for (int a = 0; k < end; k++, a++) {
                        node.enable(x.actors[k]);
                        if (x.live[k] == 0) continue;
                        long fp = x.fps[k];
                        int target = index.find(x.words, k * width, fp);
                        if (target < 0) {
                            if (!admit(states.size() + 1, limits)) return false;
                            target = states.size();
                            index.add(x.words, k * width, fp);
                            states.add(x.state(k));
                            ExplicitGraph.Node created = new ExplicitGraph.Node(node.depth + 1, parent, a);
                            created.live = x.live[k];
                            nodes.add(created);
                        }
                        node.add(target, a, x.actors[k]);
                    }
                    states.set(parent, null);   // expanded: only its node is needed now
                    graph.expanded = parent + 1;
                }
                x.clear();
            }
            from = to;
        }
        graph.expanded = nodes.size();
        return true;
    }

    private static <S> long live(List<Predicate<S>> goals, S s) {
        long live = 0;
        for (int g = 0; g < goals.size(); g++) if (!goals.get(g).test(s)) live |= 1L << g;
        return live;
    }

    /** One task's expansion: per parent its successor count; per successor its actor, goal bits and, when in the graph, form, words and fingerprint. */
    private static final class Expansion {
        private final int width;
        int parents;
        int[] counts = new int[TASK_STATES];
        int size;
        int[] actors = new int[256];
        long[] live = new long[256];
        long[] fps = new long[256];
        long[] words;
        final List<Object> states = new ArrayList<>();

        Expansion(int width) {
            this.width = width;
            this.words = new long[256 * width];
        }

        /**
         * Expands states {@code lo} to {@code hi}, polling the time limit at each state and every
         * {@link SuccessorPoll#EVERY} successors within one (a state of a large spec has thousands).
         *
         * @throws SuccessorPoll.TimeUp when the time limit passed
         */
        <S, A> void expand(TransitionSystem<S, A> system, List<Predicate<S>> goals, UnaryOperator<S> form,
                           StateCodec<S> codec, List<S> from, int lo, int hi, RunLimits limits) {
            SuccessorPoll poll = new SuccessorPoll();
            poll.watch(limits);
            for (int i = lo; i < hi; i++) {
                if (limits.checkTime()) throw new SuccessorPoll.TimeUp();
                int before = size;
                // the safety search walked these transitions already: coverage does not count them again
                system.replaySuccessors(from.get(i), (action, real) -> {
                    poll.tick();
                    S next = form.apply(real);
                    int k = size++;
                    if (k == actors.length) grow();
                    actors[k] = system.actorOf(action);
                    long bits = live(goals, next);
                    live[k] = bits;
                    if (bits != 0) {
                        codec.encode(next, words, k * width);
                        fps[k] = Fingerprints.of(words, k * width, width);
                        states.add(next);
                    } else {
                        states.add(null);
                    }
                });
                counts[parents++] = size - before;
            }
        }

        private void grow() {
            int n = actors.length * 2;
            actors = Arrays.copyOf(actors, n);
            live = Arrays.copyOf(live, n);
            fps = Arrays.copyOf(fps, n);
            words = Arrays.copyOf(words, n * width);
        }

        @SuppressWarnings("unchecked")
        <S> S state(int k) {
            return (S) states.get(k);
        }

        void clear() {
            parents = 0;
            size = 0;
            states.clear();
        }
    }

    private static boolean admit(long states, RunLimits limits) {
        if (limits.overStates(states)) {
            limits.stopForStates();
            return false;
        }
        return true;
    }
}
