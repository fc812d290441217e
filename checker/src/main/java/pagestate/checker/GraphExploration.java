package pagestate.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Builds an {@link ExplicitGraph} by exploring the system, in parallel rounds: for the liveness passes the
 * safety search's recording cannot serve ({@link EdgeRecording}): merged forms, a recording given up (the
 * safety search's forms narrowed), an unreduced pass after a failed lift. It expands on encoded words
 * ({@link TransitionSystem#encodedReplaySuccessors}) when the pass's form and goals allow
 * ({@link Encoded}), else on state objects; both give the same graph.
 */
final class GraphExploration {

    private GraphExploration() { }

    /**
     * A pass whose form the system gives on encoded words: {@link TransitionSystem#canonical(Object, long)}
     * with {@code open} when {@code canonical}, else the states as they are; its goals are those of liveness
     * properties {@code properties}, told on the words ({@link TransitionSystem#encodedGoal}).
     */
    record Encoded(boolean canonical, long open, int[] properties) { }

    /** States expanded per round: expanded in parallel, then merged into the graph in index order. */
    static final int ROUND_STATES = 4096;
    /** States per task within a round: a few, so that the small rounds near the start are shared too. */
    private static final int TASK_STATES = 16;

    /**
     * Builds the graph over the forms {@code form} gives (the identity for the states as they are) of the
     * states reachable from an initial state through states where at least one of {@code goals} (at most
     * 64) is false; {@link ExplicitGraph.Node#live} says which. Every state's edges go to all its successors in the graph;
     * {@link ExplicitGraph#restrict} then gives one goal's graph. Returns false when a limit stopped it (then the graph
     * is partial).
     *
     * <p>States are expanded in rounds of {@value #ROUND_STATES}, by all workers at once; each round's
     * successors are then merged into the graph in state and action order, so indices, edges and the BFS
     * tree are those of a sequential build, at every thread count. With {@code encoded} (null: none) the
     * states are expanded on their encoded words when the system allows ({@link #encodable}); the graph is the
     * same.
     */
    static <S, A> boolean build(ExplicitGraph<S, A> graph, TransitionSystem<S, A> system, List<Predicate<S>> goals,
                                RunLimits limits, UnaryOperator<S> form, Workers workers, Encoded encoded) {
        List<ExplicitGraph.Node> nodes = graph.nodes;
        if (goals.size() > 64) throw new IllegalArgumentException("more than 64 goals in one graph");
        if (limits.checkTimeAndMemory()) return false;   // a pass after the time ran out
        StateCodec<S> codec = system.codec();
        int width = codec.words();
        StateIndex index = new StateIndex(width);
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
        boolean onWords = !nodes.isEmpty() && encodable(system, encoded, goals.size(), index.words, width);
        Encoded packed = onWords ? encoded : null;
        if (packed != null) states.clear();   // the words in the index are the states
        List<Expansion> expansions = new ArrayList<>();
        for (int from = 0; from < nodes.size(); ) {
            if (limits.checkTimeAndMemory()) return false;
            int to = Math.min(nodes.size(), from + ROUND_STATES);
            long[] words = index.words;   // the round's parents (the index grows only after it)
            int first = from;
            int count = (to - from + TASK_STATES - 1) / TASK_STATES;
            while (expansions.size() < count) expansions.add(new Expansion(width));
            AtomicInteger next = new AtomicInteger();
            workers.run(w -> {
                int t;
                while ((t = next.getAndIncrement()) < count) {
                    int lo = first + t * TASK_STATES;
                    try {
                        if (packed != null) {
                            expansions.get(t).expand(system, packed, words, lo, Math.min(to, lo + TASK_STATES), limits);
                        } else {
                            expansions.get(t).expand(system, goals, form, codec, states, lo,
                                    Math.min(to, lo + TASK_STATES), limits);
                        }
                    } catch (SuccessorPoll.TimeUp e) {
                        return;   // the time limit: the round is dropped below
                    }
                }
            });
            if (limits.checkTime()) return false;   // also a round a worker left unfinished
            for (int t = 0; t < count; t++) {
                Expansion x = expansions.get(t);
                int k = 0;
                for (int i = 0; i < x.parents(); i++) {
                    int parent = first + t * TASK_STATES + i;
                    ExplicitGraph.Node node = nodes.get(parent);
                    int end = k + x.successors(i);
                    node.deadEnd = x.successors(i) == 0;
                    for (int a = 0; k < end; k++, a++) {
                        node.enable(x.actors[k]);
                        if (x.live[k] == 0) continue;
                        long fp = x.fps[k];
                        int target = index.find(x.words, k * width, fp);
                        if (target < 0) {
                            if (!admit(nodes.size() + 1, limits)) return false;
                            target = nodes.size();
                            index.add(x.words, k * width, fp);
                            if (packed == null) states.add(x.state(k));
                            ExplicitGraph.Node created = new ExplicitGraph.Node(node.depth + 1, parent, a);
                            created.live = x.live[k];
                            nodes.add(created);
                        }
                        node.add(target, a, x.actors[k]);
                    }
                    if (packed == null) states.set(parent, null);   // expanded: only its node is needed now
                    graph.expanded = parent + 1;
                }
                x.clear();
            }
            from = to;
        }
        graph.expanded = nodes.size();
        return true;
    }

    /**
     * Whether the pass may expand on encoded words: {@code encoded} given for its {@code goals} goals, the
     * actors reported with the successors, the goals told on the first state's words ({@code words}) and
     * its successors given there.
     */
    private static boolean encodable(TransitionSystem<?, ?> system, Encoded encoded, int goals, long[] words,
                                     int width) {
        if (encoded == null || encoded.properties().length != goals || !system.encodedActors()) return false;
        for (int p : encoded.properties()) if (system.encodedGoal(p, words, 0) < 0) return false;
        long[] buffer = new long[width];
        TransitionSystem.EncodedSink none = new TransitionSystem.EncodedSink() {
            @Override public long[] buffer() { return buffer; }
            @Override public void accept() { }
        };
        return system.encodedReplaySuccessors(words, 0, encoded.canonical(), encoded.open(), none);
    }

    private static <S> long live(List<Predicate<S>> goals, S s) {
        long live = 0;
        for (int g = 0; g < goals.size(); g++) if (!goals.get(g).test(s)) live |= 1L << g;
        return live;
    }

    /**
     * One task's expansion: per parent its successor count; per successor its actor, goal bits and, when in
     * the graph, form, words and fingerprint. The tasks of a round are side by side in memory and go to
     * different workers: what a task writes for every successor (its size; the buffer, at its start) has
     * 64 bytes ({@link LevelChunk.Arena#PAD} ints) after it, and the size 64 bytes before it too, or two
     * workers share a cache line (the 8-CPU bench's graph took longer on two workers than on one).
     */
    private static final class Expansion implements TransitionSystem.EncodedSink {
        private static final int PAD = LevelChunk.Arena.PAD;
        private static final int SIZE = PAD;
        private static final int PARENTS = PAD + 1;
        private final int width;
        /**
         * For an expansion on encoded words: where a successor is written (with {@code PAD} spare longs after
         * it), and what tells its goals.
         */
        private final long[] buffer;
        private TransitionSystem<?, ?> system;
        private int[] properties;
        private SuccessorPoll poll;
        /** Per parent, from {@code PAD} on, its successor count. */
        private final int[] counts = new int[PAD + TASK_STATES + PAD];
        /** The successors and the parents so far, at {@code SIZE} and {@code PARENTS}. */
        private final int[] hot = new int[2 * PAD + 2];
        int[] actors = new int[256];
        long[] live = new long[256];
        long[] fps = new long[256];
        long[] words;
        final List<Object> states = new ArrayList<>();

        Expansion(int width) {
            this.width = width;
            this.words = new long[256 * width];
            this.buffer = new long[PAD + width + PAD];
        }

        /**
         * As {@link #expand(TransitionSystem, List, UnaryOperator, StateCodec, List, int, int, RunLimits)}, on
         * encoded words: the states {@code lo} to {@code hi} are at {@code stored[i * width ..]}.
         */
        void expand(TransitionSystem<?, ?> system, Encoded encoded, long[] stored, int lo, int hi, RunLimits limits) {
            this.system = system;
            this.properties = encoded.properties();
            this.poll = new SuccessorPoll();
            poll.watch(limits);
            for (int i = lo; i < hi; i++) {
                if (limits.checkTime()) throw new SuccessorPoll.TimeUp();
                int before = hot[SIZE];
                if (!system.encodedReplaySuccessors(stored, i * width, encoded.canonical(), encoded.open(), this)) {
                    throw new IllegalStateException("the system stopped giving encoded successors");
                }
                counts[PAD + hot[PARENTS]++] = hot[SIZE] - before;
            }
        }

        @Override
        public long[] buffer() {
            return buffer;
        }

        @Override
        public void accept() {
            throw new IllegalStateException("an encoded successor without its actor");
        }

        @Override
        public void accept(int unit, int actor) {
            poll.tick();
            int k = hot[SIZE]++;
            if (k == actors.length) grow();
            actors[k] = actor;
            long bits = 0;
            for (int g = 0; g < properties.length; g++) {
                int holds = system.encodedGoal(properties[g], buffer, 0);
                if (holds < 0) throw new IllegalStateException("a goal no longer told on the encoded words");
                if (holds == 0) bits |= 1L << g;
            }
            live[k] = bits;
            if (bits != 0) {
                System.arraycopy(buffer, 0, words, k * width, width);
                fps[k] = Fingerprints.of(words, k * width, width);
            }
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
                int before = hot[SIZE];
                // the safety search walked these transitions already: coverage does not count them again
                system.replaySuccessors(from.get(i), (action, real) -> {
                    poll.tick();
                    S next = form.apply(real);
                    int k = hot[SIZE]++;
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
                counts[PAD + hot[PARENTS]++] = hot[SIZE] - before;
            }
        }

        private void grow() {
            int n = actors.length * 2;
            actors = Arrays.copyOf(actors, n);
            live = Arrays.copyOf(live, n);
            fps = Arrays.copyOf(fps, n);
            words = Arrays.copyOf(words, n * width);
        }

        int parents() {
            return hot[PARENTS];
        }

        /** The successor count of the task's parent {@code i}. */
        int successors(int i) {
            return counts[PAD + i];
        }

        @SuppressWarnings("unchecked")
        <S> S state(int k) {
            return (S) states.get(k);
        }

        void clear() {
            hot[PARENTS] = 0;
            hot[SIZE] = 0;
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
